import { describe, expect, it } from "vitest";
import { blockQuote, escapeCorpus, escapeInline, highlight } from "../../src/discord/markdown.js";

describe("escapeCorpus", () => {
  it.each([
    ["**bold** and _italic_", "\\*\\*bold\\*\\* and \\_italic\\_"],
    ["`code` and ||spoiler||", "\\`code\\` and \\|\\|spoiler\\|\\|"],
    ["~~struck~~", "\\~\\~struck\\~\\~"],
    ["# Heading", "\\# Heading"],
    ["- item", "\\- item"],
    ["1. item", "1\\. item"],
    ["[click](https://evil.example)", "\\[click](https://evil.example)"],
    ["> quoted", "\\> quoted"],
    ["-# small", "\\-# small"],
    ["C:\\path", "C:\\\\path"],
  ])("shows %j literally", (text, escaped) => {
    expect(escapeCorpus(text)).toBe(escaped);
  });

  it("leaves mentions verbatim (pings are disabled by allowedMentions instead)", () => {
    expect(escapeCorpus("@everyone <@&123>")).toBe("@everyone <@&123>");
  });
});

describe("escapeInline", () => {
  it("puts the text on one line", () => {
    expect(escapeInline("  two\n lines  ")).toBe("two lines");
  });
});

describe("highlight", () => {
  it("bolds whole-word matches in any case", () => {
    expect(highlight("Deputy leader, deputyship and the deputy", ["deputy"])).toBe("**Deputy** leader, deputyship and the **deputy**");
  });

  it("prefers the longest highlight and escapes inside and around the bold", () => {
    expect(highlight("Allin-Khan *said*", ["Allin", "Allin-Khan"])).toBe("**Allin-Khan** \\*said\\*");
  });

  it("merges touching matches so markers never meet", () => {
    const out = highlight("ab", ["a", "b"]);
    expect(out).not.toContain("****");
  });

  it("treats highlight words as text, not patterns", () => {
    expect(highlight("AAE A+E", ["A+E"])).toBe("AAE **A+E**");
  });

  it("escapes when there is nothing to highlight", () => {
    expect(highlight("*x*", [])).toBe("\\*x\\*");
  });
});

describe("blockQuote", () => {
  it("quotes every line and drops blank ones", () => {
    expect(blockQuote("one\n\n\ntwo  \r\nthree")).toBe("> one\n> two\n> three");
  });
});
