import { mkdir, realpath, symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus, startScan } from "../../src/corpus/load.js";
import { FILE, INFO_STRIDE, scanFolder } from "../../src/corpus/scan.mjs";
import { scanInThread } from "../../src/corpus/scan-thread.js";
import { tempDirs, writeFiles } from "../support/corpus.js";

const newDir = tempDirs();

/** A folder with what a scan must tell apart: nested documents, other files, links, secrets, ignored folders. */
async function mixedFolder(): Promise<string> {
  const dir = await realpath(await newDir());
  const outside = await realpath(await newDir());
  await writeFiles(outside, { "secret.md": "Kept outside the corpus.\n" });
  await writeFiles(dir, {
    "b.md": "# B\n\nSecond by name.\n",
    "a.txt": "First by name.\n",
    "guide/Setup.MD": "# Setup\n\nUpper-case ending.\n",
    "guide/deep/er/notes.markdown": "Deep down.\n",
    "image.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    ".env.md": "TOKEN=never read\n",
    ".git/HEAD.md": "not a document\n",
    "node_modules/pkg/README.md": "not a document\n",
  });
  await symlink(join(dir, "b.md"), join(dir, "inside-link.md"));
  await symlink(join(outside, "secret.md"), join(dir, "outside-link.md"));
  await symlink(join(dir, "gone.md"), join(dir, "broken-link.md"));
  return dir;
}

describe("scanFolder", () => {
  it("lists the document files by name at each level, looks at each, and says why others are left out", async () => {
    const dir = await mixedFolder();
    const scan = scanFolder(dir, "docs");
    expect(scan.error).toBeUndefined();
    expect(scan.paths).toEqual(["a.txt", "b.md", "guide/Setup.MD", "guide/deep/er/notes.markdown"]);
    expect([...scan.kinds]).toEqual([FILE, FILE, FILE, FILE]);
    // size is the first number per file
    expect(scan.info[0]).toBe("First by name.\n".length);
    expect(scan.info[INFO_STRIDE]).toBe("# B\n\nSecond by name.\n".length);
    expect(scan.skipped).toEqual([
      { path: ".env.md", reason: expect.stringMatching(/secrets/) },
      { path: "broken-link.md", reason: expect.stringMatching(/broken link: ENOENT/) },
      { path: "outside-link.md", reason: expect.stringMatching(/outside the corpus/) },
    ]);
  });

  it("reports a folder it cannot list, by the name it was given", () => {
    const scan = scanFolder("/nonexistent/verbatim-scan", "my-docs");
    expect(scan.error).toMatch(/cannot read folder my-docs: ENOENT/);
    expect(scan.paths).toEqual([]);
  });
});

describe("scanInThread", () => {
  it("finds in a worker thread exactly what scanning on this thread finds", async () => {
    const dir = await mixedFolder();
    const here = scanFolder(dir, "docs");
    const there = await scanInThread(dir, "docs");
    expect(there.paths).toEqual(here.paths);
    expect([...there.kinds]).toEqual([...here.kinds]);
    expect([...there.info]).toEqual([...here.info]);
    expect(there.skipped).toEqual(here.skipped);
  });

  it("passes a folder's error back from the thread", async () => {
    expect((await scanInThread("/nonexistent/verbatim-scan", "my-docs")).error).toMatch(/cannot read folder my-docs: ENOENT/);
  });
});

describe("loadCorpus with a scan begun earlier", () => {
  it("reads the same documents whether the folder was scanned in a thread or on this thread", async () => {
    const dir = await mixedFolder();
    await mkdir(join(dir, "empty-folder"));
    const threaded = await loadCorpus(dir, { scanned: startScan(dir, true) });
    const here = await loadCorpus(dir, { scanned: startScan(dir, false) });
    expect(threaded.docs.map((d) => d.path)).toEqual(["a.txt", "b.md", "guide/Setup.MD", "guide/deep/er/notes.markdown"]);
    expect(threaded).toEqual(here);
  });

  it("rejects a corpus folder that is a file", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "x.md": "x\n" });
    await expect(startScan(join(dir, "x.md"))).rejects.toThrow(/is not a folder/);
  });
});
