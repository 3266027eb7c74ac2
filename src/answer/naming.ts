/**
 * Extraction for a naming question ("What is the term for …?", "What are … called?"): the name
 * the answer sentence gives ("These are known as *possessive* quantifiers"), else the heading
 * the answering passage stands under — in a glossary, a FAQ or a reference, the thing a
 * passage describes is named by its heading ("zorch" over "The intangible and fuzzy currency
 * in which favors are measured").
 */
import type { Question } from "./question.js";
import type { Reading } from "./rerank.js";
import type { PickedSentence } from "./sentence.js";
import { readable } from "./sentence.js";

/** "known as X", "called X": X emphasised, quoted, in code or braces (a glossary's cross-reference), or one or two plain words. */
const NAMED = /\b(?:known as|called|termed|referred to as|named|dubbed)\s+(?:(?:an?|the)\s+)?(\*{1,2}[^*\n]{1,60}\*{1,2}|_[^_\n]{1,60}_|“[^”]{1,60}”|"[^"]{1,60}"|‘[^’]{1,60}’|`[^`\n]{1,60}`|\{[^}]{1,60}\}|\[[^\]]{1,60}\]|(?!(?:an?|the)\b)[\p{L}\p{N}_-]+(?:\s+[\p{L}\p{N}_-]+)?)/u;
/** A heading longer than this many words is a title, not a name. */
const MAX_NAME_WORDS = 5;
/** A passage must hold this much of the question for its heading to name the answer. */
const MIN_NAMING_COVERAGE = 0.5;

/** The name a naming question asks for, if the answer sentence or the best passage's heading gives one. */
export function nameAsked(q: Question, sentence: PickedSentence | undefined, readings: Reading[]): string | undefined {
  for (const text of [sentence?.text, sentence?.next?.text]) {
    const named = text ? NAMED.exec(text)?.[1] : undefined;
    if (named) return strip(named);
  }
  const r = sentence?.reading ?? readings[0];
  const heading = r?.hit.passage.heading;
  if (!r || !heading || (r.coverage < MIN_NAMING_COVERAGE && r.idfCoverage < MIN_NAMING_COVERAGE)) return undefined;
  const name = strip(readable(heading));
  const words = name.split(/\s+/);
  // A heading that repeats the question's words is the topic, not the name asked for.
  if (words.length > MAX_NAME_WORDS || words.every((w) => q.lemmas.has(w.toLowerCase()))) return undefined;
  return name;
}

function strip(name: string): string {
  return name.replace(/^[*_“"‘{[]+|[*_”"’}\].,;:]+$/g, "").replace(/\s+/g, " ").trim();
}
