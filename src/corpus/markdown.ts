/**
 * The layout of a Markdown document read as CommonMark + GFM (see mdast.ts): the same `Layout`
 * as the plain-text rules of layout.ts, built from the syntax tree's exact offsets, so every
 * quote stays `text.slice(start, end)`.
 *
 * - A paragraph is a prose block; a short one ("New in version 3.2.") joins its neighbour.
 * - A list is one block whose units are its items, nested items inside; the sentence before the
 *   list is searched with every passage of it (its lead-in).
 * - A lead-in ending in ":" is quoted with the code block, list or table it introduces.
 * - A table's units are its rows; its header row is searched with every passage of it.
 * - HTML comments, front matter, images, link destinations and heading lines are blanked; a
 *   `<!-- YAML … -->` history block (`added: v2.3.0`) is kept as a block of its own.
 * - A paragraph, list item or code block of at least `MIN_DEDUP_CHARS` seen before is blanked.
 */
import type { List, Nodes, Parents, RootContent, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Block, Layout } from "./layout.js";
import { Mask } from "./layout.js";
import { parseFrontMatter } from "./frontmatter.js";
import { bareUrls, parseMarkdown, rangeOf, walk } from "./mdast.js";

/**
 * A block repeated in a document is indexed once when it is at least this long: a gallery or a
 * footer carried twice, not a short line that recurs by right ("* Returns: {Server}" under two
 * methods). Fitted by eye on the eval corpora's API pages, whose repeated items are under 40.
 */
const MIN_DEDUP_CHARS = 60;
/**
 * A paragraph shorter than this joins the paragraph after it (or before it): alone it would be
 * a quote too short to stand as evidence ("New in version 3.2.", a "Tutorial" line). Issue 9
 * counts pieces under 25 characters as fragments; 40 also catches two-line stubs.
 */
const MIN_PROSE_CHARS = 40;
/** A lead-in longer than this is not quoted with what it introduces (its last sentence is). */
const MAX_LEAD_IN_CHARS = 300;

const INTRODUCED = new Set(["code", "list", "table"]);
/** The last sentence of a paragraph starts after one of these followed by a blank. */
const SENTENCE_END = /[.!?]["'”’)\]]?\s+/g;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE_LINE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const YAML_COMMENT = /^<!--\s*YAML\b/;

/** The Markdown layout of `text`, with the stretches no sentence boundary may fall inside. */
export interface MarkdownLayout extends Layout {
  /** Inline code spans and links, sorted: a sentence never ends inside one. */
  atomic: Array<[number, number]>;
}

/** Reads `text` as Markdown into blocks and a mask (see layout.ts for what they are). */
export function markdownLayout(text: string): MarkdownLayout {
  const { bodyStart } = parseFrontMatter(text);
  let tree = parseMarkdown(text);
  if (bodyStart > 0 && tree.children[0]?.type !== "yaml") {
    // Front matter micromark does not take for it (closed by "..."): read the body alone, offsets kept.
    tree = parseMarkdown(text.slice(0, bodyStart).replace(/[^\r\n]/g, " ") + text.slice(bodyStart));
  }
  const reader = new Reader(text);
  reader.blank(0, bodyStart);
  return reader.read(tree);
}

/** A stretch waiting to be quoted with what comes next: a lead-in, or a short paragraph. */
interface Pending {
  start: number;
  end: number;
}

class Reader {
  private readonly mask: Mask;
  private readonly blocks: Block[] = [];
  private readonly atomic: Array<[number, number]> = [];
  private readonly seen = new Set<string>();
  private heading: string | undefined;

  constructor(private readonly text: string) {
    this.mask = new Mask(text);
  }

  blank(from: number, to: number): void {
    this.mask.blank(from, to);
  }

  read(tree: Root): MarkdownLayout {
    this.flow(tree.children);
    this.blocks.sort((a, b) => a.start - b.start);
    return { mask: this.mask.toString(), blocks: this.blocks, atomic: this.atomic.sort((a, b) => a[0] - b[0]) };
  }

  private flow(nodes: RootContent[]): void {
    let short: Pending | undefined;
    let lastProse: Block | undefined;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as RootContent;
      const next = nodes[i + 1];
      if (node.type !== "paragraph") lastProse = undefined;
      switch (node.type) {
        case "heading":
          this.flushShort(short);
          short = undefined;
          this.heading = toString(node, { includeImageAlt: false }).replace(/\s+/g, " ").trim() || this.heading;
          this.blankNode(node);
          break;
        case "paragraph": {
          const [start, end] = rangeOf(node);
          this.inline(node);
          if (this.isOnlyImages(node) || !toString(node).trim() || this.isRepeat(node) || isAnchorLines(node)) {
            this.blankNode(node);
            break;
          }
          // "**Can two ships share a dock?** Yes, any number …": a FAQ that sets its questions in
          // bold heads each answer with its question, as a heading line would.
          const asked = boldQuestion(node);
          if (asked) {
            this.flushShort(short);
            short = undefined;
            this.heading = asked.text;
            this.mask.blank(start, asked.end);
            const rest = this.text.slice(asked.end, end).search(/\S/);
            lastProse = rest === -1 ? undefined : this.push({ kind: "prose", start: asked.end + rest, end });
            break;
          }
          // "`CURLOPT_COOKIESESSION`" alone over the paragraph that describes it: a reference's
          // entry written as a term paragraph heads its description, as a heading would, and is
          // not a short line of the entry before it.
          const term = next?.type === "paragraph" ? termParagraph(node) : undefined;
          if (term) {
            this.flushShort(short);
            short = undefined;
            this.heading = term;
            this.blankNode(node);
            break;
          }
          const from = short?.start ?? start;
          short = undefined;
          if (next && INTRODUCED.has(next.type)) {
            const joined = this.introduces(start, end, next);
            const lead = this.leadInOf(joined ? from : start, end);
            if (!joined) this.push({ kind: "prose", start: from, end });
            else if (lead.start > from) this.push({ kind: "prose", start: from, end: this.trimEnd(from, lead.start) });
            this.introduce(next, lead, joined);
            i++;
            lastProse = undefined;
            break;
          }
          if (end - from < MIN_PROSE_CHARS) {
            // A short paragraph belongs with the one before it ("Type: integer" after a
            // description), else with the one after it ("New in version 3.2." under a heading).
            if (lastProse) lastProse.end = end;
            else if (next?.type === "paragraph") short = { start: from, end };
            else lastProse = this.push({ kind: "prose", start: from, end });
            break;
          }
          lastProse = this.push({ kind: "prose", start: from, end });
          break;
        }
        case "code":
        case "list":
        case "table":
          this.flushShort(short);
          short = undefined;
          this.introduce(node, undefined, false);
          break;
        case "html":
          this.flushShort(short);
          short = undefined;
          this.html(node);
          break;
        case "blockquote":
        case "footnoteDefinition":
          this.flushShort(short);
          short = undefined;
          this.flow(node.children);
          break;
        default:
          // Front matter, rules, link definitions: not prose.
          this.blankNode(node);
      }
    }
    this.flushShort(short);
  }

  private flushShort(short: Pending | undefined): void {
    if (short) this.push({ kind: "prose", start: short.start, end: short.end });
  }

  /**
   * A code block, list or table, with the lead-in before it: quoted with it when it ends in ":"
   * (`joined`), else only searched with it (a list's lead-in).
   */
  private introduce(node: RootContent, lead: Pending | undefined, joined: boolean): void {
    const quoted = joined && lead ? lead : undefined;
    if (node.type === "code") {
      if (this.isRepeat(node)) return this.blankNode(node);
      const [start, end] = this.codeBody(node);
      // Quoted with its lead-in, a fenced block keeps both fences: the quote shows as code.
      if (quoted) this.push({ kind: "code", start: quoted.start, end: rangeOf(node)[1], units: [[quoted.start, quoted.end], rangeOf(node)] });
      else if (end > start) this.push({ kind: "code", start, end });
      return;
    }
    if (node.type === "list") {
      // A page's table of contents (items that only link within the page) is navigation: its
      // words are the headings', and quoting it answers nothing.
      if (isAnchorIndex(node)) return this.blankNode(node);
      const items: Array<[number, number]> = [];
      for (const item of node.children) {
        this.inline(item);
        if (this.isRepeat(item)) this.blankNode(item);
        else items.push(rangeOf(item));
      }
      this.markFences(node);
      const units = quoted ? [[quoted.start, quoted.end] as [number, number], ...items] : items;
      if (units.length === 0) return;
      const block: Block = { kind: "list", start: (units[0] as [number, number])[0], end: rangeOf(node)[1], units };
      if (lead) block.context = [[lead.start, lead.end]];
      this.push(block);
      return;
    }
    if (node.type === "table") {
      this.inline(node);
      const rows = node.children.map((row) => rangeOf(row));
      const header = rows[0];
      if (!header) return;
      const units = quoted ? [[quoted.start, quoted.end] as [number, number], ...rows] : rows;
      this.push({ kind: "table", start: (units[0] as [number, number])[0], end: rangeOf(node)[1], units, context: lead ? [[lead.start, lead.end], header] : [header] });
    }
  }

  /**
   * Whether the paragraph [start, end) is quoted with the code block, list or table `next` after
   * it: it ends in ":" or with no full stop ("For example,", "In C++ you'd write"), or one of
   * the two is too short to stand alone.
   */
  private introduces(start: number, end: number, next: RootContent): boolean {
    const tail = this.text.slice(start, end).trimEnd();
    if (!/[.!?]["'”’)\]]?$/.test(tail) || end - start < MIN_PROSE_CHARS) return true;
    const [s, e] = rangeOf(next);
    return next.type === "code" && e - s < MIN_PROSE_CHARS;
  }

  /** The stretch of a paragraph that leads into what follows it: all of it when short, else its last sentence. */
  private leadInOf(start: number, end: number): Pending {
    if (end - start <= MAX_LEAD_IN_CHARS) return { start, end };
    const body = this.text.slice(start, end);
    let cut = 0;
    for (const m of body.matchAll(SENTENCE_END)) {
      const at = start + m.index + m[0].length;
      if (at < end && !this.insideAtomic(at - 1)) cut = m.index + m[0].length;
    }
    return { start: start + cut, end };
  }

  private insideAtomic(at: number): boolean {
    return this.atomic.some(([s, e]) => s < at && at < e);
  }

  /** `end` moved back past blanks, not before `start`. */
  private trimEnd(start: number, end: number): number {
    let e = end;
    while (e > start && /\s/.test(this.text.charAt(e - 1))) e--;
    return e;
  }

  /** The body of a code block: a fenced block without its fence lines (which are blanked). */
  private codeBody(node: Nodes): [number, number] {
    const [start, end] = rangeOf(node);
    if (!FENCE_LINE.test(this.text.slice(start, start + 40))) return [start, end];
    const firstEnd = this.lineEnd(start);
    this.mask.blank(start, firstEnd);
    const lastStart = this.text.lastIndexOf("\n", end - 1) + 1;
    let bodyEnd = end;
    if (lastStart > start && CLOSING_FENCE_LINE.test(this.text.slice(lastStart, end))) {
      this.mask.blank(lastStart, end);
      bodyEnd = this.trimEnd(firstEnd, lastStart);
    }
    const bodyStart = Math.min(bodyEnd, firstEnd + 1);
    return [bodyStart, bodyEnd];
  }

  /** Blanks the fence lines of code blocks inside a list. */
  private markFences(node: Nodes): void {
    walk(node, (n) => {
      if (n.type === "code") this.codeBody(n);
    });
  }

  private lineEnd(at: number): number {
    const nl = this.text.indexOf("\n", at);
    return nl === -1 ? this.text.length : nl;
  }

  /** An HTML block: a `<!-- YAML … -->` history block is kept as lines; any other comment or tag is blanked. */
  private html(node: Nodes): void {
    const [start, end] = rangeOf(node);
    const source = this.text.slice(start, end);
    if (YAML_COMMENT.test(source) && source.trimEnd().endsWith("-->")) {
      const bodyStart = Math.min(end, this.lineEnd(start) + 1);
      const closer = start + source.lastIndexOf("-->");
      const lineOfCloser = this.text.lastIndexOf("\n", closer - 1) + 1;
      const bodyEnd = this.text.slice(lineOfCloser, closer).trim() ? closer : this.trimEnd(bodyStart, lineOfCloser);
      this.mask.blank(start, bodyStart);
      this.mask.blank(bodyEnd, end);
      if (bodyEnd > bodyStart) this.push({ kind: "code", start: bodyStart, end: bodyEnd });
      return;
    }
    this.blankNode(node);
  }

  /**
   * Blanks what inside `node` holds no words of the document (images, link destinations, bare
   * URLs, inline HTML) and records inline code and links as atomic.
   */
  private inline(node: Nodes): void {
    walk(node, (n) => {
      switch (n.type) {
        case "inlineCode":
          this.atomic.push(rangeOf(n));
          return false;
        case "image":
        case "imageReference":
        case "html":
        case "footnoteReference":
          this.blankNode(n);
          return false;
        case "link":
        case "linkReference": {
          const [start, end] = rangeOf(n);
          this.atomic.push([start, end]);
          const first = n.children[0];
          const last = n.children[n.children.length - 1];
          if (!first || !last || this.text.charAt(start) !== "[") {
            // An autolink (`<https://…>` or a bare URL): no words of the document.
            this.mask.blank(start, end);
            return false;
          }
          this.mask.blank(start, rangeOf(first)[0]);
          this.mask.blank(rangeOf(last)[1], end);
          return true;
        }
        case "code":
          return false;
        case "text": {
          const [start, end] = rangeOf(n);
          const source = this.text.slice(start, end);
          if (source.includes("http") || source.includes("www.")) {
            for (const [from, to] of bareUrls(source)) {
              this.mask.blank(start + from, start + to);
              this.atomic.push([start + from, start + to]);
            }
          }
          return false;
        }
        default:
          return true;
      }
    });
  }

  private isOnlyImages(node: Parents): boolean {
    let images = 0;
    for (const child of node.children) {
      if (child.type === "image" || child.type === "imageReference") images++;
      else if (child.type === "link" && child.children.every((c) => c.type === "image" || c.type === "imageReference")) images++;
      else if (!(child.type === "text" && !child.value.trim()) && child.type !== "break") return false;
    }
    return images > 0;
  }

  /** Whether a block of real length was seen before in the document (the first copy stays). */
  private isRepeat(node: Nodes): boolean {
    const [start, end] = rangeOf(node);
    const key = this.text.slice(start, end).replace(/\s+/g, " ").trim().toLowerCase();
    if (key.length < MIN_DEDUP_CHARS) return false;
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    return false;
  }

  private blankNode(node: Nodes): void {
    const [start, end] = rangeOf(node);
    this.mask.blank(start, end);
  }

  private push(block: Block): Block {
    if (this.heading) block.heading = this.heading;
    this.blocks.push(block);
    return block;
  }
}

/**
 * A paragraph's opening in bold that asks a question ("**Can I look at my opponents'
 * contracts?**"), or a whole paragraph in bold numbered as a FAQ's entry is ("**(23) I get a
 * compiler error if I use …**", "**Q4. Coins run out.**"): its text and where it ends.
 */
function boldQuestion(node: Parents): { text: string; end: number } | undefined {
  const first = node.children[0];
  if (first?.type !== "strong") return undefined;
  const text = toString(first).replace(/\s+/g, " ").trim();
  if (text.split(" ").length < 2) return undefined;
  const whole = shown(node.children).length === 1;
  return /\?$/.test(text) || (whole && NUMBERED_ENTRY.test(text)) ? { text, end: rangeOf(first)[1] } : undefined;
}

/** A paragraph that is only a code span, perhaps in bold or with a colon after it ("`CURLOPT_COOKIESESSION`", "**`--depth`**:"): its code. */
function termParagraph(node: Parents): string | undefined {
  const parts = shown(node.children).filter((c) => !(c.type === "text" && /^\s*:\s*$/.test(c.value)));
  const only = parts.length === 1 && parts[0]?.type === "strong" ? shown(parts[0].children) : parts;
  const code = only.length === 1 && only[0]?.type === "inlineCode" ? only[0].value.trim() : "";
  return code && code.length <= 80 ? code : undefined;
}

/**
 * A list of two items or more each of which is only a link within the page ("[How do I create an
 * AUTOINCREMENT field?](#q1)", "* [Promise example](#promise-example)"), perhaps over a list of
 * such links: a table of contents.
 */
function isAnchorIndex(list: List, least = 2): boolean {
  if (list.children.length < least) return false;
  return list.children.every((item) =>
    item.children.every((child) => {
      if (child.type === "list") return isAnchorIndex(child, 1);
      if (child.type !== "paragraph") return false;
      const parts = shown(child.children);
      return parts.length === 1 && linksWithin(parts[0]);
    }),
  );
}

/** A paragraph of two or more links within the page and nothing else but breaks between them: a table of contents written as lines. */
function isAnchorLines(paragraph: Parents): boolean {
  const parts = shown(paragraph.children).filter((c) => c.type !== "break");
  return parts.length >= 2 && parts.every(linksWithin);
}

/** A link within the page ("[Promise example](#promise-example)"). */
function linksWithin(node: Nodes | undefined): boolean {
  return node?.type === "link" && node.url.startsWith("#");
}

/** The children that show something: the whitespace between them left out. */
function shown<T extends Nodes>(children: readonly T[]): T[] {
  return children.filter((c) => !(c.type === "text" && !c.value.trim()));
}

/** A FAQ entry's number before its words: "(23) ", "23) ", "Q23. ", "Q: ". */
const NUMBERED_ENTRY = /^(?:\(\d{1,3}\)|\d{1,3}\)|Q\d{0,3}[.:)])\s+\S/;
