import { describe, expect, it } from "vitest";
import { type AskedQuestion, findGaps, formatGaps, isGap } from "../../src/report/gaps.js";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 10, minute));
function asked(text: string, minute: number, overrides: Partial<AskedQuestion> = {}): AskedQuestion {
  return { text, askedAt: at(minute), answered: false, docs: [], up: 0, down: 0, ...overrides };
}

describe("isGap", () => {
  it("is a refused question, or an answer voted down more than up", () => {
    expect(isGap({ answered: false, up: 3, down: 0 })).toBe(true);
    expect(isGap({ answered: true, up: 1, down: 2 })).toBe(true);
    expect(isGap({ answered: true, up: 1, down: 1 })).toBe(false);
    expect(isGap({ answered: true, up: 0, down: 0 })).toBe(false);
  });
});

describe("findGaps", () => {
  it("groups wordings that share most of their search terms, most asked first", () => {
    const gaps = findGaps([
      asked("Who won the deputy leadership election?", 1, { docs: ["labour.txt"] }),
      asked("who won the deputy leadership election", 5, { docs: ["labour.txt"] }),
      asked("Who won deputy leadership election?", 3, { docs: ["other.txt"] }),
      asked("What is the capital of Mongolia?", 2),
      asked("Who is the leader?", 4, { answered: true, down: 1 }),
      asked("Who is the leader?", 6, { answered: true, up: 1 }), // helped: not a gap
    ]);
    expect(gaps.map((g) => [g.question, g.count, g.refused, g.votedDown])).toEqual([
      ["who won the deputy leadership election", 3, 3, 0],
      ["Who is the leader?", 1, 0, 1],
      ["What is the capital of Mongolia?", 1, 1, 0],
    ]);
    expect(gaps[0]).toMatchObject({ lastAsked: at(5), nearestDoc: "labour.txt", others: ["Who won deputy leadership election?"] });
    expect(gaps[2]?.nearestDoc).toBeUndefined();
  });

  it("keeps questions apart that share only a word of several", () => {
    expect(findGaps([asked("Who is the Labour leader?", 1), asked("Is Keir Starmer standing for leader?", 2)])).toHaveLength(2);
  });

  it("keeps questions apart that share only a word", () => {
    const gaps = findGaps([asked("Who resigned as leader?", 1), asked("Who is deputy leader?", 2)]);
    expect(gaps).toHaveLength(2);
  });

  it("leaves out questions with no search words", () => {
    expect(findGaps([asked("???", 1), asked("   ", 2), asked("the of and", 3)])).toEqual([]);
  });
});

describe("formatGaps", () => {
  it("lists each gap with its counts, other wordings and nearest document by title", () => {
    const text = formatGaps(findGaps([asked("When is the hustings?", 1, { docs: ["n.md"] }), asked("when's the hustings", 2)]), {
      days: 7,
      titles: new Map([["n.md", "Branch notice"]]),
    });
    expect(text).toBe(
      [
        "2 questions in the last 7 days were refused or voted down, asking 1 different things:",
        "",
        '1. "when\'s the hustings" — asked 2×, 2 refused, last 2026-11-28 10:02 UTC',
        '   also: "When is the hustings?"',
        "   nearest document: Branch notice (n.md)",
      ].join("\n"),
    );
  });

  it("says so when there are none", () => {
    expect(formatGaps([], { days: 30 })).toBe("No refused or voted-down questions in the last 30 days.");
  });
});
