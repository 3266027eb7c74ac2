/**
 * Reads a corpus folder into documents: the only file reads of the core. Bad files never stop
 * the rest; each is skipped with a one-line reason.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
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
  const pause = pauser();
  const files = await listFiles(root, root, skip, pause);
  for (const file of files) {
    const path = relative(root, file).split(sep).join("/");
    const result = readDocSync(file, path, maxBytes, options.known?.get(path));
    if ("reason" in result) skip(path, result.reason);
    else docs.push(result);
    await pause();
  }
  return { docs, skipped };
}

/**
 * The folder is listed and its files looked at with synchronous calls, giving the event loop back
 * every this many ms (questions are answered meanwhile during a reindex). From a saved index,
 * 20k files took 4.6 s with one awaited `stat` each (16 at a time did no better on 2 busy
 * cores) and 0.6 s synchronously.
 */
const YIELD_EVERY_MS = 25;

/** A function that returns to the event loop when `YIELD_EVERY_MS` have passed since it last did. */
function pauser(): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < YIELD_EVERY_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}

async function listFiles(root: string, dir: string, skip: (path: string, reason: string) => void, pause: () => Promise<void> | undefined): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
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
        target = realpathSync(full);
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
      if (!IGNORED_DIRS.has(entry.name)) {
        await pause();
        found.push(...(await listFiles(root, full, skip, pause)));
      }
    } else if (entry.isFile() && DOC_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      found.push(full);
    }
  }
  return found;
}

/** Reads one file into a `Doc`, or says why it cannot be one. */
export async function readDoc(file: string, path: string, maxBytes: number, known?: Doc): Promise<Doc | { reason: string }> {
  return Promise.resolve(readDocSync(file, path, maxBytes, known));
}

function readDocSync(file: string, path: string, maxBytes: number, known?: Doc): Doc | { reason: string } {
  let bytes: Buffer;
  let stamp: string;
  try {
    const info = statSync(file);
    if (info.size > maxBytes) return { reason: `too large (${mb(info.size)} > ${mb(maxBytes)} limit)` };
    if (info.size === 0) return { reason: "empty file" };
    stamp = `${info.size}:${Math.round(info.mtimeMs)}`;
    if (known?.stamp === stamp) {
      if (!isTextDeferred(known) && known.text === "") deferText(known, () => readTextSync(file));
      return known;
    }
    bytes = readFileSync(file);
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
