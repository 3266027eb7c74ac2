/**
 * Spelling correction of a question, between question analysis and retrieval. A word no passage
 * holds is taken to mean the word the passages use for it: a form of it ("generatees" →
 * "generate") or, failing that, the nearest in spelling ("enviroment" → "environment") — the
 * alternatives retrieval searches it by (SearchIndex.alternativesOf). A misspelling is mended in
 * the question's text, which is analysed again, so that the word also counts where the question
 * is read for what it asks ("the defualt" asks for a default, "which paramters" for several
 * parameters); other forms replace the word's term. Either way it counts in retrieval, in
 * coverage and in the answer sentence as if it had been written that way. The question is
 * corrected once; every later stage reads the corrected terms.
 */
import type { SearchIndex } from "../search/build.js";
import { escapeRegExp } from "../nlp/regexp.js";
import { isEnglishWord, termsOf } from "../nlp/analyse.js";
import { stemOf } from "../nlp/stem.js";
import { editDistance } from "../search/spelling.js";
import { parseQuestion, type Question, type QuestionTerm } from "./question.js";
import { expandShorthand } from "./shorthand.js";

type Vocabulary = Pick<SearchIndex, "documentFrequency" | "alternativesOf">;

/** A replacement this many edits from the word as written or fewer is a respelling of it, mended in the text. */
const MAX_RESPELLING_EDITS = 2;

/** `q` with the words no passage holds respelt (see the module comment); `q` itself when there are none. */
export function correctQuestion(q: Question, index: Vocabulary): Question {
  const expanded = expandShorthand(q.text, index);
  const written = expanded === q.text ? q : parseQuestion(expanded);
  const respelt = respell(written, index);
  return replaceUnknown(respelt === written.text ? written : parseQuestion(respelt), index);
}

/** The replacement for a term no passage holds, neither as its lemma nor as written, if any. */
function replacementOf(t: QuestionTerm, index: Vocabulary): string | undefined {
  const known = (word: string | undefined): boolean => word !== undefined && index.documentFrequency(word) > 0;
  if (known(t.term) || known(t.surface)) return undefined;
  // An English word is replaced by a form of itself ("originate" → "originally") or by another
  // English word (a typo that spells one: "tacking" → "tracking"), never by a name or code a letter
  // away: "deputy leadership candidates list" does not ask about Lisa.
  const written = (t.surface ?? t.term).toLowerCase();
  const english = /^[a-z]+$/.test(written) && isEnglishWord(written);
  return index.alternativesOf(t).find((alt) => !english || formOf(alt, written) || isEnglishWord(alt));
}

/** Whether `a` and `b` are forms of one word: one holds the other ("condition", "conditional"), or they share a stem or their first FORM_PREFIX letters ("originate", "originally"). */
function formOf(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x.includes(y) || y.includes(x) || stemOf(x) === stemOf(y) || (x.length >= FORM_PREFIX && y.startsWith(x.slice(0, FORM_PREFIX)));
}
/** Letters two forms of a word share at their start, at least. Why 5: "list"/"lisa" share 3, "originate"/"originally" 7. A judgement, not fitted. */
const FORM_PREFIX = 5;

/**
 * The question's text with each unknown word that its replacement respells (within
 * MAX_RESPELLING_EDITS) written as that replacement, in the plural when the word was ("tpyes" →
 * "types"; the index holds lemmas) and capitalised when it was.
 */
function respell(q: Question, index: Vocabulary): string {
  let text = q.text;
  for (const t of q.terms) {
    const written = t.surface ?? t.term;
    const best = replacementOf(t, index) ?? englishRespelling(t, index) ?? splitCompound(t, index);
    // (A compound split in two, "space bar", is one edit from "spacebar".)
    if (!best || editDistance(written, best, MAX_RESPELLING_EDITS) > MAX_RESPELLING_EDITS) continue;
    const word = /[^s]s$/.test(written) && !best.endsWith("s") ? `${best}s` : best;
    const at = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(written)}(?![\\p{L}\\p{N}])`, "giu");
    text = text.replace(at, (found) => (/^\p{Lu}/u.test(found) ? word[0]?.toUpperCase() + word.slice(1) : word));
  }
  return text;
}

/**
 * `q` with each term that no passage holds replaced by its first alternative (a derivation:
 * "originate" → "originally"). A term whose replacement the question already holds is dropped.
 */
function replaceUnknown(q: Question, index: Vocabulary): Question {
  let changed = false;
  const terms: QuestionTerm[] = [];
  const lemmas = new Set(q.lemmas);
  for (const t of q.terms) {
    const best = replacementOf(t, index);
    if (best === undefined) {
      terms.push(t);
      continue;
    }
    changed = true;
    lemmas.add(best);
    if (q.terms.some((o) => o.term === best)) continue;
    // The word as written is no alternative any more: searching it again finds nothing.
    const replaced: QuestionTerm = { ...t, term: best };
    delete replaced.surface;
    terms.push(replaced);
  }
  return changed ? { ...q, terms, lemmas } : q;
}

/** Letters each part of a compound split in two must have at least ("space" + "bar"). */
const MIN_COMPOUND_PART = 3;

/**
 * A compound written closed that the documents write open ("spacebar" for "space bar",
 * "filesystem" for "file system"): the two English words, each the documents hold, it splits
 * into, when no passage holds it as written. Of several splits, the one whose rarer part most
 * passages hold.
 */
function splitCompound(t: QuestionTerm, index: Vocabulary): string | undefined {
  const word = (t.surface ?? t.term).toLowerCase();
  if (!/^[a-z]+$/.test(word) || isEnglishWord(word) || word.length < 2 * MIN_COMPOUND_PART || index.documentFrequency(t.term) > 0 || index.documentFrequency(word) > 0) return undefined;
  let best: { split: string; df: number } | undefined;
  for (let i = MIN_COMPOUND_PART; i <= word.length - MIN_COMPOUND_PART; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (!isEnglishWord(head) || !isEnglishWord(tail)) continue;
    const df = Math.min(...[head, tail].map((part) => index.documentFrequency(termsOf(part)[0] ?? part)));
    if (df > 0 && (!best || df > best.df)) best = { split: `${head} ${tail}`, df };
  }
  return best?.split;
}

/** Letters a respelling may put in or change. */
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/** Shortest misspelling respelt from the English lexicon: shorter words have too many neighbours. */
const MIN_ENGLISH_RESPELLING = 6;

/**
 * The English word one edit (a letter left out, added, changed, or two swapped) from an unknown,
 * non-English word of the question, when the word's term is one the documents hold in some form:
 * "installde" → "installed" (the documents say "install"), "suspennsion" → "suspension" ("suspend").
 * What the documents' own vocabulary cannot correct (it holds neither word) the lexicon can. The
 * candidate whose term most passages hold wins; none when no candidate's term is known.
 */
function englishRespelling(t: QuestionTerm, index: Vocabulary): string | undefined {
  const word = (t.surface ?? t.term).toLowerCase();
  // (The documents' words first: the lexicon is read only for a word none of them holds.)
  if (word.length < MIN_ENGLISH_RESPELLING || !/^[a-z]+$/.test(word) || index.documentFrequency(t.term) > 0 || index.documentFrequency(word) > 0) return undefined;
  if (isEnglishWord(word)) return undefined;
  const candidates = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) candidates.add(head + tail.slice(1));
    if (tail.length > 1) candidates.add(head + (tail[1] as string) + (tail[0] as string) + tail.slice(2));
    for (const c of LETTERS) {
      candidates.add(head + c + tail);
      if (tail) candidates.add(head + c + tail.slice(1));
    }
  }
  let best: { word: string; df: number } | undefined;
  for (const candidate of candidates) {
    // (The first letter kept, as the documents' own corrections keep it: typos rarely fall there.)
    if (candidate === word || candidate[0] !== word[0] || !isEnglishWord(candidate)) continue;
    const term = termsOf(candidate)[0];
    if (!term) continue;
    const df = index.documentFrequency(term) || (index.alternativesOf(term).length > 0 ? 1 : 0);
    if (df > 0 && (!best || df > best.df)) best = { word: candidate, df };
  }
  return best?.word;
}
