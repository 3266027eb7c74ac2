/**
 * Sentences mended where wink split them inside Markdown's inline syntax. wink's sentence
 * boundary detection sees every "." followed by a letter as a possible end, so a link
 * ("[garbage collection](../glossary.html#term-…)"), its title ("atexit: Register … functions."),
 * a code span ("`os.path.join()`") or a bare URL comes out as two or more "sentences", and an
 * answer quoting one of them stops mid-link. The passages themselves are cut by the Markdown
 * reader, which knows these spans; this mends what wink reads inside a passage.
 */
import type { Token } from "./analyse.js";

/** Spans no sentence ends inside: code spans, links and images (with a title), bare URLs. */
const UNBREAKABLE = [
  /(`+)[^`]+?\1/g,
  /!?\[[^\]\n]*\]\([^)\s]*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)/g,
  /<?\bhttps?:\/\/[^\s<>]+[^\s<>.,;:!?)\]'"]/g,
];

/** `[start, end)` of every span of `text` no sentence should end inside, in text offsets. */
export function unbreakableSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of UNBREAKABLE) for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * `tokens` (of `text`, which starts at `offset` in the document) with sentence numbers merged
 * where a boundary falls inside an unbreakable span, or where the next piece starts with a
 * lower-case letter on the same line ("…functions.\") module provides…"): English sentences
 * start with a capital, and a line break is where a list item or code line may start one. A
 * "." with a letter or digit straight after it, no space between, ends no sentence either: it
 * is inside a version, a standard's name or a file name ("POSIX.1-2017", "setup.py"). A
 * numbered list item's "1." is no sentence of its own either.
 * Returns `tokens` itself when nothing needs mending; else new tokens, renumbered from 0.
 */
export function mendSentences(text: string, offset: number, tokens: Token[]): Token[] {
  const spans = unbreakableSpans(text);
  // The first and last visible token of each of wink's sentences.
  const first = new Map<number, Token>();
  const last = new Map<number, Token>();
  for (const t of tokens) {
    if (t.type === "tabCRLF" || !t.text.trim()) continue;
    if (!first.has(t.sentence)) first.set(t.sentence, t);
    last.set(t.sentence, t);
  }
  const ids = [...first.keys()].sort((a, b) => a - b);
  const merged = new Map<number, number>();
  let current = 0;
  let changed = false;
  ids.forEach((id, k) => {
    const prev = k > 0 ? last.get(ids[k - 1] as number) : undefined;
    const prevFirst = k > 0 ? first.get(ids[k - 1] as number) : undefined;
    const head = first.get(id) as Token;
    // A numbered list item's "1." that wink took for a sentence of its own.
    const numberOnly = prev && prevFirst && /^\d{1,3}[.)]$/.test(text.slice(prevFirst.start - offset, prev.end - offset));
    if (prev && (numberOnly || joins(text, offset, spans, prev.end, head))) changed = true;
    else if (k > 0) current++;
    merged.set(id, current);
  });
  if (!changed) return tokens;
  let lastId = 0;
  return tokens.map((t) => {
    const id = merged.get(t.sentence);
    if (id !== undefined) lastId = id;
    return { ...t, sentence: id ?? lastId };
  });
}

function joins(text: string, offset: number, spans: Array<[number, number]>, boundary: number, head: Token): boolean {
  const at = boundary - offset;
  if (spans.some(([s, e]) => s < at && e > at)) return true;
  const gap = text.slice(at, head.start - offset);
  if (gap === "" && text[at - 1] === "." && /^[\p{L}\p{N}]/u.test(head.text)) return true;
  return /^\p{Ll}/u.test(head.text) && !gap.includes("\n");
}

/**
 * How many tokens from `tokens[i]` make a list item's marker: 1 for a bullet ("*", "-", "+"),
 * 2 for a number then "." or ")" with no space between ("1.", "2)"), else 0.
 */
export function listMarkerAt(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t) return 0;
  if (/^[-*+]$/.test(t.text)) return 1;
  const next = tokens[i + 1];
  return /^\d{1,3}$/.test(t.text) && next !== undefined && /^[.)]$/.test(next.text) && !next.spaceBefore ? 2 : 0;
}

/**
 * `tokens` with a new sentence at every line that opens a list item ("* `callback` {Function}",
 * "- Returns: {boolean} …", "1. Open the tap"): wink reads a list whose items end without a full
 * stop as one sentence, so an answer quoting the item that says it would quote the whole list;
 * and it ends a sentence after a numbered item's "1.", which belongs to the item. Returns `tokens`
 * itself when there is nothing to change.
 */
export function splitListItems(tokens: Token[]): Token[] {
  let changed = false;
  let id = 0;
  let seen = false;
  let lineStart = true;
  let wink: number | undefined;
  // The "." or ")" of a numbered item's marker that opened its line: wink's cut after it is no end.
  let afterNumber = false;
  const out = tokens.map((t, i) => {
    if (t.type === "tabCRLF" || !t.text.trim()) {
      if (t.text.includes("\n")) lineStart = true;
      return t.sentence === id ? t : { ...t, sentence: id };
    }
    const markerLength = lineStart ? listMarkerAt(tokens, i) : 0;
    const marker = markerLength > 0;
    const winkBreak = wink !== undefined && t.sentence !== wink;
    if (seen && ((winkBreak && !afterNumber) || marker)) id++;
    if ((marker && !winkBreak) || (winkBreak && afterNumber)) changed = true;
    // At a numbered marker's number, or its "." right after.
    afterNumber = markerLength === 2 || (afterNumber && /^[.)]$/.test(t.text));
    seen = true;
    lineStart = false;
    wink = t.sentence;
    return t.sentence === id ? t : { ...t, sentence: id };
  });
  return changed ? out : tokens;
}
