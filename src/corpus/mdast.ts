/**
 * The one place Markdown is parsed: CommonMark with GitHub's extensions and YAML front matter, by
 * micromark. Every node carries exact source offsets (`position.start.offset`, `position.end.offset`).
 *
 * GFM is `micromark-extension-gfm`'s parts but one: autolink literals (a bare URL read as a
 * link) made parsing 25-40% slower on the Python and PostgreSQL manuals (2 M chars: 6.5-8.8 s
 * with them, 5.0-5.2 s without), so bare URLs are found by `bareUrls` instead.
 */
import type { Nodes, Root } from "mdast";
import type * as mdastUtilFromMarkdown from "mdast-util-from-markdown";
import type * as mdastUtilFrontmatter from "mdast-util-frontmatter";
import type * as mdastUtilGfmFootnote from "mdast-util-gfm-footnote";
import type * as mdastUtilGfmStrikethrough from "mdast-util-gfm-strikethrough";
import type * as mdastUtilGfmTable from "mdast-util-gfm-table";
import type * as mdastUtilGfmTaskListItem from "mdast-util-gfm-task-list-item";
import type * as micromarkExtensionFrontmatter from "micromark-extension-frontmatter";
import type * as micromarkExtensionGfmFootnote from "micromark-extension-gfm-footnote";
import type * as micromarkExtensionGfmStrikethrough from "micromark-extension-gfm-strikethrough";
import type * as micromarkExtensionGfmTable from "micromark-extension-gfm-table";
import type * as micromarkExtensionGfmTaskListItem from "micromark-extension-gfm-task-list-item";
import { onFirstUse, requirePackage as load } from "./on-first-use.js";

/** CommonMark + GFM (tables, strikethrough, footnotes, task lists) with `---` YAML front matter, loaded on the first parse. */
const markdownReader = onFirstUse(() => {
  const { fromMarkdown } = load<typeof mdastUtilFromMarkdown>("mdast-util-from-markdown");
  const { frontmatterFromMarkdown } = load<typeof mdastUtilFrontmatter>("mdast-util-frontmatter");
  const { gfmFootnoteFromMarkdown } = load<typeof mdastUtilGfmFootnote>("mdast-util-gfm-footnote");
  const { gfmStrikethroughFromMarkdown } = load<typeof mdastUtilGfmStrikethrough>("mdast-util-gfm-strikethrough");
  const { gfmTableFromMarkdown } = load<typeof mdastUtilGfmTable>("mdast-util-gfm-table");
  const { gfmTaskListItemFromMarkdown } = load<typeof mdastUtilGfmTaskListItem>("mdast-util-gfm-task-list-item");
  const { frontmatter } = load<typeof micromarkExtensionFrontmatter>("micromark-extension-frontmatter");
  const { gfmFootnote } = load<typeof micromarkExtensionGfmFootnote>("micromark-extension-gfm-footnote");
  const { gfmStrikethrough } = load<typeof micromarkExtensionGfmStrikethrough>("micromark-extension-gfm-strikethrough");
  const { gfmTable } = load<typeof micromarkExtensionGfmTable>("micromark-extension-gfm-table");
  const { gfmTaskListItem } = load<typeof micromarkExtensionGfmTaskListItem>("micromark-extension-gfm-task-list-item");
  return (text: string): Root =>
    fromMarkdown(text, {
      extensions: [gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem(), frontmatter(["yaml"])],
      mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown(), frontmatterFromMarkdown(["yaml"])],
    });
});

/** File endings read as Markdown; any other document (`.txt`) is plain text. */
const MARKDOWN_ENDINGS = /\.(?:md|markdown)$/i;

/** Whether the document at `path` is Markdown. */
export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_ENDINGS.test(path);
}

/** How the document at `path` is read: Markdown by its syntax tree, anything else as plain text. */
export function formatOf(path: string): "markdown" | "text" {
  return isMarkdownPath(path) ? "markdown" : "text";
}

/** Parses `text` as CommonMark + GFM (tables, strikethrough, footnotes, task lists) with `---` YAML front matter. */
export function parseMarkdown(text: string): Root {
  return markdownReader()(text);
}

/** A bare URL: `http(s)://…` or `www.…` up to a blank or "<". */
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>]+/g;
/** What ends the sentence round a URL rather than the URL (GFM's rule). */
const URL_TRAILING = /[?!.,:*_~'"”’]+$/;

/** The bare URLs in `s`, as [from, to) offsets, without trailing punctuation or an unmatched ")". */
export function bareUrls(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of s.matchAll(BARE_URL)) {
    let url = m[0];
    for (let before = ""; url !== before; ) {
      before = url;
      url = url.replace(URL_TRAILING, "");
      if (url.endsWith(")") && url.split(")").length > url.split("(").length) url = url.slice(0, -1);
    }
    if (url.length > 4) out.push([m.index, m.index + url.length]);
  }
  return out;
}

/** Start and end offsets of a node (0, 0 for a generated node without a position). */
export function rangeOf(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/** Calls `visit` on `node` and every node under it, parents first; `visit` returning false skips the children. */
export function walk(node: Nodes, visit: (node: Nodes) => boolean | void): void {
  if (visit(node) === false) return;
  if ("children" in node) for (const child of node.children) walk(child, visit);
}
