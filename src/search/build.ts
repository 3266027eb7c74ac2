/**
 * The search index: passages of every document in MiniSearch, with the documents they quote.
 * Pure: it is handed documents and never reads files.
 *
 * @example
 * const index = buildIndex(docs);
 * const [best] = index.search("Who is standing for deputy leader?", 3);
 * const quote = index.docs.get(best.passage.doc)!.text.slice(best.passage.start, best.passage.end);
 */
import MiniSearch, { type Options, type SearchResult } from "minisearch";
import type { Doc, Passage, ScoredPassage } from "../types.js";
import { termsOf } from "../nlp/analyse.js";
import { cutDocument, type NameBook, type PassageDraft } from "./passages.js";

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
 * words are indexed with each passage's own, once, and a passage's score rises by this share for
 * the query words its heading holds (all of them: ×2; 0.5 lost the dev set's "Which seat does
 * Emily Thornberry represent?", where only the heading names her). A separate MiniSearch field
 * would do the same at the cost of a second posting list per passage: more build time, memory
 * and load time.
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
 * slow, and a word in 1% of all passages adds little to BM25 beside a rare one (idf ≈ 4.6
 * against ≈ 9), and is added back anyway when the best candidates are rescored. So a question
 * is searched by its rarest words, up to MAX_QUERY_TERMS, and words more common than
 * COMMON_SHARE only when fewer than MIN_QUERY_TERMS rarer ones are left. Close
 * reading of the passages (answer/) still checks every word of the question.
 */
export const COMMON_SHARE = 0.01;
export const MAX_QUERY_TERMS = 5;
export const MIN_QUERY_TERMS = 3;
/** Corpora smaller than this many passages are searched with every word: there is no cost to save. */
const PLAN_ABOVE_PASSAGES = 5000;
/** Candidates from the rare words that are rescored with the rest: enough for a top 24 to settle. */
const RESCORE_CANDIDATES = 200;

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

function newMiniSearch(): MiniSearch<IndexedFields> {
  return new MiniSearch<IndexedFields>(MINI_OPTIONS);
}

/** Everything an index is, as plain data (see persist.ts for the file format around it). */
export interface IndexSnapshot {
  mini: ReturnType<MiniSearch["toJSON"]>;
  /**
   * Passages, flat for fast parsing: five numbers each (id, doc index, start, end, heading index
   * or -1), and their space-joined terms, one passage a line.
   */
  passages: number[];
  passageTerms: string;
  /** Headings and their space-joined terms. */
  headings: Array<[string, string]>;
  /** Documents without their text (the corpus files hold it): `text` is "". */
  docs: IndexedDoc[];
  /** Document frequencies as [term, passages], and the total term count, so loading need not recount. */
  df: Array<[string, number]>;
  totalTerms: number;
  nextId: number;
}

export class SearchIndex {
  readonly docs = new Map<string, IndexedDoc>();
  private readonly byId: Array<Passage | undefined> = [];
  /** Each passage's text terms, space-joined: for frequencies and for rescoring candidates. */
  private readonly termsById: Array<string | undefined> = [];
  /** Terms of each heading, shared by the passages under it. */
  private readonly headingTerms = new Map<string, string>();
  private readonly mini: MiniSearch<IndexedFields>;
  /** Passages holding each term (text or heading): the query planner's document frequencies. */
  private readonly df = new Map<string, number>();
  /** Sum of the passages' term counts, for BM25's average length. */
  private totalTerms = 0;
  private nextId = 0;

  constructor(mini: MiniSearch<IndexedFields> = newMiniSearch()) {
    this.mini = mini;
  }

  /** The index as plain data, for saving. */
  toJSON(): IndexSnapshot {
    const docs = [...this.docs.values()];
    const docIndex = new Map(docs.map((d, i) => [d.path, i]));
    const headings: IndexSnapshot["headings"] = [];
    const headingIndex = new Map<string, number>();
    const passages: number[] = [];
    const terms: string[] = [];
    for (const p of this.byId) {
      if (!p) continue;
      let h = -1;
      if (p.heading !== undefined) {
        h = headingIndex.get(p.heading) ?? headings.push([p.heading, this.headingTerms.get(p.heading) ?? ""]) - 1;
        headingIndex.set(p.heading, h);
      }
      passages.push(p.id, docIndex.get(p.doc) ?? -1, p.start, p.end, h);
      terms.push(this.termsById[p.id] ?? "");
    }
    return {
      mini: this.mini.toJSON(),
      passages,
      passageTerms: terms.join("\n"),
      headings,
      docs: docs.map((d) => ({ ...d, text: "" })),
      df: [...this.df],
      totalTerms: this.totalTerms,
      nextId: this.nextId,
    };
  }

  /**
   * An index from `toJSON()`'s data. Throws when the data is not a snapshot. Documents come back
   * with empty texts: `updateIndex` (engine.ts) fills them from the corpus files, or
   * `texts` gives them now (a copy of a live index).
   */
  static fromJSON(snapshot: IndexSnapshot, texts?: ReadonlyMap<string, IndexedDoc>): SearchIndex {
    const index = new SearchIndex(MiniSearch.loadJS(snapshot.mini, MINI_OPTIONS));
    const docs = snapshot.docs.map((d) => ({ ...d, text: texts?.get(d.path)?.text ?? d.text }));
    for (const doc of docs) index.docs.set(doc.path, doc);
    for (const [term, n] of snapshot.df) index.df.set(term, n);
    index.totalTerms = snapshot.totalTerms;
    for (const [heading, terms] of snapshot.headings) index.headingTerms.set(heading, terms);
    const terms = snapshot.passageTerms.split("\n");
    const flat = snapshot.passages;
    for (let i = 0; i * 5 < flat.length; i++) {
      const at = i * 5;
      const [id, d, start, end, h] = [flat[at] ?? -1, flat[at + 1] ?? -1, flat[at + 2] ?? 0, flat[at + 3] ?? 0, flat[at + 4] ?? -1];
      const doc = docs[d];
      if (!doc) throw new Error(`search: snapshot passage ${id} names no document`);
      const passage: Passage = { id, doc: doc.path, start, end };
      const heading = snapshot.headings[h]?.[0];
      if (heading !== undefined) passage.heading = heading;
      index.byId[id] = passage;
      index.termsById[id] = terms[i] ?? "";
    }
    index.nextId = snapshot.nextId;
    return index;
  }

  /** Adds (1) or takes off (-1) a passage's terms from the frequencies. */
  private count(passage: Passage, by: 1 | -1): void {
    const text = splitTerms(this.termsById[passage.id] ?? "");
    this.totalTerms += by * text.length;
    for (const term of new Set(text)) {
      const n = (this.df.get(term) ?? 0) + by;
      if (n > 0) this.df.set(term, n);
      else this.df.delete(term);
    }
  }

  /** All live passages, in id order. */
  get passages(): Passage[] {
    return this.byId.filter((p): p is Passage => p !== undefined);
  }

  get passageCount(): number {
    return this.mini.documentCount;
  }

  passage(id: number): Passage | undefined {
    return this.byId[id];
  }

  /** Cuts `doc` into passages and indexes them. Replaces an earlier version of the same path. */
  addDoc(doc: Doc): IndexedDoc {
    if (this.docs.has(doc.path)) this.removeDoc(doc.path);
    const { passages, names, topics } = cutDocument(doc.text);
    const ids: number[] = [];
    const fields: IndexedFields[] = [];
    for (const draft of passages) {
      const id = this.nextId++;
      ids.push(id);
      const passage = toPassage(id, doc.path, draft);
      const heading = draft.headingTerms.join(" ");
      const text = heading ? `${draft.terms.join(" ")} ${heading}` : draft.terms.join(" ");
      this.byId[id] = passage;
      this.termsById[id] = text;
      if (passage.heading) this.headingTerms.set(passage.heading, heading);
      this.count(passage, 1);
      fields.push({ id, text });
    }
    this.mini.addAll(fields);
    const indexed: IndexedDoc = { ...doc, passageIds: ids, names, topics, titleTerms: termsOf(doc.title) };
    this.docs.set(doc.path, indexed);
    return indexed;
  }

  /** Drops a document and its passages. */
  removeDoc(path: string): void {
    const doc = this.docs.get(path);
    if (!doc) return;
    for (const id of doc.passageIds) {
      const passage = this.byId[id];
      if (passage) this.count(passage, -1);
      this.mini.discard(id);
      this.byId[id] = undefined;
      this.termsById[id] = undefined;
    }
    this.docs.delete(path);
  }

  /** Passages holding `term`. */
  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** The words to search a question by, rarest first: see COMMON_SHARE. */
  planQuery(terms: string[]): string[] {
    const unique = [...new Set(terms)];
    const n = this.passageCount;
    if (n < PLAN_ABOVE_PASSAGES) return unique;
    // A word no passage holds exactly can still match by prefix ("leader" → "leadership").
    const known = unique.filter((t) => this.documentFrequency(t) > 0 || t.length >= MIN_PREFIX_LENGTH);
    const byRarity = known.sort((a, b) => this.documentFrequency(a) - this.documentFrequency(b));
    const rare = byRarity.filter((t) => this.documentFrequency(t) <= COMMON_SHARE * n).slice(0, MAX_QUERY_TERMS);
    return rare.length >= MIN_QUERY_TERMS ? rare : byRarity.slice(0, Math.max(MIN_QUERY_TERMS, rare.length));
  }

  /** Ranked passages for a question, best first. */
  search(question: string, limit = 10): ScoredPassage[] {
    return this.searchTerms(termsOf(question), limit);
  }

  /**
   * Ranked passages for already-normalised query terms, best first. On a large index, MiniSearch
   * is asked for the question's rarest words only (see planQuery); its best RESCORE_CANDIDATES
   * then gain the BM25 share of the words left out, read from their stored terms, so the ranking
   * is close to a search by every word at a fraction of the cost.
   */
  searchTerms(terms: string[], limit = 10): ScoredPassage[] {
    const unique = [...new Set(terms)];
    const query = this.planQuery(unique);
    if (query.length === 0) return [];
    const large = this.passageCount >= PLAN_ABOVE_PASSAGES;
    const results = this.mini.search(query.join(" "), {
      // On a large index a prefix is tried only for a word no passage holds exactly.
      prefix: (term) => term.length >= MIN_PREFIX_LENGTH && (!large || this.documentFrequency(term) === 0),
    }) as SearchResult[];
    const left = unique.filter((t) => !query.includes(t) && this.documentFrequency(t) > 0);
    const titleShare = new Map<string, number>();
    const out: ScoredPassage[] = [];
    // Title boosts and left-out words can lift a candidate by at most a few places: the best
    // RESCORE_CANDIDATES by the planned query's score are enough.
    for (const r of results.slice(0, RESCORE_CANDIDATES)) {
      const passage = this.byId[r.id as number];
      if (!passage) continue;
      let share = titleShare.get(passage.doc);
      if (share === undefined) {
        const title = new Set(this.docs.get(passage.doc)?.titleTerms);
        share = unique.filter((t) => title.has(t)).length / unique.length;
        titleShare.set(passage.doc, share);
      }
      const extra = left.length ? this.leftOutScore(passage, left) : { score: 0, terms: [] };
      const boost = (1 + TITLE_BOOST * share) * (1 + HEADING_BOOST * this.headingShare(passage, unique));
      out.push({ passage, score: (r.score + extra.score) * boost, terms: [...r.queryTerms, ...extra.terms] });
    }
    out.sort((a, b) => b.score - a.score);
    return out.slice(0, limit);
  }

  /** Share of `words` that the passage's heading holds. */
  private headingShare(passage: Passage, words: string[]): number {
    if (!passage.heading) return 0;
    const heading = ` ${this.headingTerms.get(passage.heading) ?? ""} `;
    return words.filter((w) => heading.includes(` ${w} `)).length / words.length;
  }

  /** BM25 (text field, MiniSearch's formula and parameters) of the words planQuery left out. */
  private leftOutScore(passage: Passage, words: string[]): { score: number; terms: string[] } {
    const text = this.termsById[passage.id] ?? "";
    const n = this.passageCount;
    const avg = this.totalTerms / Math.max(1, n);
    let length = 0;
    let score = 0;
    const found: string[] = [];
    for (const word of words) {
      const tf = countWord(text, word);
      if (tf === 0) continue;
      if (length === 0) length = countWord(text, "") || 1;
      const df = this.documentFrequency(word);
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const norm = tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avg);
      score += idf * (BM25.d + (tf * (BM25.k + 1)) / norm);
      found.push(word);
    }
    return { score, terms: found };
  }

  /** The exact text of a passage. */
  textOf(passage: Passage): string {
    return this.docs.get(passage.doc)?.text.slice(passage.start, passage.end) ?? "";
  }
}

/**
 * Occurrences of `word` in space-joined `terms`, found without splitting; the empty word counts
 * the terms.
 */
function countWord(terms: string, word: string): number {
  if (word === "") {
    let n = terms ? 1 : 0;
    for (let i = terms.indexOf(" "); i !== -1; i = terms.indexOf(" ", i + 1)) n++;
    return n;
  }
  let n = 0;
  for (let at = terms.indexOf(word); at !== -1; at = terms.indexOf(word, at + word.length)) {
    const before = at === 0 || terms.charCodeAt(at - 1) === 32;
    const after = at + word.length === terms.length || terms.charCodeAt(at + word.length) === 32;
    if (before && after) n++;
  }
  return n;
}

function toPassage(id: number, doc: string, draft: PassageDraft): Passage {
  const passage: Passage = { id, doc, start: draft.start, end: draft.end };
  if (draft.heading) passage.heading = draft.heading;
  return passage;
}

/** Builds an index of `docs`. */
export function buildIndex(docs: Doc[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) index.addDoc(doc);
  return index;
}
