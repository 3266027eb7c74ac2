/** What every measuring worker shares: its task, heap readings, the question loop. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Question } from "../questions.js";
import { MAX_MISSED, type EngineName, type EngineResult, type LoadResult } from "../results.js";
import { missedAtK, recallAtK, since, summarizeLatencies } from "../stats.js";

/** What the orchestrator asks a worker to do. */
export interface WorkerTask {
  engine: EngineName;
  /**
   * "run": build, measure, query, save. "load": cold start from what "run" saved.
   * Verbatim only: "dataset" writes passages + questions and stops; "calibrate" reports the
   * corpus size in chars and passages (to size the corpora).
   */
  mode: "run" | "load" | "dataset" | "calibrate";
  /** Corpus folder of this size (Verbatim and wink read documents from it). */
  corpusDir: string;
  /** Dataset folder: written by the Verbatim run when `writeDataset`, read by the others. */
  dataDir: string;
  /** Folder where this engine saves its index. */
  indexDir: string;
  /** Verbatim only: write passages + questions for the other engines. */
  writeDataset: boolean;
  questions: number;
  seed: number;
  /** Questions run untimed first, so JIT warm-up does not count as query latency. */
  warmup: number;
  outFile: string;
}

/** Saves the figures measured so far, so that a worker dying later (out of memory) keeps them. */
export type Checkpoint = () => Promise<void>;

/** Results kept per question: the report's recall is recall@10. */
export const RECALL_K = 10;

/** Progress lines go to stderr; the orchestrator prefixes and shows them. */
export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Full GC, then heap used (bytes); `undefined` without `--expose-gc`. */
export function heapAfterGc(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Runs `query` over all questions (after a warm-up) and returns latencies and top ids. */
export function runQuestions(
  questions: readonly Question[],
  warmup: number,
  query: (text: string) => number[],
): { ms: number[]; results: number[][] } {
  for (const q of questions.slice(0, warmup)) query(q.text);
  const ms: number[] = [];
  const results: number[][] = [];
  for (const q of questions) {
    const start = performance.now();
    const ids = query(q.text);
    ms.push(since(start));
    results.push(ids);
  }
  return { ms, results };
}

/** Fills latency and recall figures of `result` from a question loop. */
export function recordQuestions(
  result: EngineResult,
  questions: readonly Question[],
  run: { ms: number[]; results: number[][] },
): void {
  const sources = questions.map((q) => q.source);
  result.recall10 = recallAtK(run.results, sources, RECALL_K);
  result.recall1 = recallAtK(run.results, sources, 1);
  result.missed10 = missedAtK(run.results, sources, RECALL_K).slice(0, MAX_MISSED);
  result.latency = summarizeLatencies(run.ms);
}

export async function readQuestions(dataDir: string): Promise<Question[]> {
  return JSON.parse(await fs.readFile(path.join(dataDir, "questions.json"), "utf8")) as Question[];
}

/** Saves the top results of the first question, to check that a reloaded index answers the same. */
export async function writeFirst(task: WorkerTask, keys: string[]): Promise<void> {
  await fs.mkdir(task.indexDir, { recursive: true });
  await fs.writeFile(path.join(task.indexDir, "first.json"), JSON.stringify(keys));
}

export async function sameAsFirst(task: WorkerTask, keys: string[]): Promise<boolean> {
  const expected = await fs.readFile(path.join(task.indexDir, "first.json"), "utf8");
  return expected === JSON.stringify(keys);
}

/**
 * Cold start as every engine's row measures it, in a fresh process: import the engine, load its
 * saved index from `<indexDir>/index`, answer the first question.
 */
export async function timeColdStart<I, R>(
  task: WorkerTask,
  importEngine: () => Promise<I>,
  load: (engine: I, dir: string) => Promise<{ search(question: string, k: number): R[] }>,
  keysOf: (results: R[]) => string[],
): Promise<LoadResult> {
  const questions = await readQuestions(task.dataDir);
  let t = performance.now();
  const engine = await importEngine();
  const importMs = since(t);
  t = performance.now();
  const index = await load(engine, path.join(task.indexDir, "index"));
  const loadMs = since(t);
  t = performance.now();
  const first = index.search(questions[0]?.text ?? "", RECALL_K);
  const firstQueryMs = since(t);
  return {
    coldStartMs: importMs + loadMs + firstQueryMs,
    coldStart: { importMs, loadMs, firstQueryMs },
    sameFirstResult: await sameAsFirst(task, keysOf(first)),
  };
}
