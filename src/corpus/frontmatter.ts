/**
 * Front matter: an optional `---` block of YAML at the top of a document, read by the `yaml`
 * package (so a `# comment` is never part of a value). Only scalar keys are read (title,
 * source/url, date/published); anything else is ignored, so front matter written for a
 * static-site generator does no harm. A block that is not valid YAML is read line by line.
 */
import type { DocMeta } from "../types.js";
import type * as yamlPackage from "yaml";
import { onFirstUse, requirePackage } from "./on-first-use.js";

/** `yaml`, loaded when a document first has front matter (see on-first-use.ts). */
const yaml = onFirstUse(() => requirePackage<typeof yamlPackage>("yaml"));

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
  const block = rest.slice(0, close.index);
  const meta: Partial<DocMeta> = {};
  for (const [rawKey, value] of yamlPairs(block) ?? linePairs(block)) {
    const key = rawKey.toLowerCase();
    if (!value) continue;
    if (key === "title") meta.title = value;
    else if ((key === "source" || key === "url" || key === "link") && !meta.source) meta.source = value;
    else if ((key === "date" || key === "published") && !meta.date) meta.date = value;
  }
  return { meta, bodyStart: open[0].length + close.index + close[0].length };
}

/** The top-level scalar keys of a YAML block, as text; undefined when it is not a YAML mapping. */
function yamlPairs(block: string): Array<[string, string]> | undefined {
  let data: unknown;
  try {
    // Dates stay as written ("2018-10-30", not a Date): the core schema has no timestamps.
    data = yaml().parse(block, { schema: "core" });
  } catch {
    return undefined;
  }
  if (data === null || data === undefined) return [];
  if (typeof data !== "object" || Array.isArray(data)) return undefined;
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value === "string") pairs.push([key, value.trim()]);
    else if (typeof value === "number" || typeof value === "boolean") pairs.push([key, String(value)]);
  }
  return pairs;
}

/** `key: value` lines, for a block YAML cannot read (a tab, a stray colon). */
function linePairs(block: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of block.split(/\r?\n/)) {
    const m = KEY_VALUE.exec(line);
    if (m) pairs.push([m[1] ?? "", unquote((m[2] ?? "").replace(/\s+#.*$/, ""))]);
  }
  return pairs;
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return (m ? (m[2] ?? "") : value).trim();
}
