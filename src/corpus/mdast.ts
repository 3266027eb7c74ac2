/**
 * The one place Markdown is parsed: CommonMark with GitHub's extensions (tables, autolinks,
 * strikethrough, task lists, footnotes) and YAML front matter, by micromark. Every node carries
 * exact source offsets (`position.start.offset`, `position.end.offset`).
 */
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";

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

/** Parses `text` as CommonMark + GFM with `---` YAML front matter. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter(["yaml"])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml"])],
  });
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
