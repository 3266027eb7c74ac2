/**
 * "What is X?" over an entry headed X: a glossary's headword ("heisenbug"), a FAQ's question
 * ("What is Python?"), a manual's glossary term ("shallow repository"). Such an entry says what
 * X is in its first sentence of prose; the sentences after it give origins, examples and
 * asides, and often hold more of the question's words.
 */
import type { SearchIndex } from "../search/build.js";
import type { Question } from "./question.js";
import type { Reading } from "./rerank.js";
import { escapeRegExp } from "../nlp/regexp.js";
import { stemOf } from "../nlp/stem.js";
import { cut, MAX_SENTENCE_ANSWER, rankedSentences, readable, sentencesOf, stemsIn, type PickedSentence } from "./sentence.js";

/** The words that open a definition question, before the thing it asks about. */
const OPENER = /^\s*(?:what(?:['’]s|\s+is|\s+are|\s+was|\s+were)|who(?:['’]s|\s+is|\s+was)|define|meaning\s+of|definition\s+of)\s+(?:(?:an?|the)\s+)?/i;
/** "What does X mean?", "X meaning", "X definition": X is all of it. */
const WHOLE = /^\s*what\s+does\s+(?:the\s+(?:term|word|phrase)\s+)?(.+?)\s+mean\s*\??\s*$|^\s*(.+?)\s+(?:meaning|definition)\s*\??\s*$/i;

/**
 * What opens an entry's text without saying what the thing is: a pronunciation ("/hi:'zen·buhg/"),
 * a part of speech ("n.", "vt.", "adj."), an origin or usage note in brackets ("[from … physics]",
 * "[Microsoft, Netscape]"), numbering ("1.").
 */
const ENTRY_PREAMBLE = /^(?:\s*(?:\/[^/\n]{1,60}\/|\[[^\]\n]{1,200}\]|(?:n|v|vi|vt|adj|adv|excl|interj|pron|prep|conj|abbrev|pl)\.(?=\s|,|$)|\d{1,2}\.(?=\s)|[,;:])\s*)+/i;

/**
 * Folds a heading or what a question asks about, for comparing: lower case, no code marks, no
 * numbering ("3.6."), no leading article, no closing punctuation, single spaces ("3.6. The
 * index" and "the index?" → "index").
 */
export function foldHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[`*_]/g, "")
    // A FAQ's numbering is not the question's: "1.2 ", "(6) ", "6) ", "Q6: ".
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?\s+|\(\d{1,3}\)\s*|\d{1,3}\)\s+|q\d{0,3}[.:)]\s*)?(?:(?:the|an?)\s+)?/, "")
    .replace(/[?.!:]+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** What a definition question asks about, folded: the rest after its opener, or the X of "what does X mean". */
function asked(q: Question): string | undefined {
  if (q.kind !== "definition") return undefined;
  const whole = WHOLE.exec(q.text);
  if (whole) return foldHeading(whole[1] ?? whole[2] ?? "");
  const opener = OPENER.exec(q.text);
  return opener ? foldHeading(q.text.slice(opener[0].length)) : undefined;
}

/**
 * What may follow an entry's name in a definition question and leave it the thing asked about:
 * what kind of thing it is ("the Essential field", "the json module"), or the words of the
 * question around it ("supposed to be", "in Microsoft slang"). Another word makes another thing
 * ("code smell" is not the entry "code").
 */
const AFTER_NAME = /^(?:(?:field|option|flag|switch|command|module|function|method|class|variable|setting|parameter|package|keyword|directive|term|word|phrase|concept|error|exception|file|tool|program|library|type|value|mode)s?\b|(?:supposed|used|meant|in|on|for|of|at|by|with|from|to|as|about|when|exactly|really|anyway)\b)/;

/**
 * The name a reference's entry heading gives, past the kind it says the entry is and the
 * namespace before it: "class: teapot.pot" → "pot" (folded headings). Other headings as they are.
 */
function entryHeading(heading: string): string {
  const m = /^(?:class|interface|module|event):\s+(?:[\w$]+\.)*([\w$']+)$/.exec(heading);
  return m ? (m[1] as string).replace(/'/g, "") : heading;
}

/**
 * The reading under the longest heading that names what a definition question asks about: the
 * heading is the subject ("heisenbug"), opens it ("magic smoke" for "magic smoke supposed to
 * be", "Essential" for "the Essential field"), or is the question itself (a FAQ's).
 */
export function headedEntry(q: Question, readings: Reading[]): Reading | undefined {
  const subject = asked(q);
  if (!subject) return undefined;
  const whole = foldHeading(q.text);
  let best: Reading | undefined;
  let bestLength = 0;
  let bestExact = false;
  for (const r of readings) {
    const raw = r.hit.passage.heading ?? "";
    const heading = entryHeading(foldHeading(raw));
    if (heading.length < 2 || heading.length < bestLength) continue;
    // Of two headings that name it alike, one that is the term itself ("index", a glossary's
    // entry) before one that only folds to it ("The index", a chapter of a manual).
    const exact = raw.trim().toLowerCase().replace(/[`*_]/g, "") === subject;
    if (heading.length === bestLength && (bestExact || !exact)) continue;
    if (heading === whole || subject === heading || (subject.startsWith(`${heading} `) && AFTER_NAME.test(subject.slice(heading.length + 1)))) [best, bestLength, bestExact] = [r, heading.length, exact];
  }
  return best;
}

/**
 * For a question a FAQ asks in so many words ("How do I find the current module name?" under the
 * heading "How do I find the current module name?"): the first sentence of prose of its answer.
 * Only the readings are looked at.
 */
export function askedEntry(q: Question, readings: Reading[]): { answer: string; sentence: PickedSentence } | undefined {
  const best = readings.find((r) => headingAsks(q, r.hit.passage.heading ?? "", r.doc.title));
  return best ? firstProse(q, readings, best) : undefined;
}

/**
 * Whether a FAQ's heading asks the question in so many words (of three words or more). A
 * heading may ask more after its question ("How do I delete a file? (And other file
 * questions…)"), or ask it but for the FAQ's own subject, which its title names ("Who can join?"
 * in "The Kettle Club FAQ" for "who can join the club").
 */
export function headingAsks(q: Question, heading: string, title: string): boolean {
  const whole = foldHeading(q.text);
  if (whole.split(" ").length < 3 || !heading) return false;
  const folded = [foldHeading(heading), foldHeading(heading.split("?")[0] ?? "")];
  if (folded.includes(whole)) return true;
  const own = new Set(foldHeading(title).split(" "));
  return folded.some((h) => h.split(" ").length >= 3 && whole.startsWith(`${h} `) && whole.slice(h.length + 1).split(" ").every((w) => own.has(w) || /^(?:the|a|an|this|of|in|for|to|on)$/.test(w)));
}

/** The first sentence of prose of the entry `best` belongs to (its passages among the readings, in the document's order). */
function firstProse(q: Question, readings: Reading[], best: Reading): { answer: string; sentence: PickedSentence } | undefined {
  const { doc } = best;
  const heading = best.hit.passage.heading;
  const entry = readings.filter((r) => r.doc === doc && r.hit.passage.heading === heading).sort((a, b) => a.hit.passage.start - b.hit.passage.start);
  const prose: Array<{ answer: string; sentence: PickedSentence }> = [];
  for (const r of entry) {
    for (const sentence of sentencesOf(q, r)) {
      if (sentence.code) continue;
      const text = readable(sentence.text).replace(ENTRY_PREAMBLE, "").trim();
      if (text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length >= 3) prose.push({ answer: cut(text, MAX_SENTENCE_ANSWER), sentence });
      if (prose.length >= DECIDING_REACH) break;
    }
    if (prose.length >= DECIDING_REACH) break;
  }
  const first = prose[0];
  // A yes/no entry that opens with an aside ("Threads are evil. Avoid them. SQLite is
  // threadsafe."): the deciding sentence is the first to say the asked thing in its words, unless
  // the entry answers yes or no at once.
  if (!first || q.kind !== "yesno" || /^\s*(?:yes|no)\b/i.test(first.answer)) return first;
  const asked = new Set(q.terms.map((t) => stemOf(t.term))).size;
  return prose.find((p) => stemsIn(p.answer, q).size === asked) ?? first;
}

/** Sentences of prose read into a FAQ entry for the one that decides a yes/no question (see firstProse). */
const DECIDING_REACH = 4;

/**
 * The first sentence of prose of the entry a definition question names: among the readings, the
 * entry whose heading is what the question asks about, or the longest heading the question's
 * subject opens with ("magic smoke" for "what's the magic smoke supposed to be"); a FAQ's
 * heading may be the question itself. Undefined when no reading is headed so. Only the entry's
 * passages among the readings are read: an entry's first passage that retrieval left out is
 * not looked for.
 */
export function definedEntry(q: Question, readings: Reading[]): { answer: string; sentence: PickedSentence } | undefined {
  const subject = asked(q);
  if (!subject) return undefined;
  const best = headedEntry(q, readings);
  return best ? firstProse(q, readings, best) : definingSentence(q, subject, readings);
}

/** Sentences of the best readings searched for one that defines the subject (see definingSentence). */
const DEFINING_POOL = 40;

/**
 * With no entry headed by it, the sentence that says what the subject is in so many words: "A
 * *virtual package* is one which …", "Virtual packages are …", "The index means …". The
 * subject opens it (after an article, emphasis aside, in the singular or the plural) and a
 * verb of being or meaning follows.
 */
function definingSentence(q: Question, subject: string, readings: Reading[]): { answer: string; sentence: PickedSentence } | undefined {
  if (subject.split(" ").length > 5) return undefined;
  // "maintainer scripts" opens "A maintainer script is …" too.
  const name = escapeRegExp(subject.replace(/(?<=\w\w)s$/, ""));
  const opens = new RegExp(`^(?:(?:an?|the)\\s+)?${name}(?:e?s)?\\s+(?:is|are|means|refers\\s+to|denotes|stands\\s+for)\\b`, "i");
  const sentence = rankedSentences(q, readings, DEFINING_POOL).find((s) => !s.code && opens.test(readable(s.text).replace(/[*_`]/g, "")));
  return sentence ? { answer: cut(readable(sentence.text), MAX_SENTENCE_ANSWER), sentence } : undefined;
}

/** Passages of an entry read for what it is (its first few: a headword's pronunciation and part of speech may fill the first). */
const ENTRY_PASSAGES = 3;
/** Each index's passages by their folded heading (first ENTRY_PASSAGES of each, in document order), built on first use. */
const headed = new WeakMap<SearchIndex, Map<string, number[]>>();

/**
 * The first passages of the entry a definition question asks about: headed by exactly what it
 * asks about ("heisenbug", "Python" for "What is Python?" under "What is Python?"). Empty for
 * other questions and when no heading names it.
 */
export function namedEntry(index: SearchIndex, q: Question): number[] {
  const subject = asked(q);
  if (!subject || subject.length < 2) return [];
  let byHeading = headed.get(index);
  if (!byHeading) {
    byHeading = new Map();
    for (const doc of index.docs.values()) {
      for (const id of doc.passageIds) {
        const heading = index.passage(id)?.heading;
        if (!heading) continue;
        const key = foldHeading(heading);
        const ids = byHeading.get(key);
        if (!ids) byHeading.set(key, [id]);
        else if (ids.length < ENTRY_PASSAGES) ids.push(id);
      }
    }
    headed.set(index, byHeading);
  }
  return byHeading.get(foldHeading(q.text)) ?? byHeading.get(subject) ?? [];
}
