/** Properties every rendered reply must have, whatever the corpus and question hold. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderAnswer } from "../../src/discord/render-answer.js";
import type { Answer, Excerpt } from "../../src/types.js";
import { limitViolations } from "./stand-in/discord-rules.js";

/** Text rich in what breaks replies: markdown, mentions, newlines, astral characters, long runs. */
const nastyText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom("*", "_", "`", "~", "|", ">", "#", "-", "[", "]", "(", ")", "\\", "\n", " ", "@everyone", "<@&1>", "😀", "é", "…"),
      fc.string({ minLength: 1, maxLength: 12 }),
    ),
    maxLength,
  });

const excerptArb: fc.Arbitrary<Excerpt> = fc.record(
  {
    doc: fc.string({ minLength: 1, maxLength: 40 }),
    title: nastyText(400),
    date: nastyText(200),
    source: fc.oneof(fc.webUrl(), nastyText(600)),
    heading: nastyText(300),
    text: nastyText(3000),
    start: fc.nat(),
    end: fc.nat(),
    score: fc.double({ noNaN: true }),
    highlights: fc.array(fc.oneof(nastyText(20), fc.constantFrom("deputy", "Rayner", "*", "")), { maxLength: 6 }),
  },
  { requiredKeys: ["doc", "title", "text", "start", "end", "score", "highlights"] },
);

const answerArb: fc.Arbitrary<Answer> = fc.record(
  {
    question: nastyText(1000),
    answer: fc.option(nastyText(5000), { nil: null }),
    confidence: fc.double(),
    kind: fc.constantFrom("person", "date", "number", "place", "organisation", "yesno", "reason", "definition", "thing"),
    excerpts: fc.array(excerptArb, { maxLength: 6 }),
    message: nastyText(5000),
  },
  { requiredKeys: ["question", "answer", "confidence", "kind", "excerpts"] },
);

describe("renderAnswer (properties)", () => {
  it("never exceeds Discord's limits", () => {
    fc.assert(
      fc.property(answerArb, (a) => {
        expect(limitViolations({ ...renderAnswer(a) })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("quotes every excerpt line as a block quote and never leaves bold markers unbalanced", () => {
    fc.assert(
      fc.property(answerArb, (a) => {
        for (const field of renderAnswer(a).embeds?.[0]?.fields ?? []) {
          const lines = field.value.split("\n");
          const quote = lines.filter((l) => !l.startsWith("— "));
          for (const line of quote) {
            expect(line.startsWith("> ")).toBe(true);
            // Unescaped "**" pairs: ours open and close on the same line.
            const markers = line.replace(/\\./g, "").match(/\*\*/g) ?? [];
            expect(markers.length % 2).toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
