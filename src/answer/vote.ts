/**
 * Extraction by vote: candidates of the wanted kind (names, dates, numbers — see candidates.ts)
 * in the best passages, each voted for by its passage's rank, its fit to the kind and its
 * distance from the question's words; a list takes every candidate with enough of the top vote.
 */
import type { Token } from "../nlp/analyse.js";
import { escapeRegExp } from "../nlp/regexp.js";
import { surnameKey } from "../nlp/names.js";
import type { IndexedDoc, SearchIndex } from "../search/build.js";
import { findCandidates, type Candidate } from "./candidates.js";
import type { Question } from "./question.js";
import { isCommonWord, type Reading } from "./rerank.js";

/** A passage must hold this much of the question to lend its candidates a vote. */
const MIN_VOTING_COVERAGE = 0.5;
/** Names under a heading ("8/10 Ian Murray") are what the passage is about: nearly as good as in the text. */
const HEADING_NAME_FACTOR = 0.8;
/** A heading holding question words counts as this many tokens from every candidate below it. */
const HEADING_DISTANCE = 4;
/** Tokens from the nearest question word at which a candidate's vote halves. */
const PROXIMITY_HALF = 8;
/** A candidate whose sentence holds no question word votes this much of its vote. */
const APART_FACTOR = 0.5;
/** In a list answer, a candidate needs this share of the top candidate's votes. */
const LIST_SHARE = { many: 0.2, auto: 0.7 } as const;
export const MAX_LIST_ITEMS = 8;

/** The kinds answered by a vote over candidates; the others are answered by a sentence. */
export const VOTED_KINDS = new Set(["person", "organisation", "place", "date", "number"]);

type Voter = Candidate & { headingName?: string; vote: number };

interface Vote {
  text: string;
  vote: number;
  /** The heading the candidate was named in, if any, with the name as written there. */
  heading?: string;
  name?: string;
  doc?: IndexedDoc;
}

/** What the vote chose: the items (one, or a list), and how clearly the top one won (0-1). */
export interface Voted {
  items: string[];
  margin: number;
  /** The top candidate's vote over the best passage's rank: how near and fitting it stands (0-1). */
  support: number;
}

/** Votes over the candidates of `readings` (best first, as rerank gives them); undefined when no passage offers one. */
export function voteCandidates(index: SearchIndex, q: Question, readings: Reading[]): Voted | undefined {
  if (!VOTED_KINDS.has(q.kind)) return undefined;
  const votes = new Map<string, Vote>();
  for (const r of readings) {
    if (r.coverage < MIN_VOTING_COVERAGE && r.idfCoverage < MIN_VOTING_COVERAGE) continue;
    for (const c of candidatesOf(q, r)) {
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
  const ranked = [...votes.values()].sort((a, b) => b.vote - a.vote);
  const top = ranked[0];
  if (!top) return undefined;
  const siblings = q.plurality === "one" ? [] : siblingNames(index, top);
  const share = q.plurality === "one" ? Infinity : LIST_SHARE[q.plurality];
  const items = siblings.length
    ? [top.text, ...siblings].slice(0, MAX_LIST_ITEMS)
    : ranked.filter((c) => c.vote >= share * top.vote).slice(0, MAX_LIST_ITEMS).map((c) => c.text);
  const chosen = items.length ? items : [top.text];
  const total = ranked.reduce((s, c) => s + c.vote, 0);
  const bestRank = Math.max(readings[0]?.rank ?? 0, Number.EPSILON);
  return { items: chosen, margin: chosen.length > 1 ? 1 : top.vote / total, support: Math.min(1, top.vote / bestRank) };
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

/** Candidates in a passage and its heading, each with a vote from rank, fit and proximity; one per key. */
function candidatesOf(q: Question, r: Reading): Voter[] {
  const matched = r.body.terms.map((term) => term !== null && q.lemmas.has(term));
  // The sentences that hold a question word.
  const asked = new Set(r.body.tokens.filter((_, i) => matched[i]).map((t) => t.sentence));
  // A heading that holds question words makes the whole passage about them.
  const headingMatches = r.heading.terms.some((term) => term !== null && q.lemmas.has(term));
  // A list is spread over passages that each rank lower than the best one: flatten their ranks.
  const weight = q.plurality === "many" ? Math.sqrt(r.rank) : r.rank;
  const best = new Map<string, Voter>();
  const offer = (c: Voter): void => {
    const had = best.get(c.key);
    if (!had || c.vote > had.vote) best.set(c.key, had?.headingName ? { ...c, headingName: had.headingName } : c);
    else if (c.headingName) had.headingName = c.headingName;
  };
  for (const c of findCandidates(r.body.tokens, q)) {
    if (isCommonWord(r.doc, c.text) || uncorroborated(r.doc, c, r.body.tokens)) continue;
    const distance = Math.min(nearest(matched, c.first, c.last), headingMatches ? HEADING_DISTANCE : Infinity);
    // A candidate in a sentence that holds none of the question's words is said of something else.
    const apart = !headingMatches && !asked.has((r.body.tokens[c.first] as Token).sentence) ? APART_FACTOR : 1;
    const proximity = apart / (1 + distance / PROXIMITY_HALF);
    const typed = q.typeNoun && c.text.toLowerCase().endsWith(q.typeNoun) ? 1.5 : 1;
    offer({ ...c, vote: weight * c.fit * proximity * typed });
  }
  // With no name of its own in the text ("he is standing"), the passage is about its heading's.
  const headingFactor = best.size > 0 ? HEADING_NAME_FACTOR : 1;
  for (const c of findCandidates(r.heading.tokens, q)) {
    if (isCommonWord(r.doc, c.text) || uncorroborated(r.doc, c, r.heading.tokens)) continue;
    offer({ ...c, headingName: c.text, vote: weight * c.fit * headingFactor });
  }
  return [...best.values()];
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

/** "a", "a and b", "a, b and c". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
