import { rm, symlink, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../src/engine.js";
import { BBC, copyRealCorpus, INDEPENDENT, tempDirs, writeFiles } from "./support/corpus.js";

const newDir = tempDirs();
/** Saved indexes go to a temporary folder, not the repository's `.cache/index`. */
const cacheDir = await newDir();

/** A fresh copy of the real corpus in a temporary folder. */
async function corpusCopy(): Promise<string> {
  const dir = await newDir();
  await copyRealCorpus(dir);
  return dir;
}

const GARDEN = "Our allotment society elected Margaret Thornbury as head gardener in March 2021.\n";
const GARDEN_QUESTION = "Who was elected head gardener of the allotment society?";

describe("createEngine", () => {
  it("answers over a copy of the corpus and reports what it holds", async () => {
    const dir = await corpusCopy();
    const engine = await createEngine({ cacheDir, corpusDir: dir });
    const reply = engine.answer("Which MP resigned his Labour Party membership?");
    expect(reply.answer).toBe("Ivan Lewis");
    expect(reply.excerpts[0]?.doc).toBe(BBC);

    const stats = engine.stats();
    expect(stats.corpusDir).toBe(dir);
    expect(stats.documents.map((d) => d.path)).toEqual([BBC, INDEPENDENT]);
    expect(stats.documents[0]).toMatchObject({ title: "Ivan Lewis quits Labour Party as sex harassment row drags on", source: "BBC News" });
    expect(stats.passages).toBe(stats.documents.reduce((n, d) => n + d.passages, 0));
    expect(stats.passages).toBeGreaterThan(0);
    expect(stats.skipped).toEqual([]);
    expect(stats.indexedAt).toBeInstanceOf(Date);
    expect(stats.buildMs).toBeGreaterThanOrEqual(0);
  });

  it("searches passages best first, at most `limit`", async () => {
    const engine = await createEngine({ cacheDir, corpusDir: await corpusCopy() });
    const hits = engine.search("Lewis suspended November", 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]?.passage.doc).toBe(BBC);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });

  it("passes maxFileBytes and onWarning to the loader and reports what it skipped", async () => {
    const dir = await corpusCopy();
    await writeFiles(dir, { "tiny.md": "A small note.\n", "empty.txt": "" });
    const warnings: string[] = [];
    const engine = await createEngine({ cacheDir, corpusDir: dir, maxFileBytes: 1000, onWarning: (m) => warnings.push(m) });
    // Both articles are over 1,000 bytes.
    expect(engine.stats().documents.map((d) => d.path)).toEqual(["tiny.md"]);
    expect(engine.stats().skipped.map((s) => s.path).sort()).toEqual([BBC, "empty.txt", INDEPENDENT].sort());
    expect(warnings).toHaveLength(3);
  });

  it("rejects with a one-line reason when the corpus folder does not exist", async () => {
    const missing = join(await newDir(), "gone");
    await expect(createEngine({ cacheDir, corpusDir: missing })).rejects.toThrow(/cannot read .*gone.*ENOENT/);
  });

  it("abstains on everything over an empty folder", async () => {
    const engine = await createEngine({ cacheDir, corpusDir: await newDir() });
    expect(engine.stats()).toMatchObject({ documents: [], passages: 0, skipped: [] });
    expect(engine.answer("Who is standing for deputy leader?")).toMatchObject({ answer: null, confidence: 0, excerpts: [] });
    expect(engine.search("deputy leader")).toEqual([]);
  });

  it("reads a corpus folder given through a link to it", async () => {
    const dir = await corpusCopy();
    const link = join(await newDir(), "linked-corpus");
    await symlink(dir, link);
    const engine = await createEngine({ cacheDir, corpusDir: link });
    expect(engine.stats().documents.map((d) => d.path)).toEqual([BBC, INDEPENDENT]);
    expect(engine.stats().skipped).toEqual([]);
  });

  it("never throws for a bad question", async () => {
    const engine = await createEngine({ cacheDir, corpusDir: await corpusCopy() });
    for (const question of ["", "   ", "x".repeat(10_000), "?!", "😀", "@everyone", "<@123>", "\u200b"]) {
      const reply = engine.answer(question);
      expect(reply.answer).toBeNull();
      expect(reply.message).toBeTruthy();
    }
  });

  describe("reindex", () => {
    it("reports added, changed and removed documents after the files change on disk", async () => {
      const dir = await corpusCopy();
      const engine = await createEngine({ cacheDir, corpusDir: dir });
      const before = engine.stats().passages;

      await writeFiles(dir, { "garden/allotment.md": GARDEN });
      await writeFile(join(dir, BBC), "---\ntitle: Changed\n---\nThe BBC article was replaced by this sentence.\n");
      await unlink(join(dir, INDEPENDENT));
      const report = await engine.reindex();

      expect(report.added).toEqual(["garden/allotment.md"]);
      expect(report.changed).toEqual([BBC]);
      expect(report.removed).toEqual([INDEPENDENT]);
      expect(report.skipped).toEqual([]);
      expect(report.passages).toBe(engine.stats().passages);
      expect(report.passages).toBeLessThan(before);
      expect(report.durationMs).toBeGreaterThanOrEqual(0);
      expect(engine.stats().documents.map((d) => [d.path, d.title])).toEqual([
        ["garden/allotment.md", "allotment"],
        [BBC, "Changed"],
      ]);
    });

    it("answers from the new index once it resolves", async () => {
      const dir = await corpusCopy();
      const engine = await createEngine({ cacheDir, corpusDir: dir });
      expect(engine.answer(GARDEN_QUESTION).answer).toBeNull();
      await writeFiles(dir, { "allotment.md": GARDEN });
      await engine.reindex();
      expect(engine.answer(GARDEN_QUESTION).answer).toContain("Margaret Thornbury");
    });

    it("reports nothing changed when the files are rewritten with the same bytes", async () => {
      const dir = await corpusCopy();
      const engine = await createEngine({ cacheDir, corpusDir: dir });
      await copyRealCorpus(dir);
      const report = await engine.reindex();
      expect(report).toMatchObject({ added: [], changed: [], removed: [] });
    });

    it("reports newly skipped files", async () => {
      const dir = await corpusCopy();
      const warnings: string[] = [];
      const engine = await createEngine({ cacheDir, corpusDir: dir, onWarning: (m) => warnings.push(m) });
      await writeFiles(dir, { "blob.txt": Buffer.from([0, 1, 2, 3]) });
      const report = await engine.reindex();
      expect(report.skipped).toEqual([{ path: "blob.txt", reason: expect.stringMatching(/binary/) }]);
      expect(engine.stats().skipped).toEqual(report.skipped);
      expect(warnings).toEqual([expect.stringContaining("blob.txt")]);
    });

    it("shares one rebuild between concurrent calls", async () => {
      const dir = await corpusCopy();
      const engine = await createEngine({ cacheDir, corpusDir: dir });
      await writeFiles(dir, { "allotment.md": GARDEN });
      const first = engine.reindex();
      const second = engine.reindex();
      expect(second).toBe(first);
      const [a, b] = await Promise.all([first, second]);
      expect(b).toBe(a);
      expect(a.added).toEqual(["allotment.md"]);
      // Once it has settled, the next call is a new rebuild that sees no further change.
      const third = engine.reindex();
      expect(third).not.toBe(first);
      expect(await third).toMatchObject({ added: [], changed: [], removed: [] });
    });

    it("keeps answering from the old index while the rebuild runs", async () => {
      const dir = await corpusCopy();
      const engine = await createEngine({ cacheDir, corpusDir: dir });
      const question = "Which MP resigned his Labour Party membership?";
      await unlink(join(dir, BBC));
      const pending = engine.reindex();
      expect(engine.answer(question).answer).toBe("Ivan Lewis");
      await pending;
      expect(engine.answer(question).answer).not.toBe("Ivan Lewis");
    });

    it("rejects when the corpus folder is gone, and the old index keeps answering", async () => {
      const dir = await corpusCopy();
      const engine = await createEngine({ cacheDir, corpusDir: dir });
      const question = "When was Ivan Lewis suspended from the party?";
      const before = engine.answer(question);
      const statsBefore = engine.stats();
      expect(before.answer).toContain("November 2017");

      await rm(dir, { recursive: true, force: true });
      const error = await engine.reindex().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(dir);
      expect((error as Error).message).not.toContain("\n");

      expect({ ...engine.answer(question), timing: undefined }).toEqual({ ...before, timing: undefined });
      expect(engine.stats()).toEqual(statsBefore);

      // A failed rebuild does not wedge the next one.
      await copyRealCorpus(dir);
      await expect(engine.reindex()).resolves.toMatchObject({ added: [], changed: [], removed: [] });
    });
  });
});
