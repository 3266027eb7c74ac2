import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { topResults } from "../../src/search/top.js";

interface Fields {
  id: number;
  text: string;
}

const words = ["deputy", "leader", "leadership", "labour", "party", "rayner", "butler", "election", "member", "vote"];

/** 500 passages of 3-8 words, made up deterministically; many share scores (ties). */
function index(): MiniSearch<Fields> {
  const mini = new MiniSearch<Fields>({ fields: ["text"], storeFields: [], searchOptions: { combineWith: "OR", bm25: { k: 1.2, b: 0.5, d: 0.5 } } });
  let seed = 7;
  const next = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
  mini.addAll(Array.from({ length: 500 }, (_, i) => ({ id: 1000 + i, text: Array.from({ length: 3 + next(6) }, () => words[next(words.length)]).join(" ") })));
  mini.discard(1003);
  return mini;
}

describe("topResults", () => {
  const mini = index();
  const options = [
    {},
    { prefix: (term: string) => term.length >= 5 },
    { boostTerm: (term: string) => (term === "labour" ? 0.5 : 1) },
  ];

  it.each([1, 10, 200, 1000])("gives MiniSearch's search() results, best %i first", (limit) => {
    for (const query of ["deputy leader", "labour party rayner", "vote", "lead", "nothing here", "butler election member vote deputy"]) {
      for (const o of options) {
        const fast = topResults(mini, query, o, limit);
        expect(fast).toEqual(topResults(mini, query, o, limit, true));
        expect(fast.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  it("never returns a discarded passage", () => {
    expect(topResults(mini, words.join(" "), {}, 1000).map((r) => r.id)).not.toContain(1003);
  });
});
