import { describe, expect, it } from "vitest";
import { analyse } from "../../src/nlp/analyse.js";
import { mendSentences, splitListItems } from "../../src/nlp/mend.js";

/** The sentences of `text` as wink reads them and then as mended, each as its text. */
function sentences(text: string): { wink: string[]; mended: string[]; split: string[] } {
  const tokens = analyse(text, 0, { entities: false }).tokens;
  const group = (ts: typeof tokens): string[] => {
    const bySentence = new Map<number, { start: number; end: number }>();
    for (const t of ts) {
      if (!t.text.trim()) continue;
      const s = bySentence.get(t.sentence);
      if (s) s.end = t.end;
      else bySentence.set(t.sentence, { start: t.start, end: t.end });
    }
    return [...bySentence.values()].map((s) => text.slice(s.start, s.end));
  };
  return { wink: group(tokens), mended: group(mendSentences(text, 0, tokens)), split: group(splitListItems(mendSentences(text, 0, tokens))) };
}

describe("mendSentences", () => {
  it("does not end a sentence at a '.' with a letter or digit straight after it", () => {
    const text = "The shell implements POSIX.1-2017 and a few extras. Scripts may rely on them.";
    const { wink, mended } = sentences(text);
    expect(wink.length).toBeGreaterThan(2); // wink cuts after "POSIX."
    expect(mended).toEqual(["The shell implements POSIX.1-2017 and a few extras.", "Scripts may rely on them."]);
  });

  it("joins a cut inside a link and keeps real sentence ends", () => {
    const text = "Read [the guide](../docs/guide.html#setup) before you start. Then run it.";
    expect(sentences(text).mended).toEqual(["Read [the guide](../docs/guide.html#setup) before you start.", "Then run it."]);
  });
});

describe("splitListItems", () => {
  it("starts a sentence at each list item, nested or numbered, that wink reads into one", () => {
    const text = "* `cup` {Cup} The cup to pour into\n* `options` {Object}\n  * `amount` {integer} Millilitres\n* Returns: {boolean} `true` when full\n1. Open the tap\n2. Fill it";
    const { mended, split } = sentences(text);
    expect(mended.length).toBeLessThan(6);
    expect(split).toEqual(["* `cup` {Cup} The cup to pour into", "* `options` {Object}", "* `amount` {integer} Millilitres", "* Returns: {boolean} `true` when full", "1. Open the tap", "2. Fill it"]);
  });

  it("leaves a sentence alone where a line only starts with a word or a number", () => {
    const text = "The pot holds\n2 litres of tea and\n- more if pressed hard.";
    expect(sentences(text).split).toEqual(["The pot holds\n2 litres of tea and", "- more if pressed hard."]);
  });
});
