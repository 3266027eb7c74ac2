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
}

/** What MiniSearch stores per passage: space-joined normalised terms, so it never re-tokenises text. */
interface IndexedFields {
  id: number;
  text: string;
  heading: string;
  title: string;
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
 * Field boosts: a heading names what the passages under it are about ("Dawn Butler – Deputy
 * leadership"), so a heading match counts 1.5×; the title applies to every passage of a document
 * and so mostly chooses the document, at half weight.
 */
export const FIELD_BOOST = { text: 1, heading: 1.5, title: 0.5 } as const;

/**
 * Prefix matches ("leader" → "leadership") count for a third of an exact match, and only for
 * query terms of 5+ letters: shorter prefixes match too many unrelated words.
 */
const PREFIX_WEIGHT = 0.3;
const MIN_PREFIX_LENGTH = 5;

const splitTerms = (text: string): string[] => (text ? text.split(" ") : []);

function newMiniSearch(): MiniSearch<IndexedFields> {
  return new MiniSearch<IndexedFields>({
    fields: ["text", "heading", "title"],
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
    const titleTerms = termsOf(doc.title).join(" ");
    const ids: number[] = [];
    const fields: IndexedFields[] = [];
    for (const draft of passages) {
      const id = this.nextId++;
      ids.push(id);
      this.byId[id] = toPassage(id, doc.path, draft);
      fields.push({ id, text: draft.terms.join(" "), heading: draft.headingTerms.join(" "), title: titleTerms });
    }
    this.mini.addAll(fields);
    const indexed: IndexedDoc = { ...doc, passageIds: ids, names, topics };
    this.docs.set(doc.path, indexed);
    return indexed;
  }

  /** Drops a document and its passages. */
  removeDoc(path: string): void {
    const doc = this.docs.get(path);
    if (!doc) return;
    for (const id of doc.passageIds) {
      this.mini.discard(id);
      this.byId[id] = undefined;
    }
    this.docs.delete(path);
  }

  /** Ranked passages for a question, best first. */
  search(question: string, limit = 10): ScoredPassage[] {
    return this.searchTerms(termsOf(question), limit);
  }

  /** Ranked passages for already-normalised query terms, best first. */
  searchTerms(terms: string[], limit = 10): ScoredPassage[] {
    if (terms.length === 0) return [];
    const results = this.mini.search(terms.join(" "));
    const out: ScoredPassage[] = [];
    for (const r of results as SearchResult[]) {
      const passage = this.byId[r.id as number];
      if (!passage) continue;
      out.push({ passage, score: r.score, terms: r.queryTerms });
      if (out.length >= limit) break;
    }
    return out;
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
