import { beforeAll, describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/answer/compose.js";
import { itemsAnswer } from "../../src/answer/list.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex, type SearchIndex } from "../../src/search/build.js";
import type { Answer } from "../../src/types.js";
import { BBC, REAL_CORPUS } from "../support/corpus.js";

let index: SearchIndex;
let corpusText: string;
beforeAll(async () => {
  const { docs } = await loadCorpus(REAL_CORPUS);
  index = buildIndex(docs);
  corpusText = docs.map((d) => d.text).join("\n");
});

const ask = (question: string): Answer => composeAnswer(index, question);

/** The items of a list answer: "A, B and C" → ["A", "B", "C"]. */
const itemsOf = (answer: string): string[] => answer.split(/, | and /).map((s) => s.trim());

const MONTH = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const YEAR = /\b(1[5-9]|20)\d\d\b/;

/** Every excerpt is a verbatim quote of its document, at most three, with the document's metadata. */
function expectVerbatimExcerpts(reply: Answer): void {
  expect(reply.excerpts.length).toBeLessThanOrEqual(3);
  for (const e of reply.excerpts) {
    const doc = index.docs.get(e.doc);
    expect(doc, e.doc).toBeDefined();
    if (!doc) return;
    expect(e.title).toBe(doc.title);
    for (const piece of e.text.split("…")) expect(doc.text).toContain(piece);
    expect(e.text.replace(/^…|…$/g, "")).toBe(doc.text.slice(e.start, e.end).trim());
    for (const word of e.highlights) expect(e.text).toContain(word);
  }
}

describe("composeAnswer", () => {
  describe("who-questions get names", () => {
    const questions = [
      "Which MP resigned his Labour Party membership?",
      "Who reported the allegations against Ivan Lewis?",
      "Who is standing as a continuity candidate?",
      "Who is the frontrunner in the deputy leadership contest?",
    ];
    it.each(questions)("%s", (question) => {
      const reply = ask(question);
      expect(reply.kind).toBe("person");
      expect(reply.answer).not.toBeNull();
      expect(reply.confidence).toBeGreaterThan(0);
      for (const item of itemsOf(reply.answer ?? "")) {
        // A name: capitalised, at most a few words, written that way in the corpus.
        expect(item, reply.answer ?? "").toMatch(/^\p{Lu}/u);
        expect(item.split(" ").length).toBeLessThanOrEqual(4);
        expect(corpusText).toContain(item);
      }
      expectVerbatimExcerpts(reply);
    });
  });

  it("names the one person the corpus says did it", () => {
    expect(ask("Which MP resigned his Labour Party membership?").answer).toBe("Ivan Lewis");
  });

  // Named in issue 2: a list question must give every candidate the corpus names.
  it("names all six deputy leadership candidates for a list question", () => {
    const items = itemsOf(ask("Who is standing for deputy leader?").answer ?? "");
    for (const name of ["Angela Rayner", "Rosena Allin-Khan", "Dawn Butler", "Richard Burgon", "Ian Murray", "Khalid Mahmood"]) {
      expect(items).toContain(name);
    }
  });

  it("never answers a who-question with the person the question names", () => {
    const reply = ask("Who reported the allegations against Ivan Lewis?");
    expect(reply.answer).not.toContain("Ivan Lewis");
    expect(reply.answer).not.toMatch(/^Lewis\b/);
  });

  describe("when-questions get a date that the excerpts quote", () => {
    it.each([
      "When was Ivan Lewis suspended from the party?",
      "When will the new leader be announced?",
      "When was Rosena Allin-Khan elected to parliament?",
    ])("%s", (question) => {
      const reply = ask(question);
      expect(reply.kind).toBe("date");
      expect(reply.answer).not.toBeNull();
      const items = itemsOf(reply.answer ?? "");
      for (const item of items) expect(item).toMatch(new RegExp(`${MONTH.source}|${YEAR.source}`));
      const first = items[0] ?? "";
      expect(reply.excerpts.some((e) => e.text.includes(first))).toBe(true);
      expectVerbatimExcerpts(reply);
    });
  });

  it("answers a how-many question with a number the excerpts quote", () => {
    const reply = ask("How many anonymised stories did the #LabourToo dossier contain?");
    expect(reply.kind).toBe("number");
    expect(reply.answer).toMatch(/^\d+$/);
    expect(reply.excerpts[0]?.text).toContain(`${reply.answer} anonymised stories`);
  });

  describe("abstains when the corpus does not hold the answer", () => {
    it.each([
      "What is the capital of France?",
      "Who is the mayor of Tokyo?",
      "When did the Roman Empire fall?",
      "How tall is the Eiffel Tower?",
      // The corpus names the deputy leadership candidates, but no winner.
      "Who won the deputy leadership election?",
    ])("%s", (question) => {
      const reply = ask(question);
      expect(reply.answer).toBeNull();
      expect(reply.confidence).toBe(0);
      expect(reply.message).toMatch(/don't answer/);
      expectVerbatimExcerpts(reply);
    });
  });

  it("still offers the nearest passages when it abstains on a question close to the corpus", () => {
    const reply = ask("Who won the deputy leadership election?");
    expect(reply.answer).toBeNull();
    expect(reply.excerpts.length).toBeGreaterThan(0);
    expect(reply.message).toMatch(/nearest passages/);
  });

  it("keeps confidence in [0, 1]: above 0 when answering, 0 when abstaining", () => {
    const questions = [
      "Which MP resigned his Labour Party membership?",
      "When was Ivan Lewis suspended from the party?",
      "Why did Ivan Lewis quit?",
      "Where did Rosena Allin-Khan study medicine?",
      "Is Ian Murray standing?",
      "What is the capital of France?",
      "Tell me about pineapples",
      "",
    ];
    for (const question of questions) {
      const reply = ask(question);
      expect(reply.confidence, question).toBeGreaterThanOrEqual(0);
      expect(reply.confidence, question).toBeLessThanOrEqual(1);
      if (reply.answer === null) {
        expect(reply.confidence, question).toBe(0);
        expect(reply.message, question).toBeTruthy();
      } else {
        expect(reply.confidence, question).toBeGreaterThan(0);
        expect(reply.message, question).toBeUndefined();
      }
    }
  });

  it("quotes at most three excerpts, each verbatim, with the source and date the document gives", () => {
    const reply = ask("When was Ivan Lewis suspended from the party?");
    expect(reply.excerpts.length).toBeGreaterThan(0);
    expectVerbatimExcerpts(reply);
    const bbc = reply.excerpts.find((e) => e.doc === BBC);
    expect(bbc).toMatchObject({ title: "Ivan Lewis quits Labour Party as sex harassment row drags on", source: "BBC News" });
    expect(bbc?.score).toBeGreaterThan(0);
  });

  it("never quotes the same passage twice", () => {
    for (const question of ["Who is standing for deputy leader?", "Who is standing for the Labour leadership?", "Trident"]) {
      const texts = ask(question).excerpts.map((e) => e.text.replace(/\s+/g, " "));
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it("keeps the question as asked", () => {
    expect(ask("  Who is standing?  ").question).toBe("  Who is standing?  ");
  });

  it("gives the same answer to the same question every time", () => {
    // Timings are measurements, not part of the answer.
    const untimed = (q: string) => ({ ...ask(q), timing: undefined });
    expect(untimed("Who is standing for deputy leader?")).toEqual(untimed("Who is standing for deputy leader?"));
  });

  describe("answers a bad question plainly, without throwing", () => {
    it.each([
      ["empty", ""],
      ["whitespace", "   \n  "],
      ["10,000 characters", "why ".repeat(2500)],
      ["only punctuation", "?!?!..."],
      ["emoji only", "😀🎉"],
      ["@everyone", "@everyone"],
      ["a user mention", "<@123>"],
      ["zero-width characters", "\u200b\u200c\u200d"],
      ["stop words only", "What is it?"],
    ])("%s", (_name, question) => {
      const reply = ask(question);
      expect(reply).toMatchObject({ question, answer: null, confidence: 0, excerpts: [] });
      expect(reply.message).toMatch(/^[A-Z][^\n]+\.$/);
    });
  });

  it("answers a markdown-laden question as it answers the plain one", () => {
    const plain = ask("Who is standing for deputy leader?");
    const marked = ask("**Who** is standing for `deputy` leader?");
    expect(marked.answer).toBe(plain.answer);
    expect(marked.excerpts).toEqual(plain.excerpts);
  });

  // Single-character emphasis once reached wink and made the engine abstain.
  it("answers a question with *italic* or _italic_ words as it answers the plain one", () => {
    const plain = ask("Who is standing for deputy leader?");
    expect(plain.answer).not.toBeNull();
    expect(ask("Who is *standing* for deputy leader?").answer).toBe(plain.answer);
    expect(ask("Who is _standing_ for deputy leader?").answer).toBe(plain.answer);
  });

  it("answers a question wrapped in mentions and invisible characters as the plain one", () => {
    const plain = ask("When was Ivan Lewis suspended from the party?");
    const noisy = ask("<@123456789> @here When\u200b was Ivan Lewis suspended from the party?\u200d");
    expect(noisy.answer).toBe(plain.answer);
  });
});

describe("itemsAnswer", () => {
  it("keeps short items whole and cuts long ones to their lead so that every item is named", () => {
    expect(itemsAnswer(["`low`", "`high`"], 380)).toBe("`low`; `high`");
    const long = [
      "`echo -n`, if the shell has it built in, must not print a newline at the end of its output when asked.",
      "`test`, if the shell has it built in, must accept `-a` and `-o` as binary logical operators in expressions.",
      "`local` to make a variable scoped to the function must be supported, with several names in one line too.",
      "The extension to `kill` that accepts a signal's name or number after a dash must be supported by the shell.",
    ];
    const answer = itemsAnswer(long, 200);
    expect(answer.length).toBeLessThanOrEqual(200);
    for (const lead of ["`echo -n`", "`test`", "`local`", "`kill`"]) expect(answer).toContain(lead);
  });
});
