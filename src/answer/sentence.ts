/**
 * Extraction by sentence: the sentence of the best passages that holds most of the question's
 * distinctive words, for questions a name or a number does not answer (why, how, what is, yes or
 * no). A sentence that leads in to a list or a code block (ending in ":") brings what it
 * introduces.
 */
import type { Token } from "../nlp/analyse.js";
import type { Question } from "./question.js";
import { stemOf } from "../nlp/stem.js";
import { surnameParts, type Reading } from "./rerank.js";
import { introducedBlock } from "./structure.js";

/** Readings whose sentences compete to be a sentence answer. */
const SENTENCE_POOL = 5;
/** A sentence used as the answer is cut to this many characters (the eval's short answer is 250). */
export const MAX_SENTENCE_ANSWER = 220;
/**
 * A passage's rank (0-1) counts for this much against one distinctive question word (≈ 1-2 each):
 * the sentence should come from a passage that answers the whole question. Fitted by hand on the
 * eval suite's tune split (0.3, 1, 2, 4 tried).
 */
const RANK_WEIGHT = 2;
/**
 * What a sentence that answers a kind of question says: a why-question's answer gives a reason,
 * a when-question's a time. Such a sentence gains KIND_EVIDENCE_CREDIT (≈ one distinctive
 * question word; 0.5, 1 and 2 tried on the eval suite's tune split).
 */
export const KIND_EVIDENCE: Partial<Record<Question["kind"], RegExp>> = {
  reason: /\b(because|since|so that|in order to|due to|owing to|the reason|so as to|otherwise|therefore|thus|hence|to (avoid|prevent|ensure|allow|make)|all (it|this) does|this means|that way|advantage|caused by|results? in|as (it|they|this|there|its|the \w+ (is|are|was|were)))\b/i,
  date: /\b(when|after|before|once|during|until|while|since|at the time|\d{4}|january|february|march|april|may|june|july|august|september|october|november|december)\b/i,
  number: /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|hundred|thousand|million|half|twice|once)\b/i,
};
const KIND_EVIDENCE_CREDIT = 1;
const WHY = /\b(why|reason|rationale)\b/i;
/** A question word in the passage's heading counts this much of the same word in the sentence. */
const HEADING_TERM_CREDIT = 0.5;

/** A sentence picked as an answer: its reading and its offsets in the document. */
export interface PickedSentence {
  reading: Reading;
  start: number;
  end: number;
  /** The sentence with spaces folded. */
  text: string;
  /** Distinctive question words it holds, and the pool's total (see bestSentence). */
  matched: number;
  /** The question terms it holds, with those of its passage's heading. */
  terms: string[];
  /** The sentence after it in its passage (text with spaces folded), if any. */
  next?: { start: number; end: number; text: string };
}

/**
 * The sentence, among the best passages, that holds most of the question's distinctive words.
 * Words every candidate sentence shares (the name the question is about) do not tell sentences
 * apart; a rarer word ("still … work") does.
 */
export function bestSentence(q: Question, readings: Reading[]): PickedSentence | undefined {
  interface Sentence { r: Reading; first: number; last: number; terms: Set<string>; headingTerms?: Set<string> }
  const sentences: Sentence[] = [];
  // "Allin-Khan" in a sentence stands for the whole "Rosena Allin-Khan" of the question.
  const nameTerms = new Map<string, string[]>();
  for (const t of q.terms) {
    if (!t.name) continue;
    const all = q.terms.filter((o) => o.name === t.name).map((o) => o.term);
    for (const part of surnameParts(t.name)) nameTerms.set(part, all);
  }
  const byStem = new Map<string, string>();
  for (const t of q.terms) byStem.set(stemOf(t.term), t.term);
  for (const r of readings.slice(0, SENTENCE_POOL)) {
    const bySentence = new Map<number, Sentence>();
    r.body.tokens.forEach((t, i) => {
      if (t.type === "tabCRLF" || !t.text.trim()) return;
      let s = bySentence.get(t.sentence);
      if (!s) bySentence.set(t.sentence, (s = { r, first: i, last: i, terms: new Set() }));
      s.last = i;
      const term = r.body.terms[i];
      if (!term) return;
      if (q.lemmas.has(term)) for (const same of nameTerms.get(term) ?? [term]) s.terms.add(same);
      else {
        const viaStem = byStem.get(stemOf(term));
        if (viaStem) s.terms.add(viaStem);
      }
    });
    // The heading's question words belong to every sentence under it ("LART" over "Luser Attitude Readjustment Tool."), at half weight.
    const fromHeading = new Set<string>();
    for (const term of [...r.heading.terms, ...r.lead]) if (term && q.lemmas.has(term)) fromHeading.add(term);
    for (const s of bySentence.values()) s.headingTerms = fromHeading;
    sentences.push(...bySentence.values());
  }
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const weightOf = new Map(q.terms.map((t) => [t.term, t.weight]));
  const scoreOf = (s: Sentence): number => {
    let score = s.r.rank * RANK_WEIGHT;
    const idf = (t: string): number => (weightOf.get(t) ?? 0.5) * Math.log((sentences.length + 1) / ((df.get(t) ?? 0) + 0.5));
    for (const t of s.terms) score += idf(t);
    for (const t of s.headingTerms ?? []) if (!s.terms.has(t)) score += HEADING_TERM_CREDIT * idf(t);
    // A how-question is a "reason" too, but its answer is a way, not a cause.
    const evidence = q.kind !== "reason" || WHY.test(q.text) ? KIND_EVIDENCE[q.kind] : undefined;
    if (evidence?.test(s.r.doc.text.slice((s.r.body.tokens[s.first] as Token).start, (s.r.body.tokens[s.last] as Token).end))) score += KIND_EVIDENCE_CREDIT;
    return score;
  };
  let best: Sentence | undefined;
  let bestScore = -Infinity;
  for (const s of sentences) {
    // A fragment ("n.", "Warning") says nothing on its own.
    if (wordsIn(s.r, s.first, s.last) < MIN_SENTENCE_WORDS) continue;
    const score = scoreOf(s);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  if (!best) return undefined;
  const { tokens } = best.r.body;
  const { start, end } = wholeSentence(best.r, (tokens[best.first] as Token).sentence);
  const text = best.r.doc.text.slice(start, end).replace(/\s+/g, " ").trim();
  const after = wholeSentence(best.r, (tokens[best.first] as Token).sentence + 1);
  const next = after.start >= 0 ? { ...after, text: best.r.doc.text.slice(after.start, after.end).replace(/\s+/g, " ").trim() } : undefined;
  return { reading: best.r, start, end, text, matched: best.terms.size, terms: [...best.terms, ...(best.headingTerms ?? [])], ...(next ? { next } : {}) };
}

/** A sentence of fewer words is a fragment, never an answer. */
const MIN_SENTENCE_WORDS = 3;

function wordsIn(r: Reading, first: number, last: number): number {
  let n = 0;
  for (let i = first; i <= last; i++) if ((r.body.tokens[i] as Token).type === "word") n++;
  return n;
}

/** The offsets of sentence `index` of a reading (sentences mended at reading, see nlp/mend.ts). */
function wholeSentence(r: Reading, index: number): { start: number; end: number } {
  let start = -1;
  let end = -1;
  for (const t of r.body.tokens) {
    if (t.sentence !== index || t.type === "tabCRLF" || !t.text.trim()) continue;
    if (start < 0) start = t.start;
    end = t.end;
  }
  return { start, end };
}

/** The item holding most of the question's words by stem (the first of equals), if any holds one. */
function bestItem(q: Question, items: string[]): string | undefined {
  const stems = new Set(q.terms.map((t) => stemOf(t.term)));
  let best: string | undefined;
  let most = 0;
  for (const item of items) {
    const words = item.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
    const held = new Set(words.map(stemOf).filter((w) => stems.has(w))).size;
    if (held > most) [best, most] = [item, held];
  }
  return best;
}

/** Negations that make a yes/no question's deciding sentence a "no". */
const NEGATION = /\b(not|no|never|cannot|can't|don't|doesn't|isn't|aren't|won't|mustn't|shouldn't|neither|nor)\b|n't\b/i;

/**
 * The sentence as a short answer: a yes/no question's begins with "Yes." or "No." (by whether the
 * sentence negates), a lead-in brings the start of the block it introduces, and the whole is cut
 * to MAX_SENTENCE_ANSWER characters at a word.
 */
export function sentenceAnswer(q: Question, picked: PickedSentence): string {
  let text = readable(picked.text);
  const block = introducedBlock(picked.text, picked.reading.doc.text, picked.end);
  // One item of a list is wanted: the one that holds most of the question's words.
  const item = block?.items && q.plurality !== "many" ? bestItem(q, block.items) : undefined;
  if (item) text = readable(item);
  else if (block) text = `${text} ${readable(block.text)}`;
  // "Why …?" over a sentence that gives no reason (only says what is asked about): the reason is
  // most often the next sentence, marked ("because …") or not ("The pump cannot keep up.").
  const reason = KIND_EVIDENCE.reason as RegExp;
  if (q.kind === "reason" && WHY.test(q.text) && !block && !reason.test(picked.text) && picked.next) text = `${text} ${readable(picked.next.text)}`;
  if (q.kind === "yesno") {
    // A FAQ often answers in one word first ("No. The club closes…"): that word decides; else a negation does.
    const doc = picked.reading.doc.text;
    const before = doc.slice(picked.reading.hit.passage.start, picked.start);
    const said = /^\s*(yes|no)\b/i.exec(before.trim() ? before : picked.text)?.[1];
    const yes = said ? said.toLowerCase() === "yes" : !NEGATION.test(picked.text);
    if (!/^\s*(yes|no)\b/i.test(text)) text = `${yes ? "Yes" : "No"}. ${text}`;
  }
  return cut(text, MAX_SENTENCE_ANSWER);
}

/**
 * Markdown as a reader sees it: link targets dropped ("[the FAQ](faq.html)" → "the FAQ", also a
 * target cut in two by a sentence start), backslash escapes undone, code fences dropped (their
 * code kept), spaces folded. The short
 * answer is a summary, not a quote: the quotes below it stay verbatim.
 */
export function readable(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "$1")
    .replace(/^[^\s[]*\)\s*/, "")
    .replace(/\]\([^)\s]*\)/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, "$1")
    .replace(/(?:```|~~~)[\w+-]*/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** `text` cut at a word to at most `max` characters, with "…" where it was cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const at = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, at > max / 2 ? at : max - 1)}…`;
}
