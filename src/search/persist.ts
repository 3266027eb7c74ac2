/**
 * The index on disk: one file, a header line then the snapshot (the passages, their terms and the
 * documents without their texts) as JSON. The header names the format version and the snapshot's
 * length and SHA-256: a cache of another version, one cut short or changed in any byte, or one
 * that does not parse, is an `IndexCacheError`, and the caller rebuilds. Saving writes a
 * temporary file and renames it over the old one; temporary files a killed save left behind are
 * removed when the index is next loaded.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SearchIndex, type IndexSnapshot } from "./build.js";

/**
 * Bump whenever what a saved index means changes: passage cutting, normalisation, fields, or
 * the snapshot's shape. A cache of another version is rebuilt, never misread.
 */
export const INDEX_FORMAT_VERSION = 15;
const FORMAT = "verbatim-index";
export const INDEX_FILE = "index.json";
/** `index.json.<pid>.tmp`: a save in progress, or one a killed process left. */
const TEMP_FILE = new RegExp(`^${INDEX_FILE.replace(".", "\\.")}\\.(\\d+)\\.tmp$`);

interface CacheHeader {
  format: typeof FORMAT;
  version: number;
  savedAt: string;
  /** Length of the snapshot JSON after the header line, bytes (UTF-8). */
  bytes: number;
  /** SHA-256 of those bytes, hex. */
  sha256: string;
}

/** A saved index that cannot be used; the message says why. `missing` when there is none yet. */
export class IndexCacheError extends Error {
  override name = "IndexCacheError";
  constructor(
    message: string,
    readonly missing = false,
  ) {
    super(message);
  }
}

/** The file's text for a snapshot already written as JSON: the header line, then `snapshotJson`. */
export function encodeIndexFile(snapshotJson: string): string {
  const body = Buffer.from(snapshotJson, "utf8");
  const header: CacheHeader = {
    format: FORMAT,
    version: INDEX_FORMAT_VERSION,
    savedAt: new Date().toISOString(),
    bytes: body.byteLength,
    sha256: createHash("sha256").update(body).digest("hex"),
  };
  return `${JSON.stringify(header)}\n${snapshotJson}`;
}

/** Saves `index` into `dir` (created if needed), replacing the file atomically. Returns its size in bytes. */
export async function saveIndex(index: SearchIndex, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const text = encodeIndexFile(JSON.stringify(index.toJSON()));
  const file = join(dir, INDEX_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
  return Buffer.byteLength(text);
}

/**
 * Loads the index saved in `dir`, first removing the temporary files of saves whose process is
 * gone. Throws `IndexCacheError` when there is none or it is unusable.
 */
export async function loadIndex(dir: string): Promise<SearchIndex> {
  await removeStaleTemps(dir);
  const file = join(dir, INDEX_FILE);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new IndexCacheError(`index cache: cannot read ${file}: ${code ?? String(err)}`, code === "ENOENT");
  }
  const newline = data.indexOf(0x0a);
  let header: Partial<CacheHeader>;
  try {
    header = JSON.parse(data.subarray(0, newline === -1 ? data.length : newline).toString("utf8")) as Partial<CacheHeader>;
  } catch {
    throw new IndexCacheError(`index cache: ${file} is corrupt (not JSON)`);
  }
  if (header.format !== FORMAT || header.version !== INDEX_FORMAT_VERSION) {
    throw new IndexCacheError(`index cache: ${file} has format ${String(header.format)} v${String(header.version)}, expected ${FORMAT} v${INDEX_FORMAT_VERSION}`);
  }
  const body = newline === -1 ? Buffer.alloc(0) : data.subarray(newline + 1);
  if (typeof header.bytes !== "number" || body.byteLength < header.bytes) {
    throw new IndexCacheError(`index cache: ${file} is truncated (${body.byteLength} of ${String(header.bytes)} bytes)`);
  }
  if (body.byteLength !== header.bytes || createHash("sha256").update(body).digest("hex") !== header.sha256) {
    throw new IndexCacheError(`index cache: ${file} is corrupt (checksum does not match what was saved)`);
  }
  let snapshot: IndexSnapshot;
  try {
    snapshot = JSON.parse(body.toString("utf8")) as IndexSnapshot;
  } catch {
    throw new IndexCacheError(`index cache: ${file} is corrupt (not JSON)`);
  }
  try {
    return SearchIndex.fromJSON(snapshot);
  } catch (err) {
    throw new IndexCacheError(`index cache: ${file} is corrupt (${(err as Error).message})`);
  }
}

/** Removes `index.json.<pid>.tmp` files in `dir` whose process is no longer running. */
async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(TEMP_FILE.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) await unlink(join(dir, name)).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Size of the saved index in `dir`, bytes (0 when there is none). */
export async function savedIndexBytes(dir: string): Promise<number> {
  return stat(join(dir, INDEX_FILE)).then((s) => s.size, () => 0);
}
