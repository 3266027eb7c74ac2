/**
 * Spelling correction against an index's own vocabulary: the known words closest to a word no
 * passage holds ("postgress" → "postgres", "enviroment" → "environment"), by Damerau–Levenshtein
 * distance (an adjacent transposition is one edit), nearest first, then commonest.
 *
 * Only words that match nothing are corrected, so a question whose words are all known pays
 * nothing. A correction scans the vocabulary once, with two cheap filters before any distance is
 * computed: the length differs by at most the edits allowed, and so does a 32-bit mask of the
 * letters each word uses (an edit changes at most two of its bits). At the benchmark's 100k
 * passages (≈ 200k terms) that takes about a millisecond a word.
 */

/** Words shorter than this are never corrected: one edit away from a three-letter word is almost any other. */
const MIN_CORRECTED = 4;
/** Words this long or longer may be two edits away from their correction; shorter ones one. */
const TWO_EDITS_FROM = 10;
/** Corrections returned at most: the commonest of the nearest. */
export const MAX_CORRECTIONS = 3;
/** Only plain words are corrected, and only into plain words: never numbers, versions or identifiers ("work_mem"). */
const PLAIN_WORD = /^\p{L}+$/u;

/** Edits allowed between a word and its correction: 0 (never corrected) below MIN_CORRECTED letters. */
export function editsAllowed(word: string): number {
  return word.length < MIN_CORRECTED ? 0 : word.length < TWO_EDITS_FROM ? 1 : 2;
}

/**
 * Damerau–Levenshtein distance (the optimal string alignment form: insertions, deletions,
 * substitutions and transpositions of two adjacent letters) between `a` and `b`, or `limit + 1`
 * as soon as it is known to be over `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > limit) return limit + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length] as number;
}

/** The bit of a character in a letter mask: a-z their own, anything else shares the top six. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    mask |= 1 << (c >= 0 && c < 26 ? c : 26 + (word.charCodeAt(i) % 6));
  }
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Corrects words against a growing vocabulary (terms by id, never renamed), reading how many
 * passages hold each term through `frequency`. Masks of the terms are computed on the first
 * correction and extended as terms are added.
 */
export class Speller {
  private masks = new Int32Array(0);
  /** First character of each term: a typo rarely hits the first letter, and a correction keeps it. */
  private firsts = new Uint16Array(0);
  /** Term lengths, 0 for a term that is no plain word (never a correction). */
  private lengths = new Uint8Array(0);
  private known = 0;

  constructor(
    private readonly terms: readonly string[],
    private readonly frequency: (id: number) => number,
  ) {}

  /**
   * The known plain words nearest to any of `forms` (a word and its possible bases: "chharacters"
   * and "chharacter"), within editsAllowed of that form; only those at the smallest distance
   * found, commonest first, at most MAX_CORRECTIONS. Forms that are not plain words, or too short
   * to correct, are passed over. A form itself is never among them.
   */
  corrections(forms: readonly string[]): string[] {
    const words = forms.filter((w) => editsAllowed(w) > 0 && PLAIN_WORD.test(w)).map((w) => ({ w, limit: editsAllowed(w), mask: letterMask(w) }));
    if (words.length === 0) return [];
    this.catchUp();
    let best = Math.max(...words.map((w) => w.limit));
    let found: Array<{ term: string; df: number }> = [];
    for (let id = 0; id < this.known; id++) {
      const length = this.lengths[id] as number;
      if (length === 0) continue;
      let d = best + 1;
      for (const { w, limit, mask } of words) {
        const most = Math.min(limit, best);
        if (this.firsts[id] !== w.charCodeAt(0) || Math.abs(length - w.length) > most || bitCount(mask ^ (this.masks[id] as number)) > 2 * most) continue;
        d = Math.min(d, editDistance(w, this.terms[id] as string, most));
      }
      if (d > best || d === 0) continue;
      const df = this.frequency(id);
      if (df === 0) continue;
      if (d < best) [best, found] = [d, []];
      found.push({ term: this.terms[id] as string, df });
    }
    found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
    return found.slice(0, MAX_CORRECTIONS).map((f) => f.term);
  }

  /** Masks and lengths for the terms added since the last correction. */
  private catchUp(): void {
    const n = this.terms.length;
    if (n === this.known) return;
    if (n > this.masks.length) {
      const size = Math.max(n, this.masks.length * 2);
      const masks = new Int32Array(size);
      masks.set(this.masks);
      const lengths = new Uint8Array(size);
      lengths.set(this.lengths);
      const firsts = new Uint16Array(size);
      firsts.set(this.firsts);
      [this.masks, this.lengths, this.firsts] = [masks, lengths, firsts];
    }
    for (let id = this.known; id < n; id++) {
      const term = this.terms[id] as string;
      const plain = term.length >= MIN_CORRECTED - 1 && term.length < 256 && PLAIN_WORD.test(term);
      this.lengths[id] = plain ? term.length : 0;
      this.masks[id] = plain ? letterMask(term) : 0;
      this.firsts[id] = term.charCodeAt(0);
    }
    this.known = n;
  }
}
