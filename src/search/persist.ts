/**
 * The index on disk: one JSON file holding the MiniSearch index, the passages and the documents
 * (with their text, so a start with an unchanged corpus reads no corpus file). It carries a format
 * version; a cache of another version, or one that does not parse, is an `IndexCacheError`, and
 * the caller rebuilds.
 */
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SearchIndex, type IndexSnapshot } from "./build.js";

/**
 * Bump whenever what a saved index means changes: passage cutting, normalisation, fields, or
 * the snapshot's shape. A cache of another version is rebuilt, never misread.
 */
export const INDEX_FORMAT_VERSION = 12;
const FORMAT = "verbatim-index";
export const INDEX_FILE = "index.json";

interface CacheFile {
  format: typeof FORMAT;
  version: number;
  savedAt: string;
  snapshot: IndexSnapshot;
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

/** Saves `index` into `dir` (created if needed), replacing the file atomically. Returns its size in bytes. */
export async function saveIndex(index: SearchIndex, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const body: CacheFile = { format: FORMAT, version: INDEX_FORMAT_VERSION, savedAt: new Date().toISOString(), snapshot: index.toJSON() };
  const json = JSON.stringify(body);
  const file = join(dir, INDEX_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, json);
  await rename(temp, file);
  return Buffer.byteLength(json);
}

/** Loads the index saved in `dir`. Throws `IndexCacheError` when there is none or it is unusable. */
export async function loadIndex(dir: string): Promise<SearchIndex> {
  const file = join(dir, INDEX_FILE);
  let json: string;
  try {
    json = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new IndexCacheError(`index cache: cannot read ${file}: ${code ?? String(err)}`, code === "ENOENT");
  }
  let body: Partial<CacheFile>;
  try {
    body = JSON.parse(json) as Partial<CacheFile>;
  } catch {
    throw new IndexCacheError(`index cache: ${file} is corrupt (not JSON)`);
  }
  if (body.format !== FORMAT || body.version !== INDEX_FORMAT_VERSION || !body.snapshot) {
    throw new IndexCacheError(`index cache: ${file} has format ${String(body.format)} v${String(body.version)}, expected ${FORMAT} v${INDEX_FORMAT_VERSION}`);
  }
  try {
    return SearchIndex.fromJSON(body.snapshot);
  } catch (err) {
    throw new IndexCacheError(`index cache: ${file} is corrupt (${(err as Error).message})`);
  }
}

/** Size of the saved index in `dir`, bytes (0 when there is none). */
export async function savedIndexBytes(dir: string): Promise<number> {
  return stat(join(dir, INDEX_FILE)).then((s) => s.size, () => 0);
}
