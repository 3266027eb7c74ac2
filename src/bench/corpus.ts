/**
 * Builds the benchmark corpus: every HTML page of the documentation sources converted once to a
 * `.md` file under `<cache>/all/`, then, per size, a deterministic mix of those files hard-linked
 * into `<cache>/<size>/` so that it cuts into about that many passages.
 */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { htmlToText } from "./html-to-text.js";
import { createRandom, hashString, shuffled } from "./random.js";
import type { FoundSource } from "./sources.js";

/** Bump when the conversion changes, so cached corpora are rebuilt. */
export const CORPUS_FORMAT = 3;

/** Pages with less text than this are navigation or stubs, not prose, chars. */
const MIN_PAGE_CHARS = 300;

/** One converted file. */
export interface CorpusFile {
  /** Path relative to the corpus folder, `/` separated. */
  path: string;
  chars: number;
  /** Tier of its source (see `DocSource.tier`); 1 when absent. */
  tier?: 1 | 2;
}

/** What `<cache>/all.json` records about the converted corpus. */
export interface CorpusManifest {
  format: number;
  sources: string[];
  files: CorpusFile[];
  chars: number;
}

async function listHtml(dir: string, exclude: RegExp, rel = ""): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const relPath = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!exclude.test(`${relPath}/`)) out.push(...(await listHtml(dir, exclude, relPath)));
    } else if (e.isFile() && e.name.endsWith(".html") && !exclude.test(relPath)) {
      out.push(relPath);
    }
  }
  return out;
}

/**
 * Converts every page of `sources` into `<cacheDir>/all/<source>/<page>.md`, unless a manifest of
 * the same format and sources is already there. Returns the manifest.
 */
export async function prepareFullCorpus(
  sources: readonly FoundSource[],
  cacheDir: string,
  log: (line: string) => void = () => {},
): Promise<CorpusManifest> {
  const manifestPath = path.join(cacheDir, "all.json");
  const sourceIds = sources.map((s) => `${s.name}:${s.dir}`);
  try {
    const cached = JSON.parse(await fs.readFile(manifestPath, "utf8")) as CorpusManifest;
    if (cached.format === CORPUS_FORMAT && cached.sources.join("\n") === sourceIds.join("\n")) return cached;
  } catch {
    // no usable manifest: convert
  }
  const allDir = path.join(cacheDir, "all");
  await fs.rm(allDir, { recursive: true, force: true });
  const files: CorpusFile[] = [];
  let chars = 0;
  const started = performance.now();
  for (const source of sources) {
    const pages = await listHtml(source.dir, source.exclude);
    log(`corpus: converting ${pages.length} pages of ${source.debPackage}`);
    for (const page of pages) {
      const { text } = htmlToText(await fs.readFile(path.join(source.dir, page), "utf8"));
      if (text.length < MIN_PAGE_CHARS) continue;
      const rel = `${source.name}/${page.replace(/\.html$/, ".md")}`;
      const out = path.join(allDir, rel);
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, text);
      files.push({ path: rel, chars: text.length, tier: source.tier });
      chars += text.length;
    }
  }
  const manifest: CorpusManifest = { format: CORPUS_FORMAT, sources: sourceIds, files, chars };
  await fs.writeFile(manifestPath, JSON.stringify(manifest));
  log(
    `corpus: ${files.length} files, ${(chars / 1e6).toFixed(1)} M chars in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return manifest;
}

/**
 * Picks files (in a seeded shuffle, so every source is mixed in) until their estimated passage
 * count reaches `targetPassages`. Files estimated above a twentieth of the target are passed
 * over, so one huge page (a changelog) cannot make up a small corpus on its own. Tier-2 files
 * are used only when all of tier 1 is not enough. Returns `null` when the whole corpus holds
 * fewer passages than asked.
 */
export function selectFiles(
  files: readonly CorpusFile[],
  targetPassages: number,
  charsPerPassage: number,
  seed: number,
): CorpusFile[] | null {
  const estimate = (f: CorpusFile): number => f.chars / charsPerPassage;
  const total = files.reduce((sum, f) => sum + estimate(f), 0);
  if (total < targetPassages) return null;
  const tier1 = files.filter((f) => (f.tier ?? 1) === 1);
  const tier1Total = tier1.reduce((sum, f) => sum + estimate(f), 0);
  if (tier1Total >= targetPassages) return pickFiles(tier1, targetPassages, estimate, seed).sort(byPath);
  const tier2 = files.filter((f) => (f.tier ?? 1) !== 1);
  return [...tier1, ...pickFiles(tier2, targetPassages - tier1Total, estimate, seed)].sort(byPath);
}

/** The picking of {@link selectFiles} within one tier that holds enough. */
function pickFiles(
  files: readonly CorpusFile[],
  targetPassages: number,
  estimate: (f: CorpusFile) => number,
  seed: number,
): CorpusFile[] {
  const order = shuffled(files, createRandom(seed));
  const cap = targetPassages / 20;
  const picked: CorpusFile[] = [];
  const passedOver: CorpusFile[] = [];
  let sum = 0;
  for (const f of order) {
    if (sum >= targetPassages) break;
    if (estimate(f) > cap) {
      passedOver.push(f);
      continue;
    }
    picked.push(f);
    sum += estimate(f);
  }
  for (const f of passedOver) {
    if (sum >= targetPassages) break;
    picked.push(f);
    sum += estimate(f);
  }
  return picked;
}

function byPath(a: CorpusFile, b: CorpusFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Makes `<cacheDir>/<label>/` hold exactly `files` (hard links into `all/`, copies if linking
 * fails); reuses it when `<cacheDir>/<label>.json` already lists the same files.
 */
export async function materializeSelection(cacheDir: string, label: string, files: readonly CorpusFile[]): Promise<string> {
  const dir = path.join(cacheDir, label);
  const listPath = path.join(cacheDir, `${label}.json`);
  const wanted = JSON.stringify(files.map((f) => f.path));
  if (existsSync(dir)) {
    try {
      if ((await fs.readFile(listPath, "utf8")) === wanted) return dir;
    } catch {
      // no list: rebuild
    }
  }
  await fs.rm(dir, { recursive: true, force: true });
  for (const f of files) {
    const from = path.join(cacheDir, "all", f.path);
    const to = path.join(dir, f.path);
    await fs.mkdir(path.dirname(to), { recursive: true });
    try {
      await fs.link(from, to);
    } catch {
      await fs.copyFile(from, to);
    }
  }
  await fs.writeFile(listPath, wanted);
  return dir;
}

/** A seed for a size's selection that differs per size but is stable across runs. */
export function selectionSeed(seed: number, label: string): number {
  return (seed ^ hashString(label)) >>> 0;
}
