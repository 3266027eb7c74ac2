import { readFile, readdir, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex } from "../../src/search/build.js";
import { INDEX_FILE, IndexCacheError, encodeIndexFile, loadIndex, saveIndex } from "../../src/search/persist.js";
import { copyRealCorpus, tempDirs, writeFiles } from "../support/corpus.js";

const newDir = tempDirs();
const QUESTIONS = ["Who is standing for deputy leader?", "When was Ivan Lewis suspended?", "Tooting MP", "capital of France"];

describe("saveIndex / loadIndex", () => {
  it("gives back an index that searches exactly as the saved one", async () => {
    const { docs } = await loadCorpus(join(import.meta.dirname, "../../corpus"));
    const index = buildIndex(docs);
    const dir = await newDir();
    const bytes = await saveIndex(index, dir);
    expect(bytes).toBeGreaterThan(0);
    const loaded = await loadIndex(dir);
    expect(loaded.passageCount).toBe(index.passageCount);
    expect(loaded.passages).toEqual(index.passages);
    for (const q of QUESTIONS) expect(loaded.search(q, 10)).toEqual(index.search(q, 10));
    // Texts stay in the corpus files; everything else about a document is saved.
    for (const [path, doc] of index.docs) {
      const { text, ...rest } = doc;
      expect(text.length).toBeGreaterThan(0);
      expect({ ...loaded.docs.get(path) }).toEqual(rest);
      expect(loaded.docs.get(path)?.text).toBe("");
    }
  });

  it.each([0, 1, 2, 3])("puts the integers 4-byte aligned in the file (JSON part of %i extra bytes), so they load uncopied", (extra) => {
    const json = JSON.stringify({ pad: "x".repeat(extra) });
    const data = encodeIndexFile(json, [Int32Array.of(7, -1)]);
    const newline = data.indexOf(0x0a);
    const header = JSON.parse(data.subarray(0, newline).toString("utf8")) as { json: number };
    expect(header.json).toBe(Buffer.byteLength(json));
    expect((newline + 1 + header.json) % 4).toBe(0);
    expect(data.subarray(newline + 1 + header.json).equals(Buffer.from(Int32Array.of(7, -1).buffer))).toBe(true);
  });

  it("says the cache is missing when there is none", async () => {
    const error = await loadIndex(await newDir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexCacheError);
    expect((error as IndexCacheError).missing).toBe(true);
  });

  it.each([
    ["not JSON", "{ this is not json"],
    ["another format version", `${JSON.stringify({ format: "verbatim-index", version: -1 })}\n{}`],
    ["a snapshot of another shape", encodeIndexFile(JSON.stringify({ passages: 0 }))],
    ["a snapshot whose integers do not fill the file", encodeIndexFile(JSON.stringify({ terms: [], passages: 7, termIds: 0, headings: [], docs: [], nextId: 1 }), [Int32Array.of(0, 5, 0)])],
    ["a snapshot whose passage names no document", encodeIndexFile(JSON.stringify({ terms: [], passages: 7, termIds: 0, headings: [], docs: [], nextId: 1 }), [Int32Array.of(0, 5, 0, 10, -1, 0, 0)])],
    [
      "a snapshot whose term ids end early",
      encodeIndexFile(
        JSON.stringify({ terms: ["a"], passages: 7, termIds: 1, headings: [], docs: [{ path: "a.md", title: "a", text: "", fingerprint: "x", stamp: "1:1", passageIds: [0], names: {}, topics: [], titleTerms: [] }], nextId: 1 }),
        [Int32Array.of(0, 0, 0, 10, -1, 3, 0), Int32Array.of(0)],
      ),
    ],
  ])("refuses a cache that is %s, saying why", async (_what, body) => {
    const dir = await newDir();
    await writeFile(join(dir, INDEX_FILE), body);
    const error = await loadIndex(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexCacheError);
    expect((error as IndexCacheError).missing).toBe(false);
    expect((error as Error).message).toMatch(/index cache: .*index\.json/);
  });
});

describe("saved index integrity", () => {
  async function savedFile(): Promise<{ dir: string; file: string; data: Buffer }> {
    const { docs } = await loadCorpus(join(import.meta.dirname, "../../corpus"));
    const dir = await newDir();
    await saveIndex(buildIndex(docs), dir);
    const file = join(dir, INDEX_FILE);
    return { dir, file, data: await readFile(file) };
  }

  it("refuses a file cut short, saying how much is missing", async () => {
    const { dir, file, data } = await savedFile();
    await writeFile(file, data.subarray(0, Math.floor(data.length * 0.6)));
    await expect(loadIndex(dir)).rejects.toThrow(/index cache: .*index\.json is truncated \(\d+ of \d+ bytes\)/);
  });

  it("refuses a file whose snapshot is whole but not what was saved (a smaller index put in its place)", async () => {
    const { dir, file, data } = await savedFile();
    const headerLine = data.subarray(0, data.indexOf(0x0a) + 1);
    const small = buildIndex([{ path: "a.md", text: "Just one passage here.", title: "a", fingerprint: "f", stamp: "1:1" }]);
    const dummy = join(await newDir(), "small");
    await saveIndex(small, dummy);
    const smallData = await readFile(join(dummy, INDEX_FILE));
    const body = smallData.subarray(smallData.indexOf(0x0a) + 1);
    // Padded to the saved length, so only the checksum can tell.
    const room = data.length - headerLine.length - body.length;
    expect(room).toBeGreaterThan(0);
    await writeFile(file, Buffer.concat([headerLine, body, Buffer.alloc(room, 0x20)]));
    await expect(loadIndex(dir)).rejects.toThrow(/index cache: .*index\.json is corrupt \(checksum/);
  });

  it("refuses a file with one integer changed", async () => {
    const { dir, file, data } = await savedFile();
    data[data.length - 2] = (data[data.length - 2] ?? 0) ^ 0xff;
    await writeFile(file, data);
    await expect(loadIndex(dir)).rejects.toThrow(/index cache: .*index\.json is corrupt \(checksum/);
  });
});

describe("createEngine with a cache folder", () => {
  it("removes temporary files a killed save left behind, but not one a live process is writing", async () => {
    const corpus = await newDir();
    await copyRealCorpus(corpus);
    const cacheDir = await newDir();
    await createEngine({ corpusDir: corpus, cacheDir });
    const [folder] = await readdir(cacheDir);
    const dead = join(cacheDir, folder!, `${INDEX_FILE}.2147483646.tmp`);
    const live = join(cacheDir, folder!, `${INDEX_FILE}.${process.ppid}.tmp`);
    await writeFile(dead, "x".repeat(1000));
    await writeFile(live, "y");
    await createEngine({ corpusDir: corpus, cacheDir });
    expect((await readdir(join(cacheDir, folder!))).sort()).toEqual([INDEX_FILE, `${INDEX_FILE}.${process.ppid}.tmp`].sort());
  });

  it("re-reads a same-size edit whose modification time was put back", async () => {
    const corpus = await newDir();
    await writeFiles(corpus, { "a.md": "The flamingo adjourned the meeting.\n", "b.md": "Cats sleep.\n" });
    const engine = await createEngine({ corpusDir: corpus, cacheDir: await newDir() });
    const before = await stat(join(corpus, "a.md"));
    await writeFile(join(corpus, "a.md"), "The pelicans adjourned the meeting.\n");
    expect((await stat(join(corpus, "a.md"))).size).toBe(before.size);
    await utimes(join(corpus, "a.md"), before.atime, before.mtime);
    // The stamp's size and modification time (to the millisecond) are as before.
    expect(Math.round((await stat(join(corpus, "a.md"))).mtimeMs)).toBe(Math.round(before.mtimeMs));
    expect(await engine.reindex()).toMatchObject({ changed: ["a.md"] });
    expect(engine.search("pelicans")).toHaveLength(1);
  });

  it("starts from the saved index when the corpus is unchanged, and answers the same", async () => {
    const corpus = await newDir();
    await copyRealCorpus(corpus);
    const cacheDir = await newDir();
    const first = await createEngine({ corpusDir: corpus, cacheDir });
    const second = await createEngine({ corpusDir: corpus, cacheDir });
    expect(second.stats().documents).toEqual(first.stats().documents);
    for (const q of QUESTIONS) expect({ ...second.answer(q), timing: undefined }).toEqual({ ...first.answer(q), timing: undefined });
  });

  it("re-reads only the changed file and drops the deleted one", async () => {
    const corpus = await newDir();
    await writeFiles(corpus, { "a.md": "Alpha beta gamma delta.\n", "b.md": "The flamingo adjourned the meeting.\n", "c.md": "Cats sleep.\n" });
    const cacheDir = await newDir();
    await createEngine({ corpusDir: corpus, cacheDir });
    await writeFiles(corpus, { "b.md": "The heron adjourned the meeting.\n" });
    const { rm } = await import("node:fs/promises");
    await rm(join(corpus, "c.md"));
    const engine = await createEngine({ corpusDir: corpus, cacheDir });
    expect(engine.search("heron").length).toBe(1);
    expect(engine.search("flamingo")).toEqual([]);
    expect(engine.stats().documents.map((d) => d.path)).toEqual(["a.md", "b.md"]);
    const report = await engine.reindex();
    expect(report).toMatchObject({ added: [], changed: [], removed: [] });
  });

  it("redoes one changed file of a large corpus at each start instead of writing the index again", async () => {
    const corpus = await newDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`doc-${String(i).padStart(3, "0")}.md`] = `Document ${i} tells of the walrus number ${i}.\n`;
    await writeFiles(corpus, files);
    const cacheDir = await newDir();
    await createEngine({ corpusDir: corpus, cacheDir });
    const { readdir } = await import("node:fs/promises");
    const savedFile = join(cacheDir, (await readdir(cacheDir))[0] ?? "", INDEX_FILE);
    const saved = await readFile(savedFile, "utf8");
    await writeFiles(corpus, { "doc-007.md": "Document 7 tells of the narwhal instead.\n" });
    for (let start = 0; start < 2; start++) {
      const engine = await createEngine({ corpusDir: corpus, cacheDir });
      expect(engine.search("narwhal").map((s) => s.passage.doc)).toEqual(["doc-007.md"]);
      expect(await readFile(savedFile, "utf8")).toBe(saved);
    }
    // A change of more than 1% of the documents is written.
    await writeFiles(corpus, { "doc-008.md": "Document 8: a dugong.\n", "doc-009.md": "Document 9: a manatee.\n" });
    await createEngine({ corpusDir: corpus, cacheDir });
    expect(await readFile(savedFile, "utf8")).not.toBe(saved);
  });

  it("rebuilds, with one warning, when the saved index is corrupt", async () => {
    const corpus = await newDir();
    await copyRealCorpus(corpus);
    const cacheDir = await newDir();
    await createEngine({ corpusDir: corpus, cacheDir });
    const [folder] = await (await import("node:fs/promises")).readdir(cacheDir);
    const file = join(cacheDir, folder ?? "", INDEX_FILE);
    await writeFile(file, (await readFile(file, "utf8")).slice(0, 100));
    const warnings: string[] = [];
    const engine = await createEngine({ corpusDir: corpus, cacheDir, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringMatching(/corrupt.*rebuilding/)]);
    expect(engine.answer("When was Ivan Lewis suspended from the party?").answer).toMatch(/November 2017/);
  });

  it("keeps nothing on disk with cacheDir null", async () => {
    const corpus = await newDir();
    await writeFiles(corpus, { "a.md": "Alpha beta.\n" });
    const engine = await createEngine({ corpusDir: corpus, cacheDir: null });
    expect(engine.stats().passages).toBe(1);
  });
});
