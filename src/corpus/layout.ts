/**
 * The layout of a document: which stretches of text are prose, code or table, the heading each
 * sits under, and a "mask" of the text for indexing.
 *
 * The mask has exactly the length of the text; what must not be indexed (front matter, image
 * lines, link URLs, repeated blocks, heading lines, which are indexed as headings) is replaced by
 * spaces, newlines kept. Analysing the mask therefore gives offsets that point into the original
 * text, and every quote stays `text.slice(start, end)`.
 */

export type BlockKind = "prose" | "code" | "table";

/** A stretch of the document that passages never cross. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** The heading (markdown heading or caption line) the block sits under. */
  heading?: string;
}

export interface Layout {
  mask: string;
  blocks: Block[];
}

/**
 * A line seen before in the document is blanked: a repeated block (a gallery carried twice, a
 * boilerplate footer) is indexed once. Headings are exempt: "Parameters" may head many sections.
 */
const MIN_DEDUP_CHARS = 1;
/** A hard-wrapped prose line is at least this long; a shorter line ends its paragraph. */
const MIN_WRAPPED_LINE = 40;
/** A caption used as a heading in plain text: short, few words, followed by a longer paragraph. */
const MAX_CAPTION_CHARS = 80;
const MAX_CAPTION_WORDS = 10;
const MIN_CAPTION_FOLLOWER = 60;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const IMAGE_LINE = /^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$/;
const LINK_DEF = /^ {0,3}\[[^\]]+\]:\s*\S+.*$/;
const TABLE_ROW = /^\s*\|/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;
const TERMINAL = /[.!?:;…"”’)\]]$/;
/** Inline images, the URL part of links, and bare URLs: not words of the document. */
const INLINE_NOISE = /!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|<https?:\/\/[^>\s]*>|\bhttps?:\/\/[^\s<>()]+/g;

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Works out the layout of `text`, whose body starts at `bodyStart` (after front matter). */
export function layoutOf(text: string, bodyStart = 0): Layout {
  const mask = new Mask(text);
  mask.blank(0, bodyStart);
  const lines = splitLines(text, bodyStart);
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const wrapped = isHardWrapped(lines);
  let heading: string | undefined;
  /** A caption's heading lasts until the next image or repeated block (a gallery item ends there). */
  let captionScope = false;
  let para: Block | undefined;
  let prevLine: Line | undefined;

  const closePara = (): void => {
    para = undefined;
    prevLine = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const fence = FENCE.exec(line.text);
    if (fence) {
      closePara();
      const marker = fence[1] ?? "```";
      let j = i + 1;
      while (j < lines.length && !(lines[j] as Line).text.trimStart().startsWith(marker)) j++;
      mask.blank(line.start, line.end);
      if (j < lines.length) mask.blank((lines[j] as Line).start, (lines[j] as Line).end);
      const first = lines[i + 1];
      const last = lines[Math.min(j, lines.length) - 1];
      if (first && last && j > i + 1) blocks.push(withHeading({ kind: "code", start: first.start, end: last.end }, heading));
      i = j;
      continue;
    }
    const trimmed = line.text.trim();
    if (!trimmed) {
      closePara();
      continue;
    }
    const atx = ATX.exec(line.text);
    if (atx) {
      closePara();
      heading = cleanHeading(atx[2] ?? "");
      captionScope = false;
      mask.blank(line.start, line.end);
      continue;
    }
    if (SETEXT.test(line.text) && para && prevLine && para.start === prevLine.start && para.kind === "prose") {
      heading = cleanHeading(prevLine.text);
      captionScope = false;
      mask.blank(prevLine.start, line.end);
      blocks.pop();
      closePara();
      continue;
    }
    if (RULE.test(line.text) || IMAGE_LINE.test(line.text) || LINK_DEF.test(line.text)) {
      mask.blank(line.start, line.end);
      closePara();
      if (captionScope && !RULE.test(line.text)) heading = undefined;
      continue;
    }

    if (isCaption(line, lines, i, seen)) {
      closePara();
      heading = cleanHeading(trimmed);
      captionScope = true;
      seen.add(trimmed.replace(/\s+/g, " ").toLowerCase());
      mask.blank(line.start, line.end);
      continue;
    }
    const key = trimmed.replace(/\s+/g, " ").toLowerCase();
    if (key.length >= MIN_DEDUP_CHARS && seen.has(key)) {
      mask.blank(line.start, line.end);
      closePara();
      if (captionScope) heading = undefined;
      continue;
    }
    seen.add(key);
    maskInline(text, mask, line);
    if (TABLE_ROW.test(line.text)) {
      if (para?.kind === "table") para.end = line.end;
      else blocks.push((para = withHeading({ kind: "table", start: line.start, end: line.end }, heading)));
      prevLine = line;
      continue;
    }
    const continues =
      para?.kind === "prose" &&
      prevLine !== undefined &&
      !TERMINAL.test(prevLine.text.trimEnd()) &&
      !LIST_ITEM.test(line.text) &&
      ((wrapped && prevLine.text.trim().length >= MIN_WRAPPED_LINE) || /^\s*\p{Ll}/u.test(line.text));
    if (continues && para) para.end = line.end;
    else blocks.push((para = withHeading({ kind: "prose", start: line.start, end: line.end }, heading)));
    prevLine = line;
  }
  return { mask: mask.toString(), blocks };
}

/** A short title-like line followed by a longer paragraph: a heading in plain text. */
function isCaption(line: Line, lines: Line[], i: number, seen: Set<string>): boolean {
  const text = line.text.trim();
  if (text.length > MAX_CAPTION_CHARS || TERMINAL.test(text) || text.includes(",")) return false;
  if (text.split(/\s+/).length > MAX_CAPTION_WORDS || LIST_ITEM.test(line.text)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text)) return false;
  const before = lines[i - 1];
  if (before && before.text.trim() && !IMAGE_LINE.test(before.text) && TERMINAL.test(before.text.trim()) === false) {
    // The line continues a paragraph rather than starting a section.
    if (before.text.trim().length >= MIN_WRAPPED_LINE) return false;
  }
  for (let j = i + 1; j < lines.length; j++) {
    const next = (lines[j] as Line).text.trim();
    if (!next || IMAGE_LINE.test(next)) continue;
    if (seen.has(next.replace(/\s+/g, " ").toLowerCase())) return false;
    return next.length >= MIN_CAPTION_FOLLOWER && next.length > text.length && !ATX.test(next) && !FENCE.test(next);
  }
  return false;
}

/**
 * Hard-wrapped text (most lines under ~100 characters) continues a sentence on the next line;
 * text with a paragraph per line does not. The median and 90th percentile of line lengths tell.
 */
function isHardWrapped(lines: Line[]): boolean {
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length < 3) return false;
  const at = (q: number): number => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0;
  return at(0.5) <= WRAP_MEDIAN && at(0.9) <= WRAP_P90;
}

/** Line-length limits of hard-wrapped text (editors wrap at 72-100 columns). */
const WRAP_MEDIAN = 100;
const WRAP_P90 = 120;

function cleanHeading(text: string): string {
  return text.replace(/[*_`]+/g, "").replace(/\s+/g, " ").trim();
}

function withHeading(block: Block, heading: string | undefined): Block {
  if (heading) block.heading = heading;
  return block;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    start = nl + 1;
  }
  return lines;
}

function maskInline(text: string, mask: Mask, line: Line): void {
  INLINE_NOISE.lastIndex = 0;
  for (const m of line.text.matchAll(INLINE_NOISE)) {
    const at = line.start + (m.index ?? 0);
    // Keep a link's visible text: only "](url)" is blanked, plus the "[" that opened it.
    if (m[0].startsWith("](")) {
      const open = text.lastIndexOf("[", at);
      if (open >= line.start) mask.blank(open, open + 1);
    }
    mask.blank(at, at + m[0].length);
  }
}

/**
 * The text with ranges blanked: kept as a list of ranges and applied once, since copying a long
 * document character by character for every blanked line costs more than reading it with wink.
 */
class Mask {
  private readonly ranges: Array<[number, number]> = [];

  constructor(private readonly text: string) {}

  /** Blanks [from, to) except line breaks. */
  blank(from: number, to: number): void {
    if (to > from) this.ranges.push([from, to]);
  }

  toString(): string {
    const ranges = this.ranges.sort((a, b) => a[0] - b[0]);
    let out = "";
    let at = 0;
    for (const [from, to] of ranges) {
      const start = Math.max(from, at);
      if (to <= start) continue;
      out += this.text.slice(at, start) + this.text.slice(start, to).replace(/[^\n\r]/g, " ");
      at = to;
    }
    return out + this.text.slice(at);
  }
}
