import { describe, expect, it } from "vitest";
import { analyse } from "../../src/nlp/analyse.js";
import { findCandidates } from "../../src/answer/candidates.js";
import { parseQuestion } from "../../src/answer/question.js";

const candidates = (question: string, passage: string): string[] =>
  findCandidates(analyse(passage).tokens, parseQuestion(question)).map((c) => c.text);

describe("date candidates", () => {
  it("take what names a time, not the words wink tags as dates (\"This may\", \"DEC\")", () => {
    const passage = "This may be done for one release only. The DEC machines were replaced in March 2003, a week after the audit.";
    const found = candidates("When were the machines replaced?", passage);
    expect(found).toContain("March 2003");
    expect(found.some((c) => /may|DEC/.test(c))).toBe(false);
  });
});

describe("number candidates", () => {
  it("leave out a year written as a time (\"in 1996\") from a count or a price", () => {
    const passage = "Friends bought a zoo sponsorship for him in 1996. It cost 300 pounds.";
    expect(candidates("How much did the sponsorship cost?", passage)).toEqual(["300 pounds"]);
  });

  it("keep a year-like count that no time word introduces (\"is 1600\")", () => {
    expect(candidates("how many columns can a table have", "The maximum number of columns for a table is 1600.")).toEqual(["1600"]);
  });
});
