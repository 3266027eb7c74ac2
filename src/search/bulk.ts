/**
 * MiniSearch built in one go from term ids. Adding passages one at a time walks MiniSearch's
 * radix tree once per word (about 2 s at 100k passages); inverting the term pool first touches
 * each distinct term once (about 0.2 s). The postings go straight into MiniSearch's maps when its
 * layout is the one known here, else through its serialised form (`loadJS`). Either way the
 * result is the index `addAll` would build: tests/search/bulk.test.ts holds all three equal.
 */
import MiniSearch, { type AsPlainObject, type Options } from "minisearch";

/** The passages to index, in the order MiniSearch should number them. */
export interface BulkPassages {
  /** Passage ids, one per passage. */
  ids: ArrayLike<number>;
  /** Term ids of passage i, sorted (repeats kept): `pool[from(i), to(i))` (no view per passage: 100k views cost ≈ 30 ms). */
  pool: Int32Array;
  from: (i: number) => number;
  to: (i: number) => number;
  /** Terms by id. */
  vocabulary: readonly string[];
}

/** A MiniSearch over one field holding each passage's terms, as `addAll` would build it. */
export function bulkMiniSearch<T>(passages: BulkPassages, field: string, options: Options<T>, forceSerialised = false): MiniSearch<T> {
  const n = passages.ids.length;
  const vocabulary = passages.vocabulary;
  // Pass 1: passages per term (MiniSearch counts a term once per passage).
  const counts = new Int32Array(vocabulary.length + 1);
  const lengths = new Int32Array(n);
  let lengthSum = 0;
  const pool = passages.pool;
  for (let i = 0; i < n; i++) {
    const from = passages.from(i);
    const to = passages.to(i);
    let unique = 0;
    for (let k = from; k < to; k++) {
      if (k > from && pool[k] === pool[k - 1]) continue;
      unique++;
      counts[(pool[k] as number) + 1]! += 1;
    }
    lengths[i] = unique;
    lengthSum += unique;
  }
  for (let t = 1; t < counts.length; t++) counts[t]! += counts[t - 1] as number;
  // Pass 2: each term's postings, contiguous: (passage number, frequency).
  const total = counts[vocabulary.length] as number;
  const docOf = new Int32Array(total);
  const freqOf = new Int32Array(total);
  const fill = counts.slice(0, vocabulary.length);
  for (let i = 0; i < n; i++) {
    const to = passages.to(i);
    for (let k = passages.from(i); k < to; ) {
      const term = pool[k] as number;
      let freq = 1;
      while (k + freq < to && pool[k + freq] === term) freq++;
      const at = fill[term]!++;
      docOf[at] = i;
      freqOf[at] = freq;
      k += freq;
    }
  }
  const postingsOf = (t: number): Map<number, number> | undefined => {
    const from = counts[t] as number;
    const to = counts[t + 1] as number;
    if (from === to) return undefined;
    const postings = new Map<number, number>();
    for (let p = from; p < to; p++) postings.set(docOf[p] as number, freqOf[p] as number);
    return postings;
  };
  const js: AsPlainObject = {
    documentCount: n,
    nextId: n,
    documentIds: {},
    fieldIds: { [field]: 0 },
    fieldLength: {},
    averageFieldLength: [n ? lengthSum / n : 0],
    storedFields: {},
    dirtCount: 0,
    index: [],
    serializationVersion: 2,
  };
  const mini = MiniSearch.loadJS(js, options);
  const inside = mini as unknown as Partial<Internals>;
  if (!forceSerialised && inside._index?.set && inside._documentIds instanceof Map && inside._idToShortId instanceof Map && inside._fieldLength instanceof Map) {
    // The fast path: MiniSearch's own maps, filled directly (MiniSearch 7's layout, which
    // tests/search/bulk.test.ts checks against addAll).
    // Its per-passage maps as arrays (three Maps of 100k entries and 100k one-number arrays took
    // ≈ 110 ms at the many-file benchmark's 100k passages); equal lengths share one array, which
    // MiniSearch only reads (it makes a new one for each passage it adds).
    const documentIds = new Array<number>(n);
    const fieldLengths = new Array<number[]>(n);
    const sameLength: number[][] = [];
    const idToShortId = new DenseMap<number>([]);
    for (let i = 0; i < n; i++) {
      const id = passages.ids[i] as number;
      documentIds[i] = id;
      const length = lengths[i] as number;
      fieldLengths[i] = sameLength[length] ??= [length];
      idToShortId.set(id, i);
    }
    inside._documentIds = new DenseMap(documentIds);
    inside._fieldLength = new DenseMap(fieldLengths);
    inside._idToShortId = idToShortId;
    // A term's postings become a Map when a query first reads them: making all of them up front
    // (2.4 M entries at 100k passages) was most of a loaded index's first question.
    const held: number[] = [];
    for (let t = 0; t < vocabulary.length; t++) if (counts[t] !== counts[t + 1]) held.push(t);
    held.sort((a, b) => compareCodeUnits(vocabulary[a] as string, vocabulary[b] as string));
    const keys = held.map((t) => vocabulary[t] as string);
    const values = held.map((t) => new LazyFieldData(t, postingsOf));
    inside._index = new inside._index.constructor(radixTree(keys, values, 0, keys.length, 0));
    return mini;
  }
  // Another MiniSearch layout: the documented serialised form, at about twice the cost.
  for (let i = 0; i < n; i++) {
    js.documentIds[i] = passages.ids[i];
    js.fieldLength[i] = [lengths[i] as number];
  }
  for (let t = 0; t < vocabulary.length; t++) {
    const postings = postingsOf(t);
    if (postings) js.index.push([vocabulary[t] as string, { 0: Object.fromEntries(postings) }]);
  }
  return MiniSearch.loadJS(js, options);
}

/** A node of MiniSearch's radix tree (SearchableMap): edge labels to child nodes, "" to the value. */
type RadixNode = Map<string, RadixNode | LazyFieldData>;

/**
 * The radix tree SearchableMap's `set` builds for `keys[from, to)` (sorted by UTF-16 code unit,
 * distinct), all sharing their first `depth` characters. Inserting 50k terms one by one scans
 * each node's edges for every term (≈ 150-250 ms on the 100k benchmark); from sorted keys each
 * edge is the common prefix of the first and last key that share its first character.
 */
function radixTree(keys: readonly string[], values: readonly LazyFieldData[], from: number, to: number, depth: number): RadixNode {
  const node: RadixNode = new Map();
  let i = from;
  if (i < to && (keys[i] as string).length === depth) node.set("", values[i++] as LazyFieldData);
  while (i < to) {
    const first = keys[i] as string;
    let j = i + 1;
    while (j < to && (keys[j] as string)[depth] === first[depth]) j++;
    const last = keys[j - 1] as string;
    let end = depth + 1;
    while (end < first.length && first[end] === last[end]) end++;
    node.set(first.slice(depth, end), radixTree(keys, values, i, j, end));
    i = j;
  }
  return node;
}

/** Orders strings by UTF-16 code unit, as `<` does (and as SearchableMap compares characters). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One term's entry in MiniSearch's index (field id → passage number → frequency) whose postings
 * are made from the inverted arrays on first use. Every Map method makes them first, so MiniSearch
 * (search, add, discard, vacuum, toJSON) sees an ordinary Map.
 */
class LazyFieldData extends Map<number, Map<number, number>> {
  #term: number;
  #postingsOf: ((t: number) => Map<number, number> | undefined) | undefined;

  constructor(term: number, postingsOf: (t: number) => Map<number, number> | undefined) {
    super();
    this.#term = term;
    this.#postingsOf = postingsOf;
  }

  #made(): void {
    const postingsOf = this.#postingsOf;
    if (postingsOf) {
      this.#postingsOf = undefined;
      const postings = postingsOf(this.#term);
      if (postings) super.set(0, postings);
    }
  }

  override get size(): number {
    this.#made();
    return super.size;
  }
  override get(field: number): Map<number, number> | undefined {
    this.#made();
    return super.get(field);
  }
  override has(field: number): boolean {
    this.#made();
    return super.has(field);
  }
  override set(field: number, postings: Map<number, number>): this {
    this.#made();
    return super.set(field, postings);
  }
  override delete(field: number): boolean {
    this.#made();
    return super.delete(field);
  }
  override clear(): void {
    this.#postingsOf = undefined;
    super.clear();
  }
  override forEach(fn: (postings: Map<number, number>, field: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown): void {
    this.#made();
    super.forEach(fn, thisArg);
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.#made();
    return super.entries();
  }
  override keys(): MapIterator<number> {
    this.#made();
    return super.keys();
  }
  override values(): MapIterator<Map<number, number>> {
    this.#made();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }
}

/**
 * A Map whose non-negative integer keys index an array (holes: absent), any other key held as an
 * ordinary Map holds it: MiniSearch's short ids and Verbatim's passage ids are dense integers.
 * Every Map method is overridden, so MiniSearch (and toJSON) sees an ordinary Map.
 */
export class DenseMap<V> extends Map<number, V> {
  #dense: Array<V | undefined>;
  #denseSize = 0;

  /** Takes `dense` (key → value; holes and undefined are absent) as it is, without copying. */
  constructor(dense: Array<V | undefined>) {
    super();
    this.#dense = dense;
    for (let k = 0; k < dense.length; k++) if (dense[k] !== undefined) this.#denseSize++;
  }

  override get size(): number {
    return this.#denseSize + super.size;
  }
  override get(key: number): V | undefined {
    return isIndex(key) ? this.#dense[key] : super.get(key);
  }
  override has(key: number): boolean {
    return isIndex(key) ? this.#dense[key] !== undefined : super.has(key);
  }
  override set(key: number, value: V): this {
    if (!isIndex(key) || value === undefined) {
      this.delete(key);
      return super.set(key, value);
    }
    if (this.#dense[key] === undefined) this.#denseSize++;
    this.#dense[key] = value;
    return this;
  }
  override delete(key: number): boolean {
    if (!isIndex(key)) return super.delete(key);
    if (this.#dense[key] === undefined) return super.delete(key);
    this.#dense[key] = undefined;
    this.#denseSize--;
    return true;
  }
  override clear(): void {
    this.#dense = [];
    this.#denseSize = 0;
    super.clear();
  }
  override *entries(): MapIterator<[number, V]> {
    const dense = this.#dense;
    for (let k = 0; k < dense.length; k++) {
      const value = dense[k];
      if (value !== undefined) yield [k, value];
    }
    yield* super.entries();
  }
  override *keys(): MapIterator<number> {
    for (const [key] of this.entries()) yield key;
  }
  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }
  override forEach(fn: (value: V, key: number, map: Map<number, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) fn.call(thisArg, value, key, this);
  }
  override [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }
}

/** A key DenseMap keeps in its array: an integer from 0 up to a size an array can have. */
function isIndex(key: number): boolean {
  return Number.isInteger(key) && key >= 0 && key < 2 ** 31;
}

/** The parts of a MiniSearch 7 instance the fast path fills. */
interface Internals {
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown; constructor: new (tree: RadixNode) => Internals["_index"] };
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
}
