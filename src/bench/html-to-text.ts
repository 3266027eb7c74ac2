/**
 * A small HTML-to-Markdown-ish text converter for generated documentation (Sphinx, DocBook):
 * enough to turn the Debian documentation packages into a plain-text benchmark corpus.
 *
 * Why our own code rather than a library: the input is machine-generated, well-formed HTML
 * from two generators; what we need is text with paragraph breaks and `#` headings, navigation
 * dropped. A tag scanner of ~150 lines does that in one pass, is fast (≈ 100 MB/s), and keeps
 * the benchmark free of a DOM dependency.
 *
 * @example
 * htmlToText("<h1>Intro</h1><p>Hello &amp; welcome.</p>");
 * // { title: "Intro", text: "# Intro\n\nHello & welcome.\n" }
 */

/** What {@link htmlToText} returns. */
export interface HtmlText {
  /** `<title>` text, else the first heading, else "". */
  title: string;
  /** Plain text: paragraphs separated by a blank line, headings as `#` lines, code kept as is. */
  text: string;
}

/** Elements whose whole content is dropped. */
const SKIP_TAGS = new Set(["head", "script", "style", "nav", "form", "noscript", "svg", "button", "select", "template"]);

/**
 * Class names of navigation chrome in Sphinx (`related`, `sphinxsidebar`, `footer`, `headerlink`
 * "¶" anchors, `mobile-nav`) and DocBook (`navheader`, `navfooter`, `toc`) pages.
 */
const SKIP_CLASSES = new Set([
  "related",
  "sphinxsidebar",
  "sphinxsidebarwrapper",
  "footer",
  "headerlink",
  "mobile-nav",
  "navheader",
  "navfooter",
  "toc",
  "toctree-wrapper",
  "copybutton",
  "version_switcher_placeholder",
  "language-selection",
]);

const VOID_TAGS = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
]);

/** Elements that start a new paragraph. */
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
  "footer", "header", "li", "main", "ol", "p", "pre", "section", "table", "tbody", "thead", "tr", "ul",
  "caption", "h1", "h2", "h3", "h4", "h5", "h6",
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—",
  hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", copy: "©", reg: "®", trade: "™",
  laquo: "«", raquo: "»", middot: "·", bull: "•", times: "×", para: "¶", sect: "§", deg: "°",
  rarr: "→", larr: "←", harr: "↔", minus: "−", shy: "", zwj: "", zwnj: "", thinsp: " ", ensp: " ", emsp: " ",
};

/** Decodes named (common ones) and numeric character references; unknown names are kept. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const TAG_RE = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

function classesOf(attrs: string): string[] {
  const m = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
  return m ? (m[1] ?? m[2] ?? "").split(/\s+/).filter(Boolean) : [];
}

/** Converts one HTML page to text. Never throws on malformed HTML; it just does its best. */
export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  let title = "";
  let firstHeading = "";
  /**
   * Nesting depth of the skipped element's own tag name (0 = not skipping). Only that name is
   * counted, so unclosed `<p>`/`<li>` inside a skipped block cannot derail the count.
   */
  let skipDepth = 0;
  let skipName = "";
  let preDepth = 0;
  let inTitle = false;
  let titleBuf = "";
  let heading: { level: number; buf: string[] } | null = null;
  let pending = ""; // collapsed inline text of the current block

  const flush = (): void => {
    const line = pending
      .replace(/[ \t\r\n\f]+/g, " ")
      .replace(/ ?\u2028 ?/g, "\n")
      .trim();
    if (line) out.push(line, "\n\n");
    pending = "";
  };
  const emit = (raw: string): void => {
    if (heading) heading.buf.push(raw);
    else if (preDepth > 0) out.push(raw);
    else pending += raw;
  };

  let last = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    const between = html.slice(last, m.index);
    last = TAG_RE.lastIndex;
    if (between) {
      if (inTitle) titleBuf += between;
      else if (skipDepth === 0) emit(decodeEntities(between));
    }
    const name = m[1]?.toLowerCase();
    if (!name) continue; // comment, doctype, processing instruction
    const closing = m[0][1] === "/";
    const selfClosing = VOID_TAGS.has(name) || m[0].endsWith("/>");

    if (skipDepth > 0) {
      if (name === skipName && !selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (name === "title") {
      inTitle = !closing;
      if (closing) title = decodeEntities(titleBuf).replace(/\s+/g, " ").trim();
      continue;
    }
    if (!closing && !selfClosing && (SKIP_TAGS.has(name) || classesOf(m[2] ?? "").some((c) => SKIP_CLASSES.has(c)))) {
      skipDepth = 1;
      skipName = name;
      continue;
    }
    if (name === "br") {
      // a line break that survives whitespace collapsing (U+2028 does not occur in these pages)
      emit(preDepth > 0 || heading ? "\n" : "\u2028");
      continue;
    }
    const level = /^h([1-6])$/.exec(name);
    if (level) {
      if (!closing) {
        flush();
        heading = { level: Number(level[1]), buf: [] };
      } else if (heading) {
        const text = heading.buf.join("").replace(/\s+/g, " ").trim();
        if (text) {
          out.push("#".repeat(heading.level), " ", text, "\n\n");
          if (!firstHeading) firstHeading = text;
        }
        heading = null;
      }
      continue;
    }
    if (name === "pre") {
      if (!closing) {
        flush();
        preDepth++;
      } else if (preDepth > 0) {
        preDepth--;
        out.push("\n\n");
      }
      continue;
    }
    if (name === "td" || name === "th") {
      if (closing) emit(" ");
      continue;
    }
    if (BLOCK_TAGS.has(name) && preDepth === 0 && !heading) flush();
  }
  if (skipDepth === 0 && !inTitle) emit(decodeEntities(html.slice(last)));
  flush();

  const text = out
    .join("")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { title: title || firstHeading, text: text ? `${text}\n` : "" };
}
