/**
 * Front matter: an optional `---` block of `key: value` lines at the top of a document.
 * Only scalar keys are read (title, source/url, date/published); anything else is ignored, so
 * front matter written for a static-site generator does no harm.
 */
import type { DocMeta } from "../types.js";

export interface FrontMatter {
  meta: Partial<DocMeta>;
  /** Offset where the document body starts (0 when there is no front matter). */
  bodyStart: number;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
const KEY_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/;

/** Reads the front matter of `text`, if it has one. */
export function parseFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { meta: {}, bodyStart: 0 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { meta: {}, bodyStart: 0 };
  const meta: Partial<DocMeta> = {};
  for (const line of rest.slice(0, close.index).split(/\r?\n/)) {
    const m = KEY_VALUE.exec(line);
    if (!m) continue;
    const key = (m[1] ?? "").toLowerCase();
    const value = unquote(m[2] ?? "");
    if (!value) continue;
    if (key === "title") meta.title = value;
    else if ((key === "source" || key === "url" || key === "link") && !meta.source) meta.source = value;
    else if ((key === "date" || key === "published") && !meta.date) meta.date = value;
  }
  return { meta, bodyStart: open[0].length + close.index + close[0].length };
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return (m ? (m[2] ?? "") : value).trim();
}
