import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkQuestion, MAX_QUESTION_CHARS } from "../../src/answer/validate.js";

/** The message of a refused question (fails the test if it was accepted). */
function refusal(raw: unknown): string {
  const checked = checkQuestion(raw);
  if (checked.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${JSON.stringify(checked.text)}`);
  return checked.message;
}

/** The cleaned text of an accepted question (fails the test if it was refused). */
function cleaned(raw: string): string {
  const checked = checkQuestion(raw);
  if (!checked.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted, got ${JSON.stringify(checked.message)}`);
  return checked.text;
}

/** Invisible characters that carry no words. */
const ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u202e"];

describe("checkQuestion", () => {
  it("accepts a plain question as it is", () => {
    expect(checkQuestion("Who is standing for deputy leader?")).toEqual({ ok: true, text: "Who is standing for deputy leader?" });
  });

  it("refuses an empty question with a plain request to type one", () => {
    expect(refusal("")).toMatch(/type a question/i);
  });

  it("refuses whitespace only", () => {
    for (const blank of [" ", "   \n\t ", "\r\n\r\n", "\u00a0\u2003"]) expect(refusal(blank)).toMatch(/type a question/i);
  });

  it("refuses a 10,000-character paste, saying how long it is and what the limit is", () => {
    const message = refusal("Who is standing? ".repeat(600).slice(0, 10_000));
    expect(message).toContain("10,000");
    expect(message).toContain(String(MAX_QUESTION_CHARS));
  });

  it("accepts a question of exactly MAX_QUESTION_CHARS and refuses one character more", () => {
    expect(checkQuestion("a".repeat(MAX_QUESTION_CHARS)).ok).toBe(true);
    expect(checkQuestion("a".repeat(MAX_QUESTION_CHARS + 1)).ok).toBe(false);
  });

  it("refuses only punctuation, saying it has no words", () => {
    for (const noise of ["?", "?!...", "¿¡—…", "***", "()[]{}", "-- // ##"]) expect(refusal(noise)).toMatch(/no words/i);
  });

  it("refuses emoji only, and keeps the words of a question with emoji", () => {
    for (const emoji of ["😀", "😀🎉👍", "👩‍👩‍👧‍👦", "🇬🇧", "<:blob:123456789>"]) expect(refusal(emoji)).toMatch(/no words|type a question/i);
    expect(cleaned("Who is standing? 🤔")).toBe("Who is standing? 🤔");
  });

  it("removes markdown bold, code, strike-through, spoilers, headings and quotes", () => {
    expect(cleaned("**Who** is standing for `deputy` leader?")).toBe("Who is standing for deputy leader?");
    expect(cleaned("~~Who~~ ||is|| standing?")).toBe("Who is standing?");
    expect(cleaned("# Who is standing?")).toBe("Who is standing?");
    expect(cleaned("> Who is standing?")).toBe("Who is standing?");
    expect(cleaned("```\nWho is standing?\n```")).toBe("Who is standing?");
    expect(cleaned("__Who__ is standing?")).toBe("Who is standing?");
  });

  // Left in, "_standing_" reads as "_", "standing", "_" (no lemma) and the engine abstains.
  it("keeps a lone * or ~ that is a glob, an operator or a home directory", () => {
    expect(cleaned("does the kettle read *.toml files")).toBe("does the kettle read *.toml files");
    expect(cleaned("what is `2 * 0` in kettle scripts")).toBe("what is 2 * 0 in kettle scripts");
    expect(cleaned("is ~/.config/kettle read first")).toBe("is ~/.config/kettle read first");
    expect(cleaned("is *~/.kettlerc* read *before* ~/.config?")).toBe("is ~/.kettlerc read before ~/.config?");
  });

  it("removes markdown italics written with single * or _", () => {
    expect(cleaned("Who is *standing* for _deputy_ leader?")).toBe("Who is standing for deputy leader?");
  });

  it("keeps an underscore inside a word: it is part of an identifier, not emphasis", () => {
    expect(cleaned("what is the default of max_wal_size?")).toBe("what is the default of max_wal_size?");
    expect(cleaned("is _work_mem_ per query")).toBe("is work_mem per query");
  });

  it("keeps a dunder name whole: it is code, not underlined text", () => {
    expect(cleaned("when is __del__ called?")).toBe("when is __del__ called?");
    expect(cleaned("what does `__init_subclass__` do")).toBe("what does __init_subclass__ do");
  });

  it("refuses @everyone and @here alone, and drops them from a question", () => {
    expect(refusal("@everyone")).toMatch(/type a question/i);
    expect(refusal("@here")).toMatch(/type a question/i);
    expect(refusal("@everyone @here")).toMatch(/type a question/i);
    expect(cleaned("@everyone who is standing?")).toBe("who is standing?");
  });

  // "_" is a word character: "@everyone__" has no \b after "everyone" until the marks are gone.
  it("refuses a mass mention that markdown marks were hiding", () => {
    expect(refusal("@everyone__")).toMatch(/type a question/i);
    expect(refusal("@here__")).toMatch(/type a question/i);
    expect(cleaned("Who is standing @everyone__")).toBe("Who is standing");
  });

  it("refuses a bare user, role or channel mention, and drops mentions from a question", () => {
    expect(refusal("<@123>")).toMatch(/type a question/i);
    expect(refusal("<@!123> <@&456> <#789>")).toMatch(/type a question/i);
    expect(cleaned("<@123456789012345678> who is standing?")).toBe("who is standing?");
  });

  it("drops links, which carry no words to look for", () => {
    expect(refusal("https://example.com/some/page")).toMatch(/type a question/i);
    expect(cleaned("Who is standing? https://example.com/x")).toBe("Who is standing?");
  });

  it("removes zero-width and direction-control characters", () => {
    for (const zw of ZERO_WIDTH) {
      expect(cleaned(`Who${zw} is${zw} standing?`), JSON.stringify(zw)).toBe("Who is standing?");
      expect(refusal(zw.repeat(3)), JSON.stringify(zw)).toMatch(/type a question|no words/i);
    }
    expect(cleaned("\u0000\u0007Who is standing?\u007f")).toBe("Who is standing?");
  });

  it("folds compatibility characters: full-width letters and ligatures become plain letters", () => {
    expect(cleaned("ｗｈｏ ｉｓ ｓｔａｎｄｉｎｇ")).toBe("who is standing");
    expect(cleaned("Who runs the ﬁnance team?")).toBe("Who runs the finance team?");
    expect(cleaned("＠everyone Who is standing?")).toBe("Who is standing?");
  });

  it("keeps letters and digits of any script", () => {
    expect(cleaned("Qui est là ?")).toBe("Qui est là ?");
    expect(cleaned("Ms Allin-Khan, 2016?")).toBe("Ms Allin-Khan, 2016?");
    expect(cleaned("誰が立候補していますか")).toBe("誰が立候補していますか");
  });

  it("refuses a value that is not a string", () => {
    for (const raw of [undefined, null, 42, {}, ["Who?"]]) expect(refusal(raw)).toMatch(/in words/i);
  });

  it("answers every refusal with one short plain line that never echoes a mention", () => {
    const bad: unknown[] = ["", " ", "x".repeat(10_000), "?!", "😀", "@everyone", "<@123>", "\u200b", null];
    for (const raw of bad) {
      const message = refusal(raw);
      expect(message.length).toBeGreaterThan(10);
      expect(message.length).toBeLessThan(120);
      expect(message).not.toMatch(/[\r\n@<]/);
    }
  });

  it("never throws, and an accepted question is short, trimmed, has a word and carries no mention", () => {
    const pieces = fc.constantFrom(
      "@everyone", "@here", "<@123>", "<@!42>", "<@&7>", "<#9>", "**", "__", "`", "~~", "||", "# ", "> ",
      "https://x.example/a", "😀", "\u200b", "\u202e", "\ufeff", " ", "\n", "Who", "standing", "?", "＠", "ｅ",
    );
    const question = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(question, (raw) => {
        const checked = checkQuestion(raw);
        if (!checked.ok) return checked.message.length > 0;
        const { text } = checked;
        return (
          text.length > 0 &&
          text.length <= MAX_QUESTION_CHARS &&
          text === text.trim() &&
          /[\p{L}\p{N}]/u.test(text) &&
          !/@(everyone|here)\b|<[@#][!&]?\d+>/.test(text) &&
          !/[\p{Cc}\p{Cf}]/u.test(text)
        );
      }),
      { numRuns: 500, seed: 20_200_107 },
    );
  });
});
