// @ts-check
/**
 * Lists a corpus folder and looks at every document file in it (lstat): what the loader needs to
 * tell which files changed since the saved index, before reading any.
 *
 * Plain JavaScript, with no imports but Node's, so that it can run in a worker thread that starts
 * in ≈ 30 ms: a thread that loads TypeScript through tsx takes ≈ 350 ms to start. In a thread,
 * the 20k-file benchmark folder is scanned (≈ 0.4 s of system calls) while the main thread loads
 * the saved index and the language model, instead of after them (scan-thread.ts).
 */
import { lstatSync, readdirSync, realpathSync } from "node:fs";
import { extname, join, sep } from "node:path";
import { parentPort, workerData } from "node:worker_threads";

/** File endings read as documents (case-insensitive). */
export const DOC_EXTENSIONS = new Set([".md", ".markdown", ".txt"]);
/** Files named so hold settings and secrets (`.env`, `.env.local.md`), never documents: never read. */
const SECRET_FILE = /^\.env/i;
/** Folders never descended into: version control and dependencies are not documents. */
const IGNORED_DIRS = new Set([".git", "node_modules", ".cache"]);

/** What `kinds` says of a listed file when it was looked at. */
export const FILE = 0;
export const NOT_REGULAR = 1;
export const LINK_NOW = 2;
export const UNREADABLE = 3;
/** Numbers per file in `info`: size, mtimeMs, ctimeMs, ino, dev. */
export const INFO_STRIDE = 5;

/**
 * @typedef {object} Scan
 * @property {string[]} paths the document files' paths in the corpus ("/"-separated), in a stable order
 * @property {Uint8Array} kinds per file: FILE, NOT_REGULAR, LINK_NOW or UNREADABLE
 * @property {Float64Array} info per file, INFO_STRIDE numbers (zeros unless FILE)
 * @property {Record<number, string>} errors per UNREADABLE file: the error's code
 * @property {Array<{ path: string; reason: string }>} skipped files left out while listing, and why
 * @property {string} [error] why the folder or a folder under it could not be listed (nothing else is then set)
 */

/**
 * Lists `root` (a real path) recursively, by name at each level, and looks at each document file
 * without following links. `given` names the folder in messages. Never throws.
 * @param {string} root
 * @param {string} given
 * @returns {Scan}
 */
export function scanFolder(root, given) {
  /** @type {string[]} */
  const paths = [];
  /** @type {Array<{ path: string; reason: string }>} */
  const skipped = [];
  try {
    listInto(root, root, "", given, paths, skipped);
  } catch (err) {
    return { paths: [], kinds: new Uint8Array(0), info: new Float64Array(0), errors: {}, skipped, error: err instanceof Error ? err.message : String(err) };
  }
  const kinds = new Uint8Array(paths.length);
  const info = new Float64Array(paths.length * INFO_STRIDE);
  /** @type {Record<number, string>} */
  const errors = {};
  for (let i = 0; i < paths.length; i++) {
    try {
      const stats = lstatSync(join(root, /** @type {string} */ (paths[i])));
      kinds[i] = kindOf(stats);
      if (kinds[i] === FILE) info.set([stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, stats.dev], i * INFO_STRIDE);
    } catch (err) {
      kinds[i] = UNREADABLE;
      errors[i] = codeOf(err);
    }
  }
  return { paths, kinds, info, errors, skipped };
}

/**
 * What an lstat found: FILE, LINK_NOW (a link, never followed) or NOT_REGULAR.
 * @param {import("node:fs").Stats} stats
 * @returns {number}
 */
export function kindOf(stats) {
  return stats.isSymbolicLink() ? LINK_NOW : stats.isFile() ? FILE : NOT_REGULAR;
}

/**
 * Adds the document files under `dir` (whose path in the corpus is `relDir`) to `paths`. Paths in
 * the corpus are built here rather than by `path.relative` for each file (≈ 0.1 s at 20k files).
 * @param {string} root
 * @param {string} dir
 * @param {string} relDir
 * @param {string} given
 * @param {string[]} paths
 * @param {Array<{ path: string; reason: string }>} skipped
 */
function listInto(root, dir, relDir, given, paths, skipped) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new Error(`corpus: cannot read folder ${relDir || given}: ${codeOf(err)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) {
      let target;
      try {
        target = realpathSync(join(dir, entry.name));
      } catch (err) {
        if (DOC_EXTENSIONS.has(extname(entry.name).toLowerCase())) skipped.push({ path: rel, reason: `broken link: ${codeOf(err)}` });
        continue;
      }
      if (target !== root && !target.startsWith(root + sep)) skipped.push({ path: rel, reason: "link leads outside the corpus folder; not followed" });
      // A link to a file or folder inside the corpus: read at its own path already.
      continue;
    }
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) listInto(root, join(dir, entry.name), rel, given, paths, skipped);
    } else if (entry.isFile() && DOC_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      if (SECRET_FILE.test(entry.name)) skipped.push({ path: rel, reason: "named .env*, a file for secrets; not read" });
      else paths.push(rel);
    }
  }
}

/**
 * @param {unknown} err
 * @returns {string}
 */
export function codeOf(err) {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.message : String(err);
}

// Started as a worker thread (scan-thread.ts): scan the folder it was given, answer once.
if (parentPort && workerData?.scanRoot !== undefined) {
  const scan = scanFolder(workerData.scanRoot, workerData.given);
  parentPort.postMessage(scan, [/** @type {ArrayBuffer} */ (scan.kinds.buffer), /** @type {ArrayBuffer} */ (scan.info.buffer)]);
}
