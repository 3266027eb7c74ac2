/**
 * Cuts a document into passages: small windows of sentences that keep their exact offsets, with
 * the search terms of each, and gathers the names the document gives in full.
 */
import { layoutOf, type Block, type Layout } from "../corpus/layout.js";
import { markdownLayout } from "../corpus/markdown.js";
import { parseFrontMatter } from "../corpus/frontmatter.js";
import { analyse, termOf, termsOf, type Token } from "../nlp/analyse.js";
import { nameSpans, surnameKey } from "../nlp/names.js";

/** A passage before it has an id: offsets, heading and search terms. */
export interface PassageDraft {
  start: number;
  end: number;
  heading?: string;
  /** Normalised terms of the passage text, in order. */
  terms: string[];
  /** Normalised terms of the heading. */
  headingTerms: string[];
}

/** Full names a document gives, by surname key: "mahmood" → "Khalid Mahmood". */
export type NameBook = Record<string, string>;

export interface CutDocument {
  passages: PassageDraft[];
  names: NameBook;
  /** Surname keys of the people or things the document is mostly about (most mentioned names). */
  topics: string[];
}

/** A name is a topic of its document when mentioned this often, and at least half as often as the most mentioned. */
const MIN_TOPIC_MENTIONS = 3;
const TOPIC_SHARE = 0.5;

/**
 * At most this many sentences a passage: enough to keep a claim with its subject ("Ms Allin-Khan
 * … pitting her against … Ian Murray … is also standing"), few enough that a quote stays short.
 */
export const MAX_SENTENCES = 3;
/** A window stops growing past this many characters (about 60-70 words). */
export const MAX_PASSAGE_CHARS = 400;
/** A single sentence longer than this (a run-on list, a table flattened to one line) is cut at word boundaries. */
export const MAX_SENTENCE_CHARS = 1000;
/** Code blocks stay whole up to this size; a longer one is cut between lines. */
export const MAX_CODE_CHARS = 2000;
/**
 * A list item or table row stays one unit up to this size, nested items included; a longer one
 * is cut into sentences. The answer stage shortens a quote over 600 characters (MAX_EXCERPT_CHARS
 * in answer/excerpt.ts), so a longer unit would be cut anyway, at a blank that may lie in code.
 */
export const MAX_UNIT_CHARS = 600;

/** How a document is read: Markdown by its syntax tree, plain text by the rules of layout.ts. */
export type DocFormat = "markdown" | "text";

interface Span {
  start: number;
  end: number;
  tokens: Token[];
}

/** Cuts the document text into passages, reading it as `format` (plain text by default). */
export function cutDocument(text: string, format: DocFormat = "text"): CutDocument {
  let layout: Layout;
  let atomic: Array<[number, number]> = [];
  if (format === "markdown") {
    const md = markdownLayout(text);
    layout = md;
    atomic = md.atomic;
  } else {
    layout = layoutOf(text, parseFrontMatter(text).bodyStart);
  }
  const { mask, blocks } = layout;
  const passages: PassageDraft[] = [];
  const headingTerms = new Map<string, string[]>();
  const nameCounts = new Map<string, Map<string, number>>();
  const mentions = new Map<string, number>();

  const headingsSeen = new Set<string>();
  const reader = new ChunkReader(mask, blocks);
  for (const block of blocks) {
    if (block.heading && !headingsSeen.has(block.heading)) {
      headingsSeen.add(block.heading);
      collectNames(analyse(block.heading, 0, { entities: false }).tokens, nameCounts, new Map());
    }
    const readFrom = Math.min(block.start, ...(block.context ?? []).map(([s]) => s));
    const readTokens = reader.tokensIn(readFrom, block.end);
    const blockTokens = readFrom < block.start ? readTokens.filter((t) => t.start >= block.start) : readTokens;
    collectNames(blockTokens, nameCounts, mentions);
    const units = unitsOf(block, blockTokens, text, atomic);
    const limit = block.kind === "code" ? MAX_CODE_CHARS : MAX_PASSAGE_CHARS;
    const maxUnits = block.kind === "prose" ? MAX_SENTENCES : Infinity;
    const context = (block.context ?? []).map(([s, e]) => ({ s, e, tokens: readTokens.filter((t) => t.start >= s && t.end <= e) }));
    for (const window of windows(units, limit, maxUnits)) {
      const terms: string[] = [];
      for (const unit of window) for (const t of unit.tokens) {
        const term = termOf(t);
        if (term) terms.push(term);
      }
      if (terms.length === 0) continue;
      const first = window[0] as Span;
      const last = window[window.length - 1] as Span;
      if (!hasWords(text, first.start, last.end)) continue;
      for (const c of context) {
        if (c.s < last.end && first.start < c.e) continue;
        for (const t of c.tokens) {
          const term = termOf(t);
          if (term) terms.push(term);
        }
      }
      passages.push(draft(widenStart(first.start, atomic), widenEnd(last.end, atomic), block, terms, headingTerms));
    }
  }
  return { passages, names: nameBook(nameCounts), topics: topicsOf(mentions) };
}

/**
 * A passage needs this many letters or digits to be worth quoting: a glossary's part-of-speech
 * line ("n.") or a lone bullet says nothing alone, and a quote checker that ignores pieces of three
 * characters or fewer (../shared/eval/score.mjs) cannot even check it.
 */
const MIN_WORD_CHARS = 4;

function hasWords(text: string, start: number, end: number): boolean {
  let n = 0;
  for (const ch of text.slice(start, end)) if (/[\p{L}\p{N}]/u.test(ch) && ++n >= MIN_WORD_CHARS) return true;
  return false;
}

function draft(start: number, end: number, block: Block, terms: string[], cache: Map<string, string[]>): PassageDraft {
  const heading = block.heading;
  if (!heading) return { start, end, terms, headingTerms: [] };
  let hterms = cache.get(heading);
  if (!hterms) cache.set(heading, (hterms = termsOf(heading)));
  return { start, end, heading, terms, headingTerms: hterms };
}

/**
 * Reads a document's mask with wink in chunks of whole blocks (one readDoc per chunk rather than
 * per block: a call has a fixed cost that thousands of short blocks would pay again and again).
 */
class ChunkReader {
  private tokens: Token[] = [];
  private chunkEnd = -1;
  private next = 0;

  constructor(
    private readonly mask: string,
    private readonly blocks: Block[],
  ) {}

  /** Tokens inside [start, end), which must be a block, asked for in document order. */
  tokensIn(start: number, end: number): Token[] {
    if (end > this.chunkEnd) this.readChunkFrom(start);
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tokens[mid] as Token).start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Token[] = [];
    for (let i = lo; i < this.tokens.length && (this.tokens[i] as Token).start < end; i++) out.push(this.tokens[i] as Token);
    return out;
  }

  private readChunkFrom(start: number): void {
    while (this.next < this.blocks.length && (this.blocks[this.next] as Block).start < start) this.next++;
    let end = start;
    while (this.next < this.blocks.length) {
      const block = this.blocks[this.next] as Block;
      if (end > start && block.end - start > CHUNK_CHARS) break;
      end = block.end;
      this.next++;
    }
    this.tokens = analyse(this.mask.slice(start, end), start, { entities: false }).tokens;
    this.chunkEnd = end;
  }
}

/** Characters read by one readDoc at most (a block longer than this is read alone). */
const CHUNK_CHARS = 256 * 1024;

/** The units of a block: the layout's own (list items, table rows), else sentences or lines. */
function unitsOf(block: Block, tokens: Token[], text: string, atomic: Array<[number, number]>): Span[] {
  if (!block.units) return block.kind === "prose" ? sentenceUnits(tokens, text, atomic) : lineUnits(tokens, text);
  const units: Span[] = [];
  let i = 0;
  for (const [start, end] of block.units) {
    while (i < tokens.length && (tokens[i] as Token).start < start) i++;
    const own: Token[] = [];
    for (; i < tokens.length && (tokens[i] as Token).start < end; i++) own.push(tokens[i] as Token);
    const real = own.filter(isReal);
    if (real.length === 0) continue;
    if (block.kind === "code") {
      if (end - start > MAX_CODE_CHARS) units.push(...lineUnits(own, text));
      else units.push({ start, end, tokens: real });
      continue;
    }
    const last = real[real.length - 1] as Token;
    if (last.end - start > MAX_UNIT_CHARS) units.push(...sentenceUnits(own, text, atomic));
    else units.push({ start: Math.min(start, (real[0] as Token).start), end: Math.max(last.end, end), tokens: real });
  }
  return units;
}

function isReal(t: Token): boolean {
  return t.type !== "tabCRLF" && t.text.trim() !== "";
}

/**
 * Sentences of a prose block (wink's, cut at the block's edges), trimmed to real tokens; long ones
 * cut. Two of wink's sentences stay one where the cut falls inside an `atomic` stretch (inline
 * code, a link), inside a word ("v2.3.0", "setup.py"), or before a lower-case word ("e.g. the").
 */
function sentenceUnits(tokens: Token[], text = "", atomic: Array<[number, number]> = []): Span[] {
  const units: Span[] = [];
  const real = tokens.filter(isReal);
  const groups: Token[][] = [];
  let a = 0;
  while (a < real.length) {
    let b = a;
    while (b + 1 < real.length && (real[b + 1] as Token).sentence === (real[a] as Token).sentence) b++;
    const toks = real.slice(a, b + 1);
    a = b + 1;
    const previous = groups[groups.length - 1];
    if (previous && text && holdsTogether(previous[previous.length - 1] as Token, toks[0] as Token, text, atomic)) previous.push(...toks);
    else groups.push(toks);
  }
  for (const toks of groups) {
    let from = 0;
    while (from < toks.length) {
      let to = from;
      const first = toks[from] as Token;
      while (to + 1 < toks.length && (toks[to + 1] as Token).end - first.start <= MAX_SENTENCE_CHARS) to++;
      units.push({ start: first.start, end: (toks[to] as Token).end, tokens: toks.slice(from, to + 1) });
      from = to + 1;
    }
  }
  return units;
}

/** How many atomic stretches before a point may reach past it (a link holding inline code holds two). */
const ATOMIC_LOOKBACK = 8;

/** The index of the first atomic stretch starting at or after `at`. */
function firstAtomicFrom(at: number, atomic: Array<[number, number]>): number {
  let lo = 0;
  let hi = atomic.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((atomic[mid] as [number, number])[0] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `end` moved past the end of an atomic stretch it falls inside: a passage whose last word is a
 * link's text ends after the link's destination, not inside the link.
 */
function widenEnd(end: number, atomic: Array<[number, number]>): number {
  let out = end;
  const i = firstAtomicFrom(end, atomic);
  for (let k = i - 1; k >= 0 && k >= i - ATOMIC_LOOKBACK; k--) out = Math.max(out, (atomic[k] as [number, number])[1]);
  return out;
}

/** `start` moved back to the start of an atomic stretch it falls inside. */
function widenStart(start: number, atomic: Array<[number, number]>): number {
  let out = start;
  const i = firstAtomicFrom(start, atomic);
  for (let k = i - 1; k >= 0 && k >= i - ATOMIC_LOOKBACK; k--) {
    const [s, e] = atomic[k] as [number, number];
    if (e > start) out = Math.min(out, s);
  }
  return out;
}

/** Whether a sentence boundary between the tokens `end` and `next` would cut something that is one. */
function holdsTogether(end: Token, next: Token, text: string, atomic: Array<[number, number]>): boolean {
  if (next.start === end.end) return true;
  if (/^\p{Ll}/u.test(next.text) && !/[.!?]["'”’)]?$/.test(end.text)) return true;
  if (/^\p{Ll}/u.test(next.text) && /\b(?:e\.g|i\.e|etc|vs|cf)\.$/i.test(text.slice(Math.max(0, end.end - 5), end.end))) return true;
  // A "." standing alone ("git add . practically useless") is a path in a command, not a stop.
  if (/^\p{Ll}/u.test(next.text) && end.text === "." && /\s/.test(text[end.start - 1] ?? "")) return true;
  const lo = firstAtomicFrom(end.end, atomic);
  for (let k = lo - 1; k >= 0 && k >= lo - ATOMIC_LOOKBACK; k--) {
    const [s, e] = atomic[k] as [number, number];
    if (s < end.end && e > end.end) return true;
  }
  return false;
}

/** Lines of a code block or table, as units that windows never split. */
function lineUnits(tokens: Token[], text: string): Span[] {
  const units: Span[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    const real = current.filter((t) => t.type !== "tabCRLF" && t.text.trim() !== "");
    if (real.length) units.push({ start: lineStart(text, (real[0] as Token).start), end: (real[real.length - 1] as Token).end, tokens: real });
    current = [];
  };
  for (const t of tokens) {
    if (t.type === "tabCRLF" && t.text.includes("\n")) flush();
    else current.push(t);
  }
  flush();
  return units;
}

/** Start of the line holding `at`, so code keeps its indentation. */
function lineStart(text: string, at: number): number {
  const nl = text.lastIndexOf("\n", at - 1);
  return nl + 1;
}

/**
 * A block's last window shorter than this joins the window before it: alone it would be a quote
 * too short to stand as evidence (issue 9 counts pieces under 25 characters as fragments; "Type:
 * integer" after a three-sentence description is 13).
 */
const MIN_LAST_WINDOW_CHARS = 40;

/** Groups consecutive units into windows of at most `maxUnits` units and about `limit` chars. */
function windows(units: Span[], limit: number, maxUnits: number): Span[][] {
  const out: Span[][] = [];
  let window: Span[] = [];
  for (const unit of units) {
    const first = window[0];
    if (first && (window.length >= maxUnits || unit.end - first.start > limit)) {
      out.push(window);
      window = [];
    }
    window.push(unit);
  }
  const first = window[0];
  const last = window[window.length - 1];
  const previous = out[out.length - 1];
  if (first && last && previous && last.end - first.start < MIN_LAST_WINDOW_CHARS) previous.push(...window);
  else if (window.length) out.push(window);
  return out;
}

function topicsOf(mentions: Map<string, number>): string[] {
  const max = Math.max(0, ...mentions.values());
  return [...mentions].filter(([, n]) => n >= MIN_TOPIC_MENTIONS && n >= TOPIC_SHARE * max).map(([key]) => key);
}

function collectNames(tokens: Token[], counts: Map<string, Map<string, number>>, mentions: Map<string, number>): void {
  for (const span of nameSpans(tokens)) {
    const key = surnameKey(span.text);
    mentions.set(key, (mentions.get(key) ?? 0) + 1);
    if (span.words < 2) continue;
    let forms = counts.get(key);
    if (!forms) counts.set(key, (forms = new Map()));
    forms.set(span.text, (forms.get(span.text) ?? 0) + 1);
  }
}

/**
 * The full form of each surname: the most frequent form, or a longer one that ends with it
 * ("Long Bailey" → "Rebecca Long Bailey"); ties go to the shorter form.
 */
function nameBook(counts: Map<string, Map<string, number>>): NameBook {
  const book: NameBook = {};
  for (const [key, forms] of counts) {
    let best = "";
    let bestCount = 0;
    for (const [form, n] of forms) {
      if (n > bestCount || (n === bestCount && form.length < best.length)) {
        best = form;
        bestCount = n;
      }
    }
    for (const form of forms.keys()) {
      if (form.length > best.length && form.endsWith(" " + best)) best = form;
    }
    book[key] = best;
  }
  return book;
}
