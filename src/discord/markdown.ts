/**
 * Corpus text to Discord markdown that shows it literally: the corpus's own markdown is escaped,
 * so a stray `**`, `||`, heading or link in a document can never break a reply's formatting, and
 * the only formatting left is ours (bold highlights, block quotes).
 */
import { escapeMarkdown } from "discord.js";
import { escapeRegExp } from "../nlp/regexp.js";

/**
 * Escapes everything Discord would format: emphasis, code, spoilers, strikethrough, headings,
 * lists, masked links, block quotes and subtext. Mentions stay verbatim; replies disable pings
 * with `allowedMentions` instead.
 */
export function escapeCorpus(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/^(\s*)>/gm, "$1\\>")
    .replace(/^(\s*)-#/gm, "$1\\-#");
}

/** Escapes text for one line (titles, names): whitespace runs, newlines included, become one space. */
export function escapeInline(text: string): string {
  return escapeCorpus(text.replace(/\s+/g, " ").trim());
}

/**
 * Escapes `text` and bolds every occurrence of the `highlights` words (whole words, any case).
 * Touching occurrences are bolded together, so markers never meet as `****`.
 */
export function highlight(text: string, highlights: readonly string[]): string {
  const pattern = highlightPattern(highlights);
  if (!pattern) return escapeCorpus(text);
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === start) last[1] = end;
    else ranges.push([start, end]);
  }
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${escapeCorpus(text.slice(at, start))}**${escapeCorpus(text.slice(start, end))}**`;
    at = end;
  }
  return out + escapeCorpus(text.slice(at));
}

/** Prefixes every line with `> `; blank lines are dropped, as a quote cannot hold them reliably. */
export function blockQuote(markdown: string): string {
  return markdown
    .split(/\r?\n|\r/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .map((line) => `> ${line}`)
    .join("\n");
}

function highlightPattern(highlights: readonly string[]): RegExp | undefined {
  const words = [...new Set(highlights.map((h) => h.trim()).filter((h) => h.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map((h) => escapeRegExp(h));
  if (words.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}
