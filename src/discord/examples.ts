/**
 * Example questions for `/help`, drawn from the corpus's document titles: a run of capitalised
 * words in a title is usually a person or an organisation the corpus can answer about.
 */
import type { DocMeta } from "../types.js";

/** Capitalised words that name groups, not people: "Who is Labour Party?" would read badly. */
const GROUP_WORDS = new Set(
  "Party Parties Council Committee Union Movement Government Ministry News Office University Company Group Association Department House Commons Lords Court Bank Agency Service Trust Labour Conservative Conservatives Democrats League Club Society Institute Foundation Council Board".split(
    " ",
  ),
);
/** Capitalised because they start a title or sentence, never part of a name. */
const STARTERS = new Set("A An The Why What Who How When Where Which Is Are Was In On At As After Before From With For By To Of And But Or Not New".split(" "));
/** Why: a two- to four-word run ("Rosena Allin-Khan", "Jewish Labour Movement") is a name; longer is a headline in title case. */
const MIN_NAME_WORDS = 2;
const MAX_NAME_WORDS = 4;
/** A title with no space (`004_1dedffaa3f545cf3`) is a file name, not words. */
const FILE_NAME_LIKE = /^[^\s]+$/;

/**
 * Up to `max` example questions, at most one per document, in corpus order. Empty when no title
 * holds a name (for instance when titles are file names).
 */
export function suggestQuestions(documents: readonly DocMeta[], max = 3): string[] {
  const questions: string[] = [];
  for (const doc of documents) {
    if (questions.length >= max) break;
    const title = doc.title.trim();
    if (FILE_NAME_LIKE.test(title)) continue;
    const name = findName(title);
    if (!name) continue;
    const words = name.split(" ");
    const question = words.some((w) => GROUP_WORDS.has(w)) ? `What does the corpus say about ${name}?` : `Who is ${name}?`;
    if (!questions.includes(question)) questions.push(question);
  }
  return questions;
}

/** The first run of 2–4 capitalised words, not counting a capitalised first word alone. */
function findName(title: string): string | undefined {
  const words = title.split(/\s+/);
  let run: string[] = [];
  const flush = (): string | undefined => {
    const found = run.length >= MIN_NAME_WORDS && run.length <= MAX_NAME_WORDS ? run.join(" ") : undefined;
    run = [];
    return found;
  };
  for (const raw of words) {
    const word = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
    const capitalised = /^\p{Lu}[\p{L}'’-]*$/u.test(word) && !STARTERS.has(word);
    if (capitalised) run.push(word);
    const name = capitalised && raw === word ? undefined : flush();
    if (name) return name;
  }
  return flush();
}
