import { describe, expect, it } from "vitest";
import { answerButtons, customIdOf, pageButtons, parseCustomId, passagePage, recordAnswer, withButtons } from "../../src/discord/feedback.js";
import { createLogger } from "../../src/discord/logger.js";
import { openStore } from "../../src/store/store.js";
import type { Excerpt, ScoredPassage } from "../../src/types.js";
import { answer } from "./answers.js";
import { limitViolations } from "./stand-in/discord-rules.js";

const ex = (doc: string, start: number, end = start + 10): Excerpt => ({ doc, title: doc, text: `${doc}@${start}`, start, end, score: 1, highlights: [] });
const hit = (doc: string, start: number, end = start + 10): ScoredPassage => ({ passage: { id: start, doc, start, end }, score: 1, terms: [] });

describe("customIdOf / parseCustomId", () => {
  it("round-trips every action, within Discord's 100 characters", () => {
    for (const action of [
      { kind: "vote", id: 1, vote: 1 },
      { kind: "vote", id: 999_999_999_999, vote: -1 },
      { kind: "more", id: 7, page: 3 },
    ] as const) {
      const id = customIdOf(action);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(parseCustomId(id)).toEqual(action);
    }
  });

  it("refuses ids it did not make", () => {
    for (const id of ["", "vb1:up", "vb1:up:x", "vb1:more:3", "vb1:up:3:4", "vb2:up:3", "other:up:3", "vb1:sideways:3"]) {
      expect(parseCustomId(id)).toBeUndefined();
    }
  });
});

describe("passagePage", () => {
  const shown = [ex("a.md", 0), ex("a.md", 100)];
  // b.md@5 and a.md@95 overlap a shown quote; the rest are new.
  const ranked = [ex("a.md", 95), ex("b.md", 0), ex("b.md", 20), ex("a.md", 50), ex("c.md", 0), ex("c.md", 40), ex("d.md", 0)];

  it("pages the ranked quotes the answer did not show, three at a time", () => {
    expect(passagePage(shown, ranked, 1)).toEqual({ excerpts: [ex("b.md", 0), ex("b.md", 20), ex("a.md", 50)], last: false });
    expect(passagePage(shown, ranked, 2)).toEqual({ excerpts: [ex("c.md", 0), ex("c.md", 40), ex("d.md", 0)], last: true });
    expect(passagePage(shown, ranked, 3)).toEqual({ excerpts: [], last: true });
  });
});

describe("answerButtons / pageButtons", () => {
  it("fit Discord's component rules", () => {
    expect(limitViolations({ components: answerButtons(123, true) })).toEqual([]);
    expect(limitViolations({ components: pageButtons(123, 9, true) })).toEqual([]);
  });

  it("disable More passages when there is nothing more", () => {
    expect(answerButtons(1, false)[0]?.components.map((b) => b.disabled)).toEqual([false, false, true]);
    expect(pageButtons(1, 2, true)[0]?.components[0]).toMatchObject({ disabled: true, label: "No more passages" });
  });
});

describe("withButtons", () => {
  const reply = { content: "x" };
  const shownAnswer = answer({ question: "q", excerpts: [ex("a.md", 0)] });

  it("adds no buttons to an answer that was not stored", () => {
    expect(withButtons(reply, shownAnswer, undefined, { search: () => [hit("b.md", 0)] })).toEqual(reply);
  });

  it("enables More passages only when a passage outside the answer's quotes matches", () => {
    const more = (hits: ScoredPassage[]) => withButtons(reply, shownAnswer, 5, { search: () => hits }).components?.[0]?.components[2];
    expect(more([hit("a.md", 0), hit("b.md", 0)])).toMatchObject({ disabled: false });
    expect(more([hit("a.md", 5)])).toMatchObject({ disabled: true });
    expect(more([])).toMatchObject({ disabled: true });
  });
});

describe("recordAnswer", () => {
  const asker = { userId: "123456789012345678", via: "slash" as const, guildId: "1", channelId: "2" };
  const logged = () => {
    const lines: string[] = [];
    return { lines, logger: createLogger({ level: "debug", write: (line) => lines.push(line) }) };
  };

  it("stores the question, answered or not, with the documents quoted", () => {
    const store = openStore({ dir: null });
    const { logger } = logged();
    const id = recordAnswer(store, logger, answer({ question: "Who?", answer: null, excerpts: [ex("a.md", 0), ex("b.md", 5)] }), asker);
    expect(store.question(id!)).toMatchObject({ text: "Who?", answered: false, docs: ["a.md", "b.md"], via: "slash", guildId: "1", channelId: "2" });
    store.close();
  });

  it("logs a failed write and returns undefined, so the answer goes out without buttons", () => {
    const store = openStore({ dir: null });
    store.close();
    const { logger, lines } = logged();
    expect(recordAnswer(store, logger, answer({ question: "Who?" }), asker)).toBeUndefined();
    expect(lines.join("\n")).toMatch(/WARN .*store: could not record a question \(answered without buttons\): The database connection is not open/);
  });

  it("records nothing without a store", () => {
    expect(recordAnswer(undefined, logged().logger, answer({ question: "Who?" }), asker)).toBeUndefined();
  });
});
