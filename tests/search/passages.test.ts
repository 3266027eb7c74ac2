import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/corpus/frontmatter.js";
import { cutDocument, MAX_CODE_CHARS, MAX_PASSAGE_CHARS, MAX_SENTENCE_CHARS, MAX_SENTENCES } from "../../src/search/passages.js";
import { BBC, INDEPENDENT, REAL_CORPUS } from "../support/corpus.js";

const realText = (file: string): Promise<string> => readFile(join(REAL_CORPUS, file), "utf8");

/** The quoted text of each passage. */
const quotes = (text: string): string[] => cutDocument(text).passages.map((p) => text.slice(p.start, p.end));

const MARKDOWN = `---
title: Garden Guide
date: 2021-05-01
---
# Growing tomatoes

Tomatoes need full sun and regular watering. Pinch out the side shoots every week.

![A ripe tomato](https://img.example.com/zucchinifoto.jpg)

Read the [seed catalogue](https://example.com/aubergineurl/catalogue) before you order.

## Pest control

Aphids gather under the leaves in early summer. Ladybirds eat them.

\`\`\`
spray = mix(water, soap)

apply(spray)
repeat weekly
\`\`\`

The compost heap should be turned monthly.

The compost heap should be turned monthly.
`;

describe("cutDocument", () => {
  it("keeps exact offsets: each passage is a trimmed slice of the text, in order, never overlapping", async () => {
    for (const text of [await realText(BBC), await realText(INDEPENDENT), MARKDOWN]) {
      const { passages } = cutDocument(text);
      expect(passages.length).toBeGreaterThan(0);
      let previousEnd = 0;
      for (const p of passages) {
        const quote = text.slice(p.start, p.end);
        expect(quote).toBe(quote.trim());
        expect(quote.length).toBeGreaterThan(0);
        expect(p.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = p.end;
      }
      expect(previousEnd).toBeLessThanOrEqual(text.length);
    }
  });

  it("keeps exact offsets for any prose made of words, punctuation, spaces and line breaks", () => {
    const piece = fc.constantFrom(
      "Labour", "party", "Ms", "Allin-Khan", "36%", "£5", "A&E", "don't", "“quoted”", "it’s", "U.K.", "1/10", "…",
      " ", " ", " ", "  ", "\t", "\u00a0", ". ", "? ", ", ", " – ", "\n", "\r\n", "\n\n", "# ", "- ", "😀", "é", "e\u0301",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join("")), (text) => {
        let previousEnd = 0;
        for (const p of cutDocument(text).passages) {
          const quote = text.slice(p.start, p.end);
          if (quote.length === 0 || quote !== quote.trim() || p.start < previousEnd || p.end > text.length) return false;
          previousEnd = p.end;
        }
        return true;
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  /*
   * wink drops some whitespace characters altogether: they are neither a token nor in its
   * "preceding spaces" (form feed U+000C, vertical tab, U+1680, U+2000, U+2001, U+2006-U+2008,
   * line/paragraph separators U+2028/U+2029, ideographic space U+3000, a BOM inside the text).
   * Adding up spaces and token lengths alone put every later offset one too early per character
   * (the last passage was " The flamingo adjourned the meeting at noon"); `analyse` now finds
   * the token past them.
   */
  it("keeps exact offsets when a paragraph holds a form feed, a line separator or an ideographic space", () => {
    const text = "Page one ends here.\fThe committee met on Tuesday.\u2028The report was filed late.\u3000The flamingo adjourned the meeting at noon.\n";
    const all = quotes(text);
    for (const quote of all) expect(quote).toBe(quote.trim());
    expect(all[all.length - 1]).toMatch(/The flamingo adjourned the meeting at noon\.$/);
  });

  it("groups up to MAX_SENTENCES sentences a passage", () => {
    const text = "One cat sat. Two dogs ran. Three birds flew. Four fish swam in the pond. Five frogs hopped away.";
    expect(MAX_SENTENCES).toBe(3);
    expect(quotes(text)).toEqual(["One cat sat. Two dogs ran. Three birds flew.", "Four fish swam in the pond. Five frogs hopped away."]);
  });

  it("takes a \".\" standing alone for a path in a command, not a stop", () => {
    const text = "One cat sat. Two dogs ran. Stray files make kettle add . practically useless, and they keep showing up. Four fish swam. Five frogs hopped.";
    expect(quotes(text).some((q) => q.includes("kettle add . practically useless"))).toBe(true);
  });

  it("joins a paragraph's short last window to the one before: no quote of a few words alone", () => {
    const text = "One cat sat on the mat. Two dogs ran. Three birds flew over. Type: integer";
    expect(quotes(text)).toEqual([text]);
  });

  it("keeps prose passages within MAX_PASSAGE_CHARS unless one sentence is longer", async () => {
    for (const text of [await realText(BBC), await realText(INDEPENDENT)]) {
      for (const quote of quotes(text)) expect(quote.length, quote).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    }
  });

  it("cuts a run-on sentence longer than MAX_SENTENCE_CHARS at word boundaries", () => {
    const text = "The committee heard " + Array.from({ length: 120 }, (_, i) => `witness${i}`).join(", ") + " and then adjourned.";
    expect(text.length).toBeGreaterThan(MAX_SENTENCE_CHARS);
    const parts = quotes(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(part).toMatch(/^\S/);
      expect(text).toContain(part);
    }
    // Nothing is lost between the parts but spaces.
    expect(parts.join(" ")).toBe(text);
  });

  it("never lets a passage cross a blank line, a heading or a code fence", () => {
    for (const quote of quotes(MARKDOWN)) {
      expect(quote).not.toMatch(/^#/m);
      expect(quote).not.toContain("```");
    }
    const prose = cutDocument(MARKDOWN).passages.filter((p) => !MARKDOWN.slice(p.start, p.end).includes("spray"));
    for (const p of prose) expect(MARKDOWN.slice(p.start, p.end)).not.toContain("\n\n");
  });

  it("gives a markdown passage the heading it sits under, with the heading's terms", () => {
    const { passages } = cutDocument(MARKDOWN);
    const under = (words: string) => passages.find((p) => MARKDOWN.slice(p.start, p.end).includes(words));
    expect(under("full sun")).toMatchObject({ heading: "Growing tomatoes", headingTerms: ["grow", "tomato"] });
    expect(under("Aphids")).toMatchObject({ heading: "Pest control", headingTerms: ["pest", "control"] });
  });

  it("leaves front matter, image lines and link URLs out of the passages' terms", () => {
    const terms = cutDocument(MARKDOWN).passages.flatMap((p) => p.terms);
    for (const word of ["garden", "guide", "2021-05-01", "zucchinifoto", "aubergineurl", "https", "example.com", "ripe"]) {
      expect(terms, word).not.toContain(word);
    }
    expect(terms).toContain("catalog");
  });

  it("keeps a code block whole, blank line included, as one passage", () => {
    const code = quotes(MARKDOWN).filter((q) => q.includes("spray"));
    expect(code).toEqual(["spray = mix(water, soap)\n\napply(spray)\nrepeat weekly"]);
  });

  it("cuts a code block longer than MAX_CODE_CHARS between lines, keeping every line", () => {
    const lines = Array.from({ length: 120 }, (_, i) => `line_${i} = compute(${i}) + offset`);
    const text = "```\n" + lines.join("\n") + "\n```\n";
    const parts = quotes(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MAX_CODE_CHARS);
      expect(part.startsWith("line_")).toBe(true);
    }
    expect(parts.join("\n")).toBe(lines.join("\n"));
  });

  it("indexes a block repeated in a document once", () => {
    const compost = quotes(MARKDOWN).filter((q) => q.includes("compost"));
    expect(compost).toHaveLength(1);
  });

  it("gives the Independent's repeated gallery one passage per caption text", async () => {
    const text = await realText(INDEPENDENT);
    const all = quotes(text);
    for (const words of ["Trident", "pawn shop", "continuity candidate", "Brent Central"]) {
      expect(all.filter((q) => q.includes(words)), words).toHaveLength(1);
    }
  });

  it("normalises terms: lower-case lemmas, no stop words, no punctuation", () => {
    const { passages } = cutDocument("The candidates were standing for the leadership, weren't they?");
    expect(passages).toHaveLength(1);
    const terms = passages[0]?.terms ?? [];
    expect(terms).toEqual(expect.arrayContaining(["candidate", "stand", "leadership"]));
    for (const word of ["the", "were", "for", ",", "?", "they"]) expect(terms).not.toContain(word);
  });

  it("drops a stretch with no search terms at all", () => {
    expect(cutDocument("The the the. And of to.").passages).toEqual([]);
    expect(cutDocument("").passages).toEqual([]);
  });

  it("collects the full names a document gives, keyed by surname", async () => {
    const { names, topics } = cutDocument(await realText(INDEPENDENT));
    expect(names).toMatchObject({
      rayner: "Angela Rayner",
      "allin-khan": "Rosena Allin-Khan",
      butler: "Dawn Butler",
      burgon: "Richard Burgon",
      murray: "Ian Murray",
      mahmood: "Khalid Mahmood",
      bailey: "Rebecca Long Bailey",
    });
    // The article is about Rosena Allin-Khan: she is the name it mentions most.
    expect(topics).toContain("allin-khan");
  });

  it("finds the person a document is about from how often it names them", async () => {
    const text = await realText(BBC);
    const { names, topics } = cutDocument(text.slice(parseFrontMatter(text).bodyStart));
    expect(names.lewis).toBe("Ivan Lewis");
    expect(topics).toContain("lewis");
  });
});
