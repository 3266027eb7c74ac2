/**
 * The benchmark's unit of retrieval. Normally these are exactly Verbatim's own passages
 * (`doc.text.slice(p.start, p.end)` of `buildIndex(docs).passages`), so every engine indexes the
 * same texts; {@link splitPassages} is a stand-in used only when Verbatim cannot build.
 */

/** A passage as every engine sees it; its position in the array is its id. */
export interface BenchPassage {
  /** Document path relative to the corpus folder. */
  doc: string;
  start: number;
  end: number;
  text: string;
}

/** Key that identifies a passage across engines (Verbatim reports doc + offsets, not our ids). */
export function passageKey(doc: string, start: number): string {
  return `${doc}\u0000${start}`;
}

/** Fallback passages stop growing once they reach this size, chars (≈ 3 sentences of prose). */
const FALLBACK_MIN_CHARS = 250;
/** Fallback passages longer than this are cut at a sentence end, chars. */
const FALLBACK_MAX_CHARS = 700;

/**
 * Cuts a document into passages at blank lines, merging short paragraphs up to
 * {@link FALLBACK_MIN_CHARS} and splitting long ones at sentence ends past {@link FALLBACK_MAX_CHARS}.
 */
export function splitPassages(doc: string, text: string): BenchPassage[] {
  const out: BenchPassage[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start] ?? "")) start++;
    while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
    if (end > start) out.push({ doc, start, end, text: text.slice(start, end) });
  };
  const paragraphs = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  let start = -1;
  let end = -1;
  for (let m = paragraphs.exec(text); m; m = paragraphs.exec(text)) {
    const pStart = m.index;
    const pEnd = m.index + m[0].length;
    if (start < 0) start = pStart;
    end = pEnd;
    if (end - start < FALLBACK_MIN_CHARS) continue;
    let cut = start;
    const sentenceEnd = /[.!?]["')\]]?\s+/g;
    sentenceEnd.lastIndex = start + FALLBACK_MAX_CHARS;
    while (end - cut > FALLBACK_MAX_CHARS) {
      const s = sentenceEnd.exec(text);
      if (!s || s.index >= end - FALLBACK_MIN_CHARS) break;
      push(cut, s.index + s[0].length);
      cut = s.index + s[0].length;
      sentenceEnd.lastIndex = cut + FALLBACK_MAX_CHARS;
    }
    push(cut, end);
    start = -1;
  }
  if (start >= 0) push(start, end);
  return out;
}
