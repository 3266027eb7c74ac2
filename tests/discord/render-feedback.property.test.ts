/** The feedback replies stay within Discord's limits whatever the questions and the corpus hold. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderGaps, renderPassagePage, renderStats } from "../../src/discord/render-feedback.js";
import type { Gap } from "../../src/report/gaps.js";
import type { UsageStats } from "../../src/report/stats.js";
import type { Excerpt } from "../../src/types.js";
import { limitViolations } from "./stand-in/discord-rules.js";

const nasty = (maxLength: number) =>
  fc.string({ unit: fc.oneof(fc.constantFrom("*", "_", "`", "\n", " ", "@everyone", "😀", "…"), fc.string({ minLength: 1, maxLength: 12 })), maxLength });

const gapArb: fc.Arbitrary<Gap> = fc.record({
  question: nasty(400),
  others: fc.array(nasty(400), { maxLength: 3 }),
  count: fc.nat(10_000),
  refused: fc.nat(10_000),
  votedDown: fc.nat(10_000),
  lastAsked: fc.date({ min: new Date(0), max: new Date(Date.UTC(2100, 0)), noInvalidDate: true }),
  nearestDoc: nasty(500),
});

const excerptArb: fc.Arbitrary<Excerpt> = fc.record({
  doc: fc.string({ minLength: 1, maxLength: 40 }),
  title: nasty(400),
  heading: nasty(300),
  text: nasty(3000),
  start: fc.nat(),
  end: fc.nat(),
  score: fc.double({ noNaN: true }),
  highlights: fc.array(nasty(20), { maxLength: 4 }),
});

describe("renderGaps", () => {
  it("fits Discord's limits", () => {
    fc.assert(
      fc.property(fc.array(gapArb, { maxLength: 30 }), fc.integer({ min: 1, max: 3650 }), (gaps, days) => {
        expect(limitViolations(renderGaps(gaps, days) as Record<string, unknown>)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("renderStats", () => {
  it("fits Discord's limits, even with a year of days and long document names", () => {
    fc.assert(
      fc.property(fc.array(nasty(600), { maxLength: 5 }), fc.integer({ min: 0, max: 400 }), (docs, days) => {
        const stats: UsageStats = {
          questions: 5,
          answered: 3,
          answerRate: 0.6,
          helpful: 1,
          notHelpful: 1,
          helpfulRate: 0.5,
          perDay: Array.from({ length: days }, (_, i) => ({ day: `2026-01-${i}`, questions: 999_999, answered: 999_999 })),
          topDocs: docs.map((doc, i) => ({ doc, quoted: i })),
        };
        expect(limitViolations(renderStats(stats, 3650) as Record<string, unknown>)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe("renderPassagePage", () => {
  it("fits Discord's limits", () => {
    fc.assert(
      fc.property(nasty(1000), fc.array(excerptArb, { maxLength: 3 }), fc.integer({ min: 1, max: 10 }), (question, excerpts, page) => {
        expect(limitViolations(renderPassagePage(question, excerpts, page) as Record<string, unknown>)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
