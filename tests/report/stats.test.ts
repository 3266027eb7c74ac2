import { describe, expect, it } from "vitest";
import { formatStats, percent, summarise } from "../../src/report/stats.js";

const day = (d: number, hour = 12) => new Date(Date.UTC(2026, 10, d, hour));

describe("summarise", () => {
  it("counts questions per day, the answer rate, the helpful rate and the documents answers quoted", () => {
    const stats = summarise([
      { askedAt: day(27), answered: true, docs: ["a.md", "a.md", "b.md"], up: 2, down: 0 },
      { askedAt: day(28, 1), answered: false, docs: ["c.md"], up: 0, down: 1 },
      { askedAt: day(28, 23), answered: true, docs: ["a.md"], up: 1, down: 1 },
    ]);
    expect(stats).toEqual({
      questions: 3,
      answered: 2,
      answerRate: 2 / 3,
      helpful: 3,
      notHelpful: 2,
      helpfulRate: 3 / 5,
      perDay: [
        { day: "2026-11-27", questions: 1, answered: 1 },
        { day: "2026-11-28", questions: 2, answered: 1 },
      ],
      // A refused question's nearest passages are not quoted as an answer: c.md is not counted.
      topDocs: [
        { doc: "a.md", quoted: 2 },
        { doc: "b.md", quoted: 1 },
      ],
    });
  });

  it("has no rates without questions or votes", () => {
    expect(summarise([])).toMatchObject({ answerRate: null, helpfulRate: null, perDay: [], topDocs: [] });
    expect(percent(null)).toBe("—");
  });
});

describe("formatStats", () => {
  it("prints the totals, the days and the top documents", () => {
    const text = formatStats(summarise([{ askedAt: day(28), answered: true, docs: ["a.md"], up: 1, down: 0 }]), { days: 30 });
    expect(text).toContain("Last 30 days: 1 questions, 1 answered (100%); votes: 1 helpful, 0 not helpful (100% helpful).");
    expect(text).toContain("2026-11-28     1 asked,    1 answered");
    expect(text).toContain("1. a.md — 1 answers");
  });
});
