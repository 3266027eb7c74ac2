import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { DenseMap, bulkMiniSearch } from "../../src/search/bulk.js";

interface Fields {
  id: number;
  text: string;
}

const options = { fields: ["text"], storeFields: [], tokenize: (s: string) => (s ? s.split(" ") : []), processTerm: (t: string) => t || null };

/** Passages as space-joined terms; ids deliberately not 0..n-1. */
const texts: Array<[number, string]> = [
  [3, "labour deputy leader deputy"],
  [7, "rayner stand deputy leader"],
  [8, "butler"],
  [12, "election labour labour labour party"],
  [40, "zzz"],
];

function viaAddAll(): MiniSearch<Fields> {
  const mini = new MiniSearch<Fields>(options);
  mini.addAll(texts.map(([id, text]) => ({ id, text })));
  return mini;
}

function viaBulk(serialised = false): MiniSearch<Fields> {
  const vocabulary: string[] = [];
  const ids = new Map<string, number>();
  const termIds = texts.map(([, text]) =>
    Int32Array.from(text.split(" "), (t) => ids.get(t) ?? (ids.set(t, vocabulary.push(t) - 1), vocabulary.length - 1)).sort(),
  );
  // one term no passage holds any more: it must not reach the index
  vocabulary.push("gone");
  return bulkMiniSearch<Fields>({ ids: texts.map(([id]) => id), ...pooled(termIds), vocabulary }, "text", options, serialised);
}

/** Each passage's term ids in one pool, as bulkMiniSearch reads them; a gap between passages, as the index's pool may have. */
function pooled(termIds: Int32Array[]): { pool: Int32Array; from: (i: number) => number; to: (i: number) => number } {
  const pool: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const ids of termIds) {
    pool.push(-1);
    from.push(pool.length);
    pool.push(...ids);
    to.push(pool.length);
  }
  return { pool: Int32Array.from(pool), from: (i) => from[i] as number, to: (i) => to[i] as number };
}

/** toJSON with the index sorted by term (insertion order differs) and averages rounded. */
function canonical(mini: MiniSearch<Fields>): unknown {
  const js = mini.toJSON();
  return { ...js, averageFieldLength: js.averageFieldLength.map((a) => a.toFixed(9)), index: [...js.index].sort(([a], [b]) => a.localeCompare(b)) };
}

/** MiniSearch's radix tree as plain objects: edge label → subtree; "" → the term's postings. */
function treeOf(mini: MiniSearch<Fields>): unknown {
  const plain = (node: Map<string, unknown>): unknown =>
    Object.fromEntries(
      [...node].map(([edge, child]) => [edge, edge === "" ? [...(child as Map<number, Map<number, number>>)].map(([field, postings]) => [field, [...postings]]) : plain(child as Map<string, unknown>)]),
    );
  return plain((mini as unknown as { _index: { _tree: Map<string, unknown> } })._index._tree);
}

describe("bulkMiniSearch", () => {
  it.each([false, true])("builds the index addAll builds (through the serialised form: %s)", (serialised) => {
    expect(canonical(viaBulk(serialised))).toEqual(canonical(viaAddAll()));
  });

  it("scores every query as addAll's index does", () => {
    const bulk = viaBulk();
    const added = viaAddAll();
    for (const query of ["deputy leader", "labour", "butler election", "zzz rayner", "nothing"]) {
      expect(bulk.search(query)).toEqual(added.search(query));
    }
  });

  it("takes further adds and discards like any MiniSearch", () => {
    const bulk = viaBulk();
    const added = viaAddAll();
    for (const mini of [bulk, added]) {
      mini.add({ id: 99, text: "deputy butler" });
      mini.discard(7);
    }
    expect(bulk.search("deputy butler")).toEqual(added.search("deputy butler"));
  });

  it("builds the radix tree (edges and postings) that adding the passages one by one builds", () => {
    // Keys sharing prefixes at several depths, a key that is a prefix of others, and non-ASCII.
    const words = ["deputy", "dep", "depth", "deputise", "leader", "leadership", "lead", "été", "etc", "e", "zzz"];
    const passages: Array<[number, string]> = words.map((w, i) => [i * 2 + 1, `${w} ${words[(i + 3) % words.length]}`]);
    const added = new MiniSearch<Fields>(options);
    added.addAll(passages.map(([id, text]) => ({ id, text })));
    const vocabulary = [...words].reverse();
    const termIds = passages.map(([, text]) => Int32Array.from(text.split(" "), (t) => vocabulary.indexOf(t)).sort());
    const bulk = bulkMiniSearch<Fields>({ ids: passages.map(([id]) => id), ...pooled(termIds), vocabulary }, "text", options);
    expect(treeOf(bulk)).toEqual(treeOf(added));
    // The tree's insertion order differs, so a result lists the words it matched in another order.
    const found = (mini: MiniSearch<Fields>, query: string): unknown =>
      mini.search(query, { prefix: true, fuzzy: 0.3 }).map((r) => ({ id: r.id, score: r.score.toFixed(9), terms: [...r.terms].sort() }));
    for (const query of ["dep", "lea", "e", "ete", "deputies"]) expect(found(bulk, query)).toEqual(found(added, query));
  });

  it("builds an empty index from no passages", () => {
    const mini = bulkMiniSearch<Fields>({ ids: [], ...pooled([]), vocabulary: [] }, "text", options);
    expect(mini.documentCount).toBe(0);
    expect(mini.search("anything")).toEqual([]);
  });
});

describe("DenseMap", () => {
  it("answers every Map method as a Map holding the same entries does", () => {
    const ops: Array<(m: Map<number, string>) => unknown> = [
      (m) => m.set(5, "f"),
      (m) => m.set(-1, "minus"),
      (m) => m.set(1.5, "half"),
      (m) => m.delete(0),
      (m) => m.delete(0),
      (m) => m.delete(-1),
      (m) => m.set(2, "c2"),
      (m) => m.delete(99),
    ];
    // each step's result and the whole state, against a Map's
    const d = new DenseMap<string>(["a", undefined, "c"]);
    const p = new Map<number, string>([
      [0, "a"],
      [2, "c"],
    ]);
    for (const op of ops) {
      const [rd, rp] = [op(d), op(p)];
      expect(rd === d).toBe(rp === p);
      if (rd !== d) expect(rd).toEqual(rp);
      expect(d.size).toBe(p.size);
      for (const k of [-1, 0, 1, 1.5, 2, 5, 99]) {
        expect(d.get(k)).toBe(p.get(k));
        expect(d.has(k)).toBe(p.has(k));
      }
      expect(new Map(d)).toEqual(new Map(p));
    }
    expect(Object.fromEntries(d)).toEqual(Object.fromEntries(p));
    d.clear();
    expect([d.size, [...d]]).toEqual([0, []]);
  });
});
