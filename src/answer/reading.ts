/**
 * The raw material of close reading: the tokens of retrieved passages and of their headings, each
 * token with its search term, computed once. A group of passages is read with one wink call (see
 * `analyseBatch`), and readings are kept for the next questions: headings recur across passages,
 * and a question asked again, or one on the same topic, retrieves the same passages.
 */
import { termOf, type Analysis, type Token } from "../nlp/analyse.js";
import { analyseBatch, type Segment } from "../nlp/batch.js";
import { mendSentences, splitListItems } from "../nlp/mend.js";
import type { IndexedDoc } from "../search/build.js";
import type { Passage } from "../types.js";

/** A text read with wink. Shared between questions: never modified. */
export interface ReadText {
  text: string;
  tokens: Token[];
  /** Each token's search term (`termOf`), or null. */
  terms: Array<string | null>;
}

/** A passage as read: its text and its heading's (empty without a heading). */
export interface ReadPassage {
  body: ReadText;
  heading: ReadText;
}

/**
 * Passage readings kept across questions, per cache (with entities, without): between this many
 * and twice as many, ≈ 5 kB each (≈ 5 MB at most), the passages of the last 60 questions or more.
 */
const PASSAGE_CACHE_SIZE = 500;
/** Heading readings kept across questions: headings are short and recur more than passages do. */
const HEADING_CACHE_SIZE = 2000;

/**
 * The entries used lately, between `size` and twice `size` of them: a young generation takes
 * every new or reused entry and, once full, becomes the old one, dropping the one before. Nearly
 * an LRU, without its bookkeeping.
 */
class Recent<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aging = this.old.get(key);
    if (aging !== undefined) this.set(key, aging);
    return aging;
  }
  set(key: K, value: V): void {
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}

/** A kept passage reading and where it was read: after a reindex, an id may name another passage. */
interface Kept {
  read: ReadText;
  doc: string;
  start: number;
}

const keptPassages = { entities: new Recent<number, Kept>(PASSAGE_CACHE_SIZE), plain: new Recent<number, Kept>(PASSAGE_CACHE_SIZE) };
const keptHeadings = new Recent<string, ReadText>(HEADING_CACHE_SIZE);

const NO_HEADING: ReadText = { text: "", tokens: [], terms: [] };

/** A text read with wink, its sentences mended where wink cut them inside a link or code span, and cut where a list item starts. */
function readText(text: string, offset: number, tokens: Token[]): ReadText {
  const mended = splitListItems(mendSentences(text, offset, tokens));
  return { text, tokens: mended, terms: mended.map(termOf) };
}

/**
 * Reads each passage (with entities when `entities`) and its heading (never with entities).
 * Whatever is not kept from earlier questions is read with one wink call. wink finds entities
 * after everything else and changes nothing else for them, so a heading read along with
 * entities, once they are dropped, is what a reading without them gives.
 */
export function readPassages(items: ReadonlyArray<{ passage: Passage; doc: IndexedDoc }>, entities: boolean): ReadPassage[] {
  const kept = entities ? keptPassages.entities : keptPassages.plain;
  const bodies: Array<ReadText | undefined> = [];
  const headings = new Map<string, ReadText | undefined>();
  // What is not kept, read in one call: passages first, then headings.
  const segments: Segment[] = [];
  const unread: Array<{ at: number; passage: Passage }> = [];
  for (const { passage, doc } of items) {
    const text = doc.text.slice(passage.start, passage.end);
    const k = kept.get(passage.id);
    if (k && k.doc === passage.doc && k.start === passage.start && k.read.text === text) bodies.push(k.read);
    else {
      unread.push({ at: bodies.length, passage });
      bodies.push(undefined);
      segments.push({ text, offset: passage.start });
    }
    if (passage.heading !== undefined && !headings.has(passage.heading)) headings.set(passage.heading, keptHeadings.get(passage.heading));
  }
  const unreadHeadings: string[] = [];
  for (const [heading, read] of headings) {
    if (read) continue;
    unreadHeadings.push(heading);
    segments.push({ text: heading, offset: 0 });
  }
  const analyses = analyseBatch(segments, { entities });
  unread.forEach(({ at, passage }, k) => {
    const segment = segments[k] as Segment;
    const read = readText(segment.text, segment.offset, (analyses[k] as Analysis).tokens);
    bodies[at] = read;
    kept.set(passage.id, { read, doc: passage.doc, start: passage.start });
  });
  unreadHeadings.forEach((heading, k) => {
    const tokens = (analyses[unread.length + k] as Analysis).tokens;
    const read = readText(heading, 0, entities ? tokens.map(({ entity: _, ...t }) => t) : tokens);
    headings.set(heading, read);
    keptHeadings.set(heading, read);
  });
  return items.map(({ passage }, i) => ({
    body: bodies[i] as ReadText,
    heading: (passage.heading !== undefined && headings.get(passage.heading)) || NO_HEADING,
  }));
}
