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
   * A link URL may hold parentheses, as CommonMark allows ("…/Foo_(bar)_figurl"); it was once
   * blanked only up to its first ")", and "_figurl)" was indexed as a word.
   */
  it("blanks the whole URL of a link whose URL holds parentheses", () => {
    const { mask } = layoutOf("Click [here](https://example.com/a_(b)_figurl) now please.\n");
    expect(mask).not.toContain("figurl");
    expect(mask).toContain("here");
  });

  describe("reads link destinations as CommonMark does", () => {
    const cases: Array<{ name: string; line: string; kept: string }> = [
      { name: "balanced nested parentheses", line: "Go [there](https://x.example/a_(b_(c))_deepurl) now.", kept: "Go there now." },
      { name: "an escaped unbalanced parenthesis", line: "Go [there](https://x.example/a\\(b_escurl) now.", kept: "Go there now." },
      { name: "an escaped closing parenthesis", line: "Go [there](x\\)_escurl.md) now.", kept: "Go there now." },
      { name: "a <…> destination with blanks and parentheses", line: "Go [there](<my file (1)_angleurl.md>) now.", kept: "Go there now." },
      { name: "a title after the destination", line: 'Go [there](https://x.example/t "Tip (titleword)") now.', kept: "Go there now." },
      { name: "brackets inside the link text", line: "Go [the [big] one](https://x.example/big_(1)) now.", kept: "Go the [big] one now." },
      { name: "several links on a line", line: "[One](a_(1)_oneurl) and [two](b_(2)_twourl) too.", kept: "One and two too." },
      { name: "an image inside a link (a badge)", line: "Status [![build](https://ci.example/badge.svg)](https://ci.example/job_(main)) here.", kept: "Status here." },
      { name: "a bare URL with parentheses in parentheses", line: "Read it (see https://en.example.org/wiki/Foo_(bar)_wikiurl). Then stop.", kept: "Read it (see ). Then stop." },
    ];
    it.each(cases)("$name", ({ line, kept }) => {
      const text = `${line}\n`;
      const { mask } = layoutOf(text);
      expectMaskOf(text, mask);
      expect(mask.replace(/ +/g, " ").trim()).toBe(kept);
    });

    it("leaves text that only looks like a link: no opening bracket, an escaped one, a blank in the destination", () => {
      const text = "A ratio](b) of one. An \\[escaped](c) bracket. A [broken](not a link) one.\n";
      expect(layoutOf(text).mask).toBe(text);
    });

    it("blanks a line of images whose URLs hold parentheses as an image line, ending a caption's section", () => {
      const caption = "2/10 Lisa Nandy";
      const body = "Wigan MP Lisa Nandy has announced she will stand for the leadership of the party.";
      const text = `${caption}\n${body}\n![Nandy (left)](https://img.example/nandy_(1).jpg) ![Crowd](https://img.example/crowd_(2).jpg)\nA later line that follows the gallery picture, long enough to be prose.\n`;
      const { mask, blocks } = layoutOf(text);
      expectMaskOf(text, mask);
      expect(mask).not.toMatch(/img|jpg|Crowd/);
      expect(blocksOf(text, { mask, blocks })).toEqual([
        ["prose", body, caption],
        ["prose", "A later line that follows the gallery picture, long enough to be prose.", undefined],
      ]);
    });
  });

  it("cleans a heading to its words: link text kept, URLs, images and emphasis dropped", () => {
    const text =
      "## See [one](https://a.example/oneurl) and [*two*](b_(c)_twourl.md) ![icon](i_(1).png) at https://c.example/bareurl\n\nBody text here.\n" +
      "# ![logo only](logo.png)\n\nBody under a heading of only an image.\n";
    const { mask, blocks } = layoutOf(text);
    expect(blocksOf(text, { mask, blocks })).toEqual([
      ["prose", "Body text here.", "See one and two at"],
      ["prose", "Body under a heading of only an image.", undefined],
    ]);
    expect(mask).not.toMatch(/url|icon|logo|See/);
  });

  it("reads a heading indented up to three spaces, not four", () => {
    const text = "   ## Indented heading\n\nUnder it.\n\n    ## Not a heading\n";
    expect(blocksOf(text)).toEqual([
      ["prose", "Under it.", "Indented heading"],
      ["prose", "    ## Not a heading", "Indented heading"],
    ]);
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

  it("closes a fence only with a line of the same character, at least as long, and nothing after it", () => {
    const text = "~~~\n```\ninside tildes\n```\n~~~\n\n````md\n```js\nx\n```\n`````\n\n```\na\n```js\nb\n```\n\nAfter.\n";
    expect(blocksOf(text)).toEqual([
      ["code", "```\ninside tildes\n```", undefined],
      ["code", "```js\nx\n```", undefined],
      ["code", "a\n```js\nb", undefined],
      ["prose", "After.", undefined],
    ]);
  });

  it("runs an unclosed fence to the end of the document", () => {
    const text = "Before.\n\n```\n# not a heading\n\nmore code\n";
    expect(blocksOf(text)).toEqual([
      ["prose", "Before.", undefined],
      ["code", "# not a heading\n\nmore code\n", undefined],
    ]);
  });

  it("does not open a fence at three backticks that close on the same line (inline code)", () => {
    const text = "```npm ci``` installs everything.\n\n# Next\n\nText under it.\n";
    expect(blocksOf(text)).toEqual([
      ["prose", "```npm ci``` installs everything.", undefined],
      ["prose", "Text under it.", "Next"],
    ]);
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

  it("blanks a run of lines seen before, so a repeated block is indexed once", () => {
    const block = "A gallery caption that the page repeats in full.\nAnd the paragraph under it, carried twice as well.\n";
    const text = `${block}\nSomething new between the two.\n\n${block}`;
    const { mask } = layoutOf(text);
    expect(mask.match(/gallery caption/g)).toHaveLength(1);
    expect(mask.match(/carried twice/g)).toHaveLength(1);
    expectMaskOf(text, mask);
  });

  it("blanks a short label seen before (a photo credit), standing alone", () => {
    const text = "The first picture shows the old mill by the river in spring.\nPA\n\nThe second picture shows the new bridge over the river.\nPA\n";
    expect(layoutOf(text).mask.match(/\bPA\b/g)).toHaveLength(1);
  });

  it("keeps a line that repeats among new ones, and repeated list items: each entry's own", () => {
    const entry = (name: string): string => `${name}(path)  \nReturn something about *path*, as ${name} does.\n\nChanged in version 3.6: Accepts a path-like object.\n\n- \`path\` {string}\n- \`callback\` {Function}\n\n`;
    const text = entry("getsize") + entry("isdir") + entry("exists");
    const { mask } = layoutOf(text);
    expect(mask.match(/Changed in version 3\.6/g)).toHaveLength(3);
    expect(mask.match(/\{Function\}/g)).toHaveLength(3);
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

  it("goes on past a wrapped line that ends in a closing quote or bracket without a stop", () => {
    const wrapped =
      "The pour command, with no arguments, will fill every cup on the tray to the\n" +
      "brim. It will not touch any of your own pots—not even the \"spare\"\n" +
      "pot that was set aside for guests (see kettle-pour(1)\n" +
      "for the rest). It stops when the tray is full.\n";
    expect(blocksOf(wrapped)).toEqual([["prose", wrapped.trimEnd(), undefined]]);
    // A quote after a stop still ends the paragraph's last sentence.
    const said = 'He said the kettle was "never going to boil."\nThe Kettle Club met again on Monday to taste the new blend.\n';
    expect(blocksOf(said).map(([, t]) => t)).toEqual(['He said the kettle was "never going to boil."', "The Kettle Club met again on Monday to taste the new blend."]);
  });

  it("reads a short caption line before a longer paragraph as a heading in plain text", () => {
    const text = "3/10 Lisa Nandy\nWigan MP Lisa Nandy has announced she will stand for the leadership of the party.\n";
    expect(blocksOf(text)).toEqual([["prose", "Wigan MP Lisa Nandy has announced she will stand for the leadership of the party.", "3/10 Lisa Nandy"]]);
  });

  it("reads a plain-text FAQ's question standing alone as the heading of its answer", () => {
    const answer = "    Set the kettle.timer option to the number of seconds the kettle should wait.";
    const text = `How do I make the kettle wait before it boils?\n\n${answer}\n`;
    expect(blocksOf(text)).toEqual([["prose", answer, "How do I make the kettle wait before it boils?"]]);
    // Inside a paragraph, a question is a sentence of it.
    const inline = "The tap is fitted by hand. Why would anyone do that?\nBecause the plumber was away that week and the kettle had to be filled somehow.\n";
    expect(blocksOf(inline).every(([, , heading]) => heading === undefined)).toBe(true);
  });

  it("reads term lines written one under another over an indented description as one heading", () => {
    const description = "    Keep the leaves in the water for twice the usual steeping time.";
    const text = `-s\n--steep-longer\n--no-steep-longer\n\n${description}\n\n-q, --quiet\n\n    Print nothing while the water heats.\n`;
    expect(blocksOf(text)).toEqual([
      ["prose", description, "-s, --steep-longer, --no-steep-longer"],
      ["prose", "    Print nothing while the water heats.", "-q, --quiet"],
    ]);
  });

  it("reads a term line ending in a bracket as a heading, but not a lead-in ending in a colon", () => {
    const text = "--steep[=<minutes>]\n\n    Steep for the given minutes; the kettle beeps when the time is up.\n";
    expect(blocksOf(text)).toEqual([["prose", "    Steep for the given minutes; the kettle beeps when the time is up.", "--steep[=<minutes>]"]]);
    const leadIn = "If you have a timer that can tell when the tea is ready,\nyou can brew by running the command:\n\n    $ kettle brew --timer\n";
    expect(blocksOf(leadIn).every(([, , heading]) => heading === undefined)).toBe(true);
  });

  it("does not read a wrapped paragraph's last line as the heading of the sample it runs into", () => {
    const text = [
      "The kettle keeps a note of what it would brew if you pressed the button now, and",
      "you can read that note with",
      "",
      "    $ kettle status",
      "",
      "which prints the water level, the temperature and the leaves in the basket.",
      "",
    ].join("\n");
    expect(blocksOf(text).every(([, , heading]) => heading === undefined)).toBe(true);
  });

  it("reads a manual page's indented term line as the heading of the description indented under it", () => {
    const text = [
      "OPTIONS",
      "",
      "     steep-time time",
      "             Set the time in seconds for which the kettle steeps the tea before",
      "             it pours.  The default is 180 seconds.",
      "",
      "     brew-mode [gentle | strong]",
      "             Choose how hot the water gets.",
      "",
    ].join("\n");
    const blocks = blocksOf(text);
    expect(blocks.find(([, body]) => body.includes("Set the time"))?.[2]).toBe("steep-time time");
    expect(blocks.find(([, body]) => body.includes("Choose how hot"))?.[2]).toBe("brew-mode [gentle | strong]");
  });

  it("does not read the first line of a wrapped paragraph as a heading when its words run on to the next line", () => {
    const text = [
      "     The -A flag makes brew behave like steep-again if the",
      "     named pot already exists; in this case, -D behaves like -d to steep-again.",
      "",
      "     Kettles with a timer are set with",
      "     the clock on their base, which a long press of the dial opens.",
      "",
    ].join("\n");
    expect(blocksOf(text).every(([, , heading]) => heading === undefined)).toBe(true);
  });

  it("leaves out a manual page's running head and foot, and nothing like them", () => {
    const text = [
      "KETTLEOPT_TIMEOUT(3)        kettle_setopt options        KETTLEOPT_TIMEOUT(3)",
      "",
      "NAME",
      "       KETTLEOPT_TIMEOUT - how long the kettle may take to boil",
      "",
      "DESCRIPTION",
      "       Pass a long. The kettle gives up after this many seconds.",
      "       Set on      March 3, 2024      by the installer, the default is 300.",
      "",
      "libkettle 1.2.3                 January 02, 2023           KETTLEOPT_TIMEOUT(3)",
      "",
    ].join("\n");
    const { mask } = layoutOf(text);
    expect(mask).not.toContain("kettle_setopt options");
    expect(mask).not.toContain("libkettle 1.2.3");
    expect(mask).toContain("KETTLEOPT_TIMEOUT - how long the kettle may take to boil");
    expect(mask).toContain("the default is 300");
    // A head set with single spaces between its parts is one too.
    expect(layoutOf("KETTLEOPT_LID(3) kettle_setopt options KETTLEOPT_LID(3)\n\nNAME\n       KETTLEOPT_LID - whether the lid locks\n").mask).not.toContain("kettle_setopt options");
  });

  it("leaves out a paginated text's running heads and feet, numbers aside, but not a table's rows", () => {
    const page = (n: number): string[] => [
      `          Kettle Guide                                       ${n}`,
      "",
      ...Array.from({ length: 22 }, (_, k) => `     The kettle boils water on page ${n}, line ${k} of the guide.`),
      "",
      "          Kettle 1.0                                March 8, 2020",
      "",
    ];
    const text = [...page(1), ...page(2), ...page(3), "     cup        mug", "     cup        mug", "     cup        mug", ""].join("\n");
    const { mask } = layoutOf(text);
    expect(mask).not.toContain("Kettle Guide");
    expect(mask).not.toContain("March 8, 2020");
    expect(mask).toContain("The kettle boils water on page 3, line 21");
    expect(mask).toContain("cup        mug");
  });

  it("heads an option list's entries as groff sets them, bullet and colon aside, and keeps a heading's own underscores", () => {
    const text = [
      "       ○   --keep-warm / -k:",
      "",
      "           Hold the water just below boiling after the kettle switches off.",
      "",
      "       ○   --steep-time:",
      "",
      "           Set how many minutes the tea steeps before the basket lifts.",
      "",
      "   steep_by(path_expression)",
      "       Steeps each cup by the time the expression gives for it, in order.",
      "",
    ].join("\n");
    expect(blocksOf(text).map(([, , heading]) => heading)).toEqual(["--keep-warm / -k", "--steep-time", "steep_by(path_expression)"]);
  });

  it("reads an Org-mode text's headings, samples, settings and comments", () => {
    const text = [
      "# doc/KETTLE                                         -*- org -*-",
      "#+TITLE: Kettle details",
      "",
      "* Format of the brew log",
      "** Field 1 - Temperature",
      "   The water's temperature when the brew began, in degrees.",
      "#+begin_example",
      "brew:98:green:",
      "#+end_example",
      "",
    ].join("\n");
    expect(blocksOf(text)).toEqual([
      ["prose", "   The water's temperature when the brew began, in degrees.", "Field 1 - Temperature"],
      ["code", "brew:98:green:", "Field 1 - Temperature"],
    ]);
    expect(layoutOf(text).mask).not.toContain("TITLE");
  });

  it("heads an entry set with a hanging indent by its term, keeping its first line as text", () => {
    const text = [
      "OPTIONS",
      "     -q            Boil quietly.  The kettle does not whistle when the",
      "                   water boils, and its light stays off.",
      "",
      "     -s socket     Name the socket the kettle listens on, instead of",
      "                   the default one in the run directory.",
      "",
    ].join("\n");
    expect(blocksOf(text).map(([, body, heading]) => [heading, body.trim().split(/\s+/).slice(0, 3).join(" ")])).toEqual([
      ["-q", "-q Boil quietly."],
      ["-s socket", "-s socket Name"],
    ]);
  });

  it("does not read the last line of an indented sample as the heading of the paragraph after it", () => {
    const sample = "    Host kettle\n            HostName kettle.example.org\n            IdentitiesOnly yes";
    const after = "    Then point the kettle client at the host alias instead of the real host name.";
    const text = `${sample}\n\n${after}\n`;
    expect(blocksOf(text).every(([, , heading]) => heading === undefined)).toBe(true);
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
