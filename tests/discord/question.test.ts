import { describe, expect, it } from "vitest";
import { questionFrom } from "../../src/discord/question.js";

const BOT = "1200000000004194304";

describe("questionFrom", () => {
  it("takes a whole direct message as the question", () => {
    expect(questionFrom({ content: "  Who is Dawn Butler? ", inDM: true, mentionsBot: false }, BOT)).toBe("Who is Dawn Butler?");
  });

  it("strips the bot's mention, in either form, wherever it is", () => {
    expect(questionFrom({ content: `<@${BOT}> who is standing?`, inDM: false, mentionsBot: true }, BOT)).toBe("who is standing?");
    expect(questionFrom({ content: `who is standing, <@!${BOT}>?`, inDM: false, mentionsBot: true }, BOT)).toBe("who is standing, ?");
  });

  it("ignores server messages that do not mention the bot", () => {
    expect(questionFrom({ content: "who is standing?", inDM: false, mentionsBot: false }, BOT)).toBeNull();
  });

  it("gives an empty question for a bare mention", () => {
    expect(questionFrom({ content: `<@${BOT}>`, inDM: false, mentionsBot: true }, BOT)).toBe("");
  });
});
