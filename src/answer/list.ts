/**
 * List answers: the items of the list an answer sentence leads in to ("… one of the following:"),
 * the series it writes out ("such as A, B and C"), or the list the best passages stand in.
 */
import { enumerationIn } from "./enumeration.js";
import type { Question } from "./question.js";
import type { Reading } from "./rerank.js";
import { cut, type PickedSentence } from "./sentence.js";
import { blockAfter, introducedBlock, isLeadIn, listAround } from "./structure.js";
import { escapeRegExp } from "../nlp/regexp.js";

/**
 * Items read from a list or series the documents write, at most: the whole of one they write
 * ("OpenSSL, libressl, … BearSSL, or Rustls", twelve), where votes gathered across passages keep
 * to vote.ts's MAX_LIST_ITEMS. The answer's length is bounded apart (MAX_LIST_ANSWER).
 */
const MAX_WRITTEN_ITEMS = 16;

/**
 * Sentences a list question's items are looked for in, best first. Tried on the tune split
 * (lists 44 questions): 1 (the best sentence only) against 2-6.
 */
export const LIST_SENTENCES = 4;
/**
 * Sentences searched for a lead-in to a list ("The <mode> must be one of the following:"), before
 * the series of the first LIST_SENTENCES: a sentence that introduces a list names what it lists
 * and little else, so ranks below sentences that use the question's words more.
 */
export const LEAD_IN_SENTENCES = 8;

/**
 * The items of the list the answer sentence leads in to, or writes out ("such as A, B and C"; a
 * `series`), or the list the best passages stand in. When the best sentence holds no list, the
 * next best ones are tried before the passages: "which values can X take" is answered by "one of
 * `low`, `medium`, …", which the ranker may place just below a sentence that names X better.
 */
export function listOf(q: Question, readings: Reading[], ranked: PickedSentence[]): { items: string[]; series?: true; sentence?: PickedSentence } | undefined {
  // Past the first LIST_SENTENCES, a lead-in must name what the question lists ("modes", "values").
  const noun = listedNoun(q);
  const names = noun ? wordStarting(noun) : undefined;
  const led = introducedList(ranked, (sentence, at) => at < LIST_SENTENCES || names?.test(sentence.text) === true);
  if (led) return led;
  for (const sentence of ranked.slice(0, LIST_SENTENCES)) {
    const series = sentence.code ? undefined : seriesIn(q, sentence);
    if (series) return { items: series, series: true, sentence };
  }
  for (const r of [ranked[0]?.reading, ...readings.slice(0, 2)]) {
    if (!r) continue;
    const items = listAround(r.doc.text, r.hit.passage.start) ?? (isLeadIn(r.body.text, r.doc.text, r.hit.passage.end) ? blockAfter(r.doc.text, r.hit.passage.end)?.items : undefined);
    if (items && items.length >= 2) return { items: items.slice(0, MAX_WRITTEN_ITEMS) };
  }
  return undefined;
}

/** What a list question lists: its type noun ("what are the modes" → mode), or the noun after "what"/"which" ("what values can …" → value). */
function listedNoun(q: Question): string | undefined {
  if (q.typeNoun) return q.typeNoun;
  const after = /^\s*(?:what|which)\s+(\p{L}+)/iu.exec(q.text)?.[1]?.toLowerCase();
  return after ? q.terms.find((t) => t.surface === after || t.term === after || after.startsWith(t.term))?.term : undefined;
}

/**
 * List items as one answer of at most `max` characters. Items too long to fit together are cut
 * to their lead ("`echo -n`, if implemented as a shell built-in, must not …" → "`echo -n`"): a
 * definition list's items open with the thing defined, and every item named beats the first
 * few quoted whole.
 */
export function itemsAnswer(items: string[], max: number): string {
  const whole = items.join("; ");
  if (whole.length <= max) return whole;
  const share = Math.floor(max / items.length) - 2;
  return items.map((item) => cut(leadOf(item), share)).join("; ");
}

/** An item's text before its first clause break (",", ":", " - ", "("), when that leaves words. */
function leadOf(item: string): string {
  const m = /^(.+?)(?:[,:;(]|\s[-–—]\s)/.exec(item);
  return m && /[\p{L}\p{N}]/u.test(m[1] as string) ? (m[1] as string).trim() : item;
}

/** The members of a series written out in the answer sentence ("such as A, B and C"). */
export function seriesIn(q: Question, sentence: PickedSentence, onlyAfterQuestionWords = false): string[] | undefined {
  const within = (span: { start: number; end: number }) => sentence.reading.body.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  let found = enumerationIn(within(sentence), sentence.reading.doc.text, q.lemmas);
  // A list question's sentence often names the set and the next one lists it ("… considered whitespace. This includes space, tab, …").
  if (!found && !onlyAfterQuestionWords && sentence.next) found = enumerationIn(within(sentence.next), sentence.reading.doc.text, q.lemmas);
  return found && (found.afterQuestionWords || !onlyAfterQuestionWords) ? found.members.slice(0, MAX_WRITTEN_ITEMS) : undefined;
}

/**
 * For "how many X are there": the items of a list a sentence among the best LEAD_IN_SENTENCES
 * leads in to, when the lead-in names X ("The following *priority levels* are recognized …" for "how
 * many priority levels are there"). The documents count them by listing them.
 */
export function countedList(q: Question, ranked: PickedSentence[]): { items: string[]; sentence: PickedSentence } | undefined {
  const counted = /\bhow many\s+(?:\p{L}+\s+)?(\p{L}+)/iu.exec(q.text);
  if (!counted) return undefined;
  const noun = wordStarting((counted[1] ?? "").replace(/e?s$/, ""));
  return introducedList(ranked, (sentence) => noun.test(sentence.text));
}

/** The first list of two items or more that one of the best LEAD_IN_SENTENCES `takes` leads in to, with its lead-in. */
function introducedList(ranked: PickedSentence[], takes: (sentence: PickedSentence, at: number) => boolean): { items: string[]; sentence: PickedSentence } | undefined {
  for (const [at, sentence] of ranked.slice(0, LEAD_IN_SENTENCES).entries()) {
    if (!takes(sentence, at)) continue;
    const items = introducedBlock(sentence.text, sentence.reading.doc.text, sentence.end)?.items;
    if (items && items.length >= 2) return { items: items.slice(0, MAX_WRITTEN_ITEMS), sentence };
  }
  return undefined;
}

/** A word that starts with `stem`, in any case ("mode" finds "<mode>" and "Modes"). */
function wordStarting(stem: string): RegExp {
  return new RegExp(`\\b${escapeRegExp(stem)}`, "i");
}
