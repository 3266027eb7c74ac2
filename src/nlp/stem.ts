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

/** The stem of a lower-case term; terms that are not plain words (numbers, code) stand for themselves. */
export function stemOf(term: string): string {
  let s = stems.get(term);
  if (s === undefined) {
    s = /^[a-z]{3,}$/.test(term) ? stem(term) : term;
    if (stems.size >= MAX_KEPT) stems.clear();
    stems.set(term, s);
  }
  return s;
}
