import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex, type SearchIndex } from "../../src/search/build.js";
import { editDistance, editsAllowed, MAX_CORRECTIONS, Speller } from "../../src/search/spelling.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/docs");

describe("editDistance", () => {
  it("counts an insertion, a deletion, a substitution and an adjacent transposition as one edit each", () => {
    expect(editDistance("timeout", "timeout")).toBe(0);
    expect(editDistance("timeout", "timeoutt")).toBe(1);
    expect(editDistance("timeout", "timout")).toBe(1);
    expect(editDistance("timeout", "timeour")).toBe(1);
    expect(editDistance("timeout", "tiemout")).toBe(1);
    expect(editDistance("timeout", "itmeout")).toBe(1);
    expect(editDistance("kettle", "settle")).toBe(1);
    expect(editDistance("kettle", "ketle")).toBe(1);
    expect(editDistance("steeping", "stepping")).toBe(1);
    expect(editDistance("abc", "cba")).toBe(2);
  });

  it("stops at the limit: anything further away is limit + 1", () => {
    expect(editDistance("environment", "kettle", 2)).toBe(3);
    expect(editDistance("brewing", "bring", 1)).toBe(2);
    expect(editDistance("brewing", "bring", 2)).toBe(2);
  });
});

describe("editsAllowed", () => {
  it("never corrects a word shorter than four letters, and lets long words stray further", () => {
    expect(editsAllowed("tea")).toBe(0);
    expect(editsAllowed("brew")).toBe(1);
    expect(editsAllowed("steeping")).toBe(1);
    expect(editsAllowed("environment")).toBe(2);
  });
});

describe("Speller", () => {
  it("gives the nearest words only, commonest first, at most MAX_CORRECTIONS", () => {
    const terms = ["cart", "card", "care", "carp", "cat", "carts"];
    const df = [5, 9, 1, 3, 50, 7];
    const speller = new Speller(terms, (id) => df[id] ?? 0);
    // "carx" is one edit from cart, card, care and carp, two from cat and carts.
    expect(speller.corrections(["carx"])).toEqual(["card", "cart", "carp"].slice(0, MAX_CORRECTIONS));
    // "carte" is one edit from cart, care and carts.
    expect(speller.corrections(["carte"])).toEqual(["carts", "cart", "care"]);
  });

  it("passes over terms no passage holds any more", () => {
    const df = [0, 2];
    expect(new Speller(["cart", "card"], (id) => df[id] ?? 0).corrections(["carx"])).toEqual(["card"]);
  });
});

describe("SearchIndex.correctionsOf", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = buildIndex((await loadCorpus(FIXTURES)).docs);
  });

  it("corrects each kind of typo to the word the documents use", () => {
    expect(index.correctionsOf("enviroment")).toEqual(["environment"]);
    expect(index.correctionsOf("tiemout")).toEqual(["timeout"]);
    expect(index.correctionsOf("serrver")).toEqual(["server"]);
    expect(index.correctionsOf("tokrn")).toEqual(["token"]);
  });

  it("corrects an inflected misspelling by way of its base, as the index holds lemmas", () => {
    expect(index.correctionsOf({ term: "conections" })).toEqual(["connection"]);
    // "timeots" is two edits from "timeout", too many for a word of seven letters; "timeot" is one.
    expect(index.correctionsOf("timeots")).toEqual(["timeout"]);
  });

  it("leaves alone known words, short words, numbers and identifiers", () => {
    expect(index.correctionsOf("server")).toEqual([]);
    expect(index.correctionsOf("brw")).toEqual([]);
    expect(index.correctionsOf("48h")).toEqual([]);
    expect(index.correctionsOf("kettle_tokn")).toEqual([]);
  });

  it("finds nothing for a word far from every word, or whose first letter differs", () => {
    expect(index.correctionsOf("motorbike")).toEqual([]);
    expect(index.correctionsOf("nvironment")).toEqual([]);
  });

  it("is what alternativesOf gives a word no passage holds in any form, and only then", () => {
    expect(index.alternativesOf("enviroment")).toEqual(["environment"]);
    // "guests" is an inflection of a known word, not a typo.
    expect(index.correctionsOf("guests")).toEqual([]);
  });

  it("knows the words of documents added after the first correction", () => {
    const grown = buildIndex([]);
    grown.addDoc({ path: "a.md", title: "A", text: "The kettle whistles.", fingerprint: "a", stamp: "1" });
    expect(grown.correctionsOf("kettel")).toEqual(["kettle"]);
    grown.addDoc({ path: "b.md", title: "B", text: "Porcelain teapots are fragile.", fingerprint: "b", stamp: "2" });
    expect(grown.correctionsOf("porcelian")).toEqual(["porcelain"]);
    grown.removeDoc("a.md");
    expect(grown.correctionsOf("kettel")).toEqual([]);
  });
});
