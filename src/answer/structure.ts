/**
 * The document structure an answer may need around a sentence, read from the raw text (Markdown
 * or plain): the block a lead-in ("… run the following command:") introduces, and the items of
 * a list a passage stands in.
 */
import { BULLET_GLYPHS, indentOf } from "../corpus/layout.js";

/**
 * A sentence ending at `end` of `text` leads in to the block after it: it ends in ":", or it
 * announces what follows ("… are listed below.", "as follows") and ends its paragraph.
 */
export function isLeadIn(sentence: string, text: string, end: number): boolean {
  if (/:\s*$/.test(sentence)) return true;
  if (/\b(listed|shown|described|given) (as )?below\b/i.test(sentence)) return true;
  if (!/\b(following|below|as follows)\b/i.test(sentence)) return false;
  return /^[ \t]*\n[ \t]*\n/.test(text.slice(end, end + 200)) || /^[ \t]*\n[ \t]*(?:[-*+]|\d{1,3}[.)])\s/.test(text.slice(end, end + 200));
}

/**
 * The block a sentence ending at `end` of `text` introduces, when it is a lead-in (isLeadIn): after
 * it for a sentence ending in ":", after its paragraph for one that points below.
 */
export function introducedBlock(sentence: string, text: string, end: number): Block | undefined {
  if (!isLeadIn(sentence, text, end)) return undefined;
  return blockAfter(text, end, !/:\s*$/.test(sentence));
}

/** Where the paragraph holding `at` ends (its last character's end). */
export function paragraphEnd(text: string, at: number): number {
  const m = /\n[ \t]*\n/.exec(text.slice(at));
  return m ? at + m.index : text.length;
}

/** A block after a lead-in: its text, and its items when it is a list. */
export interface Block {
  text: string;
  items?: string[];
}

/** Characters of a block taken at most (a short answer shows its start). */
const MAX_BLOCK_CHARS = 400;
/** Items of a list taken at most. */
export const MAX_ITEMS = 12;

// (A glyph before a term that ends in a colon, "○   --seq:", sets an entry's heading, as layout.ts reads it, not an item.)
const BULLET = new RegExp(`^(\\s*)(?:[-*+]|[${BULLET_GLYPHS}](?![^\\n]*:\\s*$)|\\d{1,3}[.)])\\s+(.*)$`);
const FENCE = /^\s*(```|~~~)/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
/** A line that is only HTML tags ("<div class=\"codeblock\">", "</p>"): markup around a block, no words of it. */
const HTML_TAG_LINE = /^\s*(?:<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>\s*)+$/;
/** Characters after a lead-in searched for the sections it introduces. */
const MAX_SECTION_SCAN = 20_000;

/**
 * A term line of a definition list: short, ending in a Markdown hard break (two spaces or a
 * backslash); or a call signature, however long its parameters run ("json.dumps(*obj*, *\**,
 * *skipkeys=False*, …)  ").
 */
export const TERM_LINE = /^(?:[^\n]{1,100}|[\w.]+\([^\n]{0,400}\))(?: {2,}|\\)$/;

/** A footnote's mark on a line of its own, as Sphinx writes notes in Markdown: "[1](#id1)  ", "[^2]:". */
const FOOTNOTE_MARK = /^\s*(?:\[\d{1,3}\]\(#[^)\s]*\)|\[\^?\d{1,3}\]:?)\s*\\?$/;

/** A reference to a footnote at a line's end: "… checks.[1](#id1)". */
const FOOTNOTE_REF = /\[\d{1,3}\]\(#[^)\s]*\)\s*$/;

/** The term lines that open the paragraphs of `text`, until a heading or a footnote. */
function termLines(text: string): string[] {
  const items: string[] = [];
  for (const para of text.split(/\n[ \t]*\n/)) {
    const line = para.replace(/^\s*\n/, "").split("\n")[0] ?? "";
    if (ATX.test(line)) break;
    // Footnotes after the list ("[1](#id1)  " over the note) end it.
    if (FOOTNOTE_MARK.test(line)) break;
    if (TERM_LINE.test(line)) items.push(plain(line.trim().replace(/\\$/, "")));
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}

/** The headings of `level` in `text` until one of a higher rank: the sections a lead-in introduces. */
function siblingHeadings(text: string, level: number): string[] {
  const items: string[] = [];
  for (const line of text.split("\n")) {
    const m = ATX.exec(line);
    if (!m) continue;
    const at = (m[1] ?? "").length;
    if (at < level) break;
    if (at === level) items.push(plain(m[2] ?? ""));
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}

/**
 * What follows `at` (the end of a lead-in sentence; with `skipParagraph`, the end of its
 * paragraph, for "… are listed below"): the rest of its line, when there is one, else the next block — a fenced or indented code block, a list (with its items), or a paragraph.
 */
export function blockAfter(text: string, at: number, skipParagraph = false): Block | undefined {
  if (skipParagraph) at = paragraphEnd(text, at);
  const lineEnd = text.indexOf("\n", at);
  const rest = text.slice(at, lineEnd === -1 ? undefined : lineEnd).trim();
  if (rest) return { text: rest.slice(0, MAX_BLOCK_CHARS) };
  if (lineEnd === -1) return undefined;
  const lines = text.slice(lineEnd + 1, lineEnd + 1 + 8 * MAX_BLOCK_CHARS).split("\n");
  let i = 0;
  // (An HTML wrapper around the block, "<div class=\"codeblock\">" in Markdown made from HTML, is not it.)
  while (i < lines.length && (!(lines[i] as string).trim() || HTML_TAG_LINE.test(lines[i] as string))) i++;
  const first = lines[i];
  if (first === undefined) return undefined;
  if (FENCE.test(first)) {
    const body: string[] = [];
    for (i++; i < lines.length && !FENCE.test(lines[i] as string); i++) body.push(lines[i] as string);
    return { text: body.join("\n").trim().slice(0, MAX_BLOCK_CHARS) };
  }
  // A caption line ("**Row-Level Lock Modes**") over the block is skipped.
  if (/^\s*\*\*[^*]+\*\*\s*$/.test(first)) {
    const after = text.indexOf(first, lineEnd) + first.length;
    return blockAfter(text, after);
  }
  if (TERM_LINE.test(first)) {
    // Short lines each ended by a hard break ("*class* argparse.RawTextHelpFormatter  "): one item a line.
    const paragraph: string[] = [];
    for (let j = i; j < lines.length && (lines[j] as string).trim() && paragraph.length < MAX_ITEMS; j++) paragraph.push(lines[j] as string);
    if (paragraph.length >= 2 && paragraph.every((line, k) => TERM_LINE.test(line) || (k === paragraph.length - 1 && line.length <= 100 && !/[.:;,]\s*$/.test(line.replace(FOOTNOTE_REF, ""))))) {
      const items = paragraph.map((line) => plain(line.trim().replace(/\\$/, "")));
      return { text: items.join("; ").slice(0, MAX_BLOCK_CHARS), items };
    }
    // A definition list ("`FOR UPDATE`  \n description"): its terms are the items.
    const items = termLines(text.slice(lineEnd + 1, lineEnd + 1 + MAX_SECTION_SCAN));
    if (items.length >= 2) return { text: items.join("; ").slice(0, MAX_BLOCK_CHARS), items };
  }
  // A plain-text definition list (man pages: "    --soft" over "        Does not touch …"): its terms are the items.
  const indented = indentedTerms(lines.slice(i));
  if (indented) return { text: indented.join("; ").slice(0, MAX_BLOCK_CHARS), items: indented };
  const heading = ATX.exec(first);
  if (heading) {
    // "… are listed below." over sections: the sibling headings are the items.
    const items = siblingHeadings(text.slice(lineEnd + 1, lineEnd + 1 + MAX_SECTION_SCAN), (heading[1] ?? "").length);
    return { text: items.join("; ").slice(0, MAX_BLOCK_CHARS), items };
  }
  if (BULLET.test(first)) {
    const items = listItems(lines.slice(i));
    return { text: items.join("; ").slice(0, MAX_BLOCK_CHARS), items };
  }
  const body: string[] = [];
  for (; i < lines.length && (lines[i] as string).trim(); i++) body.push((lines[i] as string).trim());
  return { text: body.join(" ").slice(0, MAX_BLOCK_CHARS) };
}

/** A term of a plain-text definition list: short, no sentence's end or lead-in's colon. */
const PLAIN_TERM = /^[^\s.!?;:,…][^\n]{0,78}$/;
const TERM_END = /[.!?;:,…]$/;

/**
 * The terms of the plain-text definition list `lines` opens with, when it opens with one: lines
 * at one indent, each short and no sentence, each over a definition indented deeper ("    --soft"
 * over "        Does not touch the index file …"), until a line less indented than the terms.
 */
function indentedTerms(lines: string[]): string[] | undefined {
  const at = indentOf(lines[0] ?? "");
  const items: string[] = [];
  for (let i = 0; i < lines.length && items.length < MAX_ITEMS; i++) {
    const line = lines[i] as string;
    if (!line.trim()) continue;
    const indent = indentOf(line);
    if (indent < at) break;
    if (indent > at) continue;
    const term = line.trim();
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).trim()) j++;
    const next = lines[j];
    if (!PLAIN_TERM.test(term) || TERM_END.test(term) || next === undefined || indentOf(next) <= at) break;
    items.push(plain(term));
  }
  return items.length >= 2 ? items : undefined;
}

/** The items of the list whose line holds `at`, if that line is a list item (or its continuation). */
export function listAround(text: string, at: number): string[] | undefined {
  const lineStart = text.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
  // Walk back to the list's first line: items, their continuations, blank lines between items.
  let start = lineStart;
  const own = lineOf(text, lineStart);
  let sawItem = BULLET.test(own);
  if (!sawItem && !/^\s{2,}\S/.test(own)) return undefined;
  // What a line of the list is indented deeper than: its item's marker, or (before one is seen)
  // less than the continuation line it starts from. A line of prose at that indent or less is
  // not in the list (a document indented throughout is not one list).
  let floor = sawItem ? leadingBlanks(own) : leadingBlanks(own) - 1;
  // The least indent of the lines of prose walked past: an item's continuations stand deeper than its marker.
  let passed = sawItem ? Infinity : leadingBlanks(own);
  while (start > 0) {
    // (lastIndexOf reads a negative position as 0: at a document that opens with a blank line, the
    // line before the second is the first, not the second again.)
    const prevStart = start >= 2 ? text.lastIndexOf("\n", start - 2) + 1 : 0;
    const prev = lineOf(text, prevStart);
    if (BULLET.test(prev)) {
      if (leadingBlanks(prev) >= passed) break;
      [sawItem, floor] = [true, Math.min(floor, leadingBlanks(prev))];
    } else if (prev.trim() && (!/^\s{2,}\S/.test(prev) || leadingBlanks(prev) <= floor)) break;
    else if (prev.trim()) passed = Math.min(passed, leadingBlanks(prev));
    start = prevStart;
    if (start === 0) break;
  }
  if (!sawItem) return undefined;
  const lines = text.slice(start, start + 16 * MAX_BLOCK_CHARS).split("\n");
  while (lines.length && !BULLET.test(lines[0] as string)) lines.shift();
  const items = listItems(lines);
  return items.length >= 2 ? items : undefined;
}

function leadingBlanks(line: string): number {
  return (/^[ \t]*/.exec(line)?.[0] ?? "").length;
}

function lineOf(text: string, start: number): string {
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? undefined : end);
}

/** The top-level items of the list `lines` begins with: each item's first line, markdown marks dropped. */
function listItems(lines: string[]): string[] {
  const first = BULLET.exec(lines[0] ?? "");
  if (!first) return [];
  const indent = (first[1] ?? "").length;
  const items: string[] = [];
  let blank = false;
  for (const line of lines) {
    const m = BULLET.exec(line);
    if (m && (m[1] ?? "").length === indent) {
      items.push(plain(m[2] ?? ""));
      if (items.length >= MAX_ITEMS) break;
      blank = false;
    } else if (!line.trim()) blank = true;
    // (After a blank line, prose no deeper than the markers ends the list, in a text indented throughout too.)
    else if (blank && leadingBlanks(line) <= indent) break;
    else if (!m && !/^\s/.test(line) && !blank) {
      // A lazy continuation of the item's paragraph.
      continue;
    }
  }
  return items;
}

/** An item's text without link targets and emphasis marks, cut at its first sentence end past 80 characters. */
function plain(item: string): string {
  const text = item.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\*\*|__/g, "").trim();
  if (text.length <= 100) return text;
  const stop = text.slice(0, 100).search(/[.;:](\s|$)/);
  return stop > 10 ? text.slice(0, stop) : `${text.slice(0, 97)}…`;
}

/**
 * "See …", "Compare …", "Cf. …" followed by nothing but references (one at least): `{entry}`
 * (glossaries), `[text](url)` or `[text]`, `code`, *emphasis*, joined by punctuation and
 * "and", "or", "also", "the entry", "below"…
 */
export const POINTER_ONLY =
  /^\s*(?:(?:see(?:\s+also)?|compare(?:\s+with)?|contrast(?:\s+with)?)\b|cf\.)(?=.*[{[`])(?:\s|[,;:.]|\b(?:and|or|also|the|entry|entries|below|above|under)\b|\{[^{}]*\}|\[[^\]]*\](?:\([^)]*\))?|`[^`]*`|\*[^*]+\*|_[^_]+_)*$/i;
