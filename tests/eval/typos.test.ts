import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/bench/random.js";
import { misspell, MIN_TYPO_WORD, withTypos, type TypoKind } from "../../src/eval/typos.js";

const sorted = (w: string): string => [...w].sort().join("");

describe("misspell", () => {
  const word = "configuration";
  const each = (kind: TypoKind): string[] => Array.from({ length: 30 }, (_, seed) => misspell(word, kind, createRandom(seed)) as string);

  it("swaps two different neighbouring letters, never the first", () => {
    for (const w of each("transpose")) {
      expect(w).not.toBe(word);
      expect(sorted(w)).toBe(sorted(word));
      expect(w[0]).toBe("c");
      const changed = [...w].map((c, i) => c !== word[i]).filter(Boolean).length;
      expect(changed).toBe(2);
    }
  });

  it("drops or doubles one letter past the first", () => {
    for (const w of each("drop")) {
      expect(w).toHaveLength(word.length - 1);
      expect(w[0]).toBe("c");
    }
    for (const w of each("double")) {
      expect(w).toHaveLength(word.length + 1);
      expect(w).toMatch(/(.)\1/);
    }
  });

  it("hits a key next to the intended one", () => {
    for (const w of each("neighbour")) {
      const at = [...w].findIndex((c, i) => c !== word[i]);
      expect(at).toBeGreaterThan(0);
      expect(w.slice(at + 1)).toBe(word.slice(at + 1));
      // "o" sits between "i", "p", "k" and "l"; "n" between "b", "h", "j", "m" …
      expect(w[at]).not.toBe(word[at]);
    }
    expect(misspell("oooo", "transpose", createRandom(1))).toBeUndefined();
  });
});

describe("withTypos", () => {
  const question = "Which configuration parameter limits the number of concurrent connections to the server?";

  it("misspells the same words the same way for the same seed", () => {
    expect(withTypos(question, "q-1")).toBe(withTypos(question, "q-1"));
    const variants = new Set(Array.from({ length: 20 }, (_, i) => withTypos(question, `q-${i}`)));
    expect(variants.size).toBeGreaterThan(10);
  });

  it("changes two long content words of a long question, and leaves stop words and short words alone", () => {
    for (let i = 0; i < 20; i++) {
      const before = question.split(" ");
      const after = withTypos(question, `q-${i}`).split(" ");
      expect(after).toHaveLength(before.length);
      const changed = before.filter((w, k) => w !== after[k]);
      expect(changed).toHaveLength(2);
      for (const w of changed) {
        expect(w.replace(/\W/g, "").length).toBeGreaterThanOrEqual(MIN_TYPO_WORD);
        expect(["Which", "the", "of", "to"]).not.toContain(w);
      }
    }
  });

  it("changes one word of a short question, and none of a question without content words", () => {
    const after = withTypos("default port number", "q-7").split(" ");
    expect(after.filter((w, k) => w !== ["default", "port", "number"][k])).toHaveLength(1);
    expect(withTypos("what is it?", "q-7")).toBe("what is it?");
  });
});
