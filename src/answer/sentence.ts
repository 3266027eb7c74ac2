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
import sentenceModel from "./sentence-model.json" with { type: "json" };
import { introducedBlock, POINTER_ONLY } from "./structure.js";

/** Readings whose sentences compete to be a sentence answer. */
const SENTENCE_POOL = 5;
/** A sentence used as the answer is cut to this many characters (the eval's short answer is 250). */
export const MAX_SENTENCE_ANSWER = 220;
/** A list answer is cut to this many characters (the eval's list answers are held to 400), a sentence that lists too. */
export const MAX_LIST_ANSWER = 380;
/** What a sentence that answers a kind of question says: a why-question's answer gives a reason, a when-question's a time. */
export const KIND_EVIDENCE: Partial<Record<Question["kind"], RegExp>> = {
  reason: /\b(because|since|so that|in order to|due to|owing to|the reason|so as to|otherwise|therefore|thus|hence|to (avoid|prevent|ensure|allow|make)|all (it|this) does|this means|that way|advantage|caused by|results? in|as (it|they|this|there|its|the \w+ (is|are|was|were)))\b/i,
  date: /\b(when|after|before|once|during|until|while|since|at the time|at the (?:end|start|beginning|close) of|\d{4}|january|february|march|april|may|june|july|august|september|october|november|december)\b/i,
  condition: /\b(if|when|whenever|unless|once|until|after|before|in case|as soon as|only)\b/i,
  number: /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|hundred|thousand|million|half|twice|once)\b/i,
};
const WHY = /\b(why|reason|rationale)\b/i;
/**
 * "How do I …?", "how to …", "how can you …", "(explain) how i …", wherever the question says it ("i installed python,
 * how do i get rid of it"): it asks for a way to do something (not "how many", nor "how does X
 * work" or "how are comments introduced", which ask how a thing is).
 */
export const ASKS_WAY = /\bhow\s+(?:to\b|(?:(?:do|can|could|should|would|might)\s+)?(?:i|you|we|one)\b)/i;
/** A sentence that tells a way to do something: an instruction ("Use the Add/Remove Programs icon", "Run git bisect reset"), or one that says what you can do and by what means. */
const WAY = /^(?:(?:on|in|for|with|to|from|after|before|if|when|once|instead)\b[^,]{0,60},\s*)?(?:use|run|type|call|set|add|pass|give|specify|install|remove|delete|edit|create|open|click|select|issue|enter|put|write|make|try|start|stop|change|invoke|import|apply|check|see how)\b|\byou (?:can|could|should|need to|must|may|have to|will need to)\b|\bby (?:using|running|setting|adding|passing|giving|calling|specifying|deleting|removing|editing|placing|typing|writing|issuing)\b|\bto do (?:this|so|that)\b/i;

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
  /** It reads as code (the ranker's `code` feature), or is in a code block: no prose series is read from it. */
  code: boolean;
}

/** A sentence of the best passages that competes to be the answer, with what its score reads. */
export interface SentenceCandidate {
  r: Reading;
  /** Token range in the reading. */
  first: number;
  last: number;
  /** Question terms it holds (a name's surname standing for the whole name, or a word of the same stem). */
  terms: Set<string>;
  /** Question terms of its passage's heading (and term line). */
  headingTerms: Set<string>;
  /** Its text as the document has it. */
  text: string;
  features: Record<SentenceFeature, number>;
}

/** A fitted ranker of answer sentences: a bias and a weight per feature. */
export interface SentenceModel {
  bias: number;
  weights: Record<SentenceFeature, number>;
}

/**
 * What the ranker of answer sentences reads, each about 0-1 (the weights are fitted on the eval
 * suite's tune split by eval/fit-sentences.ts, see sentence-model.json):
 * - rank: the passage's rank; top: 1 for the best passage's sentences;
 * - idf: the IDF-weighted share of the question's words the sentence holds (IDF over the
 *   candidate sentences, so a word every one holds counts little), heading: the same for words
 *   only its heading holds;
 * - share: the plain share of the question's words;
 * - evidence: it says what the question's kind asks for (a reason, a time, a number);
 * - opens: it opens its passage; long: its length (up to 50 words);
 * - code: it reads as code (a prompt, a fence, few letters);
 * - novel: the share of its words that are not the question's (a restatement has few);
 * - typed: it holds something of the kind asked for that the question does not (a number, a
 *   code span, a name; for a thing, a name written as code: see KIND_SHAPE);
 * - dense: the most question words within DENSE_WINDOW tokens, over the question's words.
 */
export const SENTENCE_FEATURES = ["rank", "top", "idf", "heading", "share", "evidence", "opens", "long", "code", "novel", "typed", "dense"] as const;
export type SentenceFeature = (typeof SENTENCE_FEATURES)[number];

/** The ranker fitted on tune. */
const MODEL = sentenceModel as SentenceModel;

/** The ranker's score of a candidate (higher is better). */
export function sentenceScore(features: Record<SentenceFeature, number>, model: SentenceModel = MODEL): number {
  let z = model.bias;
  for (const f of SENTENCE_FEATURES) z += (model.weights[f] ?? 0) * features[f];
  return z;
}

/** The candidate sentences of the best passages, fragments left out, each with its features. */
export function sentenceCandidates(q: Question, readings: Reading[]): SentenceCandidate[] {
  type Gathered = Omit<SentenceCandidate, "features" | "text"> & { index: number; opens: boolean; asked: Array<string | null> };
  const sentences: Gathered[] = [];
  // "Allin-Khan" in a sentence stands for the whole "Rosena Allin-Khan" of the question.
  const nameTerms = new Map<string, string[]>();
  for (const t of q.terms) {
    if (!t.name) continue;
    const all = q.terms.filter((o) => o.name === t.name).map((o) => o.term);
    for (const part of surnameParts(t.name)) nameTerms.set(part, all);
  }
  const byStem = new Map<string, string>();
  for (const t of q.terms) byStem.set(stemOf(t.term), t.term);
  readings.slice(0, SENTENCE_POOL).forEach((r, index) => {
    const bySentence = new Map<number, Gathered>();
    // The heading's question words belong to every sentence under it ("LART" over "Luser Attitude Readjustment Tool.").
    const headingTerms = new Set<string>();
    for (const term of [...r.heading.terms, ...r.lead]) if (term && q.lemmas.has(term)) headingTerms.add(term);
    // Each token's question word, by lemma or by stem (the question's term of that stem), once.
    const asked = r.body.terms.map((term) => {
      if (!term) return null;
      const viaStem = byStem.get(stemOf(term));
      return q.lemmas.has(term) ? (viaStem ?? term) : (viaStem ?? null);
    });
    r.body.tokens.forEach((t, i) => {
      if (t.type === "tabCRLF" || !t.text.trim()) return;
      let s = bySentence.get(t.sentence);
      if (!s) bySentence.set(t.sentence, (s = { r, first: i, last: i, terms: new Set(), headingTerms, index, opens: bySentence.size === 0, asked }));
      s.last = i;
      const term = r.body.terms[i];
      if (!term) return;
      if (q.lemmas.has(term)) for (const same of nameTerms.get(term) ?? [term]) s.terms.add(same);
      else if (asked[i]) s.terms.add(asked[i] as string);
    });
    sentences.push(...bySentence.values());
  });
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string): number => Math.log((sentences.length + 1) / ((df.get(t) ?? 0) + 0.5));
  const weighted = (t: string): number => (q.terms.find((o) => o.term === t)?.weight ?? 0.5) * idf(t);
  const possible = q.terms.reduce((sum, t) => sum + t.weight * idf(t.term), 0) || 1;
  // A how-question is a "reason" too, but its answer is a way, not a cause.
  const evidence = q.kind !== "reason" || WHY.test(q.text) ? KIND_EVIDENCE[q.kind] : ASKS_WAY.test(q.text) ? WAY : undefined;
  const why = q.kind === "reason" && WHY.test(q.text);
  const out: SentenceCandidate[] = [];
  const headings = new Set(readings.slice(0, SENTENCE_POOL).map((r) => foldTitle(r.hit.passage.heading ?? "")));
  for (const s of sentences) {
    const words = wordsIn(s.r, s.first, s.last);
    // A fragment ("n.", "Warning") says nothing on its own.
    if (words < MIN_SENTENCE_WORDS) continue;
    const { tokens } = s.r.body;
    const text = s.r.doc.text.slice((tokens[s.first] as Token).start, (tokens[s.last] as Token).end);
    // Nor does a sentence that only sends the reader elsewhere ("See {smoke test}, {let the smoke out}.").
    if (POINTER_ONLY.test(text)) continue;
    // Nor does a headword's pronunciation and part of speech alone ("/hi:'zen·buhg/, n."), nor
    // metadata in a comment ("<!-- YAML added: v1.2.0 -->", read for releases, not as prose).
    if (PRONUNCIATION_ONLY.test(text) || insideComment(s.r.doc.text, (tokens[s.first] as Token).start)) continue;
    // Nor one that sends the reader to an entry among the readings ("See [How can I create a
    // stand-alone binary …?](…) for a list of tools"): that entry's own sentences say it.
    const sentTo = SEE_LINK.exec(text)?.[1];
    if (sentTo && headings.has(foldTitle(sentTo))) continue;
    // A why-question is not answered by the document's title ("Ivan Lewis quits Labour Party as …"
    // on the article's first line, which a line without a full stop after it may run into): a
    // title names what happened, not why.
    if (why && s.r.doc.title.length > 0 && folded(text).startsWith(folded(s.r.doc.title))) continue;
    let held = 0;
    for (const t of s.terms) held += weighted(t);
    let fromHeading = 0;
    for (const t of s.headingTerms) if (!s.terms.has(t)) fromHeading += weighted(t);
    let content = 0, novel = 0;
    for (let i = s.first; i <= s.last; i++) {
      if (!s.r.body.terms[i]) continue;
      content++;
      if (!s.asked[i]) novel++;
    }
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    // Question words close together: the most distinct ones within any window of DENSE_WINDOW tokens.
    let dense = 0;
    for (let i = s.first; i <= s.last; i++) {
      const near = new Set<string>();
      for (let j = i; j <= Math.min(s.last, i + DENSE_WINDOW); j++) if (s.asked[j]) near.add(s.asked[j] as string);
      dense = Math.max(dense, near.size);
    }
    out.push({
      r: s.r,
      first: s.first,
      last: s.last,
      terms: s.terms,
      headingTerms: s.headingTerms,
      text,
      features: {
        rank: s.r.rank,
        top: s.index === 0 ? 1 : 0,
        idf: Math.min(1, held / possible),
        heading: Math.min(1, fromHeading / possible),
        share: s.terms.size / (q.terms.length || 1),
        evidence: evidence?.test(text) ? 1 : 0,
        opens: s.opens ? 1 : 0,
        long: Math.min(1, words / 50),
        code: /^\s*(>>>|\$ |```|~~~)|```/.test(text) || letters < 0.5 * text.replace(/\s/g, "").length ? 1 : 0,
        novel: content ? novel / content : 0,
        typed: holdsKind(q, text) ? 1 : 0,
        dense: dense / (q.terms.length || 1),
      },
    });
  }
  return out;
}

/** Characters before a sentence searched for the comment it may be in: a comment's metadata is short. */
const COMMENT_REACH = 2000;

/** Whether offset `at` of `text` lies inside an HTML comment ("<!-- YAML … -->") that opens at most COMMENT_REACH before it. */
function insideComment(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - COMMENT_REACH), at);
  const open = before.lastIndexOf("<!--");
  return open >= 0 && before.lastIndexOf("-->") < open;
}

/** A dictionary's pronunciation line: slashed sounds, then parts of speech ("/R·T·F·M/, imp.", "/a´bend/, /@·bend´/, n.", "/ak/, interj."). */
const PRONUNCIATION_ONLY = /^\s*(?:\/[^/\n]*\/\s*,?\s*)+[a-z]{1,6}\.(?:\s*,\s*[a-z]{1,6}\.?)*\s*$|^\s*(?:\/[^/\n]*[·'´`@:][^/\n]*\/\s*,?\s*)+$/;

/** A sentence opening by sending the reader to a linked section: "See [Title](target) for …". */
const SEE_LINK = /^\s*(?:see|refer to)(?:\s+also)?\s+\[([^\]]{3,})\]\(/i;

/** A heading or a link's text as compared: lower case, letters and digits only. */
function foldTitle(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** Tokens a window of question words may span (see the `dense` feature). */
const DENSE_WINDOW = 12;

/** What a typed answer looks like in text, by the kind asked for. */
const KIND_SHAPE: Partial<Record<Question["kind"], RegExp>> = {
  number: /\d[\d,.]*/g,
  date: /\b\d{4}\b|\b\d{1,2} \p{Lu}\p{Ll}+\b|\b\p{Lu}\p{Ll}+ \d{1,2}\b/gu,
  code: /`[^`\n]+`/g,
  person: /\b\p{Lu}\p{Ll}+(?: \p{Lu}\.?)*(?: \p{Lu}\p{Ll}+)+\b/gu,
  organisation: /\b\p{Lu}[\p{L}&]+(?: \p{Lu}[\p{L}&]+)*\b/gu,
  place: /\b\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*\b/gu,
  // A thing in technical documents is most often a name written as code without code marks: a
  // constant ("SQLITE_ABORT"), a code of capitals and digits ("EAR99", "5D002"; not an amount,
  // "64MB"), a snake_case name. (Code spans and calls() were tried too, on tune: 309 and 313 right
  // against 312 without the shape; this one 314, traps answered 35 → 34.)
  thing: /\b[A-Z][A-Z\d]*(?:_[A-Z\d]+)+\b|\b(?!\d+(?:[KMGT]i?B|[KMG])\b)(?=[A-Z\d]*\d)(?=[A-Z\d]*[A-Z])[A-Z\d]{3,}\b|\b[a-z]+_[a-z_\d]+\b/g,
};

/** Whether `text` holds something shaped as the kind asked for that the question itself does not say. */
function holdsKind(q: Question, text: string): boolean {
  const shape = KIND_SHAPE[q.kind];
  if (!shape) return false;
  const asked = q.text.toLowerCase();
  for (const m of text.matchAll(shape)) if (!asked.includes(m[0].replace(/`/g, "").toLowerCase())) return true;
  return false;
}

/**
 * The sentence, among the best passages, the fitted ranker scores highest: most often the one
 * that holds most of the question's distinctive words in a passage that answers the whole
 * question. Words every candidate sentence shares (the name the question is about) do not tell
 * sentences apart; a rarer word ("still … work") does.
 */
export function bestSentence(q: Question, readings: Reading[]): PickedSentence | undefined {
  return rankedSentences(q, readings, 1)[0];
}

/** The `n` sentences the fitted ranker scores highest, best first (see bestSentence). */
export function rankedSentences(q: Question, readings: Reading[], n: number): PickedSentence[] {
  const scored = sentenceCandidates(q, readings).map((s) => ({ s, score: sentenceScore(s.features) }));
  // Stable: of equal scores, the first found (the better passage) stays first.
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, n).map(({ s }) => picked(s));
}

/** The sentences of one reading that can be answers (fragments and pointers left out), in the document's order. */
export function sentencesOf(q: Question, reading: Reading): PickedSentence[] {
  return sentenceCandidates(q, [reading]).map(picked);
}

function picked(best: SentenceCandidate): PickedSentence {
  const { r } = best;
  const folded = (span: { start: number; end: number }): string => r.doc.text.slice(span.start, span.end).replace(/\s+/g, " ").trim();
  const index = (r.body.tokens[best.first] as Token).sentence;
  const { start, end } = wholeSentence(r, index);
  const after = wholeSentence(r, index + 1);
  const next = after.start >= 0 ? { ...after, text: folded(after) } : undefined;
  return { reading: r, start, end, text: folded({ start, end }), matched: best.terms.size, terms: [...best.terms, ...best.headingTerms], code: best.features.code > 0 || /^\s*(```|~~~)/.test(r.body.text), ...(next ? { next } : {}) };
}

/** `text` without the list item's marker it opens with: layout, not part of what it says ("* Returns: {boolean} …"). */
export function withoutListMarker(text: string): string {
  return text.replace(/^(?:[-*+]|\d{1,3}[.)])\s+(?=\S)/, "");
}

/** Text compared as words: lower case, spaces folded, closing punctuation dropped. */
function folded(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").replace(/[.!?]+$/, "").trim();
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

/** A sentence that goes on about what the one before it was about ("It …", "This …", "Its …"). */
const CONTINUES = /^\s*(it|its|this|these|they|their|he|she|his|her|such)\b/i;

/** The stems of the question's words that `text` holds. */
export function stemsIn(text: string, q: Question): Set<string> {
  const stems = new Set(q.terms.map((t) => stemOf(t.term)));
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).map(stemOf).filter((w) => stems.has(w)));
}

/** The item holding most of the question's words by stem (the first of equals), if any holds one. */
function bestItem(q: Question, items: string[]): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const item of items) {
    const held = stemsIn(item, q).size;
    if (held > most) [best, most] = [item, held];
  }
  return best;
}

/** A sentence that turns against the one before it. */
const CONTRAST = /^\s*(but|however|nevertheless|nonetheless|yet|that said|in practice)\b/i;

/**
 * A heading that asks why something is not so: "Why isn't there …?", "Why doesn't Python have …?",
 * "Why can't …?" (not why it only seems not to be: "Why does the result of id() appear to be not unique?").
 */
const WHY_NOT = /^\s*why\b(?![^?]*\b(?:appear|appears|seem|seems|look|looks)\b)[^?]*\b(?:not|no|never|cannot|isn't|aren't|doesn't|don't|can't|won't|wasn't|weren't|didn't|isn’t|aren’t|doesn’t|don’t|can’t|won’t)\b[^?]*\?\s*$/i;

/** The first sentence under the Markdown heading a passage starting at `at` sits under (or of the passage, with none). */
function openingUnderHeading(doc: string, at: number): string {
  const entryStart = doc.lastIndexOf("\n#", at);
  const afterHeading = entryStart < 0 ? at : doc.indexOf("\n", entryStart + 1) + 1;
  return /^[\s\S]*?[.!?](?=\s|$)/.exec(doc.slice(afterHeading, afterHeading + 400).trim())?.[0] ?? "";
}

/** A sentence that ends by saying it is so, with nothing after the verb: "…, you can!", "Now it does." */
const BARE_YES = /\b(?:you|we|it|one|they|he|she)\s+(?:can|do|does|is|are|will|may)\s*[!.]\s*$/i;

/** Negations that make a yes/no question's deciding sentence a "no". */
const NEGATION = /\b(not|no|never|cannot|can't|don't|doesn't|isn't|aren't|won't|mustn't|shouldn't|neither|nor|nothing|none|nobody|nowhere)\b|n't\b/i;

/**
 * The sentence as a short answer: a yes/no question's begins with "Yes." or "No." (by whether the
 * sentence negates), a lead-in brings the start of the block it introduces, and the whole is cut
 * to MAX_SENTENCE_ANSWER characters at a word.
 */
export function sentenceAnswer(q: Question, picked: PickedSentence): string {
  let text = withoutListMarker(readable(picked.text));
  // "json.load(*fp*, *\**, *cls=None*, …)  " over "Deserialize *fp* …": the call is named, its
  // parameters left to the quote, so the description fits.
  const raw = picked.reading.doc.text.slice(picked.start, picked.end);
  const signature = SIGNATURE_LINE.exec(raw);
  const described = signature ? readable(raw.slice(signature[0].length)) : "";
  if (signature && described.split(" ").length >= 3) text = `\`${signature[1]}()\`: ${described}`;
  const block = introducedBlock(picked.text, picked.reading.doc.text, picked.end);
  // One item of a list is wanted: the one that holds most of the question's words.
  const item = block?.items && q.plurality !== "many" ? bestItem(q, block.items) : undefined;
  if (item) text = readable(item);
  else if (block) {
    // A long lead-in gives up its start, not the block it leads in to: "…you could add this
    // option: sslproto ''" (the block is what was asked; the lead-in's end says what it is).
    const shown = readable(block.text);
    // (Room kept for the "Yes. " or "No. " a yes/no answer opens with.)
    const room = limitOf(q) - shown.length - 1 - (q.kind === "yesno" ? "Yes. ".length : 0);
    text = text.length > room && shown.length <= limitOf(q) / 2 ? `${cutStart(text, room)} ${shown}` : `${text} ${shown}`;
  }
  // "Why …?" over a sentence that gives no reason (only says what is asked about): the reason is
  // most often the next sentence, marked ("because …") or not ("The pump cannot keep up.").
  const reason = KIND_EVIDENCE.reason as RegExp;
  if (q.kind === "reason" && WHY.test(q.text) && !block && !reason.test(picked.text) && picked.next) text = `${text} ${readable(picked.next.text)}`;
  // "Python uses the Mersenne Twister. It … has a period of 2**19937-1.": the next sentence goes
  // on about the same thing and holds a question word this one lacks, so the answer is both. So
  // too, but for a way or a reason (one sentence tells it), when the two fit in a short answer
  // whatever the next opens with: "SQLite does not have a separate Boolean storage class.
  // Instead, Boolean values are stored as integers 0 (false) and 1 (true)." for "sqlite boolean
  // true false values". (Tune +2 right, test +3; no answer lost.)
  else if (q.kind !== "yesno" && !block && picked.next && (CONTINUES.test(picked.next.text) || (q.kind !== "reason" && text.length + picked.next.text.length < MAX_SENTENCE_ANSWER)) && stemsIn(picked.next.text, q).size > 0) {
    const here = stemsIn(picked.text, q);
    if ([...stemsIn(picked.next.text, q)].some((s) => !here.has(s))) text = `${text} ${readable(picked.next.text)}`;
  }
  if (q.kind === "yesno") {
    // A FAQ often answers in one word first ("No. The club closes…"): that word decides; else a negation does.
    const doc = picked.reading.doc.text;
    const before = doc.slice(picked.reading.hit.passage.start, picked.start);
    const said = /^\s*(yes|no)\b/i.exec(before.trim() ? before : picked.text)?.[1];
    // A FAQ's heading that asks why something is not ("Why isn't there a switch statement?")
    // answers a question whether it is: no, whatever its sentences go on to suggest instead.
    const heading = picked.reading.hit.passage.heading ?? "";
    // (Unless the entry opens by answering that it now is: "Starting in Python 3.8, you can!")
    const deniedByHeading = !said && WHY_NOT.test(heading) && !BARE_YES.test(openingUnderHeading(doc, picked.reading.hit.passage.start));
    let yes = said ? said.toLowerCase() === "yes" : !deniedByHeading && !NEGATION.test(picked.text);
    // "In some systems DISTINCT orders the rows. But current PostgreSQL does not guarantee it.": the turn decides.
    const turn = !said && !deniedByHeading && picked.next && CONTRAST.test(picked.next.text) && NEGATION.test(picked.next.text) === yes;
    if (turn && picked.next) {
      yes = !yes;
      text = `${text} ${readable(picked.next.text)}`;
    }
    if (!/^\s*(yes|no)\b/i.test(text)) text = `${yes ? "Yes" : "No"}. ${text}`;
  }
  return cut(text, limitOf(q));
}

/** A call signature as a reference's term line, over its description: "json.load(*fp*, *\**, …)  ". */
const SIGNATURE_LINE = /^([A-Za-z_][\w.]*)\([^\n]*\)(?: {2,}|\\)\n/;

/**
 * A replacer for the fences of a text: an opening fence goes with its info string ("``` literal-block",
 * "```python"), a closing one alone (the word after it is the text's).
 */
function fenceOut(): (fence: string, mark: string, info?: string) => string {
  let open = false;
  return (_fence, _mark, info) => {
    open = !open;
    return open || !info ? " " : ` ${info.trim()}`;
  };
}

/**
 * Markdown as a reader sees it: link targets dropped ("[the FAQ](faq.html)" → "the FAQ", also a
 * target cut in two by a sentence start), backslash escapes undone, code fences dropped (their
 * code kept), an example's callout marks dropped, spaces folded. The short
 * answer is a summary, not a quote: the quotes below it stay verbatim.
 */
export function readable(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "$1")
    .replace(/^[^\s[(]*\)\s*/, "")
    // A sentence split inside a link's title ("… constraints)."), JSON is …") starts at the comma.
    .replace(/^[\s,;:]+/, "")
    .replace(/\]\([^)\s]*\)/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, "$1")
    .replace(/(```|~~~)([ \t]*[\w+-]+)?/g, fenceOut())
    // An example's callout marks ("$ git reset --soft HEAD^ <1>") point to notes the answer does not carry.
    .replace(/[ \t]+<\d{1,2}>(?=\s|$)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The most characters a sentence answer to `q` runs to. A sentence that answers for several
 * things may run longer to name them all: "There are three parts to TLS certificate
 * verification: checking that …; …; …". (Tune +1 right, test unchanged.)
 */
function limitOf(q: Question): number {
  return q.plurality === "many" ? MAX_LIST_ANSWER : MAX_SENTENCE_ANSWER;
}

/** `text` cut at a word to its last `max` characters at most, with "…" where it was cut. */
function cutStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const at = text.indexOf(" ", text.length - max + 1);
  return `…${at !== -1 && at < text.length - max / 2 ? text.slice(at + 1) : text.slice(text.length - max + 1)}`;
}

/** `text` cut at a word to at most `max` characters, with "…" where it was cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const at = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, at > max / 2 ? at : max - 1)}…`;
}
