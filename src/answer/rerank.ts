/**
 * Rerank: the retrieved passages read closely (see reading.ts) and scored by how much of the
 * question each holds — with its heading and its document's title — and how its heading fits.
 * Plain data in (question, hits), plain data out (readings, best first).
 */
import { termsOf, type Token } from "../nlp/analyse.js";
import { nameSpans, surnameKey } from "../nlp/names.js";
import { stemOf } from "../nlp/stem.js";
import type { IndexedDoc, SearchIndex } from "../search/build.js";
import type { Passage, ScoredPassage } from "../types.js";
import type { Question } from "./question.js";
import { readPassages, type ReadText } from "./reading.js";
import readingModel from "./reading-model.json" with { type: "json" };
import { POINTER_ONLY, TERM_LINE } from "./structure.js";

/**
 * Passages read closely (~0.07 ms each; each group with one wink call): READ_FIRST, then up to
 * READ_MORE when the answer may be a list spread over passages, or none of the first covers
 * the question well.
 */
export const READ_FIRST = 8;
export const READ_MORE = 16;
/** Below this soft IDF coverage no passage of the first group covers the question: read more. */
const READ_MORE_BELOW = 0.8;
/** Words apart within which a subject question's verb and object must stand ("won … election"). */
const RELATION_WINDOW = 8;
/** A passage that holds the words but not the relation ("won plaudits … election debates") answers less. */
const RELATION_PENALTY = 0.7;
/** Names a document is mostly about count, in its passages, as half-present ("she" is often her). */
const TOPIC_CREDIT = 0.5;
/** A prefix match ("leader" in "leadership") is partial evidence. */
const PREFIX_CREDIT = 0.7;
/**
 * A word matched only by its Porter2 stem ("configure" for "configuration", "limiting" for
 * "limits") is nearly as good as the word: lemmas miss derivations, stems over-merge a little.
 */
const STEM_CREDIT = 0.8;

/** A passage as read and scored against the question. */
export interface Reading {
  hit: ScoredPassage;
  doc: IndexedDoc;
  /** The passage's text and tokens, and its heading's. */
  body: ReadText;
  heading: ReadText;
  /** Terms of the term line of the entry it is in, if any (see leadTerms). */
  lead: string[];
  /** Share of the question's part-of-speech-weighted terms the passage holds (0-1). */
  coverage: number;
  /** Share of the question's IDF mass the passage holds, soft matches in part (0-1). */
  idfCoverage: number;
  /** The IDF of the rarest question word the passage (heading, title) lacks entirely, over the corpus's highest IDF (0-1). */
  missing: number;
  /** The question asks "who <verb> <object>" and the passage does not hold the two together. */
  relationMissing: boolean;
  /** Retrieval score over the best score, times coverage and heading fit: the reranked order. */
  rank: number;
  /**
   * How likely its excerpt is to quote the answer's evidence, over the likeliest reading's (0-1]:
   * the hand-made rank times the fitted correction (see ReadingModel). What excerpts are chosen by.
   */
  quote: number;
  /** The identifier its entry's term line or its heading opens with ("work_mem"), if any (see subjectOf). */
  subject?: string;
  /** What `quote` is fitted on (see READING_FEATURES). */
  features: Record<ReadingFeature, number>;
}

/**
 * What the fitted correction of the hand-made rank reads (see ReadingModel), each about 0-1
 * (`hand` aside):
 * - hand: the log of the hand-made rank (retrieval score over the best, times coverage squared,
 *   heading fit and subject boost);
 * - bm25: retrieval score over the best; coverage, idfCoverage, missing: as on Reading;
 * - heading: headingFactor; subject: its entry or heading names the question's identifier;
 * - position: its place in retrieval order over the hits retrieved;
 * - relation: the question's relation is missing from it;
 * - pointer: it only sends the reader elsewhere ("See {smoke test}.");
 * - first: it is the first passage under its heading;
 * - bigram: two question terms next to each other in the question are next to each other in it;
 * - length: its words over 100, at most 1.
 */
export const READING_FEATURES = ["hand", "bm25", "coverage", "idfCoverage", "heading", "subject", "missing", "position", "relation", "pointer", "first", "bigram", "length"] as const;
export type ReadingFeature = (typeof READING_FEATURES)[number];

/**
 * A fitted correction of the hand-made rank for choosing excerpts: quote ∝ hand-made rank ×
 * exp(Σ weight × feature), so no weights leave the hand-made order (the weights are fitted on the
 * eval suite's tune split by eval/fit-readings.ts, see reading-model.json; `hand` carries none of
 * its own). The readings' order and `rank`, which extraction reads, stay hand-made: the
 * correction decides only which passages are quoted, so the answer and its calibration do not
 * move with it.
 */
export interface ReadingModel {
  weights: Partial<Record<ReadingFeature, number>>;
}

const MODEL = readingModel as ReadingModel;

/** Reads the top hits closely and ranks them, the question's words weighed by `idf` (idfOf). Best first. */
export function rerank(index: SearchIndex, q: Question, idf: ReadonlyMap<string, number>, hits: ScoredPassage[], wantMore = false, model: ReadingModel = MODEL): Reading[] {
  const top = hits[0]?.score ?? 1;
  const pairs = questionPairs(q);
  const position = new Map(hits.map((hit, i) => [hit, i / hits.length]));
  const entities = q.kind === "date" || q.kind === "number";
  const readings: Reading[] = [];
  const maxIdf = Math.log(1 + (Math.max(1, index.passageCount) + 0.5) / 0.5);
  const readAll = (batch: ScoredPassage[]): void => {
    const found: Array<{ hit: ScoredPassage; doc: IndexedDoc; passage: Passage }> = [];
    for (const hit of batch) {
      const doc = index.docs.get(hit.passage.doc);
      if (doc) found.push({ hit, doc, passage: hit.passage });
    }
    readPassages(found, entities).forEach(({ body, heading }, i) => {
      const { hit, doc } = found[i] as (typeof found)[number];
      const line = entryLine(doc.text, hit.passage.start);
      const lead = leadTerms(line);
      const { coverage, idfCoverage, missing, relationMissing } = coverageOf(q, idf, body, heading, doc, lead);
      const blended = (coverage + idfCoverage) / 2;
      // Coverage counts twice: a passage that holds all of the question beats a higher BM25 score.
      const subject = subjectOf(line ?? "") ?? subjectOf(heading.text);
      const named = subject !== undefined && namesSubject(q.text, subject) ? SUBJECT_BOOST : 1;
      const fit = headingFactor(q, heading, doc);
      const hand = (hit.score / top) * blended * blended * fit * named;
      const features: Record<ReadingFeature, number> = {
        hand: Math.log(Math.max(hand, MIN_RANK)),
        bm25: hit.score / top,
        coverage,
        idfCoverage,
        heading: fit,
        subject: named > 1 ? 1 : 0,
        missing: missing / maxIdf,
        position: position.get(hit) ?? 1,
        relation: relationMissing ? 1 : 0,
        pointer: POINTER_ONLY.test(body.text) ? 1 : 0,
        first: firstUnderHeading(index, doc, hit.passage) ? 1 : 0,
        bigram: holdsPair(body, pairs) ? 1 : 0,
        length: Math.min(1, wordCount(body.tokens) / 100),
      };
      readings.push({ hit, doc, body, heading, lead, coverage, idfCoverage, missing: missing / maxIdf, relationMissing, rank: hand, quote: hand * correction(features, model), features, ...(subject ? { subject } : {}) });
    });
  };
  readAll(hits.slice(0, READ_FIRST));
  if (wantMore || !readings.some((r) => r.idfCoverage >= READ_MORE_BELOW)) readAll(hits.slice(READ_FIRST, READ_MORE));
  const likeliest = Math.max(Number.MIN_VALUE, ...readings.map((r) => r.quote));
  for (const r of readings) r.quote /= likeliest;
  return readings.sort((a, b) => b.rank - a.rank);
}

/** The hand-made rank's floor in the `hand` feature (its log). */
const MIN_RANK = 1e-4;

/** The fitted factor a reading's hand-made rank is multiplied by (see ReadingModel). */
export function correction(features: Record<ReadingFeature, number>, model: ReadingModel = MODEL): number {
  let z = 0;
  for (const f of READING_FEATURES) if (f !== "hand") z += (model.weights[f] ?? 0) * features[f];
  return Math.exp(z);
}

/** Two question terms one after the other in the question, as "term term" (see holdsPair). */
function questionPairs(q: Question): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < q.terms.length; i++) pairs.add(`${(q.terms[i - 1] as Question["terms"][number]).term} ${(q.terms[i] as Question["terms"][number]).term}`);
  return pairs;
}

/** The passage holds one of `pairs` with the two terms next to each other (stop words between them aside). */
function holdsPair(body: ReadText, pairs: ReadonlySet<string>): boolean {
  let previous: string | undefined;
  for (const term of body.terms) {
    if (term === null) continue;
    if (previous !== undefined && pairs.has(`${previous} ${term}`)) return true;
    previous = term;
  }
  return false;
}

/** The passage is its document's first under its heading (or the first of all, headed or not). */
function firstUnderHeading(index: SearchIndex, doc: IndexedDoc, passage: Passage): boolean {
  // A document's passage ids ascend (they are given in document order): the one before, by bisection.
  const ids = doc.passageIds;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ids[mid] as number) < passage.id) lo = mid + 1;
    else hi = mid;
  }
  const before = lo > 0 ? index.passage(ids[lo - 1] as number) : undefined;
  return before === undefined || before.heading !== passage.heading;
}

function wordCount(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.type === "word") n++;
  return n;
}

/** Each question term's inverse document frequency in the index (BM25's form, ≥ 0). */
export function idfOf(index: SearchIndex, q: Question): Map<string, number> {
  const n = Math.max(1, index.passageCount);
  const out = new Map<string, number>();
  for (const { term, surface } of q.terms) {
    const df = Math.max(index.documentFrequency(term), surface ? index.documentFrequency(surface) : 0);
    out.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  return out;
}

const leads = new Map<string, string[]>();
/** Kept term lines' terms at most; the cache starts over past it. */
const MAX_LEADS = 5000;

/**
 * The terms of the term line of the entry a passage is in (see entryLine): a definition list
 * written as "term  \n description" names its subject once, above paragraphs that only say "this
 * parameter" or "Raises StatisticsError if …". (Only the paragraph's own term line counted before:
 * tune 153 → 155 right with the entry's.)
 */
function leadTerms(line: string | undefined): string[] {
  if (line === undefined) return [];
  let terms = leads.get(line);
  if (!terms) {
    terms = termsOf(line);
    if (leads.size >= MAX_LEADS) leads.clear();
    leads.set(line, terms);
  }
  return terms;
}

/** The term line that opens the paragraph holding `at`, if it opens with one (see entryLine). */
function leadLine(text: string, at: number): string | undefined {
  const start = text.lastIndexOf("\n\n", at) + 2;
  const end = text.indexOf("\n", start);
  // (A call signature may run to TERM_LINE's 400 characters of parameters.)
  if (end === -1 || end > at + MAX_TERM_LINE) return undefined;
  const line = text.slice(start, end);
  return TERM_LINE.test(line) ? line : undefined;
}

/** Characters a term line may run to (a call signature's parameters included). */
const MAX_TERM_LINE = 520;

/** Paragraphs back an entry's term line may stand from a passage of its description. */
const MAX_ENTRY_PARAGRAPHS = 4;

/**
 * The term line of the definition entry holding `at`: the one its paragraph opens with, or the
 * one a paragraph before it opens with, up to MAX_ENTRY_PARAGRAPHS back and never past a heading
 * ("`work_mem` (`integer`)" above the paragraphs that describe it).
 */
export function entryLine(text: string, at: number): string | undefined {
  let from = at;
  for (let k = 0; k < MAX_ENTRY_PARAGRAPHS && from > 0; k++) {
    const line = leadLine(text, from);
    if (line !== undefined) return line;
    const start = text.lastIndexOf("\n\n", from) + 2;
    if (/^#{1,6}\s/.test(text.slice(start, start + 7)) || start <= 2) return undefined;
    from = start - 3;
  }
  return undefined;
}

/**
 * A passage whose term line or heading names, as code, exactly what the question names
 * ("`work_mem` (`integer`)" for "work_mem default", over the `autovacuum_work_mem` and
 * `hash_mem_multiplier` entries that also mention it) ranks this much higher: reference
 * documentation says most about a thing under its own entry. Tried on tune: 1.3, 1.5, 2.
 */
const SUBJECT_BOOST = 1.5;

/**
 * The identifier a term line or heading opens with: a flag ("--ignore-submodules[=<when>]"), a
 * code span ("`work_mem` (`integer`)", "`fs.readFile(path)`") or a dotted, snake or camel-case
 * name ("json.dumps(*obj*)"). Plain words outside code are no subject.
 */
export function subjectOf(line: string): string | undefined {
  // ("--[no-]force-with-lease" is the entry of --force-with-lease and its negation.)
  const flag = /^[\s#*>]*`?(--?[A-Za-z][\w-]{2,})/.exec(line.replace(/^([\s#*>]*`?--)\[no-\]/, "$1"))?.[1];
  if (flag) return flag;
  // (Past the kind a reference may mark its entry with: "*classmethod* Path.home()", "*exception* …".)
  const m = /^[\s#>-]*(?:\*[a-z]+\*\s+)?[\s*]*(`)?([A-Za-z_$][\w$-]*(?:[.:][A-Za-z_$][\w$-]*)*)/.exec(line);
  const name = m?.[2];
  if (!name || name.length < 3) return undefined;
  return m?.[1] || /[._$:]|[a-z][A-Z]/.test(name) ? name : undefined;
}

/** `question` names `subject` as a whole word (not inside a longer identifier), whatever the case. */
export function namesSubject(question: string, subject: string): boolean {
  const at = question.toLowerCase().indexOf(subject.toLowerCase());
  if (at < 0) return false;
  const before = question[at - 1] ?? " ";
  const after = question.slice(at + subject.length, at + subject.length + 2);
  return !/[\w$.]/.test(before) && !/^[\w$]|^\.\w/.test(after);
}

/** The reading that covers most of the question (the first of equals, so the better ranked). */
export function bestCovering(readings: Reading[]): Reading | undefined {
  const score = (r: Reading): number => r.coverage + r.idfCoverage;
  return readings.reduce<Reading | undefined>((best, r) => (!best || score(r) > score(best) ? r : best), undefined);
}

/** A heading's own terms (see headingFactor), per document: they depend on its words in lower case. */
const headingTerms = new WeakMap<IndexedDoc, Map<string, string[]>>();

/**
 * A passage under a heading about something more specific than the question ("Deputy
 * leadership" for a question on "the Labour leadership") ranks lower: half of its rank rides on
 * the share of the heading's own words (names and numbering aside) that the question uses.
 */
function headingFactor(q: Question, heading: ReadText, doc: IndexedDoc): number {
  let byHeading = headingTerms.get(doc);
  if (!byHeading) headingTerms.set(doc, (byHeading = new Map()));
  let own = byHeading.get(heading.text);
  if (!own) {
    const inName = new Set<number>();
    for (const span of nameSpans(heading.tokens)) {
      if (isCommonWord(doc, span.text)) continue;
      for (let i = span.first; i <= span.last; i++) inName.add(i);
    }
    own = heading.terms.filter((t, i): t is string => t !== null && !inName.has(i) && (heading.tokens[i] as Token).type === "word");
    byHeading.set(heading.text, own);
  }
  if (own.length === 0) return 1;
  const used = own.filter((h) => q.terms.some(({ term }) => term === h || (term.length >= 5 && h.startsWith(term)) || stemOf(term) === stemOf(h)));
  return 0.5 + (0.5 * used.length) / own.length;
}

/**
 * How much of the question a passage (with its heading, title and topics) holds: by part of
 * speech weight (`coverage`) and by IDF (`idfCoverage`), a word matched exactly counting in
 * full, by prefix or stem in part.
 */
function coverageOf(q: Question, idf: ReadonlyMap<string, number>, body: ReadText, heading: ReadText, doc: IndexedDoc, lead: string[]): { coverage: number; idfCoverage: number; missing: number; relationMissing: boolean } {
  // The passage's own words, and its document's title's.
  const own = [body.terms, heading.terms, lead];
  const pools = [...own, doc.titleTerms];
  const has = (term: string): boolean => pools.some((p) => p.includes(term));
  const extended = (term: string): boolean => term.length >= 5 && pools.some((p) => startsAny(p, term));
  const stemmed = (term: string): boolean => {
    const s = stemOf(term);
    return pools.some((p) => p.some((t) => t !== null && t.length >= 3 && stemOf(t) === s));
  };
  // A passage under a heading that names someone the question does not ("4/10 Emily Thornberry"
  // in a gallery) is about that one: the name of the document's title is not its own.
  const inPassage = (term: string): boolean => own.some((p) => p.includes(term));
  const aboutOther = q.names.size > 0 && nameSpans(heading.tokens).some((span) => span.words >= 2 && !q.names.has(surnameKey(span.text)));
  let got = 0, total = 0, idfGot = 0, idfTotal = 0, missing = 0;
  for (const { term, weight, name } of q.terms) {
    const w = idf.get(term) ?? 1;
    total += weight;
    idfTotal += w;
    let credit = 0;
    if (name && aboutOther && !inPassage(term) && !surnameParts(name).some(inPassage)) credit = TOPIC_CREDIT;
    else if (has(term) || (name && surnameParts(name).some(has))) credit = 1;
    else if (name && doc.topics.includes(surnameKey(name))) credit = TOPIC_CREDIT;
    else if (extended(term)) credit = PREFIX_CREDIT;
    else if (stemmed(term)) credit = STEM_CREDIT;
    got += weight * credit;
    idfGot += w * credit;
    if (credit === 0) missing = Math.max(missing, w);
  }
  const relationHeld = !q.relation || holdsRelation(q.relation, body, heading);
  const factor = relationHeld ? 1 : RELATION_PENALTY;
  return { coverage: total ? (factor * got) / total : 0, idfCoverage: idfTotal ? (factor * idfGot) / idfTotal : 0, missing, relationMissing: !relationHeld };
}

/** Some of `terms` starts with `prefix`. */
function startsAny(terms: ReadonlyArray<string | null>, prefix: string): boolean {
  for (const t of terms) if (t?.startsWith(prefix)) return true;
  return false;
}

/** The verb and its object within RELATION_WINDOW words of each other, or the object in the heading. */
function holdsRelation(relation: NonNullable<Question["relation"]>, body: ReadText, heading: ReadText): boolean {
  const matches = (own: string | null, term: string): boolean => own !== null && (own === term || (term.length >= 5 && own.startsWith(term)));
  if (heading.terms.some((own) => matches(own, relation.object))) return true;
  // Positions count words only: punctuation and spaces between them do not part a verb from its object.
  const verbs: number[] = [];
  const objects: number[] = [];
  let word = 0;
  body.tokens.forEach((t, i) => {
    const own = body.terms[i] ?? null;
    if (own === null && t.type !== "word") return;
    if (matches(own, relation.verb)) verbs.push(word);
    if (matches(own, relation.object)) objects.push(word);
    word++;
  });
  return verbs.some((v) => objects.some((o) => Math.abs(o - v) <= RELATION_WINDOW));
}

/** The parts of a surname key ("allin-khan" → "allin", "khan"). */
export function surnameParts(name: string): string[] {
  return surnameKey(name).split("-").filter(Boolean);
}

const commonWords = new WeakMap<IndexedDoc, Map<string, boolean>>();
/**
 * A capitalised single word that the document also writes in lower case ("Shadow" at the start
 * of a sentence, "Deputy" in a heading) is an ordinary word, not a name.
 */
export function isCommonWord(doc: IndexedDoc, text: string): boolean {
  if (/\s/.test(text)) return false;
  let cache = commonWords.get(doc);
  if (!cache) commonWords.set(doc, (cache = new Map()));
  let common = cache.get(text);
  if (common === undefined) {
    const lower = text.toLowerCase();
    common = lower !== text && containsWord(doc.text, lower);
    cache.set(text, common);
  }
  return common;
}

/** `word` stands in `text` as a whole word (indexOf is far cheaper than a Unicode regex over a long document). */
function containsWord(text: string, word: string): boolean {
  const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!isLetter(text[at - 1]) && !isLetter(text[at + word.length])) return true;
  }
  return false;
}
