import { describe, expect, it } from "vitest";
import { bracketSafe, makeExcerpt } from "../../src/answer/excerpt.js";
import { normalise } from "../../src/eval/metrics.js";
import { buildIndex } from "../../src/search/build.js";
import { cutDocument } from "../../src/search/passages.js";
import type { Doc } from "../../src/types.js";

/** Whether every piece of `quote` between cut marks is in `source`, as a link-stripping checker reads both. */
const checks = (quote: string, source: string): boolean =>
  quote.split(/…|\.\.\./).map(normalise).filter((p) => p.length > 3).every((p) => normalise(source).includes(p));

const GLOSSARY = [
  "frobnicate",
  " v.",
  "",
  "    [from the jargon of the model railway club, where a frob was any small",
  "    knob or lever (a handle, a switch, a toggle)] To manipulate or adjust,",
  "    usually aimlessly. Compare {twiddle} and {tweak}, which mean much the same.",
  "",
].join("\n");

describe("bracketSafe", () => {
  it("widens a cut that falls inside a short bracketed stretch to take it whole", () => {
    const start = GLOSSARY.indexOf("[from");
    const inside = GLOSSARY.indexOf("lever");
    const [s, e] = bracketSafe(GLOSSARY, start, inside);
    expect(s).toBe(start);
    expect(GLOSSARY.slice(s, e)).toMatch(/toggle\)\]$/);
    expect(checks(GLOSSARY.slice(s, e), GLOSSARY)).toBe(true);
    // the cut it was given fails the checker: brackets stripped in the source, kept in the quote
    expect(checks(GLOSSARY.slice(start, inside), GLOSSARY)).toBe(false);
  });

  it("narrows a cut rather than take in a bracketed stretch longer than it may widen", () => {
    const long = `Intro sentence here. [${"word ".repeat(120)}] after.`;
    const [s, e] = bracketSafe(long, 0, long.indexOf("word") + 20);
    expect(long.slice(s, e)).toBe("Intro sentence here. ");
  });

  it("opens past the '[' of a stretch it starts with and cannot take in (a manual's table of symbols)", () => {
    const symbols = "Symbols on the map:\n\n    [    A suit or piece of armor.\n\n    %    Something edible.\n\n    ]    A strange object, a mimic.\n";
    const start = symbols.indexOf("[");
    const end = symbols.indexOf("armor.") + "armor.".length;
    const [s, e] = bracketSafe(symbols, start, end);
    expect(symbols.slice(s, e)).toBe("    A suit or piece of armor.");
    expect(checks(symbols.slice(s, e), symbols)).toBe(true);
    expect(checks(symbols.slice(start, end), symbols)).toBe(false);
  });

  it("leaves out a bracketed stretch holding '...', which a checker takes for a cut", () => {
    const usage = "Run it as: python -m timeit [-n N] [statement ...] from a shell.";
    const [s, e] = bracketSafe(usage, 0, usage.length);
    expect(usage.slice(s, e)).toBe("Run it as: python -m timeit [-n N] ");
    expect(checks(usage.slice(s, e), usage)).toBe(true);
    expect(checks(usage, usage)).toBe(false);
  });

  it("sees a stretch opened by an escaped bracket paragraphs before the cut and closed by a link inside it", () => {
    const text = [
      "pick(*n*)  ",
      "Return a number in the range \\[0, *n*).",
      "",
      "## Tokens",
      "",
      'The [`tokens`](#module-tokens "tokens: make them.") module makes tokens for password resets and the like.',
    ].join("\n");
    const start = text.indexOf("The [");
    expect(checks(text.slice(start), text)).toBe(false);
    const [s, e] = bracketSafe(text, start, text.length);
    expect(text.slice(s, e)).toBe(" module makes tokens for password resets and the like.");
    expect(checks(text.slice(s, e), text)).toBe(true);
  });

  it("stays linear over many brackets that nothing closes", () => {
    const text = `${"[a ".repeat(200_000)}end of it.`;
    expect(bracketSafe(text, text.length - 10, text.length)).toEqual([text.length - 10, text.length]);
  });

  it("keeps a cut that crosses no bracket", () => {
    expect(bracketSafe("See [the guide](guide.md) first. Then go.", 34, 42)).toEqual([34, 42]);
  });
});

describe("makeExcerpt", () => {
  it("quotes a passage that ends inside a bracketed stretch so that a link-stripping checker finds every piece", () => {
    const doc: Doc = { path: "g.txt", title: "Glossary", text: GLOSSARY, fingerprint: "g", stamp: "1:1" };
    const indexed = buildIndex([doc]).docs.get("g.txt")!;
    const passage = { id: 0, doc: "g.txt", start: GLOSSARY.indexOf("[from"), end: GLOSSARY.indexOf("lever") + 5 };
    const excerpt = makeExcerpt(indexed, passage, 1, { tokens: [], terms: [] }, new Set());
    expect(excerpt.text).toMatch(/^\[from the jargon.*toggle\)\]$/s);
    expect(checks(excerpt.text, GLOSSARY)).toBe(true);
  });
});

describe("makeExcerpt on a passage too short to say anything alone", () => {
  it("quotes a lone term line with the description paragraph under it", () => {
    const text = "# Commands\n\n`brew` \\\n\nStarts a brew with the given recipe and waits until it is done.\n\nAnother paragraph.\n";
    const doc: Doc = { path: "c.md", title: "Commands", text, fingerprint: "c", stamp: "1:1" };
    const indexed = buildIndex([doc]).docs.get("c.md")!;
    const start = text.indexOf("`brew`");
    const excerpt = makeExcerpt(indexed, { id: 0, doc: "c.md", start, end: start + 8 }, 1, { tokens: [], terms: [] }, new Set());
    expect(excerpt.text).toBe("`brew` \\\n\nStarts a brew with the given recipe and waits until it is done.");
    expect(checks(excerpt.text, text)).toBe(true);
  });
});

describe("cutDocument", () => {
  it("makes no passage of a part-of-speech line too short to say or check anything", () => {
    const quotes = cutDocument(GLOSSARY).passages.map((p) => GLOSSARY.slice(p.start, p.end).trim());
    expect(quotes).not.toContain("v.");
    expect(quotes.some((q) => q.includes("manipulate"))).toBe(true);
  });
});
