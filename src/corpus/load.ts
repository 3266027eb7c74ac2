/**
 * Reads a corpus folder into documents: the only file reads of the core. Bad files never stop
 * the rest; each is skipped with a one-line reason.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { basename, extname, join, sep } from "node:path";
import type { Doc, Skipped } from "../types.js";
import { parseFrontMatter } from "./frontmatter.js";
import { firstHeading } from "./layout.js";
import { deferText, isTextDeferred } from "./lazy-text.js";
import { codeOf, DOC_EXTENSIONS, FILE, INFO_STRIDE, kindOf, LINK_NOW as LINK_NOW_KIND, scanFolder, UNREADABLE } from "./scan.mjs";
import { scanInThread, type Scan } from "./scan-thread.js";

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
  /** The folder's scan, begun earlier by `startScan(dir)`; else begun now. */
  scanned?: Promise<ScannedFolder>;
}

export interface LoadedCorpus {
  docs: Doc[];
  skipped: Skipped[];
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
export { DOC_EXTENSIONS };
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
  const { root, scan } = await (options.scanned ?? startScan(dir));
  const docs: Doc[] = [];
  const skipped: Skipped[] = [];
  const skip = (path: string, reason: string): void => {
    skipped.push({ path, reason });
    options.onWarning?.(`corpus: skipped ${path}: ${reason}`);
  };
  for (const { path, reason } of scan.skipped) skip(path, reason);
  const pause = pauser();
  for (let i = 0; i < scan.paths.length; i++) {
    const path = scan.paths[i] as string;
    const result = readDocSync(fileOf(root, path), path, maxBytes, lookedOf(scan, i), options.known?.get(path), root);
    if ("reason" in result) skip(path, result.reason);
    else docs.push(result);
    await pause();
  }
  return { docs, skipped };
}

/** A corpus folder's real path and its scan (scan.mjs). */
export interface ScannedFolder {
  root: string;
  scan: Scan;
}

/**
 * Starts scanning `dir` in a worker thread (scan-thread.ts), for `loadCorpus`'s `scanned`: the
 * caller does other work meanwhile. `thread` false scans on this thread. Rejects with a
 * `CorpusError` when `dir` or a folder under it cannot be read.
 */
export function startScan(dir: string, thread = true): Promise<ScannedFolder> {
  let root: string;
  try {
    // Synchronously, so that the thread starts before this returns, not at the caller's next await.
    root = realpathSync(dir);
    if (!statSync(root).isDirectory()) return Promise.reject(new CorpusError(`corpus: ${dir} is not a folder`));
  } catch (err) {
    return Promise.reject(new CorpusError(`corpus: cannot read ${dir}: ${codeOf(err)}`));
  }
  const scanning = thread ? scanInThread(root, dir) : Promise.resolve(scanFolder(root, dir));
  return scanning.then((scan) => {
    if (scan.error !== undefined) throw new CorpusError(scan.error);
    return { root, scan };
  });
}

/**
 * The loader gives the event loop back every this many ms while it looks at and reads files
 * (questions are answered meanwhile during a reindex). Files are read with synchronous calls:
 * from a saved index, 20k files took 4.6 s with one awaited call each and 0.6 s synchronously.
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

/** What looking at a file (lstat, not following links) found. */
interface Looked {
  kind: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
  /** The error's code, when `kind` is UNREADABLE. */
  code?: string;
}

/** File `i` of `scan`, as looked at. */
function lookedOf(scan: Scan, i: number): Looked {
  const at = i * INFO_STRIDE;
  const info = scan.info;
  const kind = scan.kinds[i] as number;
  return { kind, size: info[at] as number, mtimeMs: info[at + 1] as number, ctimeMs: info[at + 2] as number, ino: info[at + 3] as number, dev: info[at + 4] as number, ...(kind === UNREADABLE ? { code: scan.errors[i] ?? "" } : {}) };
}

/** Looks at `file` now, as the scan does. */
function lookAt(file: string): Looked {
  try {
    const s = lstatSync(file);
    return { kind: kindOf(s), size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, dev: s.dev };
  } catch (err) {
    return { kind: UNREADABLE, size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0, dev: 0, code: codeOf(err) };
  }
}

/**
 * Reads one file into a `Doc`, or says why it cannot be one. The file read is the one looked at:
 * a link is never followed (even one swapped in since the folder was listed), the opened file
 * must be the one whose size and stamp were checked, and, given `root` (a real path), it must lie
 * inside it, so a folder on its path swapped for a link cannot lead outside either.
 */
export async function readDoc(file: string, path: string, maxBytes: number, known?: Doc, root?: string): Promise<Doc | { reason: string }> {
  return Promise.resolve(readDocSync(file, path, maxBytes, lookAt(file), known, root));
}

/** The full path of the corpus file at `path` ("/"-separated) under `root`. */
function fileOf(root: string, path: string): string {
  return sep === "/" ? `${root}/${path}` : join(root, ...path.split("/"));
}

/** readDoc of a file already looked at, with synchronous calls (see YIELD_EVERY_MS). */
function readDocSync(file: string, path: string, maxBytes: number, info: Looked, known?: Doc, root?: string): Doc | { reason: string } {
  let bytes: Buffer;
  let stamp: string;
  try {
    if (info.kind === UNREADABLE) return info.code === "ELOOP" ? { reason: LINK_NOW } : { reason: `cannot read: ${info.code ?? "unknown error"}` };
    if (info.kind === LINK_NOW_KIND) return { reason: LINK_NOW };
    if (info.kind !== FILE) return { reason: "not a regular file" };
    if (info.size > maxBytes) return { reason: `too large (${mb(info.size)} > ${mb(maxBytes)} limit)` };
    if (info.size === 0) return { reason: "empty file" };
    stamp = stampOf(info);
    if (known?.stamp === stamp) {
      if (!isTextDeferred(known) && known.text === "") deferText(known, () => readTextLater(file, known.fingerprint, root));
      return known;
    }
    const read = readChecked(file, info, root);
    if ("reason" in read) return read;
    bytes = read.bytes;
    if (bytes.length > maxBytes) return { reason: `too large (${mb(bytes.length)} > ${mb(maxBytes)} limit)` };
  } catch (err) {
    if (codeOf(err) === "ELOOP") return { reason: LINK_NOW };
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
function stampOf(info: Looked): string {
  return `${info.size}:${Math.round(info.mtimeMs)}:${info.ino}:${Math.round(info.ctimeMs)}`;
}

/**
 * The bytes of `file`, read so that nothing else can be read in its place: a link is never
 * followed (even one swapped in since the folder was listed), the opened file must be the one
 * `info` describes, and, given `root` (a real path), it must lie inside it, so a folder on its
 * path swapped for a link cannot lead outside either.
 */
function readChecked(file: string, info: Pick<Looked, "dev" | "ino">, root?: string): { bytes: Buffer } | { reason: string } {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const opened = fstatSync(fd);
    if (opened.dev !== info.dev || opened.ino !== info.ino) return { reason: "replaced while being read; read again at the next reindex" };
    if (root && !isInside(openedPath(fd, file), root)) return { reason: "lies outside the corpus folder (a folder on its path is a link); not read" };
    return { bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a file whose stamp matched a saved index, read (as readChecked reads) when a quote
 * first needs it; "" when it can no longer be read, or its content is no longer what was indexed
 * (the offsets would point elsewhere): the next reindex drops or re-reads it.
 */
function readTextLater(file: string, fingerprint: string, root?: string): string {
  try {
    const read = readChecked(file, lookAt(file), root);
    if ("reason" in read || createHash("sha1").update(read.bytes).digest("hex") !== fingerprint) return "";
    return new TextDecoder("utf-8").decode(read.bytes);
  } catch {
    return "";
  }
}

/** The real path of the file open as `fd`: from /proc on Linux, else the path's real path. */
function openedPath(fd: number, file: string): string {
  if (process.platform === "linux") {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      // no /proc: fall through
    }
  }
  return realpathSync(file);
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function mb(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

