import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSuite, splitOf, TUNE_SHARE } from "../../src/eval/suite.js";

describe("splitOf", () => {
  it("puts an id in the same split every time, and about TUNE_SHARE of ids in tune", () => {
    expect(splitOf("pg-001")).toBe(splitOf("pg-001"));
    const ids = Array.from({ length: 2000 }, (_, i) => `q-${i}`);
    const tune = ids.filter((id) => splitOf(id) === "tune").length / ids.length;
    expect(Math.abs(tune - TUNE_SHARE)).toBeLessThan(0.05);
  });
});

describe("loadSuite", () => {
  it("reads every corpus's questions with their corpus, style and split", async () => {
    const suite = await loadSuite(join(import.meta.dirname, "../../eval"));
    const corpora = new Set(suite.map((s) => s.corpus));
    expect(corpora.size).toBeGreaterThanOrEqual(5);
    expect(suite.length).toBeGreaterThanOrEqual(400);
    for (const s of suite) expect(["doc", "chat", "keywords"]).toContain(s.style);
    expect(new Set(suite.map((s) => s.id)).size).toBe(suite.length);
  });

  it("keeps the split a question carries, and splits the others by their ids", async () => {
    const dir = await mkdtemp(join(tmpdir(), "suite-"));
    await mkdir(join(dir, "questions"));
    const ids = Array.from({ length: 40 }, (_, i) => `k-${i}`);
    const lines = ids.map((id, i) => JSON.stringify({ id, kind: "unanswerable", question: `q ${i}`, ...(i < 20 ? { split: i % 2 ? "tune" : "test" } : {}) }));
    await writeFile(join(dir, "questions", "kettle.jsonl"), lines.join("\n"));
    const suite = await loadSuite(dir);
    suite.forEach((s, i) => expect(s.split).toBe(i < 20 ? (i % 2 ? "tune" : "test") : splitOf(s.id)));
  });
});
