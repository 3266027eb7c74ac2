import { describe, expect, it } from "vitest";
import { suggestQuestions } from "../../src/discord/examples.js";

const doc = (title: string) => ({ title });

describe("suggestQuestions", () => {
  it("asks about the first name in each title", () => {
    expect(
      suggestQuestions([
        doc("Ivan Lewis quits Labour Party as sex harassment row drags on"),
        doc("Labour deputy leadership hopeful Rosena Allin-Khan vows to stamp out sexual harassment"),
      ]),
    ).toEqual(["Who is Ivan Lewis?", "Who is Rosena Allin-Khan?"]);
  });

  it("asks 'what' about organisations", () => {
    expect(suggestQuestions([doc("Statement from the Jewish Labour Movement today")])).toEqual([
      "What does the corpus say about Jewish Labour Movement?",
    ]);
  });

  it("skips file-name titles and titles without a name, and stops at max", () => {
    expect(suggestQuestions([doc("004_1dedffaa3f545cf3"), doc("notes on the meeting")])).toEqual([]);
    const many = ["Ann Smith wins", "Bob Jones loses", "Cat Brown ties", "Dan Green waits"].map(doc);
    expect(suggestQuestions(many, 2)).toEqual(["Who is Ann Smith?", "Who is Bob Jones?"]);
  });

  it("ends a name at punctuation", () => {
    expect(suggestQuestions([doc("Why Dawn Butler, and not others, leads")])).toEqual(["Who is Dawn Butler?"]);
  });
});
