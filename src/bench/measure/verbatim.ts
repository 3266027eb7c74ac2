/**
 * Measures Verbatim: `buildIndex` on loaded documents (build time, heap), writes the shared
 * dataset from its passages, `search(q, 10)` for recall, `saveIndex` when it exists, then the full
 * `answer()` of a `createEngine` over the same folder.
 */
import path from "node:path";
import type { ScoredPassage } from "../../types.js";
import { writeDataset } from "../dataset.js";
import { importVerbatim, type VerbatimIndex } from "../engines/verbatim.js";
import { passageKey, type BenchPassage } from "../passages.js";
import { generateQuestions, type Question } from "../questions.js";
import type { EngineResult, LoadResult } from "../results.js";
import { since, summarizeLatencies } from "../stats.js";
import { heapAfterGc, log, type Checkpoint, RECALL_K, readQuestions, recordQuestions, runQuestions, timeColdStart, writeFirst, type WorkerTask } from "./common.js";

function toKeys(scored: readonly ScoredPassage[]): string[] {
  return scored.map((s) => passageKey(s.passage.doc, s.passage.start));
}

export async function runVerbatim(task: WorkerTask, result: EngineResult, checkpoint: Checkpoint): Promise<void> {
  const api = await importVerbatim();
  let start = performance.now();
  let docs: Awaited<ReturnType<typeof api.loadCorpus>>["docs"] | null = (await api.loadCorpus(task.corpusDir)).docs;
  result.notes.push(`loadCorpus ${(since(start) / 1000).toFixed(2)} s (${docs.length} docs)`);

  const heapBefore = heapAfterGc();
  start = performance.now();
  const cpu = process.cpuUsage();
  let index: VerbatimIndex | null = await api.buildIndex(docs);
  result.buildMs = since(start);
  const used = process.cpuUsage(cpu);
  result.notes.push(`build CPU ${((used.user + used.system) / 1e6).toFixed(2)} s (every thread) in ${(result.buildMs / 1000).toFixed(2)} s`);
  const heap = heapAfterGc();
  if (heap !== undefined) result.heapUsed = heap;
  if (heap !== undefined && heapBefore !== undefined) result.indexHeap = heap - heapBefore;
  const built = index;
  const livePassages = built.passages;
  result.passages = livePassages.length;
  log(`verbatim: built ${livePassages.length} passages in ${(result.buildMs / 1000).toFixed(1)} s`);
  await checkpoint();

  const textOf = new Map(docs.map((d) => [d.path, d.text]));
  const passages: BenchPassage[] = livePassages.map((p) => ({
    doc: p.doc,
    start: p.start,
    end: p.end,
    text: (textOf.get(p.doc) ?? "").slice(p.start, p.end),
  }));
  textOf.clear();
  let questions: Question[];
  if (task.writeDataset) {
    questions = generateQuestions(passages, { count: task.questions, seed: task.seed });
    await writeDataset(task.dataDir, {
      meta: { passageSource: "verbatim", passages: passages.length, questions: questions.length, seed: task.seed },
      passages,
      questions,
    });
    log(`verbatim: dataset written (${passages.length} passages, ${questions.length} questions)`);
    if (task.mode === "dataset") return;
  } else {
    questions = await readQuestions(task.dataDir);
  }
  const idOf = new Map(passages.map((p, i) => [passageKey(p.doc, p.start), i]));
  passages.length = 0;

  const searched = runQuestions(questions, task.warmup, (q) =>
    toKeys(built.search(q, RECALL_K)).map((key) => idOf.get(key) ?? -1),
  );
  recordQuestions(result, questions, searched);
  result.searchLatency = result.latency;
  result.latency = undefined;
  await checkpoint();
  await writeFirst(task, toKeys(built.search(questions[0]?.text ?? "", RECALL_K)));

  if (typeof api.persist === "string") {
    result.notes.push(`disk size and cold start n/a: ${api.persist}`);
  } else {
    try {
      start = performance.now();
      result.diskBytes = await api.persist.save(built, docs, path.join(task.indexDir, "index"));
      result.notes.push(`saveIndex ${since(start).toFixed(0)} ms`);
    } catch (err) {
      result.notes.push(`saveIndex failed: ${(err as Error).message}`);
    }
  }

  index = null;
  docs = null;
  heapAfterGc();
  if (typeof api.createEngine === "string") {
    result.notes.push(`answer() n/a: ${api.createEngine}; latency column shows search(question, 10)`);
    result.latency = result.searchLatency;
    result.latencyOf = "search";
    return;
  }
  start = performance.now();
  const engine = await api.createEngine({ corpusDir: task.corpusDir });
  result.notes.push(`createEngine ${(since(start) / 1000).toFixed(2)} s`);
  let answered = 0;
  const answers = runQuestions(questions, task.warmup, (q) => {
    if (engine.answer(q).answer !== null) answered++;
    return [];
  });
  result.latency = summarizeLatencies(answers.ms);
  result.latencyOf = "answer";
  const calls = questions.length + Math.min(task.warmup, questions.length);
  result.notes.push(`answer() not null for ${answered} of ${calls} calls (warm-up included)`);
}

export async function loadVerbatim(task: WorkerTask): Promise<LoadResult> {
  return timeColdStart(
    task,
    importVerbatim,
    (api, dir) => {
      if (typeof api.persist === "string") throw new Error(api.persist);
      return api.persist.load(dir);
    },
    toKeys,
  );
}

/** What a "calibrate" run writes. */
export interface Calibration {
  chars: number;
  passages: number;
}

/** Characters and passages of a (sample) corpus, to size the benchmark corpora. */
export async function calibrate(task: WorkerTask): Promise<Calibration> {
  const api = await importVerbatim();
  const { docs } = await api.loadCorpus(task.corpusDir);
  const index = await api.buildIndex(docs);
  return { chars: docs.reduce((sum, d) => sum + d.text.length, 0), passages: index.passages.length };
}
