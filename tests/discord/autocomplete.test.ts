import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeQuestion, forgetPopularQuestions, popularQuestions } from "../../src/discord/autocomplete.js";

const TOPICS = ["Labour deputy leadership hopeful Rosena Allin-Khan", "Apology to women", "5/10 Angela Rayner – Deputy leadership", "Deputy leadership"];

describe("completeQuestion", () => {
  it("keeps suggestions holding every typed word as a word start, popular questions first, then topics that begin with the text", () => {
    const choices = completeQuestion("deputy lead", ["Who is the deputy leader?", "Who quit?"], TOPICS).map((c) => c.value);
    expect(choices).toEqual(["Who is the deputy leader?", "Deputy leadership", "Labour deputy leadership hopeful Rosena Allin-Khan", "5/10 Angela Rayner – Deputy leadership"]);
  });

  it("offers the first suggestions for an empty field, each once", () => {
    expect(completeQuestion("", ["Apology to women"], TOPICS).map((c) => c.value)).toEqual(["Apology to women", ...TOPICS.filter((t) => t !== "Apology to women")]);
  });

  it("answers with at most 25 choices of 1 to 100 characters, whatever it is handed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.array(fc.string({ maxLength: 300 }), { maxLength: 40 }), fc.array(fc.string({ maxLength: 300 }), { maxLength: 80 }), (typed, popular, topics) => {
        const choices = completeQuestion(typed, popular, topics);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value).toBe(c.name);
        }
      }),
    );
  });
});

describe("popularQuestions", () => {
  it("reads the store at most once a minute", () => {
    let reads = 0;
    const store = { helpfulQuestions: () => [{ text: `q${++reads}` }] };
    expect(popularQuestions(store, 0)).toEqual(["q1"]);
    expect(popularQuestions(store, 59_999)).toEqual(["q1"]);
    expect(popularQuestions(store, 60_000)).toEqual(["q2"]);
  });
});

describe("forgetPopularQuestions", () => {
  it("makes the next read go to the store", () => {
    let reads = 0;
    const store = { helpfulQuestions: () => [{ text: `q${++reads}` }] };
    popularQuestions(store, 0);
    forgetPopularQuestions(store);
    expect(popularQuestions(store, 1)).toEqual(["q2"]);
  });
});
