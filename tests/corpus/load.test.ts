import { chmod, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusError, DEFAULT_MAX_FILE_BYTES, loadCorpus, readDoc } from "../../src/corpus/load.js";
import { BBC, INDEPENDENT, REAL_CORPUS, tempDirs, writeFiles } from "../support/corpus.js";

const newDir = tempDirs();

/** Loads `dir`, collecting every warning. */
async function loadWithWarnings(dir: string, maxFileBytes?: number) {
  const warnings: string[] = [];
  const loaded = await loadCorpus(dir, {
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    onWarning: (message) => warnings.push(message),
  });
  return { ...loaded, warnings, paths: loaded.docs.map((d) => d.path) };
}

describe("loadCorpus", () => {
  it("reads the default corpus: both articles, titled and sourced from their front matter, nothing skipped", async () => {
    const { docs, skipped, warnings } = await loadWithWarnings(REAL_CORPUS);
    expect(docs.map((d) => d.path)).toEqual([BBC, INDEPENDENT]);
    expect(docs.map((d) => [d.title, d.source])).toEqual([
      ["Ivan Lewis quits Labour Party as sex harassment row drags on", "BBC News"],
      ["Labour deputy leadership hopeful Rosena Allin-Khan vows to stamp out sexual harassment", "The Independent"],
    ]);
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("reads .md, .markdown and .txt files in nested folders and ignores every other file ending", async () => {
    const dir = await newDir();
    await writeFiles(dir, {
      "top.md": "Top level markdown.\n",
      "a/mid.txt": "Middle plain text.\n",
      "a/b/deep.markdown": "Deep nested markdown.\n",
      "a/b/c/SHOUT.MD": "Upper-case file ending.\n",
      "notes.json": '{"text": "not a document"}',
      "page.html": "<p>not a document</p>",
      "a/README": "no file ending",
      "a/b/report.pdf": "%PDF-1.4 not a document",
      "draft.md.bak": "a backup, not a document",
    });
    const { paths, skipped, warnings } = await loadWithWarnings(dir);
    expect(paths.sort()).toEqual(["a/b/c/SHOUT.MD", "a/b/deep.markdown", "a/mid.txt", "top.md"]);
    // Other endings are not documents at all: nothing to warn about.
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("lists documents in the same order on every load, with / separators", async () => {
    const dir = await newDir();
    await writeFiles(dir, {
      "b.md": "Second file.\n",
      "a.md": "First file.\n",
      "c/z.md": "Nested last.\n",
      "c/a.txt": "Nested first.\n",
    });
    const first = await loadWithWarnings(dir);
    const second = await loadWithWarnings(dir);
    expect(first.paths).toEqual(["a.md", "b.md", "c/a.txt", "c/z.md"]);
    expect(second.paths).toEqual(first.paths);
  });

  it("does not descend into .git or node_modules", async () => {
    const dir = await newDir();
    await writeFiles(dir, {
      "doc.md": "The document.\n",
      ".git/COMMIT_EDITMSG.txt": "a commit message\n",
      "node_modules/pkg/README.md": "a dependency's readme\n",
    });
    expect((await loadWithWarnings(dir)).paths).toEqual(["doc.md"]);
  });

  it("takes title, source and date from front matter, and keeps the whole file as text", async () => {
    const dir = await newDir();
    const text = [
      "---",
      'title: "Quarterly garden report"',
      "url: https://example.org/garden",
      "published: 2021-05-01",
      "tags: [a, b]",
      "---",
      "# A heading that is not the title",
      "",
      "Tomatoes did well this year.",
      "",
    ].join("\n");
    await writeFiles(dir, { "report.md": text });
    const { docs } = await loadWithWarnings(dir);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      path: "report.md",
      title: "Quarterly garden report",
      source: "https://example.org/garden",
      date: "2021-05-01",
      text,
    });
  });

  it("without front matter, titles a document by its first heading, else a short first line, else its file name", async () => {
    const dir = await newDir();
    await writeFiles(dir, {
      "heading.md": "Some intro text that is long enough.\n\n## The *real* heading\n\nBody.\n",
      "line.txt": "Minutes of the allotment meeting\n\nWe discussed the compost rota at length.\n",
      "sentence.txt": "This first line is a sentence, so it is not a title.\nMore text.\n",
    });
    const { docs } = await loadWithWarnings(dir);
    expect(Object.fromEntries(docs.map((d) => [d.path, d.title]))).toEqual({
      "heading.md": "The real heading",
      "line.txt": "Minutes of the allotment meeting",
      "sentence.txt": "sentence",
    });
    for (const doc of docs) {
      expect(doc.source).toBeUndefined();
      expect(doc.date).toBeUndefined();
    }
  });

  // The first-heading rule once matched a "# comment" line inside a fenced code block.
  it("does not take a comment inside a code block for the title", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "setup.md": "Set up the project as follows, in order.\n\n```bash\n# install the tools\nnpm ci\n```\n" });
    const { docs } = await loadWithWarnings(dir);
    expect(docs[0]?.title).toBe("setup");
  });

  describe("titles a document by its first heading as markdown reads it", () => {
    const cases: Array<{ name: string; text: string; title: string }> = [
      { name: "a heading after a ~~~ fence holding a # comment", text: "~~~sh\n# not this\n~~~\n\n# The real title\n", title: "The real title" },
      { name: "a fence closed only by one at least as long", text: "````\n```\n# not this\n```\n````\n# After the fence\n", title: "After the fence" },
      { name: "an unclosed fence: nothing after it is a heading", text: "Intro that ends a sentence.\n\n```\n# not this\n", title: "doc" },
      { name: "a fence that opens the file: its line is no title", text: "~~~\nrun it\n~~~\n", title: "doc" },
      { name: "inline code of three backticks opens no fence", text: "```make``` builds it\n\n# Build guide\n", title: "Build guide" },
      { name: "a link in the heading: its text, not its URL", text: "# [Verbatim](https://example.com/a_(b)) manual\n", title: "Verbatim manual" },
      { name: "a heading of only an image is passed over", text: "# ![logo](logo.png)\n\n## Real name\n", title: "Real name" },
      { name: "a heading of only an image, and no other: the file name", text: "# ![logo](logo.png)\n", title: "doc" },
      { name: "a heading indented three spaces", text: "   # Indented title\n", title: "Indented title" },
      { name: "a # that ends a word is not a closing sequence", text: "# Learning C#\n", title: "Learning C#" },
      { name: "a closing sequence of #s is dropped", text: "## Closed heading ##\n", title: "Closed heading" },
    ];
    it.each(cases)("$name", async ({ text, title }) => {
      const dir = await newDir();
      await writeFiles(dir, { "doc.md": text });
      expect((await loadWithWarnings(dir)).docs[0]?.title).toBe(title);
    });
  });

  describe("skips a bad file with a one-line reason and reads the rest", () => {
    const cases: Array<{ name: string; file: string; content: string | Buffer; reason: RegExp }> = [
      { name: "binary (NUL bytes)", file: "image.txt", content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d]), reason: /binary/ },
      { name: "empty", file: "empty.md", content: "", reason: /empty/ },
      { name: "whitespace only", file: "blank.md", content: "  \n\t\r\n   \n", reason: /empty|whitespace/ },
      { name: "not UTF-8", file: "latin1.txt", content: Buffer.from([0xff, 0xfe, 0x41]), reason: /UTF-8/ },
      { name: "Latin-1 accents", file: "cafe.txt", content: Buffer.from("Caf\xe9 cr\xe8me", "latin1"), reason: /UTF-8/ },
      { name: "over the size limit", file: "huge.md", content: "word ".repeat(300), reason: /too large/ },
    ];
    it.each(cases)("$name", async ({ file, content, reason }) => {
      const dir = await newDir();
      await writeFiles(dir, { [file]: content, "good.md": "A perfectly good document.\n" });
      const { paths, skipped, warnings } = await loadWithWarnings(dir, 1000);
      expect(paths).toEqual(["good.md"]);
      expect(skipped).toEqual([{ path: file, reason: expect.stringMatching(reason) }]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(file);
      expect(warnings[0]).toContain(skipped[0]?.reason);
      expect(warnings[0]).not.toContain("\n");
    });
  });

  it("gives exactly one warning line per skipped file, naming the file and the reason", async () => {
    const dir = await newDir();
    await writeFiles(dir, {
      "ok.md": "Fine text.\n",
      "bin.txt": Buffer.from([0x41, 0x00, 0x42]),
      "empty.md": "",
      "blank.txt": "\n\n   \n",
      "bad.md": Buffer.from([0xc3, 0x28]),
      "sub/big.markdown": "x".repeat(2048),
    });
    const { paths, skipped, warnings } = await loadWithWarnings(dir, 1024);
    expect(paths).toEqual(["ok.md"]);
    expect(skipped.map((s) => s.path).sort()).toEqual(["bad.md", "bin.txt", "blank.txt", "empty.md", "sub/big.markdown"]);
    expect(warnings).toHaveLength(skipped.length);
    for (const { path, reason } of skipped) {
      const lines = warnings.filter((w) => w.includes(path));
      expect(lines, path).toHaveLength(1);
      expect(lines[0]).toContain(reason);
      expect(lines[0]).not.toMatch(/[\r\n]/);
    }
  });

  it("reads a file exactly at maxFileBytes and skips one a byte over", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "at.md": "a".repeat(100), "over.md": "b".repeat(101) });
    const { paths, skipped } = await loadWithWarnings(dir, 100);
    expect(paths).toEqual(["at.md"]);
    expect(skipped).toEqual([{ path: "over.md", reason: expect.stringMatching(/too large/) }]);
  });

  it("defaults to a 20 MB limit", () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
  });

  // As root, chmod 000 does not stop a read, so the file cannot be made unreadable: skip there.
  it.skipIf(process.getuid?.() === 0)("skips an unreadable file (chmod 000) with the error code", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "locked.md": "You cannot read me.\n", "open.md": "You can read me.\n" });
    await chmod(join(dir, "locked.md"), 0o000);
    const { paths, skipped, warnings } = await loadWithWarnings(dir);
    expect(paths).toEqual(["open.md"]);
    expect(skipped).toEqual([{ path: "locked.md", reason: expect.stringMatching(/cannot read.*EACCES/) }]);
    expect(warnings).toHaveLength(1);
  });

  it("does not follow a link to a file outside the corpus folder, and says so", async () => {
    const outside = await newDir();
    await writeFiles(outside, { "secret.md": "Outside secret words.\n" });
    const dir = await newDir();
    await writeFiles(dir, { "inside.md": "Inside words.\n" });
    await symlink(join(outside, "secret.md"), join(dir, "leak.md"));
    const { docs, skipped, warnings } = await loadWithWarnings(dir);
    expect(docs.map((d) => d.path)).toEqual(["inside.md"]);
    expect(docs.some((d) => d.text.includes("secret"))).toBe(false);
    expect(skipped).toEqual([{ path: "leak.md", reason: expect.stringMatching(/outside/) }]);
    expect(warnings).toEqual([expect.stringMatching(/leak\.md.*outside/)]);
  });

  it("does not follow a link to a folder outside the corpus folder", async () => {
    const outside = await newDir();
    await writeFiles(outside, { "deep/secret.md": "Outside secret words.\n" });
    const dir = await newDir();
    await writeFiles(dir, { "inside.md": "Inside words.\n" });
    await symlink(outside, join(dir, "elsewhere"));
    const { paths, skipped } = await loadWithWarnings(dir);
    expect(paths).toEqual(["inside.md"]);
    expect(skipped).toEqual([{ path: "elsewhere", reason: expect.stringMatching(/outside/) }]);
  });

  // A link to a file inside the corpus once made a second document of the same text.
  it("reads a file that a link inside the corpus also points to only once", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "real.md": "The one and only copy of these words.\n" });
    await symlink(join(dir, "real.md"), join(dir, "alias.md"));
    const { docs } = await loadWithWarnings(dir);
    expect(docs.filter((d) => d.text.includes("one and only"))).toHaveLength(1);
  });

  it("reads a link to a file inside the corpus without warning about it", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "notes/real.md": "Linked words.\n" });
    await symlink(join(dir, "notes", "real.md"), join(dir, "alias.md"));
    const { docs, skipped, warnings } = await loadWithWarnings(dir);
    expect(docs.length).toBeGreaterThanOrEqual(1);
    expect(docs.every((d) => d.text === "Linked words.\n")).toBe(true);
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("does not read a folder twice through a link to it, and a link back to the corpus root does not loop", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "sub/doc.md": "Only once.\n" });
    await symlink(join(dir, "sub"), join(dir, "sub-again"));
    await symlink(dir, join(dir, "sub", "root-again"));
    const { paths, skipped } = await loadWithWarnings(dir);
    expect(paths).toEqual(["sub/doc.md"]);
    expect(skipped).toEqual([]);
  });

  it("skips a broken link with a reason", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "ok.md": "Fine.\n" });
    await symlink(join(dir, "gone.md"), join(dir, "dangling.md"));
    const { paths, skipped, warnings } = await loadWithWarnings(dir);
    expect(paths).toEqual(["ok.md"]);
    expect(skipped).toEqual([{ path: "dangling.md", reason: expect.stringMatching(/broken link/) }]);
    expect(warnings).toHaveLength(1);
  });

  it("works without an onWarning callback and still reports what it skipped", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "ok.md": "Fine.\n", "empty.md": "" });
    const { docs, skipped } = await loadCorpus(dir);
    expect(docs.map((d) => d.path)).toEqual(["ok.md"]);
    expect(skipped.map((s) => s.path)).toEqual(["empty.md"]);
  });

  it("reads an empty folder as an empty corpus", async () => {
    const dir = await newDir();
    expect(await loadCorpus(dir)).toEqual({ docs: [], skipped: [] });
  });

  it("rejects with a CorpusError naming the folder when it does not exist", async () => {
    const dir = join(await newDir(), "no-such-folder");
    const error = await loadCorpus(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toMatch(/ENOENT/);
  });

  it("rejects with a CorpusError when the path is a file, not a folder", async () => {
    const dir = await newDir();
    await writeFile(join(dir, "file.md"), "text");
    await expect(loadCorpus(join(dir, "file.md"))).rejects.toThrow(/not a folder/);
  });
});

describe("readDoc", () => {
  it("removes a UTF-8 byte order mark and keeps everything else byte for byte", async () => {
    const dir = await newDir();
    const body = "Line one\r\nLine two — with “quotes”\r\n";
    await writeFile(join(dir, "bom.txt"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, "utf8")]));
    const doc = await readDoc(join(dir, "bom.txt"), "bom.txt", 1000);
    expect(doc).toMatchObject({ path: "bom.txt", text: body });
  });

  it("gives the same fingerprint for the same bytes and a different one when they change", async () => {
    const dir = await newDir();
    const file = join(dir, "a.md");
    const fingerprint = async (): Promise<string> => {
      const doc = await readDoc(file, "a.md", 1000);
      if ("reason" in doc) throw new Error(doc.reason);
      return doc.fingerprint;
    };
    await writeFile(file, "Version one.\n");
    const one = await fingerprint();
    await writeFile(file, "Version one.\n");
    expect(await fingerprint()).toBe(one);
    await writeFile(file, "Version two.\n");
    expect(await fingerprint()).not.toBe(one);
  });

  it("says why a file cannot be a document instead of throwing", async () => {
    const dir = await newDir();
    expect(await readDoc(join(dir, "missing.md"), "missing.md", 1000)).toEqual({ reason: expect.stringMatching(/cannot read.*ENOENT/) });
    await writeFile(join(dir, "big.md"), "x".repeat(2 * 1024 * 1024));
    expect(await readDoc(join(dir, "big.md"), "big.md", 1024 * 1024)).toEqual({
      reason: expect.stringMatching(/too large \(2\.0 MB > 1\.0 MB limit\)/),
    });
  });
});
