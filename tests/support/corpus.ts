/**
 * Shared test fixtures: the real corpus, temporary folders with real files, in-memory documents.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex, type SearchIndex } from "../../src/search/build.js";
import type { Doc } from "../../src/types.js";

/** The repository root (where `src/` and `corpus/` live). */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The default corpus: two news articles. */
export const REAL_CORPUS = join(ROOT, "corpus");
export const BBC = "ivan-lewis-quits-labour.txt";
export const INDEPENDENT = "rosena-allin-khan-deputy-leadership.txt";

/**
 * Returns a maker of fresh temporary folders under the OS temp dir; every folder it made is
 * removed after the test file's last test.
 */
export function tempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-test-"));
    made.push(dir);
    return dir;
  };
}

/** Writes `files` (path relative to `dir` → content) into `dir`, creating sub-folders. */
export async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}

/** An index over `files` (path → content) written into a fresh folder from `newDir` (see tempDirs). */
export async function indexOver(newDir: () => Promise<string>, files: Record<string, string>): Promise<SearchIndex> {
  const dir = await newDir();
  await writeFiles(dir, files);
  return buildIndex((await loadCorpus(dir)).docs);
}

/** An index over one file, `name`, written as `lines` (see indexOver). */
export function indexOfLines(newDir: () => Promise<string>, name: string, lines: string[]): Promise<SearchIndex> {
  return indexOver(newDir, { [name]: lines.join("\n") });
}

/** Copies the real corpus into `dir`. */
export async function copyRealCorpus(dir: string): Promise<void> {
  await cp(REAL_CORPUS, dir, { recursive: true });
}

/** A document held in memory, as `loadCorpus` would give it. */
export function docOf(path: string, text: string, title = path): Doc {
  return { path, text, title, fingerprint: `test:${path}:${text.length}`, stamp: `${text.length}:0` };
}
