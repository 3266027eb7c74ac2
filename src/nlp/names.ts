/**
 * Names without a PERSON model: wink's lite model tags proper nouns but has no PERSON entity,
 * so names are runs of capitalised proper nouns, recognised as people by a courtesy title
 * ("Mr Lewis") or by a first name the corpus gives elsewhere ("Khalid Mahmood" → "Mahmood").
 */
import type { Token } from "./analyse.js";

/** Courtesy and office titles that mark the following name as a person's. */
export const PERSON_TITLES = new Set([
  "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "st",
]);

/** A run of proper-noun tokens, e.g. "Rosena Allin-Khan" or "Buzzfeed News". */
export interface NameSpan {
  /** Token index range, inclusive. */
  first: number;
  last: number;
  /** Surface text as in the document ("Allin-Khan" keeps its hyphen). */
  text: string;
  /** Number of words ("Allin-Khan" counts as one). */
  words: number;
  /** Preceded by a courtesy title such as "Mr" or "Ms". */
  titled: boolean;
}

const CAPITALISED = /^[\p{Lu}][\p{L}'’.]*$/u;

/** All-capital words ("MP", "NHS", "EPA") are acronyms and roles, never part of a person's name. */
const ACRONYM = /^\p{Lu}{2,}s?$/u;

/** Months and days are capitalised but are dates, not names (entities may not have been read). */
const CALENDAR = new Set(
  "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday".split(" "),
);

function isNameToken(t: Token): boolean {
  return (
    (t.pos === "PROPN" || (t.pos === "NOUN" && t.type === "word")) &&
    CAPITALISED.test(t.text) &&
    !ACRONYM.test(t.text) &&
    t.entity !== "DATE" &&
    !CALENDAR.has(t.lemma) &&
    !PRONOUN_CONTRACTION.test(t.text)
  );
}

/** "I'm", "I've", "I'd", "I'll": a pronoun with its verb, which wink may tag a proper noun. */
const PRONOUN_CONTRACTION = /^I['’](?:m|ve|d|ll)$/i;

/** Proper-noun runs in `tokens[from..to]` (inclusive); hyphenated parts join one word. */
/** Words in lower case that join the parts of a name: "Guido van Rossum", "Charles de Gaulle", "Ursula von der Leyen". */
const NAME_PARTICLES = new Set(["van", "von", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "das", "le", "la", "ter", "ten", "bin", "ibn", "al"]);

export function nameSpans(tokens: Token[], from = 0, to = tokens.length - 1): NameSpan[] {
  const spans: NameSpan[] = [];
  let i = from;
  while (i <= to) {
    const t = tokens[i] as Token;
    if (!isNameToken(t) || (PERSON_TITLES.has(t.lemma.replace(/\.$/, "")) && i < to)) {
      i++;
      continue;
    }
    let j = i;
    let words = 1;
    for (;;) {
      const hyphen = tokens[j + 1];
      const after = tokens[j + 2];
      if (j + 2 <= to && hyphen && after && hyphen.text === "-" && !hyphen.spaceBefore && !after.spaceBefore && isNameToken(after)) {
        j += 2;
        continue;
      }
      const next = tokens[j + 1];
      if (j + 1 <= to && next && isNameToken(next) && next.sentence === t.sentence && !PERSON_TITLES.has(next.lemma)) {
        j++;
        words++;
        continue;
      }
      // "Guido van Rossum", "Ursula von der Leyen": a particle in lower case between name words.
      let k = j + 1;
      while (k <= to && tokens[k] && NAME_PARTICLES.has((tokens[k] as Token).text) && (tokens[k] as Token).sentence === t.sentence) k++;
      const resumed = tokens[k];
      if (k > j + 1 && k <= to && resumed && isNameToken(resumed) && resumed.sentence === t.sentence && /^\p{Lu}/u.test(resumed.text)) {
        words += k - j;
        j = k;
        continue;
      }
      break;
    }
    const prev = tokens[i - 1];
    const titled = prev !== undefined && PERSON_TITLES.has(prev.lemma.replace(/\.$/, "")) && CAPITALISED.test(prev.text);
    spans.push({ first: i, last: j, text: joinTokens(tokens, i, j), words, titled });
    i = j + 1;
  }
  return spans;
}

/** The text of tokens `first..last`, with the spacing they had in the source (a line break as a space). */
export function joinTokens(tokens: Token[], first: number, last: number): string {
  let out = "";
  for (let k = first; k <= last; k++) {
    const t = tokens[k] as Token;
    // (A line break inside the run is a space: "two\nminutes" reads "two minutes".)
    if (t.type === "tabCRLF") {
      if (out && !out.endsWith(" ")) out += " ";
      continue;
    }
    out += (k > first && t.spaceBefore && !out.endsWith(" ") ? " " : "") + t.text;
  }
  return out.trim();
}

/** The last word of a name, lower case: the key people are referred to by ("Mr Lewis"). */
export function surnameKey(name: string): string {
  const words = name.split(/\s+/);
  return (words[words.length - 1] ?? name).toLowerCase();
}
