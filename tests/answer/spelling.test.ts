/**
 * Misspelt questions over the API reference and FAQ fixtures: a question with typos gets the
 * answer of the same question spelt right, and one whose misspelt word is in no document still
 * gets none.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseQuestion } from "../../src/answer/question.js";
import { correctQuestion } from "../../src/answer/spelling.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { composeAnswer } from "../../src/answer/compose.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { buildIndex, type SearchIndex } from "../../src/search/build.js";
import { indexOver, tempDirs } from "../support/corpus.js";

const newDir = tempDirs();

const FIXTURES = join(import.meta.dirname, "../fixtures/docs");

describe("correctQuestion", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = buildIndex((await loadCorpus(FIXTURES)).docs);
  });
  const terms = (text: string): string[] => correctQuestion(parseQuestion(text), index).terms.map((t) => t.term);

  it("reads a misspelt question as the question spelt right", () => {
    const right = parseQuestion("which environment variable holds the token");
    const mended = correctQuestion(parseQuestion("which enviroment varable holds the tokne"), index);
    expect(mended.terms.map((t) => t.term)).toEqual(right.terms.map((t) => t.term));
    // "varable" is the type noun: mended, it asks for code again.
    expect(mended.kind).toBe(right.kind);
    expect(mended.typeNoun).toBe("variable");
  });

  it("keeps a misspelt plural plural, and a misspelt type noun typed", () => {
    const right = parseQuestion("what attributes does a brew have");
    const mended = correctQuestion(parseQuestion("what attribtues does a brew have"), index);
    expect(mended.text).toBe("what attributes does a brew have");
    expect([mended.kind, mended.plurality]).toEqual([right.kind, right.plurality]);
    expect(right.plurality).toBe("many");
  });

  it("mends a misspelt part of a snake_case name in the text, so the name is found as written", () => {
    expect(correctQuestion(parseQuestion("what is the default pool_szie"), index).text).toBe("what is the default pool_size");
  });

  it("gives a word the documents hold in another form that form", () => {
    // wink leaves "timeouts" after "configured" as it is; the documents say "timeout".
    expect(terms("configured timeouts")).toEqual(["configured", "timeout"]);
  });

  it("respells an English word the documents lack only as another English word or a form of itself, never as a name", async () => {
    const club = await indexOver(newDir, { "club.md": "# The kettle club\n\nLisa Park keeps the minutes. The club keeps track of every brew in its book.\n" });
    const words = (text: string): string[] => correctQuestion(parseQuestion(text), club).terms.map((t) => t.term);
    expect(words("kettle club minutes list")).not.toContain("lisa");
    // (A typo that spells another English word is still mended: "tacking" is "tracking"'s.)
    expect(words("club brew tacking")).toContain("track");
  });

  it("splits a compound written closed that the documents write open, but not an English word", async () => {
    const manual = await indexOver(newDir, { "manual.md": "# Keys\n\nPress the space bar to pause the boil. No body of water is too small for the kettle.\n" });
    const words = (text: string): string[] => correctQuestion(parseQuestion(text), manual).terms.map((t) => t.term);
    expect(words("which key is the spacebar")).toEqual(expect.arrayContaining(["space", "bar"]));
    expect(words("can nobody pause the kettle")).not.toContain("body");
  });

  it("leaves a question whose words the documents hold, or that no word is near, as it is", () => {
    const known = parseQuestion("What is the default timeout?");
    expect(correctQuestion(known, index)).toBe(known);
    const far = parseQuestion("What is the parking policy for motorbikes?");
    expect(correctQuestion(far, index)).toBe(far);
  });
});

describe("answers to misspelt questions", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ corpusDir: FIXTURES, cacheDir: null });
  });

  it("gives a misspelt question the answer of the same question spelt right", () => {
    const pairs = [
      ["What is the default timeout?", "What is the defualt timout?"],
      ["which environment variable holds the token", "which enviroment varable holds the tokne"],
      ["why can't I pause a brew while steeping", "why can't I puase a brew while steepping"],
      ["how many guests can members bring", "how many gusets can membres bring"],
    ] as const;
    for (const [right, wrong] of pairs) {
      const expected = engine.answer(right).answer;
      expect(expected, right).not.toBeNull();
      expect(engine.answer(wrong).answer, wrong).toBe(expected);
    }
  });

  it("still abstains when the misspelt words are in no document", () => {
    expect(engine.answer("What is the parking policy for motorbikes?").answer).toBeNull();
    expect(engine.answer("What is the parkign polcy for motorbkies?").answer).toBeNull();
    expect(engine.answer("what does the flurbix settting do").answer).toBeNull();
  });
});

describe("answers to misspelt words over a glossary", () => {
  let glossary: SearchIndex;
  beforeAll(async () => {
    glossary = await indexOver(newDir, {
      "words.md": "# Tea words\n\n## Samovar\n\nA samovar is a heated metal urn for boiling water, used to make tea in Russia.\n\n## Caddy\n\nA caddy is a small tin or box in which loose tea is kept dry.\n",
    });
  });
  const ask = (q: string): string | null => composeAnswer(glossary, q).answer;

  it("defines a misspelt word as the word spelt right", () => {
    expect(ask("what is a samovar")).toMatch(/heated metal urn/);
    expect(ask("what is a samovra")).toBe(ask("what is a samovar"));
    expect(ask("what is a cadyy")).toBe(ask("what is a caddy"));
  });

  it("does not take a word that is no near misspelling for the document's word", () => {
    // Three edits from "samovar"; one, but at the first letter, where typos rarely fall.
    expect(ask("what is a samobarka")).toBeNull();
    expect(ask("what is a lamovar")).toBeNull();
  });
});

describe("answers to words misspelt beyond the documents' own vocabulary", () => {
  let guide: SearchIndex;
  beforeAll(async () => {
    guide = await indexOver(newDir, {
      "kettles.md": "# Kettle guide\n\n## Where kettles go\n\nPackages install their kettle scripts under /usr/lib/kettle-bin, and the web server runs them from there.\n\n## Descaling\n\nA kettle should be descaled once a month in hard-water areas.\n",
    });
  });
  const ask = (q: string): string | null => composeAnswer(guide, q).answer;

  it("respells a word the documents hold only in another form by way of the English word it misspells", () => {
    // "installde" is two edits from the documents' "install", one from the English "installed".
    const right = ask("where are kettle scripts installed");
    expect(right).toBe("/usr/lib/kettle-bin");
    expect(ask("where are kettle scripts installde")).toBe(right);
    expect(correctQuestion(parseQuestion("where are kettle scripts installde"), guide).text).toBe("where are kettle scripts installed");
  });

  it("leaves a word alone when the English words near it are not the documents'", () => {
    // "motorbkie" is one edit from "motorbike", which no document holds in any form.
    const q = parseQuestion("where are motorbkie scripts kept");
    expect(correctQuestion(q, guide).text).toBe(q.text);
  });
});
