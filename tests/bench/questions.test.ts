import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentWords, generateQuestions, QUESTION_WORDS } from "../../src/bench/questions.js";

const PASSAGES = [
  "The planner chooses a bitmap heap scan when many rows match the index condition and the table is large.",
  "A checkpoint flushes every dirty buffer to disk, so that recovery after a crash starts from a known position.",
  "Autovacuum workers reclaim storage occupied by dead tuples and update statistics used by the query planner.",
  "The kernel scheduler assigns runnable tasks to processors, balancing load across scheduling domains periodically.",
  "Context managers guarantee that cleanup code runs when the block exits, even after an exception was raised.",
  "Short line.",
  "x = f(a, b); y = g(c) // code is never a question source even with many identifiers here and there",
].map((text) => ({ text }));

/** The question without its frame: the words drawn from the passage. */
function body(question: string): string {
  return question.replace(/^(What is|How does|How do I|Why does|What happens when|When should|Which|Can you explain|Where is|Is it true that) /, "")
    .replace(/ (work|described)?\?$/, "")
    .replace(/\?$/, "");
}

describe("generateQuestions", () => {
  it("is deterministic for a seed and changes with the seed", () => {
    const a = generateQuestions(PASSAGES, { count: 5, seed: 7 });
    expect(generateQuestions(PASSAGES, { count: 5, seed: 7 })).toEqual(a);
    expect(generateQuestions(PASSAGES, { count: 5, seed: 8 })).not.toEqual(a);
  });

  it("draws each question from prose passages with enough content words, and knows its source", () => {
    const questions = generateQuestions(PASSAGES, { count: 10, seed: 1 });
    expect(questions.length).toBe(5);
    expect(new Set(questions.map((q) => q.source))).toEqual(new Set([0, 1, 2, 3, 4]));
    questions.forEach((q, i) => {
      expect(q.id).toBe(i);
      expect(q.text).toMatch(/^[A-Z].*\?$/);
      const words = body(q.text).split(" ");
      expect(words.length).toBeGreaterThanOrEqual(QUESTION_WORDS - 1);
      expect(words.length).toBeLessThanOrEqual(QUESTION_WORDS);
    });
  });

  it("never copies the passage verbatim", () => {
    for (const q of generateQuestions(PASSAGES, { count: 10, seed: 3 })) {
      const passage = PASSAGES[q.source]!.text.toLowerCase();
      expect(passage.includes(body(q.text).toLowerCase())).toBe(false);
    }
  });

  it("skips passages whose text occurs twice (their source would be ambiguous)", () => {
    const twice = [PASSAGES[0]!, PASSAGES[0]!, PASSAGES[1]!];
    const questions = generateQuestions(twice, { count: 3, seed: 1 });
    expect(questions.map((q) => q.source)).toEqual([2]);
  });

  it("keeps the words of a question verbatim-free for any prose (property)", () => {
    const word = fc.constantFrom(
      "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa", "lambda", "sigma",
      "the", "of", "and", "a", "to", "is",
    );
    const sentence = fc.array(word, { minLength: 10, maxLength: 30 }).map((ws) => `${ws.join(" ")}.`);
    const passage = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ({ text: ss.join(" ") }));
    fc.assert(
      fc.property(fc.array(passage, { minLength: 1, maxLength: 8 }), fc.nat(), (passages, seed) => {
        for (const q of generateQuestions(passages, { count: 5, seed })) {
          const text = passages[q.source]!.text.toLowerCase();
          expect(text.includes(body(q.text).toLowerCase())).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("contentWords", () => {
  it("keeps words of 3+ letters that are not stop words, as written", () => {
    expect(contentWords("The PCI bus is a shared resource, and it isn't free.")).toEqual(["PCI", "bus", "shared", "resource", "isn't", "free"]);
  });
});

describe("generateQuestions on repetitive text", () => {
  it("makes no question from a run of repeated words", () => {
    const passages = [{ text: "Patch by Antoine Pitrou bpo bpo bpo bpo bpo bpo bpo bpo bpo." }];
    expect(generateQuestions(passages, { count: 5, seed: 1 })).toEqual([]);
  });
});
