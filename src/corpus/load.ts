/**
 * Reads a corpus folder into documents: the only file reads of the core. Bad files never stop
 * the rest; each is skipped with a one-line reason.
 */
import { createHash } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { type FileHandle, lstat, open, readdir, readlink, realpath, stat } from "node:fs/promises";
import { basename, extname, join, relative, sep } from "node:path";
import type { Doc, Skipped } from "../types.js";
import { parseFrontMatter } from "./frontmatter.js";
import { firstHeading } from "./layout.js";

export interface LoadOptions {
  /** Files larger than this are skipped, bytes. Default 20 MB: a book is ~1 MB of text. */
  maxFileBytes?: number;
  /** Called once for each skipped file with a one-line warning. */
  onWarning?: (message: string) => void;
  /** Documents read before, by path: one whose file has the same stamp is reused, not read. */
  known?: ReadonlyMap<string, Doc>;
}

export interface LoadedCorpus {
  docs: Doc[];
  skipped: Skipped[];
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** File endings read as documents (case-insensitive). */
export const DOC_EXTENSIONS = new Set([".md", ".markdown", ".txt"]);
/** Files named so hold settings and secrets (`.env`, `.env.local.md`), never documents: never read. */
const SECRET_FILE = /^\.env/i;
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
 * Throws a `CorpusError` when `dir` or any folder under it cannot be read: a folder that cannot
 * be listed would otherwise look empty, and every document in it would vanish from the index.
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
  for (const file of await listFiles(root, root, skip, dir)) {
    const path = relative(root, file).split(sep).join("/");
    const result = await readDoc(file, path, maxBytes, options.known?.get(path), root);
    if ("reason" in result) skip(path, result.reason);
    else docs.push(result);
  }
  return { docs, skipped };
}

async function listFiles(root: string, dir: string, skip: (path: string, reason: string) => void, given: string): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const name = relative(root, dir).split(sep).join("/") || given;
    throw new CorpusError(`corpus: cannot read folder ${name}: ${codeOf(err)}`);
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
      if (!IGNORED_DIRS.has(entry.name)) found.push(...(await listFiles(root, full, skip, given)));
    } else if (entry.isFile() && DOC_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      if (SECRET_FILE.test(entry.name)) skip(rel, "named .env*, a file for secrets; not read");
      else found.push(full);
    }
  }
  return found;
}

/**
 * Reads one file into a `Doc`, or says why it cannot be one. The file read is the one looked at:
 * a link is never followed (even one swapped in since the folder was listed), the opened file
 * must be the one whose size and stamp were checked, and, given `root` (a real path), it must lie
 * inside it, so a folder on its path swapped for a link cannot lead outside either.
 */
export async function readDoc(file: string, path: string, maxBytes: number, known?: Doc, root?: string): Promise<Doc | { reason: string }> {
  let bytes: Buffer;
  let stamp: string;
  let handle: FileHandle | undefined;
  try {
    const info = await lstat(file);
    if (info.isSymbolicLink()) return { reason: LINK_NOW };
    if (!info.isFile()) return { reason: "not a regular file" };
    if (info.size > maxBytes) return { reason: `too large (${mb(info.size)} > ${mb(maxBytes)} limit)` };
    if (info.size === 0) return { reason: "empty file" };
    stamp = stampOf(info);
    if (known?.stamp === stamp) return known;
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const opened = await handle.stat();
    if (opened.dev !== info.dev || opened.ino !== info.ino) return { reason: "replaced while being read; read again at the next reindex" };
    if (root && !isInside(await openedPath(handle, file), root)) return { reason: "lies outside the corpus folder (a folder on its path is a link); not read" };
    bytes = await handle.readFile();
    if (bytes.length > maxBytes) return { reason: `too large (${mb(bytes.length)} > ${mb(maxBytes)} limit)` };
  } catch (err) {
    if (codeOf(err) === "ELOOP") return { reason: LINK_NOW };
    return { reason: `cannot read: ${codeOf(err)}` };
  } finally {
    await handle?.close();
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

const LINK_NOW = "is a link now (it was not when listed); not followed";

/**
 * What a file's bytes are compared by before they are read again: size and modification time,
 * and the inode and status-change time, which an edit that restores the size and mtime still moves.
 */
function stampOf(info: Stats): string {
  return `${info.size}:${Math.round(info.mtimeMs)}:${info.ino}:${Math.round(info.ctimeMs)}`;
}

/** The real path of the file `handle` has open: from /proc on Linux, else the path's real path. */
async function openedPath(handle: FileHandle, file: string): Promise<string> {
  if (process.platform === "linux") {
    const viaProc = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
    if (viaProc) return viaProc;
  }
  return realpath(file);
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function mb(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function codeOf(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.message : String(err);
}
