import { describe, expect, it } from "vitest";
import { cutAtWord, embedLength, fitRendered, joinWithin } from "../../src/discord/limits.js";

describe("cutAtWord", () => {
  it("returns text that fits unchanged", () => {
    expect(cutAtWord("short text", 10)).toBe("short text");
  });

  it("cuts at the last word boundary and adds an ellipsis", () => {
    expect(cutAtWord("the quick brown fox jumps", 16)).toBe("the quick brown…");
    expect(cutAtWord("the quick brown fox jumps", 16).length).toBeLessThanOrEqual(16);
  });

  it("cuts inside a word only when the word is very long", () => {
    expect(cutAtWord(`a ${"x".repeat(50)}`, 20)).toBe("a…");
    const cut = cutAtWord(`a ${"x".repeat(500)}`, 100);
    expect(cut).toHaveLength(100);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("never splits a surrogate pair", () => {
    const cut = cutAtWord("😀".repeat(20), 8);
    expect(cut).toBe("😀😀😀…");
  });

  it("gives an empty string when not even the ellipsis fits", () => {
    expect(cutAtWord("anything", 0)).toBe("");
  });
});

describe("fitRendered", () => {
  const bold = (s: string): string => `**${s}**`;

  it("keeps the whole rendering when it fits", () => {
    expect(fitRendered("all of it", 20, bold)).toBe("**all of it**");
  });

  it("cuts the raw text, so the markup added by the renderer is never cut", () => {
    const out = fitRendered("one two three four five six", 16, bold);
    expect(out).toBe("**one two…**");
    expect(out.length).toBeLessThanOrEqual(16);
  });

  it("returns an empty string when nothing fits", () => {
    expect(fitRendered("words", 3, bold)).toBe("");
  });
});

describe("joinWithin", () => {
  it("joins lines that fit", () => {
    expect(joinWithin(["a", "b"], 10)).toBe("a\nb");
  });

  it("replaces the lines that do not fit with a count", () => {
    const out = joinWithin(["aaaa", "bbbb", "cccc", "dddd"], 18);
    expect(out).toBe("aaaa\n…and 3 more");
    expect(out.length).toBeLessThanOrEqual(18);
  });
});

describe("embedLength", () => {
  it("counts title, description, fields, footer and author", () => {
    expect(embedLength({ title: "ab", description: "cde", fields: [{ name: "f", value: "gh" }], footer: { text: "i" }, author: { name: "jk" } })).toBe(11);
  });
});
