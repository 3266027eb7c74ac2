import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex, type SearchIndex } from "../../src/search/build.js";
import { BBC, docOf, INDEPENDENT, REAL_CORPUS, tempDirs, writeFiles } from "../support/corpus.js";

const newDir = tempDirs();

let real: SearchIndex;
beforeAll(async () => {
  real = buildIndex((await loadCorpus(REAL_CORPUS)).docs);
});

/** The document and text of the best passage for `query`. */
function top(index: SearchIndex, query: string): { doc: string; text: string; heading?: string } | undefined {
  const best = index.search(query, 1)[0];
  if (!best) return undefined;
  return { doc: best.passage.doc, text: index.textOf(best.passage), ...(best.passage.heading ? { heading: best.passage.heading } : {}) };
}

describe("buildIndex: golden ranking over the default corpus", () => {
  /*
   * Each case names the passage that must come first and why it must beat the rest, as
   * MiniSearch's "movie ranking set" does. Passages are matched by a verbatim fragment.
   */
  const golden: Array<{ query: string; doc: string; quote: string; why: string }> = [
    {
      query: "Which MP resigned his Labour Party membership?",
      doc: BBC,
      quote: "MP Ivan Lewis has resigned his Labour Party membership",
      why: "the only passage holding every content word (mp, resign, labour, party, membership); the resignation-letter passage lacks 'membership'",
    },
    {
      query: "Who reported the allegations against Ivan Lewis?",
      doc: BBC,
      quote: "reported by Buzzfeed News",
      why: "'report' and 'allegation' meet only here; the Independent's 'allegations … Ivan Lewis' passage lacks 'report'",
    },
    {
      query: "How many anonymised stories did the #LabourToo dossier contain?",
      doc: INDEPENDENT,
      quote: "43 anonymised stories of harassment",
      why: "'anonymised' and 'dossier' are rare words that occur in no other passage, so their IDF dominates",
    },
    {
      query: "When will the new leader be announced?",
      doc: INDEPENDENT,
      quote: "will be announced on 4 April",
      why: "the closing sentence holds new + leader + announce; Dawn Butler's 'announce her bid' lacks 'new'",
    },
    {
      query: "Old Trafford pawn shop",
      doc: INDEPENDENT,
      quote: "grew up by Old Trafford football ground",
      why: "all four words occur together only in Rebecca Long Bailey's gallery entry",
    },
    {
      query: "What percentage of party members prefer Keir Starmer?",
      doc: INDEPENDENT,
      quote: "preferred candidate of 36% of party members",
      why: "its heading names Keir Starmer and its text holds 'party members' and 'prefer'; his other passages lack 'member'",
    },
    {
      query: "Ian Murray",
      doc: INDEPENDENT,
      quote: "Labour’s only MP in Scotland",
      why: "the heading '8/10 Ian Murray – Deputy leadership' is boosted 1.5× over the body sentence that also names him",
    },
    {
      query: "Who is the Brent Central MP?",
      doc: INDEPENDENT,
      quote: "The Brent Central MP has served",
      why: "'Brent Central' occurs nowhere else; the bare 'MP' matches many passages and weighs little",
    },
    {
      query: "Jeremy Corbyn thanks Ivan for his service",
      doc: BBC,
      quote: "Jeremy Corbyn thanks Ivan for his service to the Labour Party",
      why: "an exact sentence of the BBC spokesman beats every passage that only names Corbyn",
    },
  ];

  it.each(golden)("$query → “$quote”", ({ query, doc, quote }) => {
    const best = top(real, query);
    expect(best?.doc).toBe(doc);
    expect(best?.text).toContain(quote);
  });

  it("ranks a passage matching all of a question above those matching part of it, best first", () => {
    // Three passages name Lewis and his suspension; only one adds "November".
    const hits = real.search("Lewis suspended November", 5);
    expect(hits.length).toBeGreaterThan(2);
    expect(real.textOf(hits[0]!.passage)).toContain("Mr Lewis was suspended from the party in November 2017");
    expect(hits[0]!.terms.sort()).toEqual(["lewis", "november", "suspend"]);
    for (const hit of hits.slice(1)) expect(hit.terms.length).toBeLessThan(3);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("finds the repeated gallery's text once, not once per copy", () => {
    const hits = real.search("Trident deterrent", 10);
    expect(hits).toHaveLength(1);
    expect(real.textOf(hits[0]!.passage)).toContain("If you have a deterrent");
  });

  it("reports the question terms each passage matched", () => {
    const [best] = real.search("Which MP resigned his Labour Party membership?", 1);
    expect(best?.terms).toEqual(expect.arrayContaining(["mp", "resign", "membership"]));
  });
});

describe("SearchIndex", () => {
  it("quotes every passage as an exact slice of its document", () => {
    expect(real.passages.length).toBe(real.passageCount);
    for (const p of real.passages) {
      const doc = real.docs.get(p.doc);
      expect(doc).toBeDefined();
      expect(real.textOf(p)).toBe(doc?.text.slice(p.start, p.end));
      expect(real.passage(p.id)).toEqual(p);
    }
    expect(new Set(real.passages.map((p) => p.id)).size).toBe(real.passageCount);
  });

  it("returns nothing for a question of stop words only, or one about words it never saw", () => {
    expect(real.search("what is the of and to")).toEqual([]);
    expect(real.search("")).toEqual([]);
    expect(real.searchTerms([])).toEqual([]);
    expect(real.search("xylophone quasar")).toEqual([]);
  });

  it("gives at most `limit` passages", () => {
    expect(real.search("Labour party", 3)).toHaveLength(3);
    expect(real.search("Labour party").length).toBeLessThanOrEqual(10);
  });

  it("normalises questions as it normalises documents: inflected forms meet", () => {
    const index = buildIndex([docOf("a.md", "The candidates stood for the leadership.")]);
    const hits = index.search("Which candidate is standing?", 5);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.terms.sort()).toEqual(["candidate", "stand"]);
  });

  /*
   * A plural noun that starts a sentence ("Cats sleep …") is tagged PROPN by wink and keeps its
   * surface form as its term ("cats"), where the question's "cats" gives "cat". The question
   * word as written is searched too (alternativesOf), so "cats" finds both.
   */
  it("finds a plural noun that starts a sentence when asked with the plural", () => {
    const index = buildIndex([docOf("a.md", "Cats sleep most of the day."), docOf("b.md", "Our cats sleep most of the day.")]);
    expect(index.search("cats").map((h) => h.passage.doc).sort()).toEqual(["a.md", "b.md"]);
  });

  // wink keeps a.md's sentence-initial "Cats" as a proper noun ("cats"); the stem leads "cat" to it.
  it("finds a plural noun that starts a sentence when asked with the singular", () => {
    const index = buildIndex([docOf("a.md", "Cats sleep most of the day."), docOf("b.md", "Our cats sleep most of the day.")]);
    expect(index.search("cat").map((h) => h.passage.doc).sort()).toEqual(["a.md", "b.md"]);
  });

  it("replaces an earlier version of a document when it is added again", () => {
    const index = buildIndex([docOf("a.md", "Our apples grow on trees."), docOf("b.md", "Our bananas grow in bunches.")]);
    expect(index.search("apples").map((h) => h.passage.doc)).toEqual(["a.md"]);
    index.addDoc(docOf("a.md", "Our cherries grow on trees too."));
    expect(index.search("apples")).toEqual([]);
    expect(index.search("cherries").map((h) => h.passage.doc)).toEqual(["a.md"]);
    expect([...index.docs.keys()].sort()).toEqual(["a.md", "b.md"]);
    expect(index.passageCount).toBe(2);
  });

  it("drops a document and all its passages", () => {
    const index = buildIndex([docOf("a.md", "Our apples grow on trees."), docOf("b.md", "Our bananas grow in bunches.")]);
    expect(index.search("apples")).toHaveLength(1);
    index.removeDoc("a.md");
    index.removeDoc("never-there.md");
    expect(index.search("apples")).toEqual([]);
    expect(index.search("grow").map((h) => h.passage.doc)).toEqual(["b.md"]);
    expect(index.passages.map((p) => p.doc)).toEqual(["b.md"]);
    expect(index.passageCount).toBe(1);
  });

  it("boosts a heading match over the same word in the body", () => {
    const text = "# Compost\n\nTurn the heap monthly.\n\n# Watering\n\nCompost helps the soil hold water.\n";
    const index = buildIndex([docOf("g.md", text)]);
    const best = top(index, "compost");
    expect(best).toMatchObject({ heading: "Compost", text: "Turn the heap monthly." });
  });
});

describe("other forms of a question word", () => {
  // "starting" in prose is a verb, indexed as "start"; a keyword-like question may read it as a noun
  const index = buildIndex([
    docOf("a.md", "The engine keeps starting at dawn."),
    docOf("b.md", "A string holds text. Another string holds more text. The str type is short."),
    docOf("c.md", "Each string is immutable."),
  ]);

  it("are the inflection bases the index holds in more passages than the word", () => {
    expect(index.documentFrequency("start")).toBe(1);
    expect(index.alternativesOf("starting")).toEqual(["start"]);
    // "str" is an inflection base of "string", but rarer: never an alternative
    expect(index.alternativesOf("string")).toEqual([]);
    expect(index.alternativesOf("engine")).toEqual([]);
  });

  it("include the word as written when the index holds it", () => {
    // the question's "missing" is a verb (term "miss"); the passage's is an adjective (term "missing")
    const both = buildIndex([docOf("a.md", "The missing parameters take default values.")]);
    expect(both.documentFrequency("missing")).toBe(1);
    expect(both.alternativesOf({ term: "miss", surface: "missing" })).toEqual(["missing"]);
    expect(both.search("Is it missing?").map((h) => h.passage.doc)).toEqual(["a.md"]);
    // Written otherwise, "missing" still shares the stem of "miss": a related form, not the word as written.
    expect(both.alternativesOf({ term: "miss", surface: "misses" })).toEqual(["missing"]);
  });

  it("include the terms of the same stem, after the inflection base, the commonest first", () => {
    const index = buildIndex([
      docOf("a.md", "Configure the server. Configuration lives in one file."),
      docOf("b.md", "The configuration is read at start."),
      docOf("c.md", "A configurable limit."),
    ]);
    expect(index.alternativesOf("configured")).toEqual(["configure", "configuration", "configurable"]);
    expect(index.alternativesOf("banana")).toEqual([]);
  });

  it("find the passage holding the other form, below one holding the word itself", () => {
    expect(index.searchTerms(["starting"]).map((h) => h.passage.doc)).toEqual(["a.md"]);
    const both = buildIndex([docOf("a.md", "The engine keeps starting at dawn."), docOf("b.md", "The starting grid is set."), docOf("c.md", "Start here.")]);
    expect(both.alternativesOf("starting")).toEqual(["start"]);
    expect(both.searchTerms(["starting", "grid"])[0]?.passage.doc).toBe("b.md");
  });
});

describe("headings", () => {
  /** A manual section of six passages, and a one-line passage elsewhere holding every word. */
  const section = ["# Debug hooks on the memory allocators", ...Array.from({ length: 6 }, (_, i) => `Paragraph ${i} tells about step ${i} of the setup.`)].join("\n\n");
  const index = buildIndex([docOf("manual.md", section), docOf("notes.md", "Set up debug hooks in the memory allocators to catch errors.")]);

  it("are indexed with the first three passages under them only", () => {
    expect(index.documentFrequency("allocator")).toBe(3 + 1);
    expect(index.documentFrequency("paragraph")).toBe(6);
  });

  it("do not let a whole long section outvote a passage that holds the words itself", () => {
    const docs = index.search("debug hooks memory allocators", 10).map((h) => h.passage.doc);
    // at most the section's first three passages come first (all six did when every one held the heading)
    expect(docs.indexOf("notes.md")).toBeGreaterThanOrEqual(0);
    expect(docs.indexOf("notes.md")).toBeLessThanOrEqual(3);
  });

  it("still lift every passage under them for the words their text lacks", () => {
    const hits = index.search("memory allocators step 5", 3);
    expect(index.textOf(hits[0]!.passage)).toBe("Paragraph 5 tells about step 5 of the setup.");
  });
});

describe("query planning on a large index", () => {
  /**
   * 6,000 one-paragraph passages, each numbered (repeated paragraphs are indexed once). Each
   * word below is in `df` of them; "filler" is in all.
   * Paragraphs, so that each is its own passage.
   */
  const df: Record<string, number> = { aardvark: 10, bison: 20, camel: 100, dingo: 150, elk: 3000, ferret: 5, gecko: 5, heron: 5, ibis: 5 };
  const N = 6000;
  let index: SearchIndex;
  beforeAll(() => {
    const paragraphs = Array.from({ length: N }, (_, i) => {
      const words = Object.keys(df).filter((w) => i % Math.floor(N / (df[w] as number)) === 0 && i / Math.floor(N / (df[w] as number)) < (df[w] as number));
      return `Filler ${words.join(" ")} sentence ${i}.`;
    });
    // Plain text: each paragraph its own passage (Markdown joins short paragraphs).
    index = buildIndex([docOf("many.txt", paragraphs.join("\n\n"))]);
  });

  it("counts the passages holding each word", () => {
    expect(index.passageCount).toBe(N);
    for (const [word, n] of Object.entries(df)) expect(index.documentFrequency(word)).toBe(n);
  });

  it("searches by the rarest words while their passages stay within the budget, at least three", () => {
    // budget: 3% of 6,000 = 180 passages; aardvark + bison + camel = 130, + dingo = 280
    expect(index.planQuery(["elk", "dingo", "camel", "bison", "aardvark", "filler"])).toEqual(["aardvark", "bison", "camel"]);
    // three words are searched even past the budget
    expect(index.planQuery(["elk", "filler", "aardvark"])).toEqual(["aardvark", "elk", "filler"]);
  });

  it("searches at most five words, rarest first", () => {
    expect(index.planQuery(["aardvark", "ferret", "gecko", "heron", "ibis", "bison"])).toEqual(["ferret", "gecko", "heron", "ibis", "aardvark"]);
  });

  it("takes the terms of one written word together, as one of the five", () => {
    // "ferret-gecko-heron-ibis" is one word: it must not fill the plan on its own
    const compound = ["ferret", "gecko", "heron", "ibis"].map((term) => ({ term, word: 0 }));
    const plan = index.planQuery([...compound, { term: "aardvark", word: 1 }, { term: "bison", word: 2 }, { term: "camel", word: 3 }]);
    expect(plan.sort()).toEqual(["aardvark", "bison", "camel", "ferret", "gecko", "heron", "ibis"]);
    // as separate words, the four rarest and aardvark fill it
    expect(index.planQuery(["ferret", "gecko", "heron", "ibis", "aardvark", "bison", "camel"])).toEqual(["ferret", "gecko", "heron", "ibis", "aardvark"]);
  });

  it("ranks a written word of several parts as rare as its parts together, not as common as all of them", () => {
    // "elk-dingo" (3,000 and 150 passages) names what both name: about 75 passages if they fell
    // independently, fewer than camel's 100. Summed, its 3,150 postings ranked it last and left it out.
    const compound = ["elk", "dingo"].map((term) => ({ term, word: 0 }));
    const plan = index.planQuery([...compound, { term: "camel", word: 1 }, { term: "bison", word: 2 }, { term: "aardvark", word: 3 }, { term: "filler", word: 4 }]);
    expect(plan).toEqual(["aardvark", "bison", "elk", "dingo"]);
  });

  it("still ranks by every word: the left-out ones are added to the best candidates' scores", () => {
    // "elk" is left out of the plan; of the passages holding aardvark, bison and camel, the one with elk wins
    const [best] = index.search("aardvark bison camel elk", 1);
    expect(best?.terms.sort()).toEqual(["aardvark", "bison", "camel", "elk"]);
  });
});

describe("buildIndex over a markdown file on disk", () => {
  const MARKDOWN = [
    "---",
    "title: Garden Guide",
    "source: https://garden.example/guide",
    "date: 2021-05-01",
    "---",
    "# Growing tomatoes",
    "",
    "Tomatoes need full sun and regular watering.",
    "",
    "![A ripe tomato](https://img.example.com/zucchinifoto.jpg)",
    "",
    "Read the [seed catalogue](https://example.com/aubergineurl/list) before you order.",
    "",
    "## Pest control",
    "",
    "Aphids gather under the leaves in early summer.",
    "",
    "```",
    "spray = mix(water, soap)",
    "",
    "apply(spray, weekly)",
    "```",
    "",
    "The compost heap should be turned monthly, said the head gardener.",
    "",
    "The compost heap should be turned monthly, said the head gardener.",
    "",
  ].join("\n");

  let index: SearchIndex;
  beforeAll(async () => {
    const dir = await newDir();
    await writeFiles(dir, { "guide/garden.md": MARKDOWN });
    const { docs, skipped } = await loadCorpus(dir);
    expect(skipped).toEqual([]);
    index = buildIndex(docs);
  });

  it("uses the front matter for the document", () => {
    expect(index.docs.get("guide/garden.md")).toMatchObject({ title: "Garden Guide", source: "https://garden.example/guide", date: "2021-05-01" });
  });

  it("gives a passage the heading it sits under", () => {
    expect(index.search("aphids", 1)[0]?.passage.heading).toBe("Pest control");
    expect(index.search("watering sun", 1)[0]?.passage.heading).toBe("Growing tomatoes");
  });

  it("does not index words that only appear in an image line or a link URL", () => {
    expect(index.search("zucchinifoto")).toEqual([]);
    expect(index.search("aubergineurl")).toEqual([]);
    // The link's visible text is indexed.
    expect(index.textOf(index.search("catalogue", 1)[0]!.passage)).toContain("[seed catalogue]");
  });

  /*
   * A link inside a markdown heading once kept its URL: the heading became
   * "Read [the guide](docs/aubergineurl.md) first" (shown as is, and its terms indexed
   * "aubergineurl"), because `cleanHeading` stripped emphasis only. It now drops link URLs.
   */
  it("does not index the URL of a link inside a heading", () => {
    const text = "## Read [the guide](docs/aubergineurl.md) first\n\nTomatoes need regular watering in summer.\n";
    const headed = buildIndex([docOf("h.md", text)]);
    expect(headed.search("aubergineurl")).toEqual([]);
    expect(headed.search("watering", 1)[0]?.passage.heading).toBe("Read the guide first");
  });

  it("keeps a code block as one passage", () => {
    const hits = index.search("spray soap weekly");
    expect(hits).toHaveLength(1);
    expect(index.textOf(hits[0]!.passage)).toBe("spray = mix(water, soap)\n\napply(spray, weekly)");
  });

  it("indexes a block repeated in the document once", () => {
    const hits = index.search("compost heap");
    expect(hits).toHaveLength(1);
    // The one passage is the first copy.
    expect(hits[0]!.passage.start).toBe(MARKDOWN.indexOf("The compost heap"));
  });
});
