import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/answer/compose.js";
import { ELLIPSIS } from "../../src/answer/excerpt.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex, type SearchIndex } from "../../src/search/build.js";
import type { Answer, Doc } from "../../src/types.js";
import { docOf, REAL_CORPUS } from "../support/corpus.js";

/**
 * Documents that make excerpts get cut: a run-on sentence longer than an excerpt, a long code
 * block, text that holds "…" itself, Windows line endings and characters outside the BMP.
 */
const SYNTHETIC: Doc[] = [
  docOf(
    "runon.md",
    "# Hearing\n\nThe committee heard from " +
      Array.from({ length: 60 }, (_, i) => `witness number ${i} of the flamingo inquiry`).join(", ") +
      " and then adjourned until spring.\n",
  ),
  docOf(
    "code.md",
    "Setup notes.\n\n```\n" + Array.from({ length: 70 }, (_, i) => `export const setting_${i} = lookup("gardener", ${i});`).join("\n") + "\n```\n",
  ),
  docOf(
    "ellipsis.txt",
    "She paused… then said the heap must be turned… monthly.\r\nThe gardener 🌱 agreed — “turn it monthly”… and left.\r\n" +
      "Compost heaps need air … water … and patience, said the head gardener of the allotment society in spring.\r\n",
  ),
];

let index: SearchIndex;
let vocabulary: string[];
const textOf = new Map<string, string>();

beforeAll(async () => {
  const { docs } = await loadCorpus(REAL_CORPUS);
  const all = [...docs, ...SYNTHETIC];
  index = buildIndex(all);
  for (const doc of all) textOf.set(doc.path, doc.text);
  vocabulary = [...new Set(all.flatMap((d) => d.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu) ?? []))].sort();
});

/** Breaks the rule "every excerpt is verbatim", or returns nothing. */
function verbatimProblem(reply: Answer): string | undefined {
  if (reply.excerpts.length > 3) return `${reply.excerpts.length} excerpts`;
  if (reply.confidence < 0 || reply.confidence > 1) return `confidence ${reply.confidence}`;
  if (reply.answer === null && reply.confidence !== 0) return `abstained with confidence ${reply.confidence}`;
  for (const e of reply.excerpts) {
    const text = textOf.get(e.doc);
    if (text === undefined) return `excerpt from unknown document ${e.doc}`;
    for (const piece of e.text.split(ELLIPSIS)) {
      if (!text.includes(piece)) return `not verbatim in ${e.doc}: ${JSON.stringify(piece)}`;
    }
    const body = text.slice(e.start, e.end).trim();
    const framed = [body, ELLIPSIS + body, body + ELLIPSIS, ELLIPSIS + body + ELLIPSIS];
    if (!framed.includes(e.text)) return `offsets ${e.start}-${e.end} do not slice to ${JSON.stringify(e.text)}`;
    if (!(e.start < e.end) || body.length === 0) return `empty quote ${JSON.stringify(e.text)} at ${e.start}-${e.end}`;
  }
  return undefined;
}

/** Questions made of corpus words, the way people ask them. */
const corpusQuestion = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom("", "Who ", "When ", "Where ", "Which ", "What ", "How many ", "Why ", "Is ", "Did "),
      fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }),
      fc.constantFrom("", "?", " ?", "…", "!"),
    )
    .map(([wh, words, end]) => `${wh}${words.join(" ")}${end}`);

describe("every excerpt is verbatim", () => {
  it("for questions made of corpus words", () => {
    fc.assert(
      fc.property(corpusQuestion(), (question) => verbatimProblem(composeAnswer(index, question)) === undefined),
      { numRuns: 200, seed: 42 },
    );
  });

  it("for random strings, and answering never throws", () => {
    const anyString = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.tuple(corpusQuestion(), fc.string({ unit: "grapheme", maxLength: 10 })).map(([q, noise]) => `${noise}${q}${noise}`),
    );
    fc.assert(
      fc.property(anyString, (question) => verbatimProblem(composeAnswer(index, question)) === undefined),
      { numRuns: 200, seed: 7 },
    );
  });

  it("exercises cut excerpts: a passage longer than an excerpt is quoted with … at the cut", () => {
    // Guards the two properties above: they must meet cut excerpts, not only whole passages.
    const reply = composeAnswer(index, "Which witness of the flamingo inquiry did the committee hear?");
    const cut = reply.excerpts.filter((e) => e.text.includes(ELLIPSIS));
    expect(cut.length).toBeGreaterThan(0);
    expect(verbatimProblem(reply)).toBeUndefined();
  });

  /*
   * A passage longer than an excerpt with no whitespace to cut at (Chinese or Japanese text, a
   * long URL or data line) once came out as {text: "…", start: 0, end: 0}: a quote of nothing.
   */
  it("quotes some text from a long passage without spaces", () => {
    const text = "这是一个很长的句子".repeat(80) + "。";
    const cjk = buildIndex([docOf("cjk.md", text)]);
    const reply = composeAnswer(cjk, "这是一个很长的句子");
    expect(reply.excerpts.length).toBeGreaterThan(0);
    for (const e of reply.excerpts) {
      expect(e.end).toBeGreaterThan(e.start);
      expect(e.text.replaceAll(ELLIPSIS, "").length).toBeGreaterThan(0);
    }
  });
});
