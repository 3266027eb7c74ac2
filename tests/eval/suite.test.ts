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
});
