/**
 * The many-file corpus of the benchmark: a documentation folder of ≥ 20k small Markdown files
 * (each section of each converted manual page a file of its own), and what a user of such a
 * folder waits for: `npm run ask` from the saved index, the same after one file changed, and
 * `/reindex` after one file changed — each next to `npm run ask` on the default corpus.
 */
import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import type { CorpusManifest } from "./corpus.js";

/** What the many-file section of the report holds. */
export interface ManyFilesReport {
  files: number;
  chars: number;
  passages?: number;
  /** The first `npm run ask`: indexes every file and saves the index, ms. */
  firstRunMs?: number;
  /** `npm run ask` on the default corpus from its saved index (median), ms: the reference. */
  defaultStartMs?: number;
  /** `npm run ask` on the many-file corpus from its saved index (median), ms. */
  startMs?: number;
  /** The same after one file changed (median), ms. */
  changedStartMs?: number;
  /** `reindex()` after one file changed: its report's `durationMs` (median). */
  reindexMs?: number;
  error?: string;
}

/** Sections shorter than this are headings with a line under them, not documents, chars. */
const MIN_SECTION_CHARS = 150;
/**
 * Sections longer than this are left out: the corpus is meant to be many small files (the
 * issue's was 21,734 files for 100k passages, ≈ 5 a file). With the tier-1 manuals, 150-3,000
 * gives 20,094 files, 15.3 M chars, ≈ 100k passages, chars.
 */
const MAX_SECTION_CHARS = 3000;
/** Timed runs per figure; the median is reported (2 shared cores make single runs noisy). */
const RUNS = 5;
const QUESTION = "How do I configure the connection timeout?";
const FORMAT = 3;

/**
 * Writes `<cacheDir>/many-files/` from the converted pages: each section between two headings a
 * file, in page order, until there are `targetFiles`. Reused when already there.
 */
export async function prepareManyFiles(cacheDir: string, manifest: CorpusManifest, targetFiles: number): Promise<{ dir: string; files: number; chars: number }> {
  const dir = path.join(cacheDir, "many-files");
  const listPath = path.join(cacheDir, "many-files.json");
  const key = JSON.stringify({ format: FORMAT, targetFiles, manifestChars: manifest.chars });
  try {
    const saved = JSON.parse(await fs.readFile(listPath, "utf8")) as { key: string; files: number; chars: number };
    if (saved.key === key && existsSync(dir)) return { dir, files: saved.files, chars: saved.chars };
  } catch {
    // not prepared yet
  }
  await fs.rm(dir, { recursive: true, force: true });
  let files = 0;
  let chars = 0;
  for (const page of [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (files >= targetFiles) break;
    const text = await fs.readFile(path.join(cacheDir, "all", page.path), "utf8");
    const sections = splitSections(text).filter((s) => s.length >= MIN_SECTION_CHARS && s.length <= MAX_SECTION_CHARS);
    for (const [i, section] of sections.entries()) {
      const out = path.join(dir, page.path.replace(/\.md$/, ""), `${String(i).padStart(3, "0")}.md`);
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, section);
      files++;
      chars += section.length;
    }
  }
  await fs.writeFile(listPath, JSON.stringify({ key, files, chars }));
  return { dir, files, chars };
}

/** `text` cut before every heading line outside code fences. */
export function splitSections(text: string): string[] {
  const sections: string[] = [];
  let current: string[] = [];
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && /^#{1,6} /.test(line) && current.some((l) => l.trim())) {
      sections.push(current.join("\n"));
      current = [];
    }
    current.push(line);
  }
  if (current.some((l) => l.trim())) sections.push(current.join("\n"));
  return sections;
}

interface Run {
  ms: number;
  stdout: string;
}

/** Runs `node --import tsx <script> …args` in `root` with `env` added; its wall time. */
async function timeNode(root: string, script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve({ ms: performance.now() - started, stdout });
      else reject(new Error(`${script} exited ${code}: ${stderr.trim().split("\n").slice(-2).join(" / ")}`));
    });
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Changes one file of the corpus (a line added at its end), so the next start indexes it again. */
async function touchOneFile(dir: string, run: number): Promise<void> {
  let at = dir;
  for (;;) {
    const entries = (await fs.readdir(at, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    const first = entries[0];
    if (!first) throw new Error(`bench: ${at} is empty`);
    at = path.join(at, first.name);
    if (!first.isDirectory()) break;
  }
  await fs.appendFile(at, `\nA line added by the benchmark, run ${run}.\n`);
}

/** Measures the many-file corpus at `dir` (see the module comment). */
export async function measureManyFiles(root: string, runDir: string, prepared: { dir: string; files: number; chars: number }, log: (line: string) => void): Promise<ManyFilesReport> {
  const report: ManyFilesReport = { files: prepared.files, chars: prepared.chars };
  const ask = (corpus: string, cache: string): Promise<Run> =>
    timeNode(root, "src/cli/ask.ts", ["--json", "--corpus", corpus, QUESTION], { INDEX_CACHE_DIR: cache });
  try {
    const defaultCache = path.join(runDir, "cache-default");
    const manyCache = path.join(runDir, "cache-many");
    await fs.rm(defaultCache, { recursive: true, force: true });
    await fs.rm(manyCache, { recursive: true, force: true });
    const askDefault = async (): Promise<number> => (await ask(path.join(root, "corpus"), defaultCache)).ms;
    await askDefault();
    log(`bench many-files: first run over ${prepared.files} files (indexes and saves)`);
    report.firstRunMs = (await ask(prepared.dir, manyCache)).ms;
    // Each run on the many files follows a run on the default corpus, so that a slow spell of
    // the machine (2 shared cores) weighs on the reference and the figure alike.
    const defaults: number[] = [];
    const starts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      defaults.push(await askDefault());
      starts.push((await ask(prepared.dir, manyCache)).ms);
    }
    const changed: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await touchOneFile(prepared.dir, i);
      defaults.push(await askDefault());
      changed.push((await ask(prepared.dir, manyCache)).ms);
    }
    report.defaultStartMs = median(defaults);
    report.startMs = median(starts);
    report.changedStartMs = median(changed);
    log(`bench many-files: default corpus start ${report.defaultStartMs.toFixed(0)} ms`);
    const reindex = await timeNode(root, "src/bench/reindex-once.ts", [prepared.dir, String(RUNS)], { INDEX_CACHE_DIR: manyCache });
    const figures = JSON.parse(reindex.stdout) as { passages: number; durationsMs: number[] };
    report.passages = figures.passages;
    report.reindexMs = median(figures.durationsMs);
    log(`bench many-files: start ${report.startMs.toFixed(0)} ms, after a change ${report.changedStartMs.toFixed(0)} ms, /reindex ${report.reindexMs.toFixed(0)} ms`);
  } catch (err) {
    report.error = (err as Error).message;
  }
  return report;
}

/** The many-file section of the report, as markdown. */
export function formatManyFiles(r: ManyFilesReport): string {
  const ms = (v: number | undefined): string => (v === undefined ? "n/a" : `${Math.round(v)} ms`);
  const ratio = (v: number | undefined): string => (v === undefined || !r.defaultStartMs ? "" : ` (${(v / r.defaultStartMs).toFixed(2)}×)`);
  const lines = [
    `## Many files: ${r.files} Markdown files, ${(r.chars / 1e6).toFixed(1)} M chars, ${r.passages ?? "?"} passages`,
    "",
    "| | time | × default-corpus start |",
    "| --- | --- | --- |",
    `| \`npm run ask\` on the default corpus, saved index (reference) | ${ms(r.defaultStartMs)} | 1× |`,
    `| first \`npm run ask\` (indexes every file, saves) | ${ms(r.firstRunMs)} |${ratio(r.firstRunMs).replace(/[()]/g, "")} |`,
    `| cold start: \`npm run ask\` from the saved index | ${ms(r.startMs)} |${ratio(r.startMs).replace(/[()]/g, "")} (target ≤ 2×) |`,
    `| one file changed, then \`npm run ask\` | ${ms(r.changedStartMs)} |${ratio(r.changedStartMs).replace(/[()]/g, "")} (target ≤ 2.5×) |`,
    `| one file changed, then \`/reindex\` (report's durationMs) | ${ms(r.reindexMs)} | |`,
    "",
    `Each figure is the median of ${RUNS} runs of a fresh process (\`node --import tsx src/cli/ask.ts\`), wall time; the reference's, of ${2 * RUNS}, each run just before one on the many files.`,
  ];
  if (r.error) lines.push("", `Error: ${r.error}`);
  return lines.join("\n");
}
