/**
 * Several texts read with one wink-nlp call. Each `readDoc` call costs ≈ 4 µs before the first
 * word, and answering a question reads eight or more short passages and their headings. Joined
 * with a blank line, which wink always reads as a whitespace token of its own that ends a
 * sentence, they are analysed at once and the tokens dealt back to each text with that text's
 * offsets and sentence numbers, the same as `analyse` gives them one by one (checked on the
 * 32,000 passages and headings the benchmark's questions read, with and without entities).
 */
import { analyse, type AnalyseOptions, type Analysis, type Token } from "./analyse.js";

/** A text to analyse, and the offset its tokens are given (its place in its file). */
export interface Segment {
  text: string;
  offset: number;
}

/** Between two texts: a line break wink makes one whitespace token of and ends a sentence at. */
export const SEPARATOR = "\n\n";

/**
 * Analyses each segment as `analyse(text, offset, options)` would, with one wink call for all.
 * A segment whose reading the join could have changed is analysed again on its own: one that
 * is empty, has a token reaching across the separator (a text ending or starting with a line
 * break), or an entity or a sentence running across it, or a token whose offsets do not land on
 * its text.
 */
export function analyseBatch(segments: readonly Segment[], options: AnalyseOptions = {}): Analysis[] {
  if (segments.length <= 1) return segments.map((s) => analyse(s.text, s.offset, options));
  const starts: number[] = [];
  let joined = "";
  for (const [i, s] of segments.entries()) {
    if (i > 0) joined += SEPARATOR;
    starts.push(joined.length);
    joined += s.text;
  }
  const ends = segments.map((s, i) => (starts[i] as number) + s.text.length);
  const own: Token[][] = segments.map(() => []);
  const dirty = new Set<number>();
  /** Every segment that a token from `from` to `to` touches, itself or a separator next to it. */
  const touched = (from: number, to: number, near: number): void => {
    for (let j = Math.max(0, near - 1); j < segments.length && (starts[j] as number) - SEPARATOR.length < to; j++) {
      if ((ends[j] as number) + SEPARATOR.length > from) dirty.add(j);
    }
  };
  let i = 0;
  /** The last token of the text before. */
  let previous: Token | undefined;
  for (const t of analyse(joined, 0, options).tokens) {
    while (i + 1 < segments.length && t.start >= (starts[i + 1] as number) - SEPARATOR.length) i++;
    const tokens = own[i] as Token[];
    if (t.start < (starts[i] as number)) {
      // The separator before segment i: whitespace of its own, no entity.
      if (t.end > (starts[i] as number) || t.entity !== undefined) touched(t.start, t.end, i);
    } else {
      if (t.end > (ends[i] as number) || !joined.startsWith(t.text, t.start)) touched(t.start, t.end, i);
      if (tokens.length === 0 && previous && previous.sentence === t.sentence) dirty.add(i - 1).add(i);
      tokens.push(t);
      previous = t;
    }
  }
  return segments.map((s, i) => {
    const tokens = own[i] as Token[];
    return dirty.has(i) || tokens.length === 0 ? analyse(s.text, s.offset, options) : rebase(tokens, s.offset - (starts[i] as number));
  });
}

/** One segment's tokens from the joined reading: offsets moved by `shift`, sentences counted from 0. */
function rebase(tokens: Token[], shift: number): Analysis {
  const sentences: Array<[number, number]> = [];
  const first = tokens[0]?.sentence ?? 0;
  tokens.forEach((t, i) => {
    t.start += shift;
    t.end += shift;
    t.sentence -= first;
    const span = sentences[t.sentence];
    if (span) span[1] = i;
    else sentences[t.sentence] = [i, i];
  });
  // The first token of a text counts as spaced, as `analyse` has it.
  if (tokens[0]) tokens[0].spaceBefore = true;
  return { tokens, sentences };
}
