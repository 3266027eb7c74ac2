/**
 * A reindex fails rather than shrinks: an unreadable corpus folder or sub-folder, or a corpus
 * that lost most of its documents at once, keeps the serving index and the saved one.
 *
 * The tests run as root in CI, where `chmod 000` stops no read, so the folder's failure is made
 * by `readdir` itself (mocked for the paths a test names); the chmod test runs where it can.
 */
import type * as fsSync from "node:fs";
import { renameSync, symlinkSync, unlinkSync } from "node:fs";
import * as fs from "node:fs/promises";
import { chmod, mkdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_VANISHING_SHARE, ShrinkError, createEngine } from "../src/engine.js";
import { BBC, INDEPENDENT, copyRealCorpus, tempDirs, writeFiles } from "./support/corpus.js";

/** Folders whose `readdir` fails with EACCES, as they would for a bot not running as root. */
const locked = new Set<string>();
/** Run once right after a folder is listed: a change made between listing and reading. */
const afterListing = new Map<string, () => void>();

// The corpus is listed with `readdirSync` (see scan.mjs); `readdir` is mocked too for any caller of the async form.
// A mock reaches this thread only: the engines here scan the folder on it (`indexThreads: 0`).
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof fsSync>();
  const readdirSync = ((path: Parameters<typeof actual.readdirSync>[0], options?: unknown) => {
    if (locked.has(String(path))) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: "EACCES" });
    const entries = actual.readdirSync(path, options as never);
    const change = afterListing.get(String(path));
    afterListing.delete(String(path));
    change?.();
    return entries;
  }) as typeof actual.readdirSync;
  return { ...actual, readdirSync, default: { ...actual, readdirSync } };
});

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const readdir = (async (path: Parameters<typeof actual.readdir>[0], options?: unknown) => {
    if (locked.has(String(path))) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: "EACCES" });
    return actual.readdir(path, options as never);
  }) as typeof actual.readdir;
  return { ...actual, readdir, default: { ...actual, readdir } };
});

const newDir = tempDirs();

afterEach(() => {
  locked.clear();
  afterListing.clear();
});

const QUESTION = "When was Ivan Lewis suspended from the party?";

/** An engine over a copy of the real corpus plus `extra`, and its saved-index folder. */
async function engineOver(extra: Record<string, string> = {}) {
  const dir = await newDir();
  await copyRealCorpus(dir);
  await writeFiles(dir, extra);
  const cacheDir = await newDir();
  const warnings: string[] = [];
  const engine = await createEngine({ corpusDir: dir, cacheDir, indexThreads: 0, onWarning: (m) => warnings.push(m) });
  return { dir, cacheDir, engine, warnings };
}

/** The bytes of the one saved index under `cacheDir`. */
async function savedIndex(cacheDir: string): Promise<string> {
  const [folder] = await fs.readdir(cacheDir);
  return readFile(join(cacheDir, folder!, "index.json"), "utf8");
}

describe("reindex over an unreadable folder", () => {
  it("rejects naming the corpus folder and why, keeps serving and keeps the saved index", async () => {
    const { dir, cacheDir, engine } = await engineOver();
    const before = engine.stats();
    const saved = await savedIndex(cacheDir);
    locked.add(dir);

    const error = (await engine.reindex().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/cannot read folder/);
    expect(error.message).toContain("EACCES");
    expect(error.message).not.toContain("\n");
    expect(engine.stats()).toEqual(before);
    expect(engine.answer(QUESTION).answer).toContain("November 2017");
    expect(await savedIndex(cacheDir)).toBe(saved);
  });

  it("rejects naming the sub-folder, and drops none of its documents", async () => {
    const { dir, cacheDir, engine } = await engineOver({ "party/rules.md": "# Rules\n\nMembers elect the branch secretary every spring.\n" });
    expect(engine.stats().documents.map((d) => d.path)).toContain("party/rules.md");
    const saved = await savedIndex(cacheDir);
    locked.add(join(dir, "party"));

    await expect(engine.reindex()).rejects.toThrow(/cannot read folder party: EACCES/);
    expect(engine.stats().documents.map((d) => d.path)).toContain("party/rules.md");
    expect(await savedIndex(cacheDir)).toBe(saved);
  });

  it("at start, rejects naming the folder and leaves the saved index as it was", async () => {
    const { dir, cacheDir } = await engineOver();
    const saved = await savedIndex(cacheDir);
    locked.add(dir);
    await expect(createEngine({ corpusDir: dir, cacheDir, indexThreads: 0 })).rejects.toThrow(/cannot read folder .*EACCES/);
    expect(await savedIndex(cacheDir)).toBe(saved);
    locked.clear();
    const restarted = await createEngine({ corpusDir: dir, cacheDir, indexThreads: 0 });
    expect(restarted.answer(QUESTION).answer).toContain("November 2017");
  });

  // As root, chmod 000 does not stop a read: the mocked tests above stand in for this one there.
  it.skipIf(process.getuid?.() === 0)("rejects after chmod 000 on the corpus folder", async () => {
    const { dir, engine } = await engineOver();
    await chmod(dir, 0o000);
    try {
      await expect(engine.reindex()).rejects.toThrow(/EACCES/);
      expect(engine.stats().documents).toHaveLength(2);
    } finally {
      await chmod(dir, 0o755);
    }
  });
});

describe("reindex that would drop most documents", () => {
  it(`is refused past ${MAX_VANISHING_SHARE * 100}% gone, keeping the index, and done with force`, async () => {
    const { dir, cacheDir, engine } = await engineOver({ "a.md": "Alpha notes.\n", "b.md": "Beta notes.\n" });
    expect(engine.stats().documents).toHaveLength(4);
    const saved = await savedIndex(cacheDir);
    await Promise.all([BBC, INDEPENDENT, "a.md"].map((p) => unlink(join(dir, p))));

    const error = (await engine.reindex().catch((e: unknown) => e)) as ShrinkError;
    expect(error).toBeInstanceOf(ShrinkError);
    expect(error).toMatchObject({ vanished: 3, total: 4 });
    expect(error.message).toMatch(/3 of 4 documents/);
    expect(engine.stats().documents).toHaveLength(4);
    expect(await savedIndex(cacheDir)).toBe(saved);

    const report = await engine.reindex({ force: true });
    expect(report.removed.sort()).toEqual(["a.md", BBC, INDEPENDENT].sort());
    expect(engine.stats().documents.map((d) => d.path)).toEqual(["b.md"]);
    expect(await savedIndex(cacheDir)).not.toBe(saved);
  });

  it("allows up to the share: one of two documents deleted", async () => {
    const { dir, engine } = await engineOver();
    await unlink(join(dir, BBC));
    await expect(engine.reindex()).resolves.toMatchObject({ removed: [BBC] });
  });

  it("at start over an emptied folder, keeps the saved index on disk and counts against it", async () => {
    const { dir, cacheDir } = await engineOver();
    const saved = await savedIndex(cacheDir);
    await rm(join(dir, BBC));
    await rm(join(dir, INDEPENDENT));
    const warnings: string[] = [];
    const restarted = await createEngine({ corpusDir: dir, cacheDir, indexThreads: 0, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringMatching(/2 of 2 documents.*keeping the saved index/)]);
    expect(restarted.stats().documents).toEqual([]);
    expect(await savedIndex(cacheDir)).toBe(saved);
    // A plain reindex still counts the saved documents; once the folder is back, it passes.
    await expect(restarted.reindex()).rejects.toThrow(ShrinkError);
    await copyRealCorpus(dir);
    await expect(restarted.reindex()).resolves.toMatchObject({ added: [BBC, INDEPENDENT] });
    expect(restarted.answer(QUESTION).answer).toContain("November 2017");
    expect(await restarted.reindex()).toMatchObject({ added: [], removed: [] });
  });

  it("at start over an emptied folder, a forced reindex accepts the loss and saves it", async () => {
    const { dir, cacheDir } = await engineOver();
    const saved = await savedIndex(cacheDir);
    await rm(join(dir, BBC));
    await rm(join(dir, INDEPENDENT));
    const restarted = await createEngine({ corpusDir: dir, cacheDir, indexThreads: 0 });
    await restarted.reindex({ force: true });
    expect(await savedIndex(cacheDir)).not.toBe(saved);
    expect((await createEngine({ corpusDir: dir, cacheDir, indexThreads: 0 })).stats().documents).toEqual([]);
  });
});

describe("reads that cannot be redirected", () => {
  const SECRET = "The vault combination is 7-31-4 and nobody outside may read it.\n";

  it("does not quote a file swapped for a link to outside the corpus between listing and reading", async () => {
    const outside = await newDir();
    await writeFiles(outside, { "secret.md": SECRET });
    const { dir, engine } = await engineOver({ "notes.md": "# Notes\n\nThe reading room opens at nine.\n" });
    afterListing.set(dir, () => {
      unlinkSync(join(dir, "notes.md"));
      symlinkSync(join(outside, "secret.md"), join(dir, "notes.md"));
    });
    const report = await engine.reindex();
    expect(report.skipped).toEqual([{ path: "notes.md", reason: expect.stringMatching(/link/) }]);
    expect(JSON.stringify(engine.answer("What is the vault combination?"))).not.toContain("7-31-4");
  });

  it("does not read through a sub-folder swapped for a link to outside the corpus", async () => {
    const outside = await newDir();
    await writeFiles(outside, { "notes.md": SECRET });
    const { dir, engine } = await engineOver({ "sub/notes.md": "# Notes\n\nThe reading room opens at nine.\n" });
    afterListing.set(join(dir, "sub"), () => {
      renameSync(join(dir, "sub"), join(dir, "..", `gone-${Date.now()}`));
      symlinkSync(outside, join(dir, "sub"));
    });
    const report = await engine.reindex();
    expect(report.skipped).toEqual([{ path: "sub/notes.md", reason: expect.stringMatching(/outside the corpus/) }]);
    expect(JSON.stringify(engine.answer("What is the vault combination?"))).not.toContain("7-31-4");
  });

  it("skips files named .env*, which hold secrets rather than documents", async () => {
    const dir = await newDir();
    await mkdir(join(dir, "deploy"));
    await writeFile(join(dir, ".env.md"), "DISCORD_TOKEN is kept in this file for the vault.\n");
    await writeFile(join(dir, "deploy", ".env.production.txt"), "The vault password lives here.\n");
    await writeFile(join(dir, "readme.md"), "# Readme\n\nThe vault opens on Mondays.\n");
    const engine = await createEngine({ corpusDir: dir, cacheDir: null, indexThreads: 0 });
    expect(engine.stats().documents.map((d) => d.path)).toEqual(["readme.md"]);
    expect(engine.stats().skipped).toEqual([
      { path: ".env.md", reason: expect.stringMatching(/secrets/) },
      { path: "deploy/.env.production.txt", reason: expect.stringMatching(/secrets/) },
    ]);
  });
});
