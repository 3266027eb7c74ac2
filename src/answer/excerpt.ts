/**
 * A passage as a quote: verbatim, shortened only with "…" at a cut, with its source and the
 * words to highlight.
 */
import type { IndexedDoc } from "../search/build.js";
import type { Excerpt, Passage } from "../types.js";
import type { ReadText } from "./reading.js";

/** A quote longer than this is cut around its first matching word (Discord shows ~1,000 per field). */
export const MAX_EXCERPT_CHARS = 600;
export const ELLIPSIS = "…";

/** The excerpt of `passage`, as read (token offsets into the document, each token's term). */
export function makeExcerpt(doc: IndexedDoc, passage: Passage, score: number, read: Pick<ReadText, "tokens" | "terms">, lemmas: Set<string>): Excerpt {
  const matched = read.tokens.filter((_, i) => {
    const term = read.terms[i];
    return term != null && lemmas.has(term);
  });
  let start = passage.start;
  let end = passage.end;
  if (end - start > MAX_EXCERPT_CHARS) {
    const anchor = matched[0]?.start ?? start;
    start = Math.max(passage.start, wordStart(doc.text, anchor - MAX_EXCERPT_CHARS / 4));
    end = Math.min(passage.end, wordEnd(doc.text, start + MAX_EXCERPT_CHARS));
  }
  [start, end] = ((): [number, number] => {
    const safe = bracketSafe(doc.text, start, end);
    if (doc.text.slice(safe[0], safe[1]).trim().length >= MIN_QUOTE_CHARS) return safe;
    // Too short to say anything alone (a term line "`psql` \\", a "See also"): quoted with the
    // paragraph after it, its description or its list, when that gives more.
    const longer = bracketSafe(doc.text, start, Math.max(end, followingParagraphEnd(doc.text, end)));
    return longer[1] - longer[0] > safe[1] - safe[0] ? longer : safe;
  })();
  const body = doc.text.slice(start, end).trim();
  const text = (start > passage.start ? ELLIPSIS : "") + body + (end < passage.end ? ELLIPSIS : "");
  const highlights = [...new Set(matched.filter((t) => t.start >= start && t.end <= end).map((t) => t.text))];
  const excerpt: Excerpt = {
    doc: doc.path,
    title: doc.title,
    text,
    start,
    end,
    score: Math.round(score * 100) / 100,
    highlights,
  };
  if (doc.date) excerpt.date = doc.date;
  if (doc.source) excerpt.source = doc.source;
  if (passage.heading) excerpt.heading = passage.heading;
  return excerpt;
}

/** A quote shorter than this is a fragment (a term line, a caption) and takes in the paragraph after it, chars. */
const MIN_QUOTE_CHARS = 25;

/** The end of the paragraph after `at` (the next non-blank text up to a blank line), within MAX_EXCERPT_CHARS. */
function followingParagraphEnd(text: string, at: number): number {
  const from = text.slice(at).search(/\S/);
  if (from < 0) return at;
  const begin = at + from;
  const blank = text.slice(begin, begin + MAX_EXCERPT_CHARS).search(/\n[ \t]*\n/);
  return blank < 0 ? Math.min(text.length, wordEnd(text, begin + MAX_EXCERPT_CHARS)) : begin + blank;
}

/** How far a cut may move to land between words; text without spaces (CJK, a URL) is cut where it is. */
const MAX_CUT_SHIFT = 40;

/** Nearest word start at or after `at`. */
function wordStart(text: string, at: number): number {
  const from = Math.max(0, Math.floor(at));
  for (let i = from; i < Math.min(text.length, from + MAX_CUT_SHIFT); i++) if (i === 0 || /\s/.test(text[i - 1] ?? " ")) return i;
  return from;
}

/** Nearest word end at or before `at`. */
function wordEnd(text: string, at: number): number {
  const from = Math.min(text.length, Math.floor(at));
  for (let i = from; i > Math.max(0, from - MAX_CUT_SHIFT); i--) if (i === text.length || /\s/.test(text[i] ?? " ")) return i;
  return from;
}

/** How far a cut may move out to take a whole bracketed stretch in; farther, it moves in, chars. */
const MAX_BRACKET_WIDEN = 300;

/**
 * `[start, end)` moved so that no bracketed stretch is cut: widened to take it in when that is
 * short and in the same paragraph, else narrowed to leave it out. A stretch holding "..." or "…" is left out too: a reader
 * of quotes takes those for cut marks and would split the stretch there.
 */
export function bracketSafe(text: string, start: number, end: number): [number, number] {
  // A stretch runs from a "[" to the first "]" after it, however far (an escaped "\[0, n)" opens
  // one that a link's "]" paragraphs later closes), so the scan starts after the last "]" before
  // the cut, where no stretch can be open, or at the top.
  let scanFrom = 0;
  for (let i = text.lastIndexOf("]", start - 1); i >= 0; i = text.lastIndexOf("]", i - 1)) {
    if (text[i + 1] !== "(" && text[i + 1] !== "[") {
      scanFrom = i + 1;
      break;
    }
  }
  const stretches: Array<[number, number]> = [];
  for (const [a, b] of bracketedStretches(text, scanFrom, end)) if (b > start) stretches.push([a, b]);
  let [s, e] = [start, end];
  for (const [a, b] of stretches) {
    if (b <= s || a >= e) continue;
    const cutMarks = /\.\.\.|…/.test(text.slice(a, b));
    // Widened only within the paragraph: a quote does not open with the last words of the one before.
    const near = (from: number, to: number): boolean => !cutMarks && to - from <= MAX_BRACKET_WIDEN && !text.slice(from, to).includes("\n\n");
    if (a < s) s = near(a, s) ? a : b;
    if (b > e) {
      if (near(e, b)) e = b;
      else if (a > s) e = a;
      // A quote that opens with the "[" of a stretch it cannot take in opens past that "[":
      // "[    A suit or piece of armor." in a manual's list of symbols, whose "]" is pages later.
      else if (a === s) s = text.indexOf("[", a) + 1;
    } else if (cutMarks && a >= s) {
      // Inside: keep the longer side of it ("format(formatstr text [, formatarg … ])" keeps what follows).
      if (a - s >= e - b) e = a;
      else s = b;
    }
    if (e <= s) return [start, end];
  }
  return [s, e];
}

/**
 * The bracketed stretches that start in `[from, before)`, as a checker that strips link syntax
 * finds them scanning from `from`: "[" (or "![") to the first "]" after it, then "(…)" or "[…]"
 * if one follows. It is the pattern `!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?` (../shared/eval/score.mjs)
 * read with indexOf, which stays linear where the pattern would rescan the rest of the text for
 * every "[" that no "]" closes.
 */
function bracketedStretches(text: string, from: number, before: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let at = from;
  for (;;) {
    const open = text.indexOf("[", at);
    if (open < 0 || open >= before) break;
    const close = text.indexOf("]", open + 1);
    if (close < 0) break;
    let stop = close + 1;
    const pair = text[stop] === "(" ? ")" : text[stop] === "[" ? "]" : undefined;
    if (pair) {
      const last = text.indexOf(pair, stop + 1);
      if (last >= 0) stop = last + 1;
    }
    found.push([open > from && text[open - 1] === "!" ? open - 1 : open, stop]);
    at = stop;
  }
  return found;
}
