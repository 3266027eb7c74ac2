/**
 * Reads a corpus folder into documents: the only file reads of the core. Bad files never stop
 * the rest; each is skipped with a one-line reason.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, extname, join, relative, sep } from "node:path";
import type { Doc, Skipped } from "../types.js";
import { parseFrontMatter } from "./frontmatter.js";
import { deferText, isTextDeferred } from "./lazy-text.js";
import { firstHeading } from "./layout.js";

export interface LoadOptions {
  /** Files larger than this are skipped, bytes. Default 20 MB: a book is ~1 MB of text. */
  maxFileBytes?: number;
  /** Called once for each skipped file with a one-line warning. */
  onWarning?: (message: string) => void;
  /**
   * Documents read before, by path: one whose file has the same stamp is reused, not read. One
   * held without its text (from a saved index) gets its text read when first needed.
   */
  known?: ReadonlyMap<string, Doc>;
}

export interface LoadedCorpus {
  docs: Doc[];
  skipped: Skipped[];
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** File endings read as documents (case-insensitive). */
export const DOC_EXTENSIONS = new Set([".md", ".markdown", ".txt"]);
/** Folders never descended into: version control and dependencies are not documents. */
const IGNORED_DIRS = new Set([".git", "node_modules", ".cache"]);
/** Bytes looked at to tell a binary file: a NUL in the first 8 KiB means binary, as git decides. */
const BINARY_SNIFF_BYTES = 8192;
/** A first line that is markup, not a title: an image, link, tag, table, fence, rule or list, or a heading with no words. */
const MARKUP_LINE = /^(?:[![<|`~-]|#{1,6}(?:\s|$))/;

/** A document the loader could not read; its message is the one-line reason. */
export class CorpusError extends Error {
  override name = "CorpusError";
}

/**
 * Loads every `.md`, `.markdown` and `.txt` file under `dir`, recursively, in a stable order.
 * Throws a `CorpusError` only when `dir` itself cannot be read.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new CorpusError(`corpus: ${dir} is not a folder`);
  } catch (err) {
    if (err instanceof CorpusError) throw err;
    throw new CorpusError(`corpus: cannot read ${dir}: ${codeOf(err)}`);
  }
  const docs: Doc[] = [];
  const skipped: Skipped[] = [];
  const skip = (path: string, reason: string): void => {
    skipped.push({ path, reason });
    options.onWarning?.(`corpus: skipped ${path}: ${reason}`);
  };
  const files = await listFiles(root, root, skip);
  const paths = files.map((file) => relative(root, file).split(sep).join("/"));
  const results = await mapInParallel(files, READ_CONCURRENCY, (file, i) => readDoc(file, paths[i] as string, maxBytes, options.known?.get(paths[i] as string)));
  results.forEach((result, i) => {
    if ("reason" in result) skip(paths[i] as string, result.reason);
    else docs.push(result);
  });
  return { docs, skipped };
}

/**
 * Files looked at (stat, and read when changed) at once. One at a time, 20k files took 8.9 s
 * from a saved index; libuv runs 4 file-system calls at a time, and a few more queued keep it busy.
 */
const READ_CONCURRENCY = 16;

/** `fn` over `items` with at most `limit` calls running, results in the order of `items`. */
async function mapInParallel<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return out;
}

async function listFiles(root: string, dir: string, skip: (path: string, reason: string) => void): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    skip(relative(root, dir) || ".", `cannot read folder: ${codeOf(err)}`);
    return found;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const rel = relative(root, full).split(sep).join("/");
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(full);
      } catch (err) {
        if (DOC_EXTENSIONS.has(extname(entry.name).toLowerCase())) skip(rel, `broken link: ${codeOf(err)}`);
        continue;
      }
      if (target !== root && !target.startsWith(root + sep)) {
        skip(rel, "link leads outside the corpus folder; not followed");
        continue;
      }
      // A link to a file or folder inside the corpus: read at its own path already.
      continue;
    }
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) found.push(...(await listFiles(root, full, skip)));
    } else if (entry.isFile() && DOC_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      found.push(full);
    }
  }
  return found;
}

/** Reads one file into a `Doc`, or says why it cannot be one. */
export async function readDoc(file: string, path: string, maxBytes: number, known?: Doc): Promise<Doc | { reason: string }> {
  let bytes: Buffer;
  let stamp: string;
  try {
    const info = await stat(file);
    if (info.size > maxBytes) return { reason: `too large (${mb(info.size)} > ${mb(maxBytes)} limit)` };
    if (info.size === 0) return { reason: "empty file" };
    stamp = `${info.size}:${Math.round(info.mtimeMs)}`;
    if (known?.stamp === stamp) {
      if (!isTextDeferred(known) && known.text === "") deferText(known, () => readTextSync(file));
      return known;
    }
    bytes = await readFile(file);
  } catch (err) {
    return { reason: `cannot read: ${codeOf(err)}` };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { reason: "binary file (contains NUL bytes)" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { reason: "not valid UTF-8 text" };
  }
  if (!text.trim()) return { reason: "empty file (only whitespace)" };
  const { meta, bodyStart } = parseFrontMatter(text);
  return {
    path,
    text,
    title: meta.title ?? titleOf(text, bodyStart, path),
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    fingerprint: createHash("sha1").update(bytes).digest("hex"),
    stamp,
  };
}

/**
 * The text of a file whose stamp matched a saved index, read when a quote first needs it; ""
 * when it can no longer be read (the next reindex drops or re-reads it).
 */
function readTextSync(file: string): string {
  try {
    return new TextDecoder("utf-8").decode(readFileSync(file));
  } catch {
    return "";
  }
}

/**
 * First markdown heading (outside code fences), else a short first line that is not markup,
 * else the file name without its ending.
 */
function titleOf(text: string, bodyStart: number, path: string): string {
  const heading = firstHeading(text, bodyStart);
  if (heading) return heading;
  const first = text.slice(bodyStart).split(/\r?\n/).find((l) => l.trim())?.trim() ?? "";
  if (first.length > 0 && first.length <= 100 && !/[.!?:]$/.test(first) && !MARKUP_LINE.test(first)) return first;
  const name = basename(path);
  return name.slice(0, name.length - extname(name).length);
}

function mb(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function codeOf(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.message : String(err);
}
