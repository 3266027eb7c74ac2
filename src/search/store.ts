/**
 * Compact storage for an index's passages: offsets in typed columns and every passage's search
 * terms as ids into one vocabulary, in one pool of 32-bit integers. At 100k passages this is
 * about 12 MB where one object and one string per passage took about 30 MB, and it is what
 * MiniSearch's index is rebuilt from when a saved index is loaded.
 */
import { stemOf } from "../nlp/stem.js";
import { Speller } from "./spelling.js";

/** A growable column of 32-bit integers. */
export class IntColumn {
  private data: Int32Array;
  length = 0;

  /** `empty` is what a position never set reads as. */
  constructor(
    capacity = 1024,
    private readonly empty = 0,
  ) {
    this.data = new Int32Array(Math.max(16, capacity)).fill(empty);
  }

  get(i: number): number {
    return i >= 0 && i < this.length ? (this.data[i] as number) : this.empty;
  }

  set(i: number, value: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    this.data[i] = value;
    if (i >= this.length) this.length = i + 1;
  }

  push(value: number): number {
    this.set(this.length, value);
    return this.length - 1;
  }

  /** Appends `values`; returns where they start. */
  append(values: ArrayLike<number>): number {
    const at = this.length;
    if (at + values.length > this.data.length) this.grow(at + values.length);
    this.data.set(values, at);
    this.length = at + values.length;
    return at;
  }

  /** Makes room for `capacity` values, so that filling it never copies. */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.resize(capacity);
  }

  /** The backing array (longer than `length`): for tight loops; valid until the next write. */
  get raw(): Int32Array {
    return this.data;
  }

  /** A view of [from, to): valid until the next write. */
  view(from: number, to: number): Int32Array {
    return this.data.subarray(from, to);
  }

  private grow(min: number): void {
    let size = this.data.length;
    while (size < min) size *= 2;
    this.resize(size);
  }

  /** Moves the values into a new array of `size` (a new Int32Array is all 0: filled only when `empty` is not). */
  private resize(size: number): void {
    const next = new Int32Array(size);
    if (this.empty !== 0) next.fill(this.empty, this.length);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/** Terms ↔ dense ids, with the number of passages holding each term. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /** Passages holding each term, by term id. */
  readonly df = new IntColumn(4096);

  /**
   * Term ids by their first STEM_KEY_CHARS characters, built on first use (a few ms at 200k terms,
   * where stemming the whole vocabulary took ≈ 900 ms) and kept up to date after: a stem is
   * nearly always a prefix of its words, so only the terms under its key are stemmed.
   */
  private byKey?: Map<string, number[]>;

  /** The id of `term`, added if new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.ids.set(term, id);
      this.df.set(id, 0);
      if (this.byKey) addTo(this.byKey, term.slice(0, STEM_KEY_CHARS), id);
    }
    return id;
  }

  /** The known terms that share `term`'s stem and its first STEM_KEY_CHARS characters (itself included when known). */
  sameStem(term: string): string[] {
    if (!this.byKey) {
      this.byKey = new Map();
      this.terms.forEach((t, id) => addTo(this.byKey as Map<string, number[]>, t.slice(0, STEM_KEY_CHARS), id));
    }
    const stem = stemOf(term);
    const out: string[] = [];
    for (const id of this.byKey.get(term.slice(0, STEM_KEY_CHARS)) ?? []) {
      const t = this.terms[id] ?? "";
      if (stemOf(t) === stem) out.push(t);
    }
    return out;
  }

  /** Corrects words no passage holds (see spelling.ts), made on first use. */
  private speller?: Speller;

  /** The live terms nearest in spelling to any of `forms` of a word (see Speller.corrections), commonest first. */
  corrections(forms: readonly string[]): string[] {
    this.speller ??= new Speller(this.terms, (id) => this.df.get(id));
    return this.speller.corrections(forms);
  }

  /** The id of `term`, or -1 when no passage ever held it. */
  idOf(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** Passages holding `term`. */
  frequency(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.df.get(id);
  }
}

/** Characters of a term that key the stem look-up (see Vocabulary.sameStem): stems are rarely shorter. */
const STEM_KEY_CHARS = 3;

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  const ids = map.get(key);
  if (ids) ids.push(id);
  else map.set(key, [id]);
}

/** Sorts term ids in place. */
export function sortTermIds(ids: Int32Array): void {
  ids.sort();
}

/** Distinct values in sorted `ids`. */
export function distinctCount(ids: Int32Array): number {
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) n++;
  return n;
}

/** Occurrences of `id` in sorted `ids` (or in its range [from, to)). */
export function countSorted(ids: Int32Array, id: number, from = 0, to = ids.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ids[mid] as number) < id) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  while (lo + n < to && ids[lo + n] === id) n++;
  return n;
}
