import { describe, expect, it } from "vitest";
import { markdownLayout } from "../../src/corpus/markdown.js";

describe("markdownLayout", () => {
  const TEXT = [
    "---",
    "title: Guide # the page title",
    "---",
    "# Setup",
    "",
    "Read the [install notes](https://example.com/zucchiniurl) and run `make install`.",
    "",
    "![diagram](https://img.example.com/aubergine.png)",
    "",
    "<!-- a note for editors -->",
    "",
    "    indented code",
    "",
  ].join("\n");

  it("gives a mask as long as the text with newlines in place", () => {
    const { mask } = markdownLayout(TEXT);
    expect(mask).toHaveLength(TEXT.length);
    expect([...mask].map((c, i) => (c === "\n") === (TEXT[i] === "\n")).every(Boolean)).toBe(true);
  });

  it("blanks front matter, heading lines, images, link destinations and HTML comments, and keeps link text", () => {
    const { mask } = markdownLayout(TEXT);
    for (const gone of ["title", "# Setup", "zucchiniurl", "aubergine", "editors"]) expect(mask).not.toContain(gone);
    expect(mask).toContain("install notes");
    expect(mask).toContain("`make install`");
  });

  it("gives blocks their heading and kind, in order", () => {
    const { blocks } = markdownLayout(TEXT);
    expect(blocks.map((b) => [b.kind, b.heading, TEXT.slice(b.start, b.end)])).toEqual([
      ["prose", "Setup", "Read the [install notes](https://example.com/zucchiniurl) and run `make install`."],
      ["code", "Setup", "    indented code"],
    ]);
  });

  it("heads a FAQ's answers with its numbered entries set in bold whole, questions or not, but not with other bold lines", () => {
    const text = [
      "**(1) The kettle clicks off too soon.**",
      "",
      "> Descale the element with citric acid.",
      "",
      "**Q2. Is the base dishwasher safe?**",
      "",
      "> No. Wipe it with a damp cloth.",
      "",
      "**Warning: hot surfaces**",
      "",
      "Let the base cool before wiping it.",
    ].join("\n");
    const { blocks } = markdownLayout(text);
    expect(blocks.map((b) => [b.heading, text.slice(b.start, b.end)])).toEqual([
      ["(1) The kettle clicks off too soon.", "Descale the element with citric acid."],
      ["Q2. Is the base dishwasher safe?", "No. Wipe it with a damp cloth."],
      ["Q2. Is the base dishwasher safe?", "**Warning: hot surfaces**\n\nLet the base cool before wiping it."],
    ]);
  });

  it("heads a description with the code span written alone in the paragraph over it, not the entry before it", () => {
    const text = [
      "## Kettle options",
      "",
      "  `KETTLE_KEEPWARM`",
      "",
      "  Hold the water just below boiling after the kettle switches off.",
      "",
      "  **`KETTLE_STEEP`**:",
      "",
      "  Set how long the tea steeps, in seconds.",
      "",
      "The options are read at start.",
    ].join("\n");
    const { blocks } = markdownLayout(text);
    expect(blocks.map((b) => [b.heading, text.slice(b.start, b.end)])).toEqual([
      ["KETTLE_KEEPWARM", "Hold the water just below boiling after the kettle switches off."],
      ["KETTLE_STEEP", "Set how long the tea steeps, in seconds.\n\nThe options are read at start."],
    ]);
  });

  it("leaves out a page's table of contents, as a list or as lines of links within the page", () => {
    const text = [
      "# Kettle FAQ",
      "",
      "1. [How do I descale the kettle?](#q1)",
      "2. [Is the base dishwasher safe?](#q2)",
      "   * [Which parts are?](#q2a)",
      "",
      "[General questions](#general)  ",
      "[Cleaning](#cleaning)",
      "",
      "- [the manual](manual.html)",
      "- [the warranty](#warranty)",
      "",
      "## How do I descale the kettle?",
      "",
      "Boil a litre of water with two spoons of citric acid. See [the warranty](#warranty).",
    ].join("\n");
    const { blocks, mask } = markdownLayout(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      "- [the manual](manual.html)\n- [the warranty](#warranty)",
      "Boil a litre of water with two spoons of citric acid. See [the warranty](#warranty).",
    ]);
    expect(mask).not.toContain("dishwasher");
    expect(mask).not.toContain("Cleaning");
  });

  it("heads the answer of a FAQ that sets its questions in bold with its question, as a heading line would", () => {
    const text = [
      "## Questions",
      "",
      "**Can two kettles share a socket?** Yes, through a plug board rated for both.",
      "",
      "**Does the lid come off?**",
      "",
      "Only on the travel kettle, which has a hinge pin that slides out.",
      "",
      "**Note** that the base is not dishwasher safe.",
    ].join("\n");
    const { blocks, mask } = markdownLayout(text);
    expect(blocks.map((b) => [b.heading, text.slice(b.start, b.end)])).toEqual([
      ["Can two kettles share a socket?", "Yes, through a plug board rated for both."],
      ["Does the lid come off?", "Only on the travel kettle, which has a hinge pin that slides out."],
      ["Does the lid come off?", "**Note** that the base is not dishwasher safe."],
    ]);
    expect(mask).not.toContain("share a socket?");
  });

  it("records inline code and links as stretches a sentence may not end inside", () => {
    const { atomic } = markdownLayout(TEXT);
    expect(atomic.map(([s, e]) => TEXT.slice(s, e))).toEqual(["[install notes](https://example.com/zucchiniurl)", "`make install`"]);
  });

  it("reads front matter closed by \"...\" as front matter", () => {
    const text = "---\ntitle: Dotted\n...\nBody text of the page, long enough to stand alone.\n";
    const { blocks } = markdownLayout(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(["Body text of the page, long enough to stand alone."]);
  });

  it("indexes a repeated paragraph of real length once, a repeated short one each time", () => {
    const long = "The compost heap should be turned monthly, said the head gardener of the estate.";
    const text = `${long}\n\n- Returns: {Server}\n\n${long}\n\n- Returns: {Server}\n`;
    const quotes = markdownLayout(text).blocks.map((b) => text.slice(b.start, b.end));
    expect(quotes).toEqual([long, "- Returns: {Server}", "- Returns: {Server}"]);
  });

  it("blanks a bare URL, its trailing full stop kept as text, and never ends a sentence inside it", () => {
    const text = "See https://example.com/zucchini.html. Or www.example.org/aubergine (a mirror).\n";
    const { mask, atomic } = markdownLayout(text);
    expect(mask).not.toMatch(/zucchini|aubergine|example/);
    expect(atomic.map(([s, e]) => text.slice(s, e))).toEqual(["https://example.com/zucchini.html", "www.example.org/aubergine"]);
    expect(mask).toContain(". Or");
  });
});
