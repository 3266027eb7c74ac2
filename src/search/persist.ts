/**
 * The index on disk: one file, a header line, then the snapshot: the passages' integer columns as
 * raw 32-bit integers (the machine's byte order) after a JSON part that holds the rest (terms, headings, the
 * documents without their texts). The header names the format version, the JSON part's length
 * and the whole body's length and SHA-256: a cache of another version, one cut short or changed
 * in any byte, or one that does not parse, is an `IndexCacheError`, and the caller rebuilds.
 * Saving writes a temporary file and renames it over the old one; temporary files a killed save
 * left behind are removed when the index is next loaded.
 *
 * Why raw integers: at 100k passages the term ids are 7 MB; as base64 inside the JSON, decoding
 * the body to a string, parsing it and decoding the base64 took ≈ 350 ms of a cold start, where
 * reading the integers in place costs nothing.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SearchIndex, type IndexSnapshot } from "./build.js";

/**
 * Bump whenever what a saved index means changes: passage cutting, normalisation, fields, or
 * the snapshot's shape. A cache of another version is rebuilt, never misread.
 */
export const INDEX_FORMAT_VERSION = 45;
const FORMAT = "verbatim-index";
export const INDEX_FILE = "index.json";
/** `index.json.<pid>.tmp`: a save in progress, or one a killed process left. */
const TEMP_FILE = new RegExp(`^${INDEX_FILE.replace(".", "\\.")}\\.(\\d+)\\.tmp$`);

interface CacheHeader {
  format: typeof FORMAT;
  version: number;
  savedAt: string;
  /** Length of the body after the header line, bytes. */
  bytes: number;
  /** Length of the body's JSON part, bytes (UTF-8); the integers follow it. */
  json: number;
  /** SHA-256 of the body, hex. */
  sha256: string;
}

/**
 * The JSON part of the body: the snapshot with its integer columns replaced by their lengths
 * (their integers follow the JSON part in this order).
 */
type SnapshotJson = Omit<IndexSnapshot, "passages" | "termIds"> & { passages: number; termIds: number };

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

/** The file's bytes: the header line, then `json` (the snapshot's JSON part), then `ints` as raw integers. */
export function encodeIndexFile(json: string, ints: readonly Int32Array[] = []): Buffer {
  const body = Buffer.concat([Buffer.from(json, "utf8"), ...ints.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
  const header: CacheHeader = {
    format: FORMAT,
    version: INDEX_FORMAT_VERSION,
    savedAt: new Date().toISOString(),
    bytes: body.byteLength,
    json: Buffer.byteLength(json),
    sha256: createHash("sha256").update(body).digest("hex"),
  };
  // Spaces after the header's JSON put the integers 4-byte aligned in the file, so that loading
  // views them in place instead of copying them (≈ 25 ms at 20k files, 100k passages).
  const line = JSON.stringify(header);
  const pad = (4 - ((Buffer.byteLength(line) + 1 + header.json) % 4)) % 4;
  return Buffer.concat([Buffer.from(`${line}${" ".repeat(pad)}\n`), body]);
}

/** Saves `index` into `dir` (created if needed), replacing the file atomically. Returns its size in bytes. */
export async function saveIndex(index: SearchIndex, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const { passages, termIds, ...rest } = index.toJSON();
  const json: SnapshotJson = { ...rest, passages: passages.length, termIds: termIds.length };
  const data = encodeIndexFile(JSON.stringify(json), [passages, termIds]);
  const file = join(dir, INDEX_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
  return data.byteLength;
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
  const jsonBytes = header.json;
  if (typeof jsonBytes !== "number" || !Number.isSafeInteger(jsonBytes) || jsonBytes < 0 || jsonBytes > body.byteLength) {
    throw new IndexCacheError(`index cache: ${file} is corrupt (no length for its JSON part)`);
  }
  let parsed: Partial<SnapshotJson>;
  try {
    parsed = JSON.parse(body.subarray(0, jsonBytes).toString("utf8")) as Partial<SnapshotJson>;
  } catch {
    throw new IndexCacheError(`index cache: ${file} is corrupt (not JSON)`);
  }
  const lengths = [parsed.passages, parsed.termIds];
  const ints = body.subarray(jsonBytes);
  if (!lengths.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) || (lengths as number[]).reduce((a, b) => a + b, 0) * 4 !== ints.byteLength) {
    throw new IndexCacheError(`index cache: ${file} is corrupt (its integers do not fill the file)`);
  }
  const [passages, termIds] = int32Columns(ints, lengths as number[]);
  const snapshot = { ...parsed, passages, termIds } as IndexSnapshot;
  try {
    return SearchIndex.fromJSON(snapshot);
  } catch (err) {
    throw new IndexCacheError(`index cache: ${file} is corrupt (${(err as Error).message})`);
  }
}

/** `bytes` (32-bit integers) cut into columns of the given lengths, copied only when misaligned. */
function int32Columns(bytes: Buffer, lengths: readonly number[]): Int32Array[] {
  let all: Int32Array;
  if (bytes.byteOffset % 4 === 0) all = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  else {
    all = new Int32Array(bytes.byteLength / 4);
    new Uint8Array(all.buffer).set(bytes);
  }
  let at = 0;
  return lengths.map((n) => all.subarray(at, (at += n)));
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
