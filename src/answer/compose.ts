/**
 * (question, index) → Answer: retrieve passages, check how fully each covers the question, pull
 * candidates of the wanted kind from the best ones, vote, and quote the passages the answer
 * rests on. When no passage covers the question well enough, the answer is `null`.
 */
import type { Token } from "../nlp/analyse.js";
import { nameSpans, surnameKey } from "../nlp/names.js";
import type { IndexedDoc, SearchIndex } from "../search/build.js";
import type { Answer, Excerpt, Passage, ScoredPassage } from "../types.js";
import { findCandidates, type Candidate } from "./candidates.js";
import { makeExcerpt } from "./excerpt.js";
import { parseQuestion, type Question } from "./question.js";
import { readPassages, type ReadText } from "./reading.js";
import { checkQuestion } from "./validate.js";

/** Passages retrieved per question: enough to gather a list spread over a document. */
const RETRIEVE = 24;
/**
 * Passages read closely (analysed with wink again, ~0.07 ms each; each group of them with one
 * wink call) per question: READ_FIRST, then up to READ_MORE when the answer may be a list of
 * names spread over passages, or when none of the first covers the question.
 */
const READ_FIRST = 8;
const READ_MORE = 16;
/** Words apart within which a subject question's verb and object must stand ("won … election"). */
const RELATION_WINDOW = 8;
/** A passage that holds the words but not the relation ("won plaudits … election debates") answers less. */
const RELATION_PENALTY = 0.7;
/** Names a document is mostly about count, in its passages, as half-present ("she" is often her). */
const TOPIC_CREDIT = 0.5;
/**
 * Below this coverage of the question's weighted terms, the best passage does not answer it:
 * "Who won the deputy leadership election?" finds "win" and "deputy leadership", but never in
 * one passage with "election" (0.75); answered questions score 0.85 and up on the dev set.
 */
export const ABSTAIN_BELOW = 0.8;
/** A passage must cover this much of the question to lend its candidates a vote. */
const MIN_VOTING_COVERAGE = 0.5;
/** A prefix match ("leader" in "leadership") is partial evidence. */
const PREFIX_CREDIT = 0.7;
/** Names under a heading ("8/10 Ian Murray") are what the passage is about: nearly as good as in the text. */
const HEADING_NAME_FACTOR = 0.8;
/** A heading holding question words counts as this many tokens from every candidate below it. */
const HEADING_DISTANCE = 4;
/** Tokens from the nearest question word at which a candidate's vote halves. */
const PROXIMITY_HALF = 8;
/** In a list answer, a candidate needs this share of the top candidate's votes. */
const LIST_SHARE = { many: 0.2, auto: 0.7 } as const;
const MAX_LIST_ITEMS = 8;
/** A sentence used as the answer is cut to this many characters. */
const MAX_SENTENCE_ANSWER = 220;
const MAX_EXCERPTS = 3;

interface Reading {
  hit: ScoredPassage;
  doc: IndexedDoc;
  /** The passage's text and tokens, and its heading's. */
  body: ReadText;
  heading: ReadText;
  coverage: number;
  /** Retrieval score over the best score, times a coverage factor. */
  rank: number;
  /** Candidates with their votes; `headingName` when the passage's heading names them too. */
  candidates: Array<Candidate & { headingName?: string; vote: number }>;
}

/** Answers `question` from `index`. */
/** Exposed for debugging and tests: the close readings behind an answer. */
export function readingsFor(index: SearchIndex, question: string): Array<Pick<Reading, "coverage" | "rank"> & { text: string; heading?: string; score: number }> {
  const q = parseQuestion(question);
  return read(index, q, index.searchTerms(q.terms, RETRIEVE)).map((r) => ({ coverage: r.coverage, rank: r.rank, text: r.body.text, score: r.hit.score, ...(r.hit.passage.heading ? { heading: r.hit.passage.heading } : {}) }));
}

export function composeAnswer(index: SearchIndex, question: string): Answer {
  const checked = checkQuestion(question);
  if (!checked.ok) return { question, answer: null, confidence: 0, kind: "thing", excerpts: [], message: checked.message };
  const q = parseQuestion(checked.text);
  if (q.terms.length === 0) {
    return { question, answer: null, confidence: 0, kind: q.kind, excerpts: [], message: "That question has no words to look for. Ask about someone or something in the documents." };
  }
  const started = performance.now();
  const hits = index.searchTerms(q.terms, RETRIEVE);
  const retrieved = performance.now();
  const timing = (): Answer["timing"] => ({ retrieveMs: ms(retrieved - started), answerMs: ms(performance.now() - retrieved) });
  const readings = read(index, q, hits);
  const best = bestCovering(readings);
  if (!best || best.coverage < ABSTAIN_BELOW) {
    const nearest = readings.slice(0, MAX_EXCERPTS).map((r) => excerptOf(r, q));
    return {
      question,
      answer: null,
      confidence: 0,
      kind: q.kind,
      excerpts: nearest,
      message: nearest.length ? "The documents don't answer that. These are the nearest passages." : "The documents don't answer that.",
      timing: timing(),
    };
  }
  const { answer, items, confidence } = chooseAnswer(index, q, readings);
  const excerpts = pickExcerpts(readings, items).map((r) => excerptOf(r, q));
  return { question, answer, confidence: round(confidence), kind: q.kind, excerpts, timing: timing() };
}

/** The reading that covers most of the question (the first of equals, so the better ranked). */
function bestCovering(readings: Reading[]): Reading | undefined {
  return readings.reduce<Reading | undefined>((best, r) => (!best || r.coverage > best.coverage ? r : best), undefined);
}

/** Reads the top hits closely: coverage of the question, rank, candidates. Best first. */
function read(index: SearchIndex, q: Question, hits: ScoredPassage[]): Reading[] {
  const top = hits[0]?.score ?? 1;
  const entities = q.kind === "date" || q.kind === "number";
  const readings: Reading[] = [];
  const listy = q.plurality !== "one" && (q.kind === "person" || q.kind === "organisation" || q.kind === "place");
  /** Reads a group of hits, with one wink call for whatever was not read for an earlier question. */
  const readAll = (batch: ScoredPassage[]): void => {
    const found: Array<{ hit: ScoredPassage; doc: IndexedDoc; passage: Passage }> = [];
    for (const hit of batch) {
      const doc = index.docs.get(hit.passage.doc);
      if (doc) found.push({ hit, doc, passage: hit.passage });
    }
    readPassages(found, entities).forEach(({ body, heading }, i) => {
      const { hit, doc } = found[i] as (typeof found)[number];
      const coverage = coverageOf(q, body, heading, doc);
      // Coverage counts twice: a passage that holds all of the question beats a higher BM25 score.
      const rank = (hit.score / top) * coverage * coverage * headingFactor(q, heading, doc);
      readings.push({ hit, doc, body, heading, coverage, rank, candidates: [] });
    });
  };
  readAll(hits.slice(0, READ_FIRST));
  if (listy || !readings.some((r) => r.coverage >= ABSTAIN_BELOW)) readAll(hits.slice(READ_FIRST, READ_MORE));
  return readings.sort((a, b) => b.rank - a.rank);
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
  const used = own.filter((h) => q.terms.some(({ term }) => term === h || (term.length >= 5 && h.startsWith(term))));
  return 0.5 + (0.5 * used.length) / own.length;
}

/** Weighted share of the question's terms that a passage (with its heading, title and topics) holds. */
function coverageOf(q: Question, body: ReadText, heading: ReadText, doc: IndexedDoc): number {
  const has = (term: string): boolean => body.terms.includes(term) || heading.terms.includes(term) || doc.titleTerms.includes(term);
  const extended = (term: string): boolean => startsAny(body.terms, term) || startsAny(heading.terms, term) || startsAny(doc.titleTerms, term);
  let got = 0;
  let total = 0;
  for (const { term, weight, name } of q.terms) {
    total += weight;
    if (has(term) || (name && surnameParts(name).some(has))) got += weight;
    else if (name && doc.topics.includes(surnameKey(name))) got += weight * TOPIC_CREDIT;
    else if (term.length >= 5 && extended(term)) got += weight * PREFIX_CREDIT;
  }
  const coverage = total ? got / total : 0;
  return q.relation && !holdsRelation(q.relation, body, heading) ? coverage * RELATION_PENALTY : coverage;
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

function surnameParts(name: string): string[] {
  return surnameKey(name).split("-").filter(Boolean);
}

interface Choice {
  answer: string;
  items: string[];
  confidence: number;
}

function chooseAnswer(index: SearchIndex, q: Question, readings: Reading[]): Choice {
  const best = bestCovering(readings) as Reading;
  const votes = new Map<string, Vote>();
  if (q.kind !== "yesno" && q.kind !== "reason" && q.kind !== "definition" && q.kind !== "thing") {
    for (const r of readings) {
      if (r.coverage < MIN_VOTING_COVERAGE) continue;
      collectCandidates(q, r);
      for (const c of r.candidates) {
        const text = displayName(c, r.doc, q);
        const heading = c.headingName ? r.hit.passage.heading : undefined;
        const entry = votes.get(c.key);
        if (entry) {
          entry.vote += c.vote;
          if (text.length > entry.text.length) entry.text = text;
          if (heading && c.headingName && !entry.heading) [entry.heading, entry.name, entry.doc] = [heading, c.headingName, r.doc];
        } else {
          votes.set(c.key, { text, vote: c.vote, ...(heading && c.headingName ? { heading, name: c.headingName, doc: r.doc } : {}) });
        }
      }
    }
  }
  const ranked = [...votes.values()].sort((a, b) => b.vote - a.vote);
  const top = ranked[0];
  if (top) {
    const siblings = q.plurality === "one" ? [] : siblingNames(index, top);
    const share = q.plurality === "one" ? Infinity : LIST_SHARE[q.plurality];
    const items = siblings.length
      ? [top.text, ...siblings].slice(0, MAX_LIST_ITEMS)
      : ranked.filter((c) => c.vote >= share * top.vote).slice(0, MAX_LIST_ITEMS).map((c) => c.text);
    const chosen = items.length ? items : [top.text];
    const total = ranked.reduce((s, c) => s + c.vote, 0);
    const margin = chosen.length > 1 ? 1 : top.vote / total;
    return { answer: joinList(chosen), items: chosen, confidence: best.coverage * (0.55 + 0.45 * margin) };
  }
  const sentence = bestSentence(q, readings);
  const entityWanted = q.kind === "person" || q.kind === "date" || q.kind === "number" || q.kind === "place" || q.kind === "organisation";
  return { answer: sentence, items: [], confidence: best.coverage * (entityWanted ? 0.4 : 0.6) };
}

interface Vote {
  text: string;
  vote: number;
  /** The heading the candidate was named in, if any, with the name as written there. */
  heading?: string;
  name?: string;
  doc?: IndexedDoc;
}

/**
 * Names in the sibling headings of the top candidate's heading: the same heading with another
 * name ("5/10 Angela Rayner – Deputy leadership" → "7/10 Dawn Butler – Deputy leadership"). A
 * gallery or a list of sections names every member of the set the question asks for.
 */
function siblingNames(index: SearchIndex, top: Vote): string[] {
  if (!top.heading || !top.name || !top.doc) return [];
  const at = top.heading.indexOf(top.name);
  if (at === -1) return [];
  const pattern = (s: string): string => escapeRegExp(s).replace(/\d+/g, "\\d+");
  const template = new RegExp(`^${pattern(top.heading.slice(0, at))}(.+?)${pattern(top.heading.slice(at + top.name.length))}$`);
  const names: string[] = [];
  const seen = new Set([top.heading]);
  for (const id of top.doc.passageIds) {
    const heading = index.passage(id)?.heading;
    if (!heading || seen.has(heading)) continue;
    seen.add(heading);
    const name = template.exec(heading)?.[1]?.trim();
    const words = name?.split(/\s+/) ?? [];
    if (name && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w))) names.push(name);
  }
  return names;
}

/** Candidates in a passage and its heading, each with a vote from rank, fit and proximity. */
function collectCandidates(q: Question, r: Reading): void {
  const matched = r.body.terms.map((term) => term !== null && q.lemmas.has(term));
  // A heading that holds question words makes the whole passage about them.
  const headingMatches = r.heading.terms.some((term) => term !== null && q.lemmas.has(term));
  // A list is spread over passages that each rank lower than the best one: flatten their ranks.
  const weight = q.plurality === "many" ? Math.sqrt(r.rank) : r.rank;
  const best = new Map<string, Reading["candidates"][number]>();
  const offer = (c: Reading["candidates"][number]): void => {
    const had = best.get(c.key);
    if (!had || c.vote > had.vote) best.set(c.key, had?.headingName ? { ...c, headingName: had.headingName } : c);
    else if (c.headingName) had.headingName = c.headingName;
  };
  for (const c of findCandidates(r.body.tokens, q)) {
    if (isCommonWord(r.doc, c.text) || uncorroborated(r.doc, c, r.body.tokens)) continue;
    const distance = Math.min(nearest(matched, c.first, c.last), headingMatches ? HEADING_DISTANCE : Infinity);
    const proximity = 1 / (1 + distance / PROXIMITY_HALF);
    const typed = q.typeNoun && c.text.toLowerCase().endsWith(q.typeNoun) ? 1.5 : 1;
    offer({ ...c, vote: weight * c.fit * proximity * typed });
  }
  // With no name of its own in the text ("he is standing"), the passage is about its heading's.
  const headingFactor = best.size > 0 ? HEADING_NAME_FACTOR : 1;
  for (const c of findCandidates(r.heading.tokens, q)) {
    if (isCommonWord(r.doc, c.text) || uncorroborated(r.doc, c, r.heading.tokens)) continue;
    offer({ ...c, headingName: c.text, vote: weight * c.fit * headingFactor });
  }
  // One vote per candidate per passage, however often the passage names it.
  r.candidates = [...best.values()];
}

/**
 * A single capitalised word opening a sentence or heading ("Apology to women") may be capitalised
 * only for its place; it is a name only if the document names it in full elsewhere.
 */
function uncorroborated(doc: IndexedDoc, c: Candidate, tokens: Token[]): boolean {
  if (c.first < 0 || /\s/.test(c.text)) return false;
  // The nearest token before it that is neither space nor numbering ("5/10").
  let before = c.first - 1;
  while (before >= 0 && !counts(tokens[before] as Token)) before--;
  const opens = before < 0 || (tokens[c.first] as Token).sentence !== (tokens[before] as Token).sentence;
  return opens && doc.names[surnameKey(c.text)] === undefined && !doc.topics.includes(surnameKey(c.text));
}

function counts(t: Token): boolean {
  return t.type !== "tabCRLF" && t.text.trim() !== "" && !/^[\d/]+$/.test(t.text);
}

const commonWords = new WeakMap<IndexedDoc, Map<string, boolean>>();
/**
 * A capitalised single word that the document also writes in lower case ("Shadow" at the start
 * of a sentence, "Deputy" in a heading) is an ordinary word, not a name.
 */
function isCommonWord(doc: IndexedDoc, text: string): boolean {
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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function nearest(matched: boolean[], first: number, last: number): number {
  let best = Infinity;
  matched.forEach((m, i) => {
    if (!m) return;
    const d = i < first ? first - i : i > last ? i - last : 0;
    if (d < best) best = d;
  });
  return best === Infinity ? 4 * PROXIMITY_HALF : best;
}

/** A person's name in full when the document gives it ("Mahmood" → "Khalid Mahmood"). */
function displayName(c: Candidate, doc: IndexedDoc, q: Question): string {
  if (q.kind !== "person") return c.text;
  const full = doc.names[surnameKey(c.text)];
  return full && full.length > c.text.length && full.endsWith(c.text) ? full : c.text;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Readings whose sentences compete to be a sentence answer. */
const SENTENCE_POOL = 5;

/**
 * The sentence, among the best passages, that holds most of the question's distinctive words,
 * cut to a short answer. Words every candidate sentence shares (the name the question is about)
 * do not tell sentences apart; a rarer word ("still … work") does.
 */
function bestSentence(q: Question, readings: Reading[]): string {
  interface Sentence { r: Reading; first: number; last: number; terms: Set<string> }
  const sentences: Sentence[] = [];
  // "Allin-Khan" in a sentence stands for the whole "Rosena Allin-Khan" of the question.
  const nameTerms = new Map<string, string[]>();
  for (const t of q.terms) {
    if (!t.name) continue;
    const all = q.terms.filter((o) => o.name === t.name).map((o) => o.term);
    for (const part of surnameParts(t.name)) nameTerms.set(part, all);
  }
  for (const r of readings.slice(0, SENTENCE_POOL)) {
    const bySentence = new Map<number, Sentence>();
    r.body.tokens.forEach((t, i) => {
      if (t.type === "tabCRLF" || !t.text.trim()) return;
      let s = bySentence.get(t.sentence);
      if (!s) bySentence.set(t.sentence, (s = { r, first: i, last: i, terms: new Set() }));
      s.last = i;
      const term = r.body.terms[i];
      if (term && q.lemmas.has(term)) for (const same of nameTerms.get(term) ?? [term]) s.terms.add(same);
    });
    sentences.push(...bySentence.values());
  }
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const weightOf = new Map(q.terms.map((t) => [t.term, t.weight]));
  const scoreOf = (s: Sentence): number => {
    let score = s.r.rank * 0.1;
    for (const t of s.terms) score += (weightOf.get(t) ?? 0.5) * Math.log((sentences.length + 1) / ((df.get(t) ?? 0) + 0.5));
    return score;
  };
  let best: Sentence | undefined;
  let bestScore = -Infinity;
  for (const s of sentences) {
    const score = scoreOf(s);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  if (!best) return "";
  const { text, tokens } = best.r.body;
  const start = (tokens[best.first] as Token).start - best.r.hit.passage.start;
  const end = (tokens[best.last] as Token).end - best.r.hit.passage.start;
  const sentence = text.slice(start, end).replace(/\s+/g, " ").trim();
  if (sentence.length <= MAX_SENTENCE_ANSWER) return sentence;
  const cut = sentence.lastIndexOf(" ", MAX_SENTENCE_ANSWER - 1);
  return `${sentence.slice(0, cut > 0 ? cut : MAX_SENTENCE_ANSWER - 1)}…`;
}

/** Up to three passages, those quoting the answer first, then by rank; no passage twice. */
function pickExcerpts(readings: Reading[], items: string[]): Reading[] {
  const support = (r: Reading): number => items.filter((item) => r.body.text.includes(item) || r.hit.passage.heading?.includes(item)).length;
  const scored = readings.map((r, i) => ({ r, key: (i === 0 ? 1 : 0) + support(r) * 2 + r.rank }));
  scored.sort((a, b) => b.key - a.key);
  const seen = new Set<string>();
  const out: Reading[] = [];
  for (const { r } of scored) {
    const key = r.body.text.replace(/\s+/g, " ");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
    if (out.length >= MAX_EXCERPTS) break;
  }
  return out;
}

function excerptOf(r: Reading, q: Question): Excerpt {
  return makeExcerpt(r.doc, r.hit.passage, r.hit.score, r.body, q.lemmas);
}

function ms(n: number): number {
  return Math.round(n * 100) / 100;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
