import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type * as Analyse from "../../src/nlp/analyse.js";
import { BBC, REAL_CORPUS } from "../support/corpus.js";

/** analyse.ts afresh: no reader made yet. */
async function freshAnalyse(): Promise<typeof Analyse> {
  vi.resetModules();
  return import("../../src/nlp/analyse.js");
}

describe("reading without entities before the passages' reader is made", () => {
  it("gives the tokens and sentences the passages' own reader gives, with no entities", async () => {
    const text = await readFile(join(REAL_CORPUS, BBC), "utf8");
    const pieces = [text.slice(0, 1500), text.slice(1500, 3000), "Who is standing for deputy leader in 2020? It's £5, 36% or 3 May."];
    const borrowing = await freshAnalyse();
    borrowing.loadReader(true);
    const borrowed = pieces.map((p) => borrowing.analyse(p, 7, { entities: false }));
    const own = await freshAnalyse();
    const read = pieces.map((p) => own.analyse(p, 7, { entities: false }));
    expect(borrowed).toEqual(read);
    expect(borrowed.flatMap((a) => a.tokens).some((t) => t.entity !== undefined)).toBe(false);
    // while the same texts read with entities do have some
    expect(pieces.flatMap((p) => borrowing.analyse(p, 7).tokens).some((t) => t.entity !== undefined)).toBe(true);
  });
});
