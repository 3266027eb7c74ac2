/**
 * The layout of a document: which stretches of text are prose, code or table, the heading each
 * sits under, and a "mask" of the text for indexing.
 *
 * The mask has exactly the length of the text; what must not be indexed (front matter, image
 * lines, link URLs, repeated blocks, heading lines, which are indexed as headings) is replaced by
 * spaces, newlines kept. Analysing the mask therefore gives offsets that point into the original
 * text, and every quote stays `text.slice(start, end)`.
 */

export type BlockKind = "prose" | "code" | "table" | "list";

/** A stretch of the document that passages never cross. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** The heading (markdown heading or caption line) the block sits under. */
  heading?: string;
  /**
   * The units passages are made of, in order, when the layout knows them (a list's items, a
   * table's rows, a lead-in before them); otherwise prose is cut into sentences and code and
   * tables into lines. A unit is never split unless it is longer than a quote may be.
   */
  units?: Array<[number, number]>;
  /**
   * Stretches searched with every passage of the block that does not quote them: a table's
   * header row, a list's lead-in sentence. They may lie before `start`.
   */
  context?: Array<[number, number]>;
}

export interface Layout {
  mask: string;
  blocks: Block[];
}

/**
 * A line seen before in the document is blanked when it is boilerplate: part of a repeated run
 * of lines (a gallery carried twice, a footer) or a short label standing alone (a photo credit,
 * a dictionary's " n." line); see isBoilerplate. A line that repeats among new ones is content
 * of its own section ("Changed in version 3.6: Accepts a path-like object." under each function,
 * a parameter's "* `callback` {Function}") and stays. Headings are exempt: "Parameters" may head
 * many sections.
 */
const MAX_LABEL_CHARS = 24;
const MAX_LABEL_WORDS = 3;
/** A hard-wrapped prose line is at least this long; a shorter line ends its paragraph. */
const MIN_WRAPPED_LINE = 40;
/** A caption used as a heading in plain text: short, few words, followed by a longer paragraph. */
const MAX_CAPTION_CHARS = 80;
const MAX_CAPTION_WORDS = 10;
const MIN_CAPTION_FOLLOWER = 60;

/** A code fence: up to 3 spaces, then 3 or more backticks or tildes; a backtick fence's info string holds no backtick. */
const FENCE = /^ {0,3}(?:(`{3,})(?![^`]*`)|(~{3,}))/;
/** A closing fence: the opening fence's character, at least as many, nothing after but blanks. */
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LINK_DEF = /^ {0,3}\[[^\]]+\]:\s*\S+.*$/;
const TABLE_ROW = /^\s*\|/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;
/**
 * A line ending a paragraph's sentence: a stop, or a closing quote or bracket after one ('… it."',
 * "(see below.)"). A quote or bracket alone ends a word, not a sentence: "… not even the
 * \"master\"" goes on at "branch that was created …" on the next line.
 */
const TERMINAL = /(?:[.!?:;…]|[.!?…]["”’)\]]+)$/;
/** Angle-bracket autolinks and bare URLs (GFM's trailing punctuation and unmatched ")" trimmed below). */
const URL_PATTERN = /<https?:\/\/[^>\s]*>|\bhttps?:\/\/[^\s<>]+/g;
const URL_TRAILING = /[?!.,:*_~'"”’]+$/;
/** CommonMark's limit on nested parentheses in a link destination. */
const MAX_PAREN_DEPTH = 32;

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Works out the layout of `text`, whose body starts at `bodyStart` (after front matter). */
export function layoutOf(text: string, bodyStart = 0): Layout {
  const mask = new Mask(text);
  mask.blank(0, bodyStart);
  const lines = [...eachLine(text, bodyStart)];
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const repeated = repeatedLines(lines);
  const furniture = pageFurniture(lines);
  const org = isOrg(lines);
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

  let lastLine = lines.length - 1;
  while (lastLine > 0 && !(lines[lastLine] as Line).text.trim()) lastLine--;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    // A sample: a fenced block, or Org mode's "#+begin_example" … "#+end_example".
    const closes = sampleCloser(line.text, org);
    if (closes) {
      closePara();
      // An unclosed one runs to the end of the document, as in CommonMark.
      let j = i + 1;
      while (j < lines.length && !closes((lines[j] as Line).text)) j++;
      mask.blank(line.start, line.end);
      if (j < lines.length) mask.blank((lines[j] as Line).start, (lines[j] as Line).end);
      const first = lines[i + 1];
      const last = lines[Math.min(j, lines.length) - 1];
      if (first && last && last.end > first.start) blocks.push(withHeading({ kind: "code", start: first.start, end: last.end }, heading));
      i = j;
      continue;
    }
    // Org mode's "#+TITLE:" settings and "# …" comments are not text.
    if (org && ORG_SETTING.test(line.text)) {
      closePara();
      mask.blank(line.start, line.end);
      continue;
    }
    const trimmed = line.text.trim();
    if (!trimmed) {
      closePara();
      continue;
    }
    // "## Title", or in Org mode "** Field 2 - Validity".
    const titled = ATX.exec(line.text)?.[2] ?? (org ? ORG_HEADING.exec(line.text)?.[1] : undefined);
    if (titled !== undefined) {
      closePara();
      heading = cleanHeading(titled);
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
    if (isManFurniture(line.text, i === lastLine) || furniture.has(i)) {
      // A manual page's running head and foot say which page it is, not what it says.
      mask.blank(line.start, line.end);
      closePara();
      continue;
    }
    if (RULE.test(line.text) || isImageLine(line.text) || LINK_DEF.test(line.text)) {
      mask.blank(line.start, line.end);
      closePara();
      if (captionScope && !RULE.test(line.text)) heading = undefined;
      continue;
    }

    // "-v            Request verbose logging.  Log messages …" over the rest of the description at
    // its column: an entry set with a hanging indent is headed by its term, its line kept as text.
    const hanging = hangingTerm(line, lines, i);
    if (hanging !== undefined) {
      closePara();
      heading = cleanHeading(hanging);
    } else if (isCaption(line, lines, i, seen)) {
      closePara();
      // "-u\n--include-untracked\n--no-include-untracked" over one indented description: the
      // term lines written one under another head it together.
      const terms = headsIndentedBlock(line, lines, i) ? termLinesAbove(lines, i, blocks) : [];
      for (const t of terms) mask.blank(t.start, t.end);
      heading = cleanHeading([...terms.map((t) => t.text.trim()), trimmed].join(", "));
      captionScope = true;
      seen.add(lineKey(trimmed));
      mask.blank(line.start, line.end);
      continue;
    }
    const key = lineKey(trimmed);
    if (seen.has(key) && isBoilerplate(lines, i, repeated)) {
      mask.blank(line.start, line.end);
      closePara();
      // A repeated block of some length (a gallery carried twice) ends a caption's scope; a short
      // repeated line (a dictionary's " n." part-of-speech line) does not.
      if (captionScope && key.length >= MIN_CAPTION_FOLLOWER) heading = undefined;
      continue;
    }
    seen.add(key);
    for (const n of inlineNoise(line.text)) mask.blank(line.start + n.from, line.start + n.to);
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

/** Folds a line for comparison: trimmed, runs of spaces as one, lower case. */
function lineKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** For each line, whether the same line (see lineKey) stands earlier in the document, outside code fences. */
function repeatedLines(lines: Line[]): boolean[] {
  const seen = new Set<string>();
  const out = lines.map(() => false);
  let fence: Fence | undefined;
  lines.forEach((line, i) => {
    if (fence) {
      if (closesFence(line.text, fence)) fence = undefined;
      return;
    }
    fence = fenceOf(line.text);
    const key = lineKey(line.text);
    if (fence || !key) return;
    out[i] = seen.has(key);
    seen.add(key);
  });
  return out;
}

/**
 * A repeated line (see MAX_LABEL_CHARS) that is boilerplate: a short label standing alone, or a
 * line of prose whose nearest neighbour before or after (blank, image and rule lines aside) is a
 * repeated line of prose too, or the same line. List items and table rows are never
 * boilerplate: a reference repeats its parameter lines.
 */
function isBoilerplate(lines: Line[], i: number, repeated: boolean[]): boolean {
  const text = (lines[i] as Line).text.trim();
  const prose = (line: string): boolean => !LIST_ITEM.test(line) && !TABLE_ROW.test(line);
  if (!prose(text)) return false;
  if (text.length <= MAX_LABEL_CHARS && text.split(/\s+/).length <= MAX_LABEL_WORDS && !/[\d:]/.test(text)) return true;
  const neighbour = (step: 1 | -1): number => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      const t = (lines[j] as Line).text;
      if (t.trim() && !isImageLine(t) && !RULE.test(t)) return j;
    }
    return -1;
  };
  const before = neighbour(-1);
  // A paragraph written twice in a row.
  if (before >= 0 && lineKey((lines[before] as Line).text) === lineKey(text)) return true;
  return [before, neighbour(1)].some((j) => j >= 0 && repeated[j] === true && prose((lines[j] as Line).text));
}

/** A manual page's name and section: "CURLOPT_USERAGENT(3)", "TMUX(1)". */
const MAN_NAME = String.raw`[A-Za-z_][\w.:+-]*\(\d[a-z]*\)`;
/** A manual page's head, "TMUX(1)   BSD General Commands Manual   TMUX(1)", its name at both ends. */
const MAN_HEAD = new RegExp(String.raw`^\s*(${MAN_NAME})\s+\S.*\S\s+(${MAN_NAME})\s*$`);
/** A manual page's foot: three parts set apart by runs of spaces, a date in the middle ("libcurl 7.88.1   January 02, 2023   CURLOPT_USERAGENT(3)"). */
const MAN_FOOT = /^\s*\S(?:.*\S)?\s{3,}(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{4})\s{3,}\S(?:.*\S)?\s*$/;

/** Org mode's heading ("* Format of the colon listings", "*** NEWSIG [<signers_uid>]"), its block markers, and its settings and comments. */
const ORG_HEADING = /^\*+[ \t]+(\S.*?)[ \t]*$/;
const ORG_BEGIN = /^\s*#\+begin_(\w+)/i;

/** What ends the sample line `text` opens, if it opens one: a closing fence, or in Org mode the block's "#+end_…". */
function sampleCloser(text: string, org: boolean): ((line: string) => boolean) | undefined {
  const fence = fenceOf(text);
  if (fence) return (line) => closesFence(line, fence);
  const begin = org ? ORG_BEGIN.exec(text) : null;
  if (!begin) return undefined;
  const end = new RegExp(`^\\s*#\\+end_${begin[1]}\\b`, "i");
  return (line) => end.test(line);
}
const ORG_SETTING = /^\s*#(?:\+\w+:?.*|\s.*|)$/;

/** Whether a plain text is written in Org mode: its first line says so ("-*- org -*-"), or it sets a title or opens a block the Org way. */
function isOrg(lines: Line[]): boolean {
  if (/-\*-\s*(?:mode:\s*)?org\s*-\*-/i.test(lines[0]?.text ?? "")) return true;
  return lines.slice(0, 40).some((l) => /^#\+(?:(?:title|options|startup):|begin_\w+)/i.test(l.text.trim()));
}

/** A line of a paginated text's running head or foot: two or more parts set apart by runs of spaces. */
const SPREAD_LINE = /^\s*\S.*?\S {3,}\S/;
/** How often a line must recur, and how many lines apart at least, to be a page's head or foot, not a table's row. */
const FURNITURE_RECURS = 3;
const FURNITURE_GAP = 20;

/**
 * The lines of a paginated text's running heads and feet: "NetHack Guidebook      14", "NetHack
 * 3.6      March 8, 2020", "RFC 2616      HTTP/1.1      June 1999", "Fielding, et al.
 * Standards Track      [Page 12]". A line of parts spread across the page that recurs, its
 * numbers aside, at least FURNITURE_RECURS times, mostly FURNITURE_GAP lines or more after the last
 * (the median gap): it says which page it is, not what the document says.
 */
function pageFurniture(lines: Line[]): Set<number> {
  const at = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (!SPREAD_LINE.test(line.text) || !/\p{L}/u.test(line.text)) return;
    const key = lineKey(line.text).replace(/\d+/g, "#");
    const seen = at.get(key);
    if (seen) seen.push(i);
    else at.set(key, [i]);
  });
  const out = new Set<number>();
  for (const rows of at.values()) {
    const gaps = rows.slice(1).map((row, k) => row - (rows[k] as number)).sort((a, b) => a - b);
    if (rows.length >= FURNITURE_RECURS && (gaps[gaps.length >> 1] as number) >= FURNITURE_GAP) for (const row of rows) out.add(row);
  }
  return out;
}

/** Whether a line is a manual page's running head, or (the document's last line) its foot (see MAN_HEAD, MAN_FOOT). */
function isManFurniture(text: string, last: boolean): boolean {
  const head = MAN_HEAD.exec(text);
  return (head !== null && head[1] === head[2]) || (last && MAN_FOOT.test(text));
}

/** A line that stops mid-clause, at a word that needs what follows: "… attach-session if", "… the". */
const OPEN_END = /\b(?:the|a|an|of|to|and|or|if|in|on|at|for|with|by|from|as|that|which|is|are|be|when|than|into)$/i;

/** A short title-like line followed by a longer paragraph: a heading in plain text. */
function isCaption(line: Line, lines: Line[], i: number, seen: Set<string>): boolean {
  const text = line.text.trim();
  const before = lines[i - 1];
  const standsAlone = !before || !before.text.trim();
  // A FAQ's question standing alone over its answer ("How do I configure a different editor?") heads it.
  const question = standsAlone && text.endsWith("?") && !/^\s/.test(line.text);
  if (text.length > MAX_CAPTION_CHARS || text.split(/\s+/).length > MAX_CAPTION_WORDS || LIST_ITEM.test(line.text)) return false;
  // The last line of a wrapped paragraph that goes on past a sample ("… the commit now—and that" over
  // "    $ git diff") continues its paragraph: it heads nothing.
  const continued = !standsAlone && before !== undefined && !isImageLine(before.text) && before.text.trim().length >= MIN_WRAPPED_LINE && !TERMINAL.test(before.text.trim());
  if (continued) return false;
  // Nor does the first line of a wrapped paragraph whose next line goes on at its indent ("The -A
  // flag makes new-session behave like attach-session if" over "session-name already exists; …"):
  // a title does not stop at "if", and no title runs on into a word in lower case.
  const after = lines[i + 1];
  const adjoins = after !== undefined && after.text.trim() !== "" && indentOf(after.text) === indentOf(line.text);
  if (adjoins && !question && (OPEN_END.test(text) || (text.length >= MIN_WRAPPED_LINE && /^\p{Ll}/u.test(after.text.trim())))) return false;
  // A term over an indented definition (glossaries, dictionaries, option lists: "-q, --quiet",
  // "--ignored[=<mode>]") heads it, whatever its case; a sentence's end or a lead-in's colon says it is prose.
  if (headsIndentedBlock(line, lines, i)) return (!/[.!;,:…]$/.test(text) || TERM_COLON.test(text)) && !seen.has(lineKey(text));
  if (TERMINAL.test(text) && !question) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text) || text.includes(",")) return false;
  for (let j = i + 1; j < lines.length; j++) {
    const next = (lines[j] as Line).text;
    if (!next.trim() || isImageLine(next)) continue;
    if (seen.has(lineKey(next))) return false;
    // A line indented deeper than what follows it ends an indented block (a code sample's last line).
    if (indentOf(line.text) > indentOf(next)) return false;
    const follower = next.trim();
    return follower.length >= MIN_CAPTION_FOLLOWER && follower.length > text.length && !ATX.test(follower) && !FENCE.test(follower);
  }
  return false;
}

/** The width of a line's leading blanks, a tab as 4. */
export function indentOf(line: string): number {
  return (/^[ \t]*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
}

/**
 * The lines right above line `i` (no blank between) that are term lines of its entry too: short,
 * at the margin, no sentence. Their prose blocks, the last of `blocks`, are taken out.
 */
function termLinesAbove(lines: Line[], i: number, blocks: Block[]): Line[] {
  let k = i;
  while (k > 0) {
    const text = (lines[k - 1] as Line).text;
    const term = text.trim();
    if (!term || /^\s/.test(text) || term.length > MAX_CAPTION_CHARS || term.split(/\s+/).length > MAX_CAPTION_WORDS || TERMINAL.test(term) || term.endsWith(",")) break;
    k--;
  }
  if (k === i) return [];
  const from = (lines[k] as Line).start;
  // Only lines that stand as blocks of their own (not the tail of a paragraph that began above).
  const last = blocks[blocks.length - 1];
  if (!last || last.kind !== "prose") return [];
  const firstOwn = blocks.findIndex((b) => b.start >= from);
  if (firstOwn < 0 || blocks.slice(0, firstOwn).some((b) => b.end > from)) return [];
  blocks.splice(firstOwn);
  return lines.slice(k, i);
}

/** The line stands at the margin and the next non-blank line is indented further. */
function headsIndentedBlock(line: Line, lines: Line[], i: number): boolean {
  // (A manual page indents its term lines too, and their descriptions further: "     escape-time
  // time" over "             Set the time in milliseconds …".)
  // An indented one stands apart from the line above and heads prose (not a sample's "    Host
  // kettle" over "            HostName kettle.example.org", nor a glossary's " n." under its headword).
  const own = indentOf(line.text);
  const before = lines[i - 1];
  if (own > 0 && before !== undefined && before.text.trim()) return false;
  // A term with its description begun on its own line ("I    List selected parts of your
  // inventory, usually by" over "     the character for …" at the description's column) is the
  // first line of that entry, a hanging indent: it heads nothing.
  const hanging = HANGING.exec(line.text);
  for (let j = i + 1; j < lines.length; j++) {
    const next = (lines[j] as Line).text;
    if (!next.trim()) continue;
    if (hanging && j === i + 1 && indentOf(next) === (hanging[0] as string).length) return false;
    if (own === 0) return /^\s+\S/.test(next);
    return indentOf(next) >= own + MIN_DEEPER && next.trim().split(/\s+/).length >= MIN_PROSE_WORDS;
  }
  return false;
}

/** A line's term and the run of spaces after it, up to where its description begins ("     I    "). */
const HANGING = /^\s*\S+(?: \S+)? {2,}(?=\S)/;

/** The longest term an entry set with a hanging indent opens with. */
const MAX_HANGING_TERM = 30;

/**
 * The term of an entry set with a hanging indent ("-v            Request verbose logging.  Log"
 * over "               tmux-client-PID.log and …", "I    List selected parts of your inventory,"):
 * a line that stands apart, a short term and a run of spaces, its description begun on the line
 * and going on in the next at the column where it began.
 */
function hangingTerm(line: Line, lines: Line[], i: number): string | undefined {
  const hang = HANGING.exec(line.text);
  const next = lines[i + 1]?.text ?? "";
  const before = lines[i - 1]?.text ?? "";
  // (It stands apart: after a blank line, or a heading at a shallower indent.)
  if (!hang || (before.trim() && indentOf(before) >= indentOf(line.text)) || !next.trim() || indentOf(next) !== (hang[0] as string).length) return undefined;
  const term = (hang[0] as string).trim();
  return term.length <= MAX_HANGING_TERM && !/[,;]$/.test(term) ? term : undefined;
}

/** Words of the first line under an indented term line, at least: a description, not a sample. */
const MIN_PROSE_WORDS = 5;

/** Columns a description stands deeper than the term line over it. */
const MIN_DEEPER = 2;

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

/**
 * The text of the first markdown heading in the body, outside code fences, that says anything
 * once cleaned (a heading of only an image does not); undefined when there is none.
 */
export function firstHeading(text: string, bodyStart = 0): string | undefined {
  let fence: Fence | undefined;
  for (const line of eachLine(text, bodyStart)) {
    if (fence) {
      if (closesFence(line.text, fence)) fence = undefined;
      continue;
    }
    fence = fenceOf(line.text);
    const atx = fence ? null : ATX.exec(line.text);
    const heading = atx ? cleanHeading(atx[2] ?? "") : "";
    if (heading) return heading;
  }
  return undefined;
}

/** The glyphs a list item may open with besides Markdown's "-", "*", "+": groff's and word processors' bullets ("○   offset - …"). */
export const BULLET_GLYPHS = "○•◦·▪‣";

/**
 * A term line with a colon after it that still heads its entry: a flag ("--tab:", "-r, --raw:"),
 * or a term after a bullet glyph as groff sets an option list ("○   --indent n:").
 */
const TERM_COLON = new RegExp(`^(?:[${BULLET_GLYPHS}]\\s+\\S.{0,60}|-{1,2}[\\w[].{0,60}):$`);
/** A bullet glyph before a heading's words ("○ --unbuffered"): layout, not part of its name. */
const BULLET_GLYPH = new RegExp(`^[${BULLET_GLYPHS}]\\s+`);

/** A heading as a label: images and URLs dropped, a link's text kept, emphasis marks, a bullet glyph and a closing colon stripped. */
function cleanHeading(text: string): string {
  // (Underscores only where they mark emphasis, at a word's edge: "sort_by(path_expression)" keeps its own.)
  return without(text, inlineNoise(text)).replace(/[*`]+/g, "").replace(/(^|[\s(])_+(?=\S)|(?<=\S)_+(?=[\s).,:;]|$)/g, "$1").replace(/\s+/g, " ").trim().replace(BULLET_GLYPH, "").replace(/(\S):$/, "$1");
}

function withHeading(block: Block, heading: string | undefined): Block {
  if (heading) block.heading = heading;
  return block;
}

function* eachLine(text: string, from: number): Generator<Line> {
  let start = from;
  while (start <= text.length) {
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    yield { start, end, text: text.slice(start, end) };
    start = nl + 1;
  }
}

/** An opening code fence: its character and length. */
interface Fence {
  char: string;
  length: number;
}

function fenceOf(line: string): Fence | undefined {
  const m = FENCE.exec(line);
  const run = m?.[1] ?? m?.[2];
  return run ? { char: run.charAt(0), length: run.length } : undefined;
}

function closesFence(line: string, fence: Fence): boolean {
  const run = CLOSING_FENCE.exec(line)?.[1];
  return run !== undefined && run.charAt(0) === fence.char && run.length >= fence.length;
}

/** A stretch [from, to) of a line that holds no words of the document; `image` for a whole inline image. */
interface Noise {
  from: number;
  to: number;
  image?: boolean;
}

/** Inline images, links and URLs in the line `s`: what `linkNoise` finds, and bare and `<…>` URLs. */
function inlineNoise(s: string): Noise[] {
  const noise = s.includes("](") ? linkNoise(s) : [];
  if (s.includes("http")) {
    for (const m of s.matchAll(URL_PATTERN)) noise.push({ from: m.index, to: m.index + trimUrl(m[0]).length });
  }
  return noise;
}

/**
 * Inline images (whole) and links (the "[" before the visible text and the "](destination
 * "title")" after it) in the line `s`, read as CommonMark reads them: a "]" closes the latest
 * open "[" (escaped brackets are text), a destination may hold balanced or escaped parentheses
 * or be written `<…>`, and "text](url)" with no "[" or a destination with a blank in it is no link.
 */
function linkNoise(s: string): Noise[] {
  const noise: Noise[] = [];
  const openers: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "[") openers.push(i);
    else if (c === "]") {
      const open = openers.pop();
      const end = open !== undefined && s[i + 1] === "(" ? destinationEnd(s, i + 1) : -1;
      if (open === undefined || end === -1) continue;
      if (s[open - 1] === "!" && !isEscaped(s, open - 1)) noise.push({ from: open - 1, to: end, image: true });
      else noise.push({ from: open, to: open + 1 }, { from: i, to: end });
      i = end - 1;
    }
  }
  return noise;
}

/** A line of nothing but inline images. */
function isImageLine(s: string): boolean {
  if (!s.includes("![")) return false;
  const images = inlineNoise(s).filter((n) => n.image);
  return images.length > 0 && !without(s, images).trim();
}

/**
 * Where a link's "(destination "title")" that opens at `paren` ends (just past its ")"), or -1
 * when it is not one.
 */
function destinationEnd(s: string, paren: number): number {
  let i = skipBlanks(s, paren + 1);
  if (s[i] === "<") {
    for (i++; i < s.length && s[i] !== ">"; i++) {
      if (s[i] === "<") return -1;
      if (s[i] === "\\") i++;
    }
    if (i >= s.length) return -1;
    i++;
  } else {
    let depth = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === BACKSLASH && ASCII_PUNCTUATION.test(s.charAt(i + 1))) i++;
      else if (c === OPEN_PAREN) {
        if (++depth > MAX_PAREN_DEPTH) return -1;
      } else if (c === CLOSE_PAREN) {
        if (depth === 0) break;
        depth--;
      } else if (c <= SPACE || c === DEL) break;
    }
    if (depth > 0) return -1;
  }
  const destEnd = i;
  i = skipBlanks(s, i);
  const quote = s[i];
  if (i > destEnd && (quote === '"' || quote === "'" || quote === "(")) {
    const closer = quote === "(" ? ")" : quote;
    for (i++; i < s.length && s[i] !== closer; i++) {
      if (s[i] === "\\") i++;
      else if (quote === "(" && s[i] === "(") return -1;
    }
    if (i >= s.length) return -1;
    i = skipBlanks(s, i + 1);
  }
  return s[i] === ")" ? i + 1 : -1;
}

const BACKSLASH = 92;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const SPACE = 32;
const DEL = 127;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

function skipBlanks(s: string, i: number): number {
  while (s[i] === " " || s[i] === "\t") i++;
  return i;
}

/** Whether the character at `i` is escaped by an odd number of backslashes before it. */
function isEscaped(s: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && s[i - n - 1] === "\\") n++;
  return n % 2 === 1;
}

/** A bare URL without the punctuation that ends the sentence round it or an unmatched ")" (GFM's rule). */
function trimUrl(url: string): string {
  if (url.startsWith("<")) return url;
  let u = url;
  for (let before = ""; u !== before; ) {
    before = u;
    u = u.replace(URL_TRAILING, "");
    if (u.endsWith(")") && u.split(")").length > u.split("(").length) u = u.slice(0, -1);
  }
  return u;
}

/** `s` with the stretches removed (they may overlap). */
function without(s: string, stretches: Noise[]): string {
  let out = "";
  let at = 0;
  for (const { from, to } of [...stretches].sort((a, b) => a.from - b.from)) {
    if (from > at) out += s.slice(at, from);
    at = Math.max(at, to);
  }
  return out + s.slice(at);
}

/**
 * The text with ranges blanked: kept as a list of ranges and applied once, since copying a long
 * document character by character for every blanked line costs more than reading it with wink.
 */
export class Mask {
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
