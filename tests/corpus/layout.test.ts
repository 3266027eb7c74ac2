import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/corpus/frontmatter.js";
import { layoutOf, type Layout } from "../../src/corpus/layout.js";
import { INDEPENDENT, REAL_CORPUS } from "../support/corpus.js";

/** The text of each block, with its kind and heading. */
function blocksOf(text: string, layout: Layout = layoutOf(text)): Array<[string, string, string | undefined]> {
  return layout.blocks.map((b) => [b.kind, text.slice(b.start, b.end), b.heading]);
}

/** Every character of the mask is the text's own character or a blank; newlines are kept. */
function expectMaskOf(text: string, mask: string): void {
  expect(mask).toHaveLength(text.length);
  for (let i = 0; i < text.length; i++) {
    const [t, m] = [text[i], mask[i]];
    if (t === "\n" || t === "\r") expect(m, `offset ${i}`).toBe(t);
    else if (m !== t) expect(m, `offset ${i}`).toBe(" ");
  }
}

describe("layoutOf", () => {
  it("gives a mask as long as the text, newlines in place, so offsets into the mask are offsets into the text", () => {
    const text = "---\ntitle: T\n---\n# Head\r\n\r\n![img](https://x.example/a.png)\r\nSee [the site](https://x.example/page) now.\r\n";
    const { bodyStart } = parseFrontMatter(text);
    expectMaskOf(text, layoutOf(text, bodyStart).mask);
  });

  it("blanks the front matter before bodyStart", () => {
    const text = "---\ntitle: Secret title words\n---\nBody words.\n";
    const { bodyStart } = parseFrontMatter(text);
    const { mask, blocks } = layoutOf(text, bodyStart);
    expect(mask.slice(0, bodyStart).trim()).toBe("");
    expect(blocksOf(text, { mask, blocks })).toEqual([["prose", "Body words.", undefined]]);
  });

  it("gives each block the markdown heading it sits under and keeps heading lines out of the mask", () => {
    const text = "Intro before any heading.\n\n# Growing\n\nTomatoes need sun.\n\n## Pests\n\nAphids eat leaves.\n";
    const { mask, blocks } = layoutOf(text);
    expect(blocksOf(text, { mask, blocks })).toEqual([
      ["prose", "Intro before any heading.", undefined],
      ["prose", "Tomatoes need sun.", "Growing"],
      ["prose", "Aphids eat leaves.", "Pests"],
    ]);
    expect(mask).not.toContain("Growing");
    expect(mask).not.toContain("Pests");
  });

  it("reads setext headings and strips emphasis from heading text", () => {
    const text = "The *big* Title\n===============\n\nBody under it.\n";
    expect(blocksOf(text)).toEqual([["prose", "Body under it.", "The big Title"]]);
  });

  it("keeps a heading that repeats: two sections may share a name", () => {
    const text = "## Parameters\n\nFirst section text.\n\n## Parameters\n\nSecond section text.\n";
    expect(blocksOf(text)).toEqual([
      ["prose", "First section text.", "Parameters"],
      ["prose", "Second section text.", "Parameters"],
    ]);
  });

  it("blanks image lines and link URLs but keeps link text and the rest of the line", () => {
    const text = "![A ripe tomato](https://img.example/zucchini.jpg)\nRead the [seed catalogue](https://example.com/aubergine) first.\n";
    const { mask, blocks } = layoutOf(text);
    expect(mask).not.toMatch(/zucchini|aubergine|https|example|tomato/);
    expect(mask).toContain("seed catalogue");
    expect(mask).toContain("Read the");
    expect(mask).toContain("first.");
    expect(blocksOf(text, { mask, blocks })).toEqual([["prose", "Read the [seed catalogue](https://example.com/aubergine) first.", undefined]]);
  });

  /*
   * BUG: a link URL that holds parentheses, as CommonMark allows ("…/Foo_(bar)_figurl"), is
   * blanked only up to its first ")": "_figurl)" stays in the mask and is indexed as a word.
   */
  it.fails("blanks the whole URL of a link whose URL holds parentheses", () => {
    const { mask } = layoutOf("Click [here](https://example.com/a_(b)_figurl) now please.\n");
    expect(mask).not.toContain("figurl");
    expect(mask).toContain("here");
  });

  it("blanks bare and angle-bracket URLs and link reference definitions", () => {
    const text = "See https://example.com/plum and <https://example.com/pear> now.\n\n[ref]: https://example.com/quince\n";
    const { mask } = layoutOf(text);
    expect(mask).not.toMatch(/plum|pear|quince|https/);
    expect(mask).toMatch(/^See +and +now\./);
  });

  it("keeps a fenced code block as one code block, blank lines included, fences blanked", () => {
    const text = "Before.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter.\n";
    const { mask, blocks } = layoutOf(text);
    expect(blocksOf(text, { mask, blocks })).toEqual([
      ["prose", "Before.", undefined],
      ["code", "const a = 1;\n\nconst b = 2;", undefined],
      ["prose", "After.", undefined],
    ]);
    expect(mask).not.toContain("```");
  });

  it("does not dedupe lines inside code: a repeated code line stays", () => {
    const text = "~~~\nretry()\nretry()\n~~~\n";
    const { mask, blocks } = layoutOf(text);
    expect(blocks.map((b) => b.kind)).toEqual(["code"]);
    expect(mask.match(/retry\(\)/g)).toHaveLength(2);
  });

  it("treats a table as one table block of text", () => {
    const text = "| Pest | Remedy |\n|------|--------|\n| Slugs | Beer traps |\n\nAfter the table.\n";
    expect(blocksOf(text)).toEqual([
      ["table", "| Pest | Remedy |\n|------|--------|\n| Slugs | Beer traps |", undefined],
      ["prose", "After the table.", undefined],
    ]);
  });

  it("treats an HTML comment as text like any other", () => {
    const text = "<!-- a note about tomatoes -->\n";
    const { mask } = layoutOf(text);
    expect(mask).toBe(text);
  });

  it("blanks a line seen before, so a repeated block is indexed once", () => {
    const text = "A gallery caption that the page repeats in full.\nAnother line.\n\nA gallery caption that the page repeats in full.\n";
    const { mask } = layoutOf(text);
    expect(mask.match(/gallery caption/g)).toHaveLength(1);
    expectMaskOf(text, mask);
  });

  it("joins a hard-wrapped paragraph into one block and keeps list items apart", () => {
    const wrapped =
      "This is a hard wrapped paragraph that goes on for quite a while\n" +
      "and continues on the next line without a break because the editor\n" +
      "wrapped it at seventy columns or so, as editors do.\n";
    expect(blocksOf(wrapped)).toEqual([["prose", wrapped.trimEnd(), undefined]]);
    expect(blocksOf("- one item\n- two item\n1. first\n2. second\n").map(([, t]) => t)).toEqual(["- one item", "- two item", "1. first", "2. second"]);
  });

  it("reads a short caption line before a longer paragraph as a heading in plain text", () => {
    const text = "3/10 Lisa Nandy\nWigan MP Lisa Nandy has announced she will stand for the leadership of the party.\n";
    expect(blocksOf(text)).toEqual([["prose", "Wigan MP Lisa Nandy has announced she will stand for the leadership of the party.", "3/10 Lisa Nandy"]]);
  });

  it("indexes the Independent article's ten-picture gallery, carried twice, once", async () => {
    const text = await readFile(join(REAL_CORPUS, INDEPENDENT), "utf8");
    const { mask, blocks } = layoutOf(text, parseFrontMatter(text).bodyStart);
    expectMaskOf(text, mask);
    for (const words of ["Trident", "Old Trafford football ground", "continuity candidate", "36% of party members"]) {
      expect(text.split(words).length - 1, words).toBe(2);
      expect(mask.split(words).length - 1, words).toBe(1);
    }
    // The gallery headings survive as headings of the blocks under them.
    expect(blocks.some((b) => b.heading === "10/10 Richard Burgon – Deputy leadership")).toBe(true);
    // Image URLs are never words of the mask.
    expect(mask).not.toContain("static.independent.co.uk");
  });

  it("gives blocks in order, inside the text, never overlapping", async () => {
    const text = await readFile(join(REAL_CORPUS, INDEPENDENT), "utf8");
    const { blocks } = layoutOf(text, parseFrontMatter(text).bodyStart);
    let previousEnd = 0;
    for (const b of blocks) {
      expect(b.start).toBeGreaterThanOrEqual(previousEnd);
      expect(b.end).toBeGreaterThan(b.start);
      expect(b.end).toBeLessThanOrEqual(text.length);
      previousEnd = b.end;
    }
  });
});
