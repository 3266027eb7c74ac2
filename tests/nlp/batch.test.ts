import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { analyse, type Analysis } from "../../src/nlp/analyse.js";
import { analyseBatch, type Segment } from "../../src/nlp/batch.js";
import { REAL_CORPUS } from "../support/corpus.js";

/**
 * Each segment analysed on its own, and all of them in one batch. wink reads a word it has never
 * seen a little differently the first time ("ARG1..." splits as "." + ".." once, as "..."
 * after), so both are read once wink has seen every word.
 */
function bothWays(segments: Segment[], entities: boolean): { alone: Analysis[]; batched: Analysis[] } {
  analyseBatch(segments, { entities });
  for (const s of segments) analyse(s.text, s.offset, { entities });
  return { alone: segments.map((s) => analyse(s.text, s.offset, { entities })), batched: analyseBatch(segments, { entities }) };
}

function expectSameReading(segments: Segment[], entities: boolean): void {
  const { alone, batched } = bothWays(segments, entities);
  expect(batched).toEqual(alone);
}

/** Sentence-sized pieces of the real corpus with their offsets (as passages are). */
let pieces: Array<Segment & { doc: string }>;

beforeAll(async () => {
  const { docs } = await loadCorpus(REAL_CORPUS);
  pieces = docs.flatMap((d) => [...d.text.matchAll(/[^\n]+/g)].map((m) => ({ text: m[0], offset: m.index, doc: d.text })));
});

describe("analyseBatch", () => {
  it("gives every passage of the corpus the tokens and sentences analyse gives it alone", () => {
    expect(pieces.length).toBeGreaterThan(20);
    for (const entities of [false, true]) {
      for (let at = 0; at < pieces.length; at += 8) {
        expectSameReading(pieces.slice(at, at + 8), entities);
      }
    }
  });

  it("gives offsets in each text's file: file.slice(start, end) is the token", () => {
    const segments = pieces.slice(0, 12);
    analyseBatch(segments).forEach(({ tokens }, i) => {
      const { doc } = pieces[i] as (typeof pieces)[number];
      expect(tokens.length).toBeGreaterThan(0);
      for (const t of tokens) expect(doc.slice(t.start, t.end)).toBe(t.text);
    });
  });

  it("numbers each text's sentences from 0 and marks its first token as spaced", () => {
    const [a, b] = analyseBatch([
      { text: "Angela Rayner is standing. So is Dawn Butler.", offset: 0 },
      { text: "Ian Murray is standing too. He is the only Scottish MP.", offset: 500 },
    ]) as [Analysis, Analysis];
    expect(a.sentences).toHaveLength(2);
    expect(b.sentences).toEqual([
      [0, 5],
      [6, 12],
    ]);
    expect(b.tokens[0]).toMatchObject({ text: "Ian", start: 500, sentence: 0, spaceBefore: true });
  });

  it("reads on its own a text the join could change, and gives what analyse gives", () => {
    const tricky: Segment[][] = [
      [{ text: "Ends with a line break\n", offset: 0 }, { text: "\nstarts with one", offset: 30 }],
      [{ text: "", offset: 0 }, { text: "   ", offset: 3 }, { text: "Words after nothing.", offset: 9 }],
      [{ text: "The vote was in 2019", offset: 0 }, { text: "2020 was the year after.", offset: 40 }],
      [{ text: "She wrote to Mr.", offset: 0 }, { text: "Smith about it.", offset: 20 }],
      [{ text: "A heading without a stop", offset: 0 }, { text: "and a sentence in lower case", offset: 30 }],
      [{ text: "Only one text.", offset: 7 }],
    ];
    for (const segments of tricky) {
      for (const entities of [false, true]) expectSameReading(segments, entities);
    }
    expect(analyseBatch([])).toEqual([]);
  });

  it("gives what analyse gives when a code name follows the separator (a counterexample the property found)", () => {
    expectSameReading([{ text: "don't", offset: 0 }, { text: "Laboure.g.", offset: 0 }, { text: "", offset: 0 }], false);
  });

  it("gives what analyse gives for any texts", () => {
    const piece = fc.constantFrom(
      "Labour", "party", "the", "May", "2019", "£5m", "36%", "Mr", "Ms.", "Allin-Khan", "ARG1...", "e.g.", "U.S.", "(see", "below)",
      "’s", "—", "don't", "can't", "https://example.org/a?b=1", "#tag", "@someone", "😀", "Tooting", "10/10", "x86_64", "\n", "\n\n", "\t", "...",
    );
    const text = fc.array(fc.tuple(piece, fc.constantFrom("", " ", "  ", ". ", ", ")), { maxLength: 12 }).map((parts) => parts.map(([p, s]) => p + s).join(""));
    const segments = fc.array(fc.tuple(text, fc.nat(10_000)), { minLength: 1, maxLength: 6 }).map((ts) => ts.map(([t, offset]) => ({ text: t, offset })));
    fc.assert(
      fc.property(segments, fc.boolean(), (segs, entities) => {
        expectSameReading(segs, entities);
      }),
      { numRuns: 300 },
    );
  });
});
