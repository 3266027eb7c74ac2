/**
 * The search index: passages of every document in MiniSearch, with the documents they quote.
 * Pure: it is handed documents and never reads files.
 *
 * @example
 * const index = buildIndex(docs);
 * const [best] = index.search("Who is standing for deputy leader?", 3);
 * const quote = index.docs.get(best.passage.doc)!.text.slice(best.passage.start, best.passage.end);
 */
import MiniSearch, { type SearchResult } from "minisearch";
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
  /** How many of the document's passages hold each term: what removing it takes off the frequencies. */
  termPassages: Map<string, number>;
}

/** What MiniSearch stores per passage: space-joined normalised terms, so it never re-tokenises text. */
interface IndexedFields {
  id: number;
  text: string;
  heading: string;
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
 * A heading names what the passages under it are about ("Dawn Butler – Deputy leadership"), so a
 * heading match counts 1.5× a match in the text.
 */
export const FIELD_BOOST = { text: 1, heading: 1.5 } as const;

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
 * slow, and a word in 2% of all passages adds little to BM25 (idf ≈ 3.9 against ≈ 9 for a rare
 * one). So a question is searched by its rarest words, up to MAX_QUERY_TERMS, and words more
 * common than COMMON_SHARE only when fewer than MIN_QUERY_TERMS rarer ones are left. Close
 * reading of the passages (answer/) still checks every word of the question.
 */
export const COMMON_SHARE = 0.02;
export const MAX_QUERY_TERMS = 6;
export const MIN_QUERY_TERMS = 2;
/** Corpora smaller than this many passages are searched with every word: there is no cost to save. */
const PLAN_ABOVE_PASSAGES = 5000;

const splitTerms = (text: string): string[] => (text ? text.split(" ") : []);

function newMiniSearch(): MiniSearch<IndexedFields> {
  return new MiniSearch<IndexedFields>({
    fields: ["text", "heading"],
    storeFields: [],
    tokenize: splitTerms,
    processTerm: (term) => term || null,
    searchOptions: {
      boost: FIELD_BOOST,
      bm25: BM25,
      combineWith: "OR",
      prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
      weights: { fuzzy: 0.2, prefix: PREFIX_WEIGHT },
    },
  });
}

export class SearchIndex {
  readonly docs = new Map<string, IndexedDoc>();
  private readonly byId: Array<Passage | undefined> = [];
  private readonly mini: MiniSearch<IndexedFields>;
  /** Passages holding each term (text or heading): the query planner's document frequencies. */
  private readonly df = new Map<string, number>();
  private nextId = 0;

  constructor(mini: MiniSearch<IndexedFields> = newMiniSearch()) {
    this.mini = mini;
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
    const termPassages = new Map<string, number>();
    for (const draft of passages) {
      const id = this.nextId++;
      ids.push(id);
      this.byId[id] = toPassage(id, doc.path, draft);
      fields.push({ id, text: draft.terms.join(" "), heading: draft.headingTerms.join(" ") });
      for (const term of new Set([...draft.terms, ...draft.headingTerms])) termPassages.set(term, (termPassages.get(term) ?? 0) + 1);
    }
    this.mini.addAll(fields);
    for (const [term, n] of termPassages) this.df.set(term, (this.df.get(term) ?? 0) + n);
    const indexed: IndexedDoc = { ...doc, passageIds: ids, names, topics, titleTerms: termsOf(doc.title), termPassages };
    this.docs.set(doc.path, indexed);
    return indexed;
  }

  /** Drops a document and its passages. */
  removeDoc(path: string): void {
    const doc = this.docs.get(path);
    if (!doc) return;
    for (const [term, n] of doc.termPassages) {
      const left = (this.df.get(term) ?? 0) - n;
      if (left > 0) this.df.set(term, left);
      else this.df.delete(term);
    }
    for (const id of doc.passageIds) {
      this.mini.discard(id);
      this.byId[id] = undefined;
    }
    this.docs.delete(path);
  }

  /** Passages holding `term`. */
  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** The words to search a question by: see COMMON_SHARE. */
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

  /** Ranked passages for already-normalised query terms, best first. */
  searchTerms(terms: string[], limit = 10): ScoredPassage[] {
    const query = this.planQuery(terms);
    if (query.length === 0) return [];
    const results = this.mini.search(query.join(" ")) as SearchResult[];
    const titleShare = new Map<string, number>();
    const out: ScoredPassage[] = [];
    for (const r of results) {
      const passage = this.byId[r.id as number];
      if (!passage) continue;
      let share = titleShare.get(passage.doc);
      if (share === undefined) {
        const title = new Set(this.docs.get(passage.doc)?.titleTerms);
        share = query.filter((t) => title.has(t)).length / query.length;
        titleShare.set(passage.doc, share);
      }
      out.push({ passage, score: r.score * (1 + TITLE_BOOST * share), terms: r.queryTerms });
    }
    // Title boosts reorder results, so all are scored; results are few once common words are left out.
    out.sort((a, b) => b.score - a.score);
    return out.slice(0, limit);
  }

  /** The exact text of a passage. */
  textOf(passage: Passage): string {
    return this.docs.get(passage.doc)?.text.slice(passage.start, passage.end) ?? "";
  }
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
