/**
 * How well quotes keep the shape of a Markdown document: the share of quoted pieces that cut an
 * inline code span in two ("…call `config." | "load()` first"), and the share of fragments (pieces
 * under `MIN_PIECE_CHARS` characters, such as a lone "* `handle` {Object}" list item).
 */
import type { Excerpt } from "../types.js";
import type { Root } from "mdast";
import { rangeOf, walk } from "../corpus/mdast.js";

/** A quoted piece shorter than this (trimmed) is a fragment: too short to stand as evidence alone. */
export const MIN_PIECE_CHARS = 25;
const ELLIPSIS = "…";

/** What one document offers the measure: its text, its inline code spans and its headings. */
export interface ShapeDoc {
  text: string;
  /** [start, end) of every inline code span, in document order. */
  code: Array<[number, number]>;
  /** Plain text of every heading: the questions asked. */
  headings: string[];
}

/** Tallies over every quoted piece. */
export interface QuoteShape {
  questions: number;
  pieces: number;
  cutCode: number;
  fragments: number;
  /** A few examples of each fault, for reading. */
  examples: { cutCode: string[]; fragments: string[] };
}

/** The inline code spans and headings of a parsed Markdown document. */
export function shapeDocOf(text: string, tree: Root): ShapeDoc {
  const code: Array<[number, number]> = [];
  const headings: string[] = [];
  walk(tree, (node) => {
    if (node.type === "inlineCode") code.push(rangeOf(node));
    if (node.type === "heading") {
      const [start, end] = rangeOf(node);
      const label = text.slice(start, end).replace(/^#+|#+\s*$/g, "").replace(/[`*_]|\[|\]\([^)]*\)/g, "").replace(/\s+/g, " ").trim();
      if (label) headings.push(label);
    }
  });
  return { text, code, headings };
}

/** Adds the pieces of one excerpt of `doc` to `shape`. */
export function tallyExcerpt(shape: QuoteShape, doc: ShapeDoc, excerpt: Excerpt): void {
  // The excerpt is doc.text.slice(start, end) trimmed, with "…" marking where it was cut.
  const raw = doc.text.slice(excerpt.start, excerpt.end);
  const from = excerpt.start + (raw.length - raw.trimStart().length);
  const to = excerpt.end - (raw.length - raw.trimEnd().length);
  const pieces = excerpt.text.split(ELLIPSIS).filter((p) => p.trim());
  // Pieces are consecutive stretches of [from, to); an excerpt is one piece unless the answer stage cut it.
  let at = from;
  for (const piece of pieces) {
    const i = doc.text.indexOf(piece.trim(), at);
    const start = i >= 0 && i < to ? i : at;
    const end = Math.min(to, start + piece.trim().length);
    at = end;
    shape.pieces++;
    if (doc.code.some(([s, e]) => (s < start && start < e) || (s < end && end < e))) {
      shape.cutCode++;
      if (shape.examples.cutCode.length < 8) shape.examples.cutCode.push(piece.trim().slice(0, 160));
    }
    if (piece.trim().length < MIN_PIECE_CHARS) {
      shape.fragments++;
      if (shape.examples.fragments.length < 8) shape.examples.fragments.push(piece.trim());
    }
  }
}

/** An empty tally. */
export function emptyShape(): QuoteShape {
  return { questions: 0, pieces: 0, cutCode: 0, fragments: 0, examples: { cutCode: [], fragments: [] } };
}
