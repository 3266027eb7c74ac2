import { beforeAll, describe, expect, it } from "vitest";
import { readPassages } from "../../src/answer/reading.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { analyse, termOf } from "../../src/nlp/analyse.js";
import { buildIndex, type IndexedDoc } from "../../src/search/build.js";
import type { Passage } from "../../src/types.js";
import { REAL_CORPUS } from "../support/corpus.js";

let items: Array<{ passage: Passage; doc: IndexedDoc }>;

beforeAll(async () => {
  const { docs } = await loadCorpus(REAL_CORPUS);
  const index = buildIndex(docs);
  items = [...index.docs.values()].flatMap((doc) => doc.passageIds.map((id) => ({ passage: index.passage(id) as Passage, doc })));
});

describe("readPassages", () => {
  it("reads each passage as analyse reads it alone, with offsets in its document and each token's term", () => {
    const some = items.slice(0, 10);
    const read = readPassages(some, false);
    read.forEach(({ body }, i) => {
      const { passage, doc } = some[i] as (typeof some)[number];
      const text = doc.text.slice(passage.start, passage.end);
      expect(body.text).toBe(text);
      expect(body.tokens).toEqual(analyse(text, passage.start, { entities: false }).tokens);
      for (const t of body.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
      expect(body.terms).toEqual(body.tokens.map(termOf));
    });
  });

  it("reads passages with entities when asked, and headings never", () => {
    const headed = items.filter(({ passage, doc }) => passage.heading && /\d/.test(doc.text.slice(passage.start, passage.end))).slice(0, 6);
    expect(headed.length).toBeGreaterThan(0);
    const read = readPassages(headed, true);
    expect(read.some(({ body }) => body.tokens.some((t) => t.entity !== undefined))).toBe(true);
    read.forEach(({ heading }, i) => {
      const { passage } = headed[i] as (typeof headed)[number];
      expect(heading.text).toBe(passage.heading);
      expect(heading.tokens).toEqual(analyse(passage.heading as string, 0, { entities: false }).tokens);
    });
  });

  it("gives a passage without a heading an empty one", () => {
    const [read] = readPassages([{ ...(items[0] as (typeof items)[number]), passage: { ...(items[0] as (typeof items)[number]).passage, heading: undefined } }], false);
    expect(read?.heading.tokens).toEqual([]);
  });

  it("keeps readings for the next question, and reads a passage again when its document changed", () => {
    const some = items.slice(10, 14);
    const first = readPassages(some, false);
    const again = readPassages(some, false);
    again.forEach((r, i) => expect(r.body).toBe(first[i]?.body));

    const { passage, doc } = some[0] as (typeof some)[number];
    const edited: IndexedDoc = { ...doc, text: doc.text.slice(0, passage.start) + "Someone else entirely. " + doc.text.slice(passage.start) };
    const [changed] = readPassages([{ passage, doc: edited }], false);
    expect(changed?.body.text).toBe(edited.text.slice(passage.start, passage.end));
    expect(changed?.body.tokens[0]?.text).toBe("Someone");
  });
});
