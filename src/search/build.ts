/**
 * The search index: passages of every document in MiniSearch, with the documents they quote.
 * Pure: it is handed documents and never reads files.
 *
 * @example
 * const index = buildIndex(docs);
 * const [best] = index.search("Who is standing for deputy leader?", 3);
 * const quote = index.docs.get(best.passage.doc)!.text.slice(best.passage.start, best.passage.end);
 */
import { withoutRequest } from "../nlp/request.js";
import type MiniSearch from "minisearch";
import type { Options, SearchOptions } from "minisearch";
import type { Doc, Passage, ScoredPassage } from "../types.js";
import { searchWordsOf, type SearchWord } from "../nlp/analyse.js";
import { copyText, TextHolder } from "../corpus/lazy-text.js";
import { formatOf } from "../corpus/mdast.js";
import { compactCut, PASSAGE_FIELDS, type CompactCut } from "./compact.js";
import { bulkMiniSearch } from "./bulk.js";
import type { NameBook } from "./passages.js";
import { topResults, type TopResult } from "./top.js";
import { countSorted, distinctCount, IntColumn, sortTermIds, Vocabulary } from "./store.js";

/** A document as the index holds it: the text to quote from and the passages cut from it. */
export interface IndexedDoc extends Doc {
  passageIds: number[];
  names: NameBook;
  /** Surname keys of the names the document is mostly about. */
  topics: string[];
  /** Normalised terms of the title. */
  titleTerms: string[];
}

/** What MiniSearch stores per passage: space-joined normalised terms, so it never re-tokenises text. */
interface IndexedFields {
  id: number;
  /** The passage's terms, then its heading's. */
  text: string;
}

/**
 * BM25 as tuned for short passages. k1 = 1.2 is the usual saturation: a second mention of a term
 * counts, a fifth barely does. b = 0.5 (MiniSearch's default is 0.7) because windows are cut to
 * similar lengths already, and the long ones are long for a reason (a code block, a dense
 * paragraph) rather than padding; full length normalisation would punish exactly those.
 * d = 0.5 keeps MiniSearch's lower bound for a matching term.
 */
export const BM25 = { k: 1.2, b: 0.5, d: 0.5 } as const;

/**
 * A heading names what the passages under it are about ("Dawn Butler – Deputy leadership"). Its
 * words are indexed with the first passage under it (see compact.ts), and every passage under it
 * scores higher by this share for the query words its heading holds and its own text lacks (all
 * of them: ×2; 0.5 lost the dev set's "Which seat does Emily Thornberry represent?", where only
 * the heading names her). A separate MiniSearch field would cost a second posting list per
 * passage: more build time, memory and load time.
 */
export const HEADING_BOOST = 1;

/**
 * The title applies to every passage of a document. Indexed as a field it would make each title
 * word's posting list as long as the whole document; instead a passage's score is raised by this
 * share for the question words its document's title holds (all of them: +50%).
 */
export const TITLE_BOOST = 0.5;

/**
 * Prefix matches ("leader" → "leadership") count for a third of an exact match, and only for
 * query terms of 5+ letters: shorter prefixes match too many unrelated words.
 */
const PREFIX_WEIGHT = 0.3;
const MIN_PREFIX_LENGTH = 5;

/**
 * Query planning. Scoring every passage that holds a common word is what makes long OR-queries
 * slow, and a common word adds little to BM25 beside a rare one (a word in 1% of passages has
 * idf ≈ 4.6, against ≈ 9 for one in 0.01%), and is added back anyway when the best candidates
 * are rescored. So a question is searched by its rarest words, taken rarest first while the
 * passages they hold together stay within QUERY_BUDGET of the index (always at least
 * MIN_QUERY_TERMS, at most MAX_QUERY_TERMS written words). At 100k passages, with the
 * alternatives of alternativesOf, 3% finds the source passage of every one of 3,000 generated
 * questions (three seeds) in the top 10, as raw MiniSearch searching every word does; 2% missed
 * 1 to 2 per 1,000. Close reading of the passages (answer/) still checks every word of the
 * question.
 */
/** Terms of a question word's stem searched besides it (alternativesOf): the commonest few, so a stem that over-merges does not flood the query. */
const MAX_STEM_ALTERNATIVES = 2;
export const QUERY_BUDGET = 0.03;
export const MAX_QUERY_TERMS = 5;
export const MIN_QUERY_TERMS = 3;
/** Corpora smaller than this many passages are searched with every word: there is no cost to save. */
const PLAN_ABOVE_PASSAGES = 5000;
/**
 * What a match on a word's alternative form (see alternativesOf) counts for, against the word
 * itself. 0.5 before; 0.3 (tried 0.2, 0.3, 0.5) finds 2 more of the 100k benchmark's 1,000
 * generated questions in the top 10 and one more tune question's evidence in the top 3: a form
 * the question did not write ranks a passage less.
 */
const ALTERNATIVE_WEIGHT = 0.3;
/**
 * Candidates from the rare words that are rescored with the rest: enough for a top 24 to settle.
 * 200 before; at 400 the 100k benchmark's generated questions miss their passage in the top 10
 * 5 times in 1,000 instead of 7, and answer()'s p99 stayed under FlexSearch's.
 */
const RESCORE_CANDIDATES = 400;

const splitTerms = (text: string): string[] => (text ? text.split(" ") : []);

/** The one set of MiniSearch options, for building and for loading a saved index alike. */
const MINI_OPTIONS = {
  fields: ["text"],
  storeFields: [],
  tokenize: splitTerms,
  processTerm: (term) => term || null,
  searchOptions: {
    bm25: BM25,
    combineWith: "OR",
    prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
    weights: { fuzzy: 0.2, prefix: PREFIX_WEIGHT },
  },
} satisfies Options<IndexedFields>;

/** Everything an index is, as plain data (see persist.ts for the file format around it). */
export interface IndexSnapshot {
  /** Terms by id. */
  terms: string[];
  /**
   * Passages, flat: seven numbers each (id, doc index, start, end, heading index or -1, number
   * of terms, 1 when those include the heading's terms). Saved as raw integers (persist.ts).
   */
  passages: Int32Array;
  /** The passages' term ids (text and heading), sorted within each passage. */
  termIds: Int32Array;
  /** Headings and their space-joined terms. */
  headings: Array<[string, string]>;
  /** Documents without their texts (the corpus files hold them), as columns. */
  docs: DocColumns;
  nextId: number;
}

/**
 * A snapshot's documents as columns, entry i of each being document i's: parsing 20k objects'
 * keys took twice as long as parsing these arrays and making the objects (≈ 75 → ≈ 30 ms).
 */
export interface DocColumns {
  paths: string[];
  titles: string[];
  fingerprints: string[];
  stamps: string[];
  topics: string[][];
  titleTerms: string[][];
  /** Only the documents that have them, by document number. */
  sources: Record<number, string>;
  dates: Record<number, string>;
  names: Record<number, NameBook>;
}

/** `docs` (their texts left out) as columns. */
function docColumns(docs: readonly IndexedDoc[]): DocColumns {
  const columns: DocColumns = { paths: [], titles: [], fingerprints: [], stamps: [], topics: [], titleTerms: [], sources: {}, dates: {}, names: {} };
  docs.forEach((d, i) => {
    columns.paths.push(d.path);
    columns.titles.push(d.title);
    columns.fingerprints.push(d.fingerprint);
    columns.stamps.push(d.stamp);
    columns.topics.push(d.topics);
    columns.titleTerms.push(d.titleTerms);
    if (d.source !== undefined) columns.sources[i] = d.source;
    if (d.date !== undefined) columns.dates[i] = d.date;
    if (Object.keys(d.names).length > 0) columns.names[i] = d.names;
  });
  return columns;
}

/** The documents of `columns`, with empty texts and no passages yet. Throws when they are not columns of one length. */
function docsOf(columns: DocColumns): IndexedDoc[] {
  const { paths, titles, fingerprints, stamps, topics, titleTerms, sources, dates, names } = columns;
  const n = Array.isArray(paths) ? paths.length : -1;
  if (![titles, fingerprints, stamps, topics, titleTerms].every((c) => Array.isArray(c) && c.length === n) || ![sources, dates, names].every((m) => m && typeof m === "object")) {
    throw new Error("search: snapshot documents are not columns of one length");
  }
  const docs: IndexedDoc[] = new Array<IndexedDoc>(n);
  for (let i = 0; i < n; i++) {
    docs[i] = new StoredDoc(paths[i] as string, titles[i] as string, fingerprints[i] as string, stamps[i] as string, names[i] ?? {}, topics[i] as string[], titleTerms[i] as string[], sources[i], dates[i]);
  }
  return docs;
}

/** A document of a saved index: its text is "" until the corpus loader defers it to its file (lazy-text.ts). */
class StoredDoc extends TextHolder implements IndexedDoc {
  passageIds: number[] = [];
  declare source?: string;
  declare date?: string;

  constructor(
    public path: string,
    public title: string,
    public fingerprint: string,
    public stamp: string,
    public names: NameBook,
    public topics: string[],
    public titleTerms: string[],
    source: string | undefined,
    date: string | undefined,
  ) {
    super();
    if (source !== undefined) this.source = source;
    if (date !== undefined) this.date = date;
  }
}

/** Passage fields in a snapshot's flat `passages`. */
const SNAPSHOT_STRIDE = 7;

export class SearchIndex {
  readonly docs = new Map<string, IndexedDoc>();
  private readonly vocab = new Vocabulary();
  /** Per passage id: document slot (-1 once removed), offsets, heading slot (-1: none), its terms in `pool`. */
  private readonly docOf = new IntColumn(1024, -1);
  private readonly startOf = new IntColumn();
  private readonly endOf = new IntColumn();
  private readonly headingOf = new IntColumn(1024, -1);
  /** 1 where the passage's terms include its heading's (only the first under a heading: compact.ts). */
  private readonly headingHeld = new IntColumn();
  private readonly termsFrom = new IntColumn();
  private readonly termsTo = new IntColumn();
  /** Every passage's term ids (text and heading), sorted per passage. */
  private readonly pool = new IntColumn(1 << 16);
  private readonly docPaths: Array<string | undefined> = [];
  private readonly docSlot = new Map<string, number>();
  private readonly headings: string[] = [];
  private readonly headingSlot = new Map<string, number>();
  /** Space-joined terms of each heading, by slot, for the heading boost. */
  private readonly headingTerms: string[] = [];
  /**
   * MiniSearch over the live passages, or null while a fresh index is being filled: it is then
   * built once, in bulk, when first needed (see bulk.ts), which is several times faster.
   */
  private mini: MiniSearch<IndexedFields> | null = null;
  private live = 0;
  /** Sum of the live passages' distinct term counts (BM25's average length). */
  private distinctTotal = 0;
  private nextId = 0;

  /** The index as plain data, for saving. Term ids are renumbered densely; unused terms dropped. */
  toJSON(): IndexSnapshot {
    const docs = [...this.docs.values()];
    const docIndex = new Map(docs.map((d, i) => [d.path, i]));
    const headings: IndexSnapshot["headings"] = [];
    const headingIndex = new Map<number, number>();
    const passages = new IntColumn(this.live * SNAPSHOT_STRIDE);
    const renumber = new Int32Array(this.vocab.terms.length).fill(-1);
    const terms: string[] = [];
    const ids = new IntColumn(this.pool.length);
    for (let id = 0; id < this.nextId; id++) {
      const slot = this.docOf.get(id);
      if (slot < 0) continue;
      const hs = this.headingOf.get(id);
      let h = -1;
      if (hs >= 0) {
        h = headingIndex.get(hs) ?? headings.push([this.headings[hs] ?? "", this.headingTerms[hs] ?? ""]) - 1;
        headingIndex.set(hs, h);
      }
      const own = this.termsOfPassage(id);
      const at = ids.length;
      for (const t of own) {
        let next = renumber[t] as number;
        if (next < 0) next = renumber[t] = terms.push(this.vocab.terms[t] ?? "") - 1;
        ids.push(next);
      }
      // renumbering keeps the order only where first sightings agree: sort again
      sortTermIds(ids.view(at, ids.length));
      passages.append([id, docIndex.get(this.docPaths[slot] ?? "") ?? -1, this.startOf.get(id), this.endOf.get(id), h, own.length, this.headingHeld.get(id)]);
    }
    return {
      terms,
      passages: passages.view(0, passages.length).slice(),
      termIds: ids.view(0, ids.length).slice(),
      headings,
      // Passage ids are the passages' own (their doc index says whose): not written twice.
      docs: docColumns(docs),
      nextId: this.nextId,
    };
  }

  /**
   * An index from `toJSON()`'s data. Throws when the data is not a snapshot. Documents come back
   * with empty texts: `updateIndex` (engine.ts) fills them from the corpus files, or
   * `texts` gives them now (a copy of a live index).
   */
  static fromJSON(snapshot: IndexSnapshot, texts?: ReadonlyMap<string, IndexedDoc>): SearchIndex {
    const index = new SearchIndex();
    const { terms, passages: flat, headings, docs } = snapshot;
    if (!Array.isArray(terms) || !(flat instanceof Int32Array) || !(snapshot.termIds instanceof Int32Array) || !Array.isArray(headings) || !docs) {
      throw new Error("search: not an index snapshot");
    }
    const loaded = docsOf(docs);
    if (texts) {
      for (const doc of loaded) {
        const live = texts.get(doc.path);
        if (live) copyText(live, doc);
      }
    }
    const slots = loaded.map((doc) => index.addDocSlot(doc));
    for (const term of terms) index.vocab.intern(term);
    const ids = snapshot.termIds;
    index.reserve(flat.length / SNAPSHOT_STRIDE, ids.length);
    // The passages' terms, in passage order: into the pool in one copy.
    const base = index.pool.append(ids);
    let at = 0;
    for (let k = 0; k < flat.length; k += SNAPSHOT_STRIDE) {
      const id = flat[k] as number;
      const d = flat[k + 1] as number;
      const h = flat[k + 4] as number;
      const count = flat[k + 5] as number;
      const slot = slots[d];
      if (slot === undefined || id < 0) throw new Error(`search: snapshot passage ${id} names no document`);
      if (count < 0 || at + count > ids.length) throw new Error("search: snapshot terms end early");
      const heading = headings[h];
      index.addPooledPassage(id, slot, flat[k + 2] as number, flat[k + 3] as number, heading ? index.headingSlotOf(heading[0], heading[1]) : -1, flat[k + 6] === 1, base + at, base + at + count);
      loaded[d]?.passageIds.push(id);
      at += count;
    }
    index.nextId = Math.max(snapshot.nextId, index.nextId);
    return index;
  }

  /** Room for `passages` passages holding `termIds` term ids in all: a loaded index's columns never copy as they fill. */
  private reserve(passages: number, termIds: number): void {
    for (const column of [this.docOf, this.startOf, this.endOf, this.headingOf, this.headingHeld, this.termsFrom, this.termsTo]) column.reserve(passages);
    this.pool.reserve(termIds);
  }

  private addDocSlot(doc: IndexedDoc): number {
    const slot = this.docPaths.push(doc.path) - 1;
    this.docSlot.set(doc.path, slot);
    this.docs.set(doc.path, doc);
    return slot;
  }

  private headingSlotOf(heading: string, terms: string): number {
    let slot = this.headingSlot.get(heading);
    if (slot === undefined) {
      slot = this.headings.push(heading) - 1;
      this.headingTerms[slot] = terms;
      this.headingSlot.set(heading, slot);
    }
    return slot;
  }

  /** Records a passage whose term ids (its heading's among them when `held`) are sorted. */
  private addPassage(id: number, slot: number, start: number, end: number, heading: number, held: boolean, termIds: Int32Array): void {
    const from = this.pool.append(termIds);
    this.addPooledPassage(id, slot, start, end, heading, held, from, from + termIds.length);
    // A live MiniSearch takes the passage now; a pending one is built from the pool later.
    if (this.mini) this.mini.add({ id, text: Array.from(termIds, (t) => this.vocab.terms[t] ?? "").join(" ") });
  }

  /** Records a passage whose sorted term ids are already in the pool, at [from, to). */
  private addPooledPassage(id: number, slot: number, start: number, end: number, heading: number, held: boolean, from: number, to: number): void {
    this.docOf.set(id, slot);
    this.startOf.set(id, start);
    this.endOf.set(id, end);
    this.headingOf.set(id, heading);
    this.headingHeld.set(id, held ? 1 : 0);
    this.termsFrom.set(id, from);
    this.termsTo.set(id, to);
    this.count(this.pool.raw, from, to, 1);
    this.live++;
    if (id >= this.nextId) this.nextId = id + 1;
  }

  /** Adds (1) or takes off (-1) a passage's sorted term ids, `ids[from, to)`, from the frequencies and the length total. */
  private count(ids: Int32Array, from: number, to: number, by: 1 | -1): void {
    const df = this.vocab.df;
    for (let k = from; k < to; k++) {
      const t = ids[k] as number;
      if (k > from && t === ids[k - 1]) continue;
      df.set(t, df.get(t) + by);
      this.distinctTotal += by;
    }
  }

  /** Term ids of a live passage (a view: copy it to keep it). */
  private termsOfPassage(id: number): Int32Array {
    return this.pool.view(this.termsFrom.get(id), this.termsTo.get(id));
  }

  /** MiniSearch over the live passages, built in bulk if it is still pending. */
  private miniSearch(): MiniSearch<IndexedFields> {
    if (this.mini) return this.mini;
    const ids: number[] = [];
    for (let id = 0; id < this.nextId; id++) if (this.docOf.get(id) >= 0) ids.push(id);
    this.mini = bulkMiniSearch<IndexedFields>(
      { ids, pool: this.pool.raw, from: (i) => this.termsFrom.get(ids[i] as number), to: (i) => this.termsTo.get(ids[i] as number), vocabulary: this.vocab.terms },
      "text",
      MINI_OPTIONS,
    );
    return this.mini;
  }

  /** Builds MiniSearch now if it is pending, so the first question does not pay for it. */
  settle(): void {
    this.miniSearch();
  }

  /** All live passages, in id order. */
  get passages(): Passage[] {
    const out: Passage[] = [];
    for (let id = 0; id < this.nextId; id++) {
      const p = this.passage(id);
      if (p) out.push(p);
    }
    return out;
  }

  get passageCount(): number {
    return this.live;
  }

  passage(id: number): Passage | undefined {
    if (id < 0 || id >= this.nextId) return undefined;
    const doc = this.docPaths[this.docOf.get(id)];
    if (doc === undefined) return undefined;
    const passage: Passage = { id, doc, start: this.startOf.get(id), end: this.endOf.get(id) };
    const heading = this.headings[this.headingOf.get(id)];
    if (heading !== undefined) passage.heading = heading;
    return passage;
  }

  /** Cuts `doc` into passages and indexes them. Replaces an earlier version of the same path. */
  addDoc(doc: Doc): IndexedDoc {
    return this.addCompact(doc, compactCut(doc.text, doc.title, (term) => this.termId(term), formatOf(doc.path)));
  }

  /** The id of `term` in this index's vocabulary, added if new: what `addCompact`'s term ids refer to. */
  termId(term: string): number {
    return this.vocab.intern(term);
  }

  /**
   * Indexes `doc` as `compactCut` cut it (perhaps in another thread), its term ids given by
   * `termId`. Replaces an earlier version of the same path.
   */
  addCompact(doc: Doc, cut: CompactCut): IndexedDoc {
    if (this.docs.has(doc.path)) this.removeDoc(doc.path);
    const indexed: IndexedDoc = { ...doc, passageIds: [], names: cut.names, topics: cut.topics, titleTerms: cut.titleTerms };
    const slot = this.addDocSlot(indexed);
    let at = 0;
    for (let k = 0; k < cut.passages.length; k += PASSAGE_FIELDS) {
      const [start, end, h, count, held] = cut.passages.subarray(k, k + PASSAGE_FIELDS) as unknown as [number, number, number, number, number];
      const heading = cut.headings[h];
      const id = this.nextId++;
      indexed.passageIds.push(id);
      const ids = cut.terms.slice(at, at + count);
      at += count;
      sortTermIds(ids);
      this.addPassage(id, slot, start, end, heading ? this.headingSlotOf(heading[0], heading[1]) : -1, held === 1, ids);
    }
    return indexed;
  }

  /** Drops a document and its passages. */
  removeDoc(path: string): void {
    const doc = this.docs.get(path);
    if (!doc) return;
    for (const id of doc.passageIds) {
      if (this.docOf.get(id) < 0) continue;
      this.count(this.pool.raw, this.termsFrom.get(id), this.termsTo.get(id), -1);
      this.docOf.set(id, -1);
      this.live--;
      this.mini?.discard(id);
    }
    const slot = this.docSlot.get(path);
    if (slot !== undefined) this.docPaths[slot] = undefined;
    this.docSlot.delete(path);
    this.docs.delete(path);
  }

  /** Passages holding `term`. */
  documentFrequency(term: string): number {
    return this.vocab.frequency(term);
  }

  /**
   * Other forms the index may hold a question word under. wink lemmatises by part of speech, and
   * a keyword-like question tags words differently from prose: "string starting at" gives
   * "starting" where the passage's "starting at" gave "start", and "the missing parameters"
   * gives "missing" where the question's "missing" gave "miss". So the word as written counts,
   * when the index holds it, and so do the bases the suffix rules of wink's lemmatiser give
   * ("-ing", "-ed", "-ied", "-es", "-s"), when the index holds them in more passages than the
   * word itself (so "string" never becomes "str"). A word no passage holds in any of these forms
   * is taken for a typo: its corrections (correctionsOf) stand in for it.
   */
  alternativesOf(word: string | SearchWord): string[] {
    const forms = this.formsOf(word);
    return forms.length > 0 ? forms : this.correctionsOf(word);
  }

  /**
   * The known words nearest in spelling to a word that no passage holds in any form
   * alternativesOf knows (src/search/spelling.ts): one edit away for a word of 4-9 letters,
   * up to two for a longer one, with the same first letter, only the nearest found, commonest
   * first. The term, the word as written and their inflection bases are corrected alike: the
   * index holds lemmas, and wink leaves a word it does not know as written ("chharacters" is one
   * edit from "character" by way of "chharacter"). Empty for a known word, a short one, or one
   * that is not plain letters.
   */
  correctionsOf(word: string | SearchWord): string[] {
    const { term, surface } = typeof word === "string" ? { term: word, surface: undefined } : word;
    if (this.documentFrequency(term) > 0 || this.formsOf(word).length > 0) return [];
    const written = surface ? [term, surface] : [term];
    return this.vocab.corrections([...new Set([...written, ...written.flatMap(inflectionBases)])]);
  }

  /** The other forms of alternativesOf, without corrections. */
  private formsOf(word: string | SearchWord): string[] {
    const { term, surface } = typeof word === "string" ? { term: word, surface: undefined } : word;
    const df = this.documentFrequency(term);
    const out: string[] = [];
    if (surface && surface !== term && this.documentFrequency(surface) > 0) out.push(surface);
    for (const candidate of inflectionBases(term)) {
      if (candidate.length >= 3 && candidate !== term && !out.includes(candidate) && this.documentFrequency(candidate) > df) out.push(candidate);
    }
    out.push(...this.stemRelatives(term, out));
    return out;
  }

  /**
   * Derivations a lemma leaves apart ("originate" / "originally"): the commonest terms of the
   * same Porter2 stem, besides `term` and `taken`. Like the other alternatives, their passages
   * count in a word's share of the query plan (planGroups).
   */
  private stemRelatives(term: string, taken: readonly string[]): string[] {
    const related = this.vocab.sameStem(term).filter((t) => t !== term && !taken.includes(t) && this.documentFrequency(t) > 0);
    related.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a));
    return related.slice(0, MAX_STEM_ALTERNATIVES);
  }

  /**
   * The words to search a question by, rarest first: see QUERY_BUDGET. A written word's terms
   * and their alternatives (alternativesOf) are taken or left together, at the passages they hold
   * together.
   */
  planQuery(words: Array<string | SearchWord>): string[] {
    return this.planGroups(this.wordGroups(distinctWords(words)));
  }

  /** One group per written word: its terms ("tc-flower-key" gives three) and their alternatives. */
  private wordGroups(distinct: SearchWord[]): string[][][] {
    const byWord = new Map<number | string, string[][]>();
    for (const w of distinct) {
      const key = w.word ?? w.term;
      byWord.set(key, [...(byWord.get(key) ?? []), [w.term, ...this.alternativesOf(w)]]);
    }
    return [...byWord.values()];
  }

  /**
   * planQuery for word groups: per written word, its parts' terms with their alternatives. A word
   * of several parts ("--ignore-submodules", "tc-flower-key") names one thing, held by the
   * passages that hold every part: it is ranked as rare as those would be if the parts fell
   * independently, not as common as all its parts' passages together. Its cost is still every
   * part's postings.
   */
  private planGroups(words: string[][][]): string[] {
    const n = this.passageCount;
    const groups = words.map((parts) => parts.flat());
    if (n < PLAN_ABOVE_PASSAGES) return [...new Set(groups.flat())];
    const dfOf = (group: string[]): number => group.reduce((sum, t) => sum + this.documentFrequency(t), 0);
    // Parts taken as independent: the passages holding all of them, as a share of the index (none
    // for a word no passage holds, which ranks first as before).
    const rarity = (parts: string[][]): number => {
      const held = parts.map(dfOf).filter((df) => df > 0);
      return held.length === 0 ? 0 : held.reduce((share, df) => share * (df / n), 1) * n;
    };
    // A word no passage holds exactly can still match by prefix ("leader" → "leadership").
    const byRarity = words
      .map((parts, i) => ({ group: groups[i] as string[], rarity: rarity(parts) }))
      .filter(({ group }) => dfOf(group) > 0 || (group[0] as string).length >= MIN_PREFIX_LENGTH)
      .sort((a, b) => a.rarity - b.rarity)
      .map(({ group }) => group);
    const plan: string[][] = [];
    let postings = 0;
    for (const group of byRarity) {
      const df = dfOf(group);
      if (plan.length >= MAX_QUERY_TERMS) break;
      if (plan.length >= MIN_QUERY_TERMS && postings + df > QUERY_BUDGET * n) break;
      plan.push(group);
      postings += df;
    }
    return [...new Set(plan.flat())];
  }

  /** Ranked passages for a question, best first. */
  search(question: string, limit = 10): ScoredPassage[] {
    return this.searchTerms(searchWordsOf(withoutRequest(question)), limit);
  }

  /**
   * Ranked passages for already-normalised question words, best first. On a large index,
   * MiniSearch is asked for the question's rarest words only (see planQuery); its best
   * RESCORE_CANDIDATES then gain the BM25 share of the words left out, read from their stored
   * terms, so the ranking is close to a search by every word at a fraction of the cost. A word's
   * alternative forms (alternativesOf) count at ALTERNATIVE_WEIGHT.
   */
  searchTerms(words: Array<string | SearchWord>, limit = 10): ScoredPassage[] {
    const distinct = distinctWords(words);
    const unique = distinct.map((w) => w.term);
    const groups = this.wordGroups(distinct);
    const alternatives = new Set(groups.flat(2).filter((t) => !unique.includes(t)));
    const query = this.planGroups(groups);
    if (query.length === 0) return [];
    const large = this.passageCount >= PLAN_ABOVE_PASSAGES;
    const options: SearchOptions = {
      // On a large index a prefix is tried only for a word no passage holds exactly.
      prefix: (term: string) => term.length >= MIN_PREFIX_LENGTH && (!large || this.documentFrequency(term) === 0),
      boostTerm: (term: string) => (alternatives.has(term) ? ALTERNATIVE_WEIGHT : 1),
    };
    const results = topResults(this.miniSearch(), query.join(" "), options, RESCORE_CANDIDATES);
    const left = [...unique, ...alternatives]
      .filter((t) => !query.includes(t) && this.documentFrequency(t) > 0)
      .map((t) => {
        const df = this.documentFrequency(t);
        const idf = Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
        return { id: this.vocab.idOf(t), weight: alternatives.has(t) ? ALTERNATIVE_WEIGHT : 1, idf };
      });
    const titleShare = new Map<number, number>();
    const inHeading = new Map<number, Array<[number, number]>>();
    const scored: Array<{ r: TopResult; score: number }> = [];
    // Left-out words, title and heading boosts lift a candidate by at most a few places: the
    // best RESCORE_CANDIDATES by the planned words' score are enough.
    for (const r of results) {
      const id = r.id;
      const slot = this.docOf.get(id);
      if (slot < 0) continue;
      let share = titleShare.get(slot);
      if (share === undefined) {
        const title = new Set(this.docs.get(this.docPaths[slot] ?? "")?.titleTerms);
        share = unique.filter((t) => title.has(t)).length / unique.length;
        titleShare.set(slot, share);
      }
      const extra = left.length ? this.leftOutScore(id, left) : 0;
      const boost = (1 + TITLE_BOOST * share) * (1 + HEADING_BOOST * this.headingShare(id, unique, inHeading));
      scored.push({ r, score: (r.score + extra) * boost });
    }
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, limit).map(({ r, score }) => {
      const id = r.id;
      const terms = this.termsOfPassage(id);
      const found = left.filter((w) => countSorted(terms, w.id) > 0).map((w) => this.vocab.terms[w.id] ?? "");
      return { passage: this.passage(id) as Passage, score, terms: [...r.queryTerms, ...found] };
    });
  }

  /**
   * Share of `words` that the passage's heading holds and its text does not: what the heading
   * tells about the passage that its own words leave out ("8/10 Ian Murray" over a paragraph
   * that says only "he"). Words the text holds anyway are counted by BM25 already. `cache`
   * keeps, per heading, the words it holds (term id, times) for the one query.
   */
  private headingShare(id: number, words: string[], cache: Map<number, Array<[number, number]>>): number {
    const slot = this.headingOf.get(id);
    if (slot < 0) return 0;
    let held = cache.get(slot);
    if (!held) {
      const heading = (this.headingTerms[slot] ?? "").split(" ");
      held = [];
      for (const word of words) {
        const times = heading.filter((h) => h === word).length;
        if (times > 0) held.push([this.vocab.idOf(word), times]);
      }
      cache.set(slot, held);
    }
    if (held.length === 0) return 0;
    const all = this.termsOfPassage(id);
    // Terms the heading put in (the first passages under it: compact.ts) are not the text's.
    const own = this.headingHeld.get(id) === 1;
    let supplied = 0;
    for (const [term, times] of held) if (countSorted(all, term) <= (own ? times : 0)) supplied++;
    return supplied / words.length;
  }

  /**
   * BM25 of the term ids planQuery left out, as MiniSearch scores them: its formula and
   * parameters, and a passage's length counted in distinct terms.
   */
  private leftOutScore(id: number, words: ReadonlyArray<{ id: number; weight: number; idf: number }>): number {
    const pool = this.pool.raw;
    const from = this.termsFrom.get(id);
    const to = this.termsTo.get(id);
    let norm = 0;
    let score = 0;
    for (const { id: word, weight, idf } of words) {
      const tf = countSorted(pool, word, from, to);
      if (tf === 0) continue;
      if (norm === 0) norm = BM25.k * (1 - BM25.b + (BM25.b * (distinctCount(pool.subarray(from, to)) || 1)) / this.averageLength());
      score += weight * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm));
    }
    return score;
  }

  /** Average passage length in distinct terms, as MiniSearch's BM25 has it. */
  private averageLength(): number {
    return this.distinctTotal / Math.max(1, this.live);
  }

  /** The exact text of a passage. */
  textOf(passage: Passage): string {
    return this.docs.get(passage.doc)?.text.slice(passage.start, passage.end) ?? "";
  }
}

/** Builds an index of `docs`. */
export function buildIndex(docs: Doc[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) index.addDoc(doc);
  index.settle();
  return index;
}

/** What wink's lemmatiser would strip from an inflected word: "starting" → "start", "modified" → "modify". */
function inflectionBases(word: string): string[] {
  const out: string[] = [];
  const strip = (suffix: RegExp, by = ""): void => {
    if (suffix.test(word)) out.push(word.replace(suffix, by));
  };
  strip(/s$/);
  strip(/ies$/, "y");
  strip(/ied$/, "y");
  strip(/ves$/, "f");
  for (const suffix of [/es$/, /ed$/, /ing$/]) {
    if (!suffix.test(word)) continue;
    const base = word.replace(suffix, "");
    out.push(base, `${base}e`);
    // a doubled consonant: "running" → "run", "stopped" → "stop"
    if (/([b-df-hj-np-tv-z])\1$/.test(base)) out.push(base.slice(0, -1));
  }
  return out;
}

/** Words by term, the first of each (its surface form kept). */
function distinctWords(words: Array<string | SearchWord>): SearchWord[] {
  const out = new Map<string, SearchWord>();
  for (const word of words) {
    const w = typeof word === "string" ? { term: word } : word;
    if (!out.has(w.term)) out.set(w.term, w);
  }
  return [...out.values()];
}
