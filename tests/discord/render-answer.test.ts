import { describe, expect, it } from "vitest";
import { embedLength } from "../../src/discord/limits.js";
import { renderAnswer } from "../../src/discord/render-answer.js";
import { answer, excerpt } from "./answers.js";

function embedOf(reply: ReturnType<typeof renderAnswer>) {
  const embed = reply.embeds?.[0];
  if (!embed) throw new Error("no embed");
  return embed;
}

describe("renderAnswer", () => {
  it("shows the question, the short answer in bold, the quote with its source, and the confidence", () => {
    const embed = embedOf(renderAnswer(answer()));
    expect(embed.title).toBe("Who is standing for deputy leader?");
    expect(embed.description).toBe("**Angela Rayner**");
    expect(embed.fields).toEqual([
      {
        name: "1. Labour deputy leadership race",
        value:
          "> Shadow education secretary Angela **Rayner** has joined the contest for **deputy** leadership of the party.\n" +
          "— 2020-01-08 · [independent.co.uk](https://www.independent.co.uk/news/deputy)",
      },
    ]);
    expect(embed.footer?.text).toBe("Confidence 82% · quotes are verbatim from the corpus");
  });

  it("says 'Not in the corpus' and labels the nearest passages when there is no answer", () => {
    const embed = embedOf(renderAnswer(answer({ answer: null, confidence: 0, message: undefined })));
    expect(embed.description).toBe("Not in the corpus.\nThe nearest passages are below; they may not answer the question.");
    expect(embed.footer?.text).toMatch(/No answer found/);
    expect(embed.fields).toHaveLength(1);
  });

  it("passes on the engine's reason when it gives one", () => {
    const embed = embedOf(renderAnswer(answer({ question: "", answer: null, excerpts: [], message: "Ask a question, e.g. “Who is Dawn Butler?”" })));
    expect(embed.title).toBe("Your question");
    expect(embed.description).toBe("Ask a question, e.g. “Who is Dawn Butler?”");
    expect(embed.fields).toEqual([]);
  });

  it("keeps at most three quotes, numbered, with the heading when known", () => {
    const many = Array.from({ length: 5 }, (_, i) => excerpt({ title: `Doc ${i}`, heading: "Deputy race", source: "BBC News" }));
    const embed = embedOf(renderAnswer(answer({ excerpts: many })));
    expect(embed.fields?.map((f) => f.name)).toEqual(["1. Doc 0", "2. Doc 1", "3. Doc 2"]);
    expect(embed.fields?.[0]?.value).toMatch(/\n— 2020-01-08 · Deputy race · BBC News$/);
  });

  it("escapes the corpus's markdown so it cannot break the reply", () => {
    const text = "**Vote** now ||secret|| `code`\n# Big\n> quote [link](https://evil.example) ```x```";
    const embed = embedOf(renderAnswer(answer({ excerpts: [excerpt({ text, highlights: ["Vote"], title: "_Title_", date: undefined, source: undefined })] })));
    expect(embed.fields?.[0]).toEqual({
      name: "1. \\_Title\\_",
      value: "> \\*\\***Vote**\\*\\* now \\|\\|secret\\|\\| \\`code\\`\n> \\# Big\n> \\> quote \\[link](https://evil.example) \\`\\`\\`x\\`\\`\\`",
    });
  });

  it("cuts a long quote at a word boundary with …, keeping the source line", () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
    const field = embedOf(renderAnswer(answer({ excerpts: [excerpt({ text })] }))).fields?.[0];
    expect(field?.value.length).toBeLessThanOrEqual(1024);
    expect(field?.value).toMatch(/ word\d+…\n— 2020-01-08 · \[independent\.co\.uk\]/);
  });

  it("links only web URLs, and encodes parentheses so the link cannot break", () => {
    const field = embedOf(renderAnswer(answer({ excerpts: [excerpt({ source: "https://en.wikipedia.org/wiki/Labour_(UK)" })] }))).fields?.[0];
    expect(field?.value).toContain("[en.wikipedia.org](https://en.wikipedia.org/wiki/Labour_%28UK%29)");
    const plain = embedOf(renderAnswer(answer({ excerpts: [excerpt({ source: "javascript:alert(1)" })] }))).fields?.[0];
    expect(plain?.value).toMatch(/· javascript:alert\(1\)$/);
  });

  it("fits an enormous answer within the embed total", () => {
    const huge = "Rayner ".repeat(2000);
    const long = excerpt({ text: "deputy ".repeat(2000), title: "T".repeat(500), heading: "H".repeat(500) });
    const embed = embedOf(renderAnswer(answer({ question: "Q ".repeat(500), answer: huge, excerpts: [long, long, long] })));
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
    expect(embed.description).toMatch(/^\*\*Rayner .*…\*\*$/);
  });

  it("clamps a confidence outside 0–1", () => {
    expect(embedOf(renderAnswer(answer({ confidence: 1.7 }))).footer?.text).toMatch(/^Confidence 100%/);
    expect(embedOf(renderAnswer(answer({ confidence: Number.NaN }))).footer?.text).toMatch(/^Confidence 0%/);
  });
});
