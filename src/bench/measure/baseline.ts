/** Measures a raw baseline (MiniSearch, FlexSearch) on the shared dataset. */
import path from "node:path";
import { readDataset } from "../dataset.js";
import type { Baseline } from "../engines/baseline.js";
import type { EngineName, EngineResult, LoadResult } from "../results.js";
import { since } from "../stats.js";
import { heapAfterGc, log, type Checkpoint, RECALL_K, recordQuestions, runQuestions, timeColdStart, writeFirst, type WorkerTask } from "./common.js";

/** Imported lazily, so that a cold start counts loading the library too. */
export const BASELINES: Partial<Record<EngineName, () => Promise<Baseline>>> = {
  minisearch: async () => (await import("../engines/minisearch.js")).miniSearchBaseline,
  flexsearch: async () => (await import("../engines/flexsearch.js")).flexSearchDefault,
  "flexsearch-suggest": async () => (await import("../engines/flexsearch.js")).flexSearchSuggest,
};

export async function runBaseline(
  task: WorkerTask,
  baseline: Baseline,
  result: EngineResult,
  checkpoint: Checkpoint,
): Promise<void> {
  const { passages, questions } = await readDataset(task.dataDir);
  const texts = passages.map((p) => p.text);
  passages.length = 0;
  result.passages = texts.length;
  const heapBefore = heapAfterGc();
  let start = performance.now();
  const index = baseline.build(texts);
  result.buildMs = since(start);
  const heap = heapAfterGc();
  if (heap !== undefined && heapBefore !== undefined) {
    result.heapUsed = heap;
    result.indexHeap = heap - heapBefore;
  }
  log(`${task.engine}: built in ${(result.buildMs / 1000).toFixed(1)} s`);
  await checkpoint();
  const run = runQuestions(questions, task.warmup, (q) => index.search(q, RECALL_K));
  recordQuestions(result, questions, run);
  result.latencyOf = "query";
  await checkpoint();
  await writeFirst(task, (run.results[0] ?? []).map(String));
  start = performance.now();
  result.diskBytes = await index.save(path.join(task.indexDir, "index"));
  result.notes.push(`save ${since(start).toFixed(0)} ms`);
  // texts stay referenced until here: the heap figure is "index + the passages it serves"
  result.notes.push(`${texts.length} texts held`);
}

export async function loadBaseline(task: WorkerTask, importBaseline: () => Promise<Baseline>): Promise<LoadResult> {
  return timeColdStart(task, importBaseline, (baseline, dir) => baseline.load(dir), (first) => first.map(String));
}
