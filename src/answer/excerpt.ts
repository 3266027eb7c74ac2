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
