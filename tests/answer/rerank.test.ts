/**
 * The fitted correction of the hand-made rank (rerank.ts `quote`): it orders the excerpts, never
 * the readings extraction reads, and no weights leave the hand-made order.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { composeAnswer, draftAnswer } from "../../src/answer/compose.js";
import { correction, READING_FEATURES, subjectOf, type ReadingFeature } from "../../src/answer/rerank.js";
import type { SearchIndex } from "../../src/search/build.js";
import { indexOfLines, tempDirs } from "../support/corpus.js";

const newDir = tempDirs();
let glossary: SearchIndex;
beforeAll(async () => {
  glossary = await indexOfLines(newDir, "glossary.md", [
    "# Brewing glossary",
    "",
    "## steep",
    "",
    "To leave tea leaves in hot water so that their flavour passes into it. A green tea steeps for two minutes, a black tea for four.",
    "",
    "See [brew](#brew), [overbrew](#overbrew).",
    "",
    "## brew",
    "",
    "The drink a steeped pot of tea gives, or the act of steeping it.",
    "",
    "## overbrew",
    "",
    "To steep tea for too long, so that it turns bitter.",
    "",
  ]);
});

const zero = (): Record<ReadingFeature, number> => Object.fromEntries(READING_FEATURES.map((f) => [f, 0])) as Record<ReadingFeature, number>;

describe("correction", () => {
  it("is 1 without weights, whatever the features", () => {
    expect(correction({ ...zero(), hand: -3, length: 0.8, pointer: 1 }, { weights: {} })).toBe(1);
  });

  it("multiplies the hand-made rank by exp of the weighted features, `hand` aside", () => {
    expect(correction({ ...zero(), hand: -3, length: 0.5, pointer: 1 }, { weights: { hand: 9, length: -2, pointer: -0.5 } })).toBeCloseTo(Math.exp(-1.5), 10);
  });
});

describe("reading features", () => {
  it("marks a passage that only points elsewhere, and the first passage under a heading", () => {
    const draft = draftAnswer(glossary, "what does steep mean");
    if (!("signals" in draft)) throw new Error(draft.message);
    const pointer = draft.readings.find((r) => r.body.text.trim().startsWith("See "));
    const definition = draft.readings.find((r) => r.body.text.includes("hot water"));
    expect(pointer?.features.pointer).toBe(1);
    expect(definition?.features.pointer).toBe(0);
    expect(definition?.features.first).toBe(1);
  });
});

describe("excerpts follow the fitted correction", () => {
  const question = "what does steep mean";
  // A weight on retrieval position this strong puts the last passage retrieved first.
  const reversed = { readingModel: { weights: { position: 50 } } };

  it("leaves the readings' order and the answer as they are", () => {
    const plain = draftAnswer(glossary, question, { readingModel: { weights: {} } });
    const corrected = draftAnswer(glossary, question, reversed);
    if (!("signals" in plain) || !("signals" in corrected)) throw new Error("no draft");
    expect(corrected.readings.map((r) => r.hit.passage.id)).toEqual(plain.readings.map((r) => r.hit.passage.id));
    expect(corrected.answer).toBe(plain.answer);
  });

  it("quotes after the answer's passage the one the correction puts first, not the hand-made rank's", () => {
    const plain = composeAnswer(glossary, question, { readingModel: { weights: {} } });
    const corrected = composeAnswer(glossary, question, reversed);
    expect(corrected.excerpts[0]?.text).toBe(plain.excerpts[0]?.text);
    expect(plain.excerpts[1]?.text).toMatch(/^See /);
    expect(corrected.excerpts[1]?.text).toMatch(/^To steep tea for too long/);
  });
});

describe("a reading's subject", () => {
  it("is read past a negation's brackets and a reference's kind mark", () => {
    expect(subjectOf("--[no-]slow-pour")).toBe("--slow-pour");
    expect(subjectOf("*classmethod* Kettle.fill(*cup*)  ")).toBe("Kettle.fill");
    expect(subjectOf("*pathsegments* is a list")).toBeUndefined();
  });

  it("is the flag an option's entry is headed by", async () => {
    const page = await indexOfLines(newDir, "kettle-pour.txt", [
      "OPTIONS",
      "",
      "--slow-pour[=<seconds>]",
      "",
      "    Tilt the kettle gently so the water pours in a thin stream, which keeps",
      "    delicate leaves from breaking.",
      "",
      "-q",
      "",
      "    Pour without the chime that says the cup is full.",
      "",
    ]);
    const draft = draftAnswer(page, "what does --slow-pour do to the stream");
    if (!("signals" in draft)) throw new Error(draft.message);
    const subjects = new Map(draft.readings.map((r) => [r.hit.passage.heading, r.subject]));
    expect(subjects.get("--slow-pour[=<seconds>]")).toBe("--slow-pour");
    // A short flag names too little to be a subject.
    expect(subjects.has("-q")).toBe(true);
    expect(subjects.get("-q")).toBeUndefined();
  });
});
