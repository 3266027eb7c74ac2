/**
 * Spelling correction against an index's own vocabulary: the known words closest to a word no
 * passage holds ("postgress" → "postgres", "enviroment" → "environment"), by Damerau–Levenshtein
 * distance (an adjacent transposition is one edit), nearest first, then commonest.
 *
 * A correction keeps the word's first letter: typos rarely fall there, and without the rule the
 * eval suite's tune split lost a trap ("preinstalled" taken for "reinstall" by way of
 * "preinstall"). Only words that match nothing are corrected, so a question whose words are all
 * known pays nothing. A correction reads the vocabulary's plain words of the same first letter,
 * with two cheap filters before any distance is computed: the length differs by at most the
 * edits allowed, and so does a 32-bit mask of the letters each word uses (an edit changes at most
 * two of its bits). At the benchmark's 100k passages (50k terms) a correction takes 0.05 ms at
 * the median and 0.4 ms at p99, over the unknown words of its 1,000 questions with typos; filing
 * the vocabulary on the first correction ≈ 50 ms.
 */

/** Words shorter than this are never corrected: one edit away from a three-letter word is almost any other. */
const MIN_CORRECTED = 4;
/**
 * Words this long or longer may be two edits away from their correction; shorter ones one. On
 * the eval suite's tune split, two edits from 8 letters up took a trap's "copypasta" for
 * "copyparty" and mended no typo that one edit (from the word or its inflection base) missed;
 * from 10 letters up it changed nothing either way.
 */
const TWO_EDITS_FROM = 10;
/** Corrections returned at most: the commonest of the nearest. */
export const MAX_CORRECTIONS = 3;
/** Only plain words are corrected, and only into plain words: never numbers, versions or identifiers ("work_mem"). */
const PLAIN_WORD = /^\p{L}+$/u;

/** Edits allowed between a word and its correction: 0 (never corrected) below MIN_CORRECTED letters. */
export function editsAllowed(word: string): number {
  return word.length < MIN_CORRECTED ? 0 : word.length < TWO_EDITS_FROM ? 1 : 2;
}

/** Rows of editDistance, kept between calls: a correction computes thousands of distances. */
const rows = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

/**
 * Damerau–Levenshtein distance (the optimal string alignment form: insertions, deletions,
 * substitutions and transpositions of two adjacent letters) between `a` and `b`, or `limit + 1`
 * as soon as it is known to be over `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if ((rows[0] as Int32Array).length <= b.length) for (let k = 0; k < 3; k++) rows[k] = new Int32Array(2 * (b.length + 1));
  let [before, previous, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
      if (d < least) least = d;
    }
    if (least > limit) return limit + 1;
    [before, previous, row] = [previous, row, before];
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
 * passages hold each term through `frequency`. The plain words of the vocabulary are filed by
 * their first letter on the first correction, and filed as they are added after.
 */
export class Speller {
  /** Ids of the plain-word terms by first character, with each one's letter mask and length. */
  private readonly byFirst = new Map<string, { ids: number[]; masks: number[]; lengths: number[] }>();
  private filed = 0;

  constructor(
    private readonly terms: readonly string[],
    private readonly frequency: (id: number) => number,
  ) {}

  /**
   * The known plain words nearest to any of `forms` (a word and its possible bases: "chharacters"
   * and "chharacter"), within editsAllowed of that form and with its first letter; only those at
   * the smallest distance found, commonest first, at most MAX_CORRECTIONS. Forms that are not
   * plain words, or too short to correct, are passed over. A form itself is never among them.
   */
  corrections(forms: readonly string[]): string[] {
    const words = forms.filter((w) => editsAllowed(w) > 0 && PLAIN_WORD.test(w)).map((w) => ({ w, limit: editsAllowed(w), mask: letterMask(w) }));
    if (words.length === 0) return [];
    this.file();
    let best = Math.max(...words.map((w) => w.limit));
    let found: Array<{ term: string; df: number }> = [];
    for (const first of new Set(words.map(({ w }) => w[0] as string))) {
      const bucket = this.byFirst.get(first);
      if (!bucket) continue;
      const { ids, masks, lengths } = bucket;
      for (let k = 0; k < ids.length; k++) {
        const length = lengths[k] as number;
        let d = best + 1;
        for (const { w, limit, mask } of words) {
          const most = Math.min(limit, best);
          if (w[0] !== first || Math.abs(length - w.length) > most || bitCount(mask ^ (masks[k] as number)) > 2 * most) continue;
          d = Math.min(d, editDistance(w, this.terms[ids[k] as number] as string, most));
        }
        if (d > best || d === 0) continue;
        const df = this.frequency(ids[k] as number);
        if (df === 0) continue;
        if (d < best) [best, found] = [d, []];
        found.push({ term: this.terms[ids[k] as number] as string, df });
      }
    }
    found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
    return found.slice(0, MAX_CORRECTIONS).map((f) => f.term);
  }

  /** Files the plain words among the terms added since the last correction. */
  private file(): void {
    for (; this.filed < this.terms.length; this.filed++) {
      const term = this.terms[this.filed] as string;
      if (term.length < MIN_CORRECTED - 1 || !PLAIN_WORD.test(term)) continue;
      const first = term[0] as string;
      let bucket = this.byFirst.get(first);
      if (!bucket) this.byFirst.set(first, (bucket = { ids: [], masks: [], lengths: [] }));
      bucket.ids.push(this.filed);
      bucket.masks.push(letterMask(term));
      bucket.lengths.push(term.length);
    }
  }
}
