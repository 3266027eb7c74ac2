/**
 * The benchmark run: corpus → per size (Verbatim's passages and questions → every engine in its
 * own worker process → cold starts) → report. One engine failing fills its row's error cell; the
 * run goes on.
 */
import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { materializeSelection, prepareFullCorpus, selectFiles, selectionSeed, type CorpusFile } from "./corpus.js";
import { measureManyFiles, prepareManyFiles } from "./many-files.js";
import { clearDataset, writeDataset, type DatasetMeta } from "./dataset.js";
import { splitPassages, type BenchPassage } from "./passages.js";
import { generateQuestions, type Question } from "./questions.js";
import type { BenchReport, SizeReport } from "./report.js";
import type { EngineName, EngineResult, LoadResult } from "./results.js";
import { DEB_ROOT, locateSources, missingSourcesMessage } from "./sources.js";
import type { Calibration, WorkerTask } from "./worker.js";

/** A corpus size: its label as typed ("10k") and the passages it stands for. */
export interface BenchSize {
  label: string;
  passages: number;
}

export interface BenchOptions {
  /** Repository root: the cache folders and the worker script are found from it. */
  root: string;
  sizes: BenchSize[];
  engines: EngineName[];
  /** Default 1,000. */
  questions: number;
  seed: number;
  /** Untimed questions first, per engine. Default 20. */
  warmup: number;
  /** A worker still running after this is killed and its row says so, ms. */
  timeoutMs: number;
  /** V8 old-space limit of each worker, MB. */
  maxOldSpaceMb: number;
  /** Files of the many-file corpus (start-up and reindex of a docs folder); 0 leaves it out. Default 20,000. */
  manyFiles?: number;
  log: (line: string) => void;
}

/** Thrown when the documentation packages are missing; its message says how to get them. */
export class BenchSetupError extends Error {
  override name = "BenchSetupError";
}

/** Size of the sample that measures Verbatim's characters per passage, chars. */
const CALIBRATION_CHARS = 3_000_000;
/** Chars per passage assumed if Verbatim cannot be calibrated (its 3-sentence windows on manuals). */
const DEFAULT_CHARS_PER_PASSAGE = 120;

/** Parses "10k", "100K", "1m", "2500" into a passage count; throws on anything else. */
export function parseSize(text: string): BenchSize {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`bench: bad size "${text}": expected e.g. 10k, 100k, 1m or 5000`);
  const unit = (m[2] ?? "").toLowerCase();
  const passages = Math.round(Number(m[1]) * (unit === "k" ? 1e3 : unit === "m" ? 1e6 : 1));
  if (passages < 100) throw new Error(`bench: size "${text}" is below 100 passages`);
  return { label: text.trim().toLowerCase(), passages };
}

interface WorkerOutcome<T> {
  value?: T;
  error?: string;
}

async function runWorker<T>(options: BenchOptions, task: WorkerTask): Promise<WorkerOutcome<T>> {
  await fs.rm(task.outFile, { force: true });
  const workerPath = path.join(options.root, "src", "bench", "worker.ts");
  const args = ["--expose-gc", `--max-old-space-size=${options.maxOldSpaceMb}`, "--import", "tsx", workerPath, JSON.stringify(task)];
  const tag = `${task.engine}${task.mode === "run" ? "" : ` ${task.mode}`}`;
  const outcome = await new Promise<{ code: number | null; signal: string | null; tail: string[]; timedOut: boolean; spawnError?: string }>(
    (resolve) => {
      const child = spawn(process.execPath, args, { cwd: options.root, stdio: ["ignore", "inherit", "pipe"] });
      const tail: string[] = [];
      let timedOut = false;
      createInterface({ input: child.stderr }).on("line", (line) => {
        options.log(`  [${tag}] ${line}`);
        tail.push(line);
        if (tail.length > 60) tail.shift();
      });
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, options.timeoutMs);
      child.on("error", (err) => {
        clearTimeout(timer);
        resolve({ code: null, signal: null, tail, timedOut, spawnError: err.message });
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, tail, timedOut });
      });
    },
  );
  let error: string | undefined;
  if (outcome.spawnError) error = `could not start worker: ${outcome.spawnError}`;
  else if (outcome.timedOut) error = `killed after ${(options.timeoutMs / 60000).toFixed(0)} min (--timeout-min)`;
  else if (outcome.code !== 0) {
    // V8 prints "FATAL ERROR: … heap out of memory" and then a native stack: the former says why
    const lines = outcome.tail.filter((l) => l.trim());
    const why = lines.filter((l) => /FATAL ERROR|Error\b|error:/.test(l)).pop() ?? lines.slice(-2).join(" / ");
    error = `worker died (${outcome.signal ?? `exit ${outcome.code}`}): ${why.trim()}`;
  }
  // a worker saves its figures after each phase, so a late death keeps the early ones
  const value = existsSync(task.outFile) ? (JSON.parse(await fs.readFile(task.outFile, "utf8")) as T) : undefined;
  if (value && error && typeof value === "object" && !("error" in value && value.error)) {
    (value as { error?: string }).error = error;
  }
  return value ? { value } : { error: error ?? "worker wrote no result" };
}

async function listCorpusFiles(dir: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listCorpusFiles(dir, relPath)));
    else if (e.name.endsWith(".md")) out.push(relPath);
  }
  return out.sort();
}

/** Passages and questions without Verbatim: the fallback splitter, so baselines still run. */
async function writeFallbackDataset(options: BenchOptions, corpusDir: string, dataDir: string): Promise<DatasetMeta> {
  const passages: BenchPassage[] = [];
  for (const file of await listCorpusFiles(corpusDir)) {
    passages.push(...splitPassages(file, await fs.readFile(path.join(corpusDir, file), "utf8")));
  }
  const questions = generateQuestions(passages, { count: options.questions, seed: options.seed });
  const meta: DatasetMeta = { passageSource: "fallback", passages: passages.length, questions: questions.length, seed: options.seed };
  await writeDataset(dataDir, { meta, passages, questions });
  return meta;
}

/**
 * Measures Verbatim's characters per passage on a sample spread evenly over the corpus (every
 * n-th file), so that each size can be picked by characters.
 */
async function calibrate(options: BenchOptions, cacheDir: string, runDir: string, files: readonly CorpusFile[]): Promise<number> {
  const sample: CorpusFile[] = [];
  let chars = 0;
  const pool = files.filter((f) => f.chars < CALIBRATION_CHARS / 20 && (f.tier ?? 1) === 1);
  for (let i = 0; i < pool.length && chars < CALIBRATION_CHARS; i += Math.max(1, Math.floor(pool.length / 400))) {
    const f = pool[i] as CorpusFile;
    sample.push(f);
    chars += f.chars;
  }
  const corpusDir = await materializeSelection(cacheDir, "calibration", sample);
  const outcome = await runWorker<Calibration>(options, {
    ...baseTask(options, "verbatim", "calibrate", corpusDir, runDir),
    outFile: path.join(runDir, "calibration.json"),
  });
  if (outcome.value && outcome.value.passages > 0) return outcome.value.chars / outcome.value.passages;
  options.log(`bench: calibration failed (${outcome.error ?? "no passages"}); assuming ${DEFAULT_CHARS_PER_PASSAGE} chars per passage`);
  return DEFAULT_CHARS_PER_PASSAGE;
}

function baseTask(options: BenchOptions, engine: EngineName, mode: WorkerTask["mode"], corpusDir: string, runDir: string): WorkerTask {
  return {
    engine,
    mode,
    corpusDir,
    dataDir: path.join(runDir, "data"),
    indexDir: path.join(runDir, `index-${engine}`),
    writeDataset: false,
    questions: options.questions,
    seed: options.seed,
    warmup: options.warmup,
    outFile: path.join(runDir, `${engine}-${mode}.json`),
  };
}

async function runSize(options: BenchOptions, size: BenchSize, corpusDir: string, runDir: string, report: SizeReport): Promise<void> {
  const dataDir = path.join(runDir, "data");
  await clearDataset(dataDir);
  const results = new Map<EngineName, EngineResult>();
  const wantVerbatim = options.engines.includes("verbatim");

  options.log(`bench ${size.label}: ${wantVerbatim ? "Verbatim build + dataset" : "dataset from Verbatim's passages"}`);
  const first = await runWorker<EngineResult>(options, {
    ...baseTask(options, "verbatim", wantVerbatim ? "run" : "dataset", corpusDir, runDir),
    writeDataset: true,
  });
  if (wantVerbatim) results.set("verbatim", first.value ?? { engine: "verbatim", notes: [], error: first.error });

  let meta: DatasetMeta;
  if (existsSync(path.join(dataDir, "meta.json"))) {
    meta = JSON.parse(await fs.readFile(path.join(dataDir, "meta.json"), "utf8")) as DatasetMeta;
  } else {
    options.log(`bench ${size.label}: Verbatim wrote no passages; using the fallback splitter for the other engines`);
    meta = await writeFallbackDataset(options, corpusDir, dataDir);
  }
  report.passageSource = meta.passageSource;
  report.questions = meta.questions;
  if (meta.questions < options.questions) {
    options.log(`bench ${size.label}: only ${meta.questions} questions could be drawn (asked ${options.questions})`);
  }

  for (const engine of options.engines) {
    if (engine === "verbatim") continue;
    options.log(`bench ${size.label}: ${engine}`);
    const outcome = await runWorker<EngineResult>(options, baseTask(options, engine, "run", corpusDir, runDir));
    results.set(engine, outcome.value ?? { engine, notes: [], error: outcome.error });
  }
  for (const [engine, result] of results) {
    if (result.diskBytes === undefined) continue;
    options.log(`bench ${size.label}: ${engine} cold start`);
    const outcome = await runWorker<LoadResult>(options, baseTask(options, engine, "load", corpusDir, runDir));
    if (outcome.value) {
      result.coldStartMs = outcome.value.coldStartMs;
      result.coldStart = outcome.value.coldStart;
      const { importMs, loadMs, firstQueryMs } = outcome.value.coldStart;
      result.notes.push(
        `cold start = import ${importMs.toFixed(0)} + load ${loadMs.toFixed(0)} + first query ${firstQueryMs.toFixed(1)} ms` +
          (outcome.value.sameFirstResult ? "" : " (reloaded index ranked the first question differently!)"),
      );
    } else {
      result.notes.push(`cold start failed: ${outcome.error ?? "?"}`);
    }
  }
  report.results = options.engines.map((e) => results.get(e)).filter((r): r is EngineResult => r !== undefined);
  const missed = results.get("verbatim")?.missed10 ?? [];
  if (missed.length > 0) {
    const questions = JSON.parse(await fs.readFile(path.join(dataDir, "questions.json"), "utf8")) as Question[];
    report.verbatimMisses = missed.slice(0, 5).map((i) => questions[i]?.text ?? `#${i}`);
  }
}

/** Runs the benchmark. Throws {@link BenchSetupError} when no documentation package is found. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const cacheDir = path.join(options.root, ".cache", "bench-corpus");
  const runRoot = path.join(options.root, ".cache", "bench-run");
  const { found, missing } = locateSources(path.join(options.root, DEB_ROOT));
  if (!found.some((s) => s.tier === 1)) throw new BenchSetupError(missingSourcesMessage(missing));
  if (missing.length > 0) {
    const what = missing.every((s) => s.tier === 2) ? "sizes above ≈ 500k passages need them" : "continuing with the others";
    options.log(`${missingSourcesMessage(missing)}\n(${what})`);
  }

  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.versions.node },
    options: { sizes: options.sizes.map((s) => s.label), questions: options.questions, seed: options.seed, engines: options.engines },
    sizes: [],
  };
  await fs.mkdir(cacheDir, { recursive: true });
  const manifest = await prepareFullCorpus(found, cacheDir, options.log);
  await fs.mkdir(runRoot, { recursive: true });
  const charsPerPassage = options.sizes.length > 0 ? await calibrate(options, cacheDir, runRoot, manifest.files) : DEFAULT_CHARS_PER_PASSAGE;
  if (options.sizes.length > 0) {
    options.log(`bench: Verbatim cuts ≈ ${charsPerPassage.toFixed(0)} chars per passage; corpus ≈ ${Math.round(manifest.chars / charsPerPassage)} passages`);
  }

  for (const size of options.sizes) {
    const sizeReport: SizeReport = { label: size.label, target: size.passages, results: [] };
    report.sizes.push(sizeReport);
    const files = selectFiles(manifest.files, size.passages, charsPerPassage, selectionSeed(options.seed, size.label));
    if (!files) {
      sizeReport.skipped =
        `the documentation holds about ${Math.round(manifest.chars / charsPerPassage)} passages ` +
        `(${(manifest.chars / 1e6).toFixed(0)} M chars at ≈ ${charsPerPassage.toFixed(0)} chars per passage), fewer than ${size.passages}`;
      options.log(`bench ${size.label}: skipped: ${sizeReport.skipped}`);
      continue;
    }
    sizeReport.corpus = { files: files.length, chars: files.reduce((sum, f) => sum + f.chars, 0) };
    const corpusDir = await materializeSelection(cacheDir, size.label, files);
    const runDir = path.join(runRoot, size.label);
    await fs.mkdir(runDir, { recursive: true });
    await runSize(options, size, corpusDir, runDir, sizeReport);
  }
  if ((options.manyFiles ?? 0) > 0) {
    const prepared = await prepareManyFiles(cacheDir, manifest, options.manyFiles ?? 0);
    options.log(`bench many-files: ${prepared.files} files, ${(prepared.chars / 1e6).toFixed(1)} M chars`);
    const runDir = path.join(runRoot, "many-files");
    await fs.mkdir(runDir, { recursive: true });
    report.manyFiles = await measureManyFiles(options.root, runDir, prepared, options.log);
  }
  return report;
}
