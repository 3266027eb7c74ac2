/**
 * One engine, one size, in its own process (so heap figures are not polluted by the other
 * engines): `node --expose-gc --import tsx src/bench/worker.ts '<WorkerTask JSON>'`.
 * Writes an {@link EngineResult} ("run") or a {@link LoadResult} ("load") to `task.outFile`;
 * a failure is recorded in the result's `error`, with every figure measured before it kept.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { readDataset, writeDataset, type Dataset } from "./dataset.js";
import type { Baseline } from "./engines/baseline.js";
import { importVerbatim, type VerbatimIndex } from "./engines/verbatim.js";
import { passageKey, type BenchPassage } from "./passages.js";
import { generateQuestions, type Question } from "./questions.js";
import { MAX_MISSED, type EngineName, type EngineResult, type LoadResult } from "./results.js";
import type { ScoredPassage } from "../types.js";
import { missedAtK, recallAtK, since, summarizeLatencies } from "./stats.js";

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

/** Results per question for recall: the top 10 because the report's recall is recall@10. */
const RECALL_K = 10;

/** Imported lazily, so that a cold start counts loading the library too. */
const BASELINES: Partial<Record<EngineName, () => Promise<Baseline>>> = {
  minisearch: async () => (await import("./engines/minisearch.js")).miniSearchBaseline,
  flexsearch: async () => (await import("./engines/flexsearch.js")).flexSearchDefault,
  "flexsearch-suggest": async () => (await import("./engines/flexsearch.js")).flexSearchSuggest,
};

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Full GC, then heap used (bytes); `undefined` without `--expose-gc`. */
function heapAfterGc(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Runs `query` over all questions (after a warm-up) and returns latencies and top ids. */
function runQuestions(
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

async function runBaseline(task: WorkerTask, baseline: Baseline, result: EngineResult): Promise<void> {
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
  const { ms, results } = runQuestions(questions, task.warmup, (q) => index.search(q, RECALL_K));
  result.latency = summarizeLatencies(ms);
  result.latencyOf = "query";
  const sources = questions.map((q) => q.source);
  result.recall10 = recallAtK(results, sources, RECALL_K);
  result.recall1 = recallAtK(results, sources, 1);
  result.missed10 = missedAtK(results, sources, RECALL_K).slice(0, MAX_MISSED);
  await fs.mkdir(task.indexDir, { recursive: true });
  start = performance.now();
  result.diskBytes = await index.save(path.join(task.indexDir, "index"));
  result.notes.push(`save ${since(start).toFixed(0)} ms`);
  await writeFirst(task, (results[0] ?? []).map(String));
  // texts stay referenced until here: the heap figure is "index + the passages it serves"
  result.notes.push(`${texts.length} texts held`);
}

/** Top results of the first question, to check that a reloaded index answers the same. */
async function writeFirst(task: WorkerTask, keys: string[]): Promise<void> {
  await fs.writeFile(path.join(task.indexDir, "first.json"), JSON.stringify(keys));
}

async function sameAsFirst(task: WorkerTask, keys: string[]): Promise<boolean> {
  const expected = await fs.readFile(path.join(task.indexDir, "first.json"), "utf8");
  return expected === JSON.stringify(keys);
}

async function loadBaseline(task: WorkerTask, importBaseline: () => Promise<Baseline>): Promise<LoadResult> {
  const { questions } = await readQuestionsOnly(task.dataDir);
  let t = performance.now();
  const baseline = await importBaseline();
  const importMs = since(t);
  t = performance.now();
  const index = await baseline.load(path.join(task.indexDir, "index"));
  const loadMs = since(t);
  t = performance.now();
  const first = index.search(questions[0]?.text ?? "", RECALL_K);
  const firstQueryMs = since(t);
  return {
    coldStartMs: importMs + loadMs + firstQueryMs,
    coldStart: { importMs, loadMs, firstQueryMs },
    sameFirstResult: await sameAsFirst(task, first.map(String)),
  };
}

async function readQuestionsOnly(dataDir: string): Promise<{ questions: Question[] }> {
  return { questions: JSON.parse(await fs.readFile(path.join(dataDir, "questions.json"), "utf8")) as Question[] };
}

async function runWink(task: WorkerTask, result: EngineResult): Promise<void> {
  const { loadCorpus } = await import("../corpus/load.js");
  const { default: winkNLP } = await import("wink-nlp");
  const { default: model } = await import("wink-eng-lite-web-model");
  const { docs } = await loadCorpus(task.corpusDir);
  const meta = JSON.parse(await fs.readFile(path.join(task.dataDir, "meta.json"), "utf8")) as Dataset["meta"];
  result.passages = meta.passages;
  const chars = docs.reduce((sum, d) => sum + d.text.length, 0);
  const time = (pipe?: string[]): number => {
    const nlp = pipe ? winkNLP(model, pipe as never) : winkNLP(model);
    const start = performance.now();
    for (const doc of docs) nlp.readDoc(doc.text);
    return since(start);
  };
  result.buildMs = time();
  log(`wink: readDoc (default pipe) ${(result.buildMs / 1000).toFixed(1)} s`);
  const verbatimPipe = time(["sbd", "pos", "ner"]);
  result.notes.push(
    `${docs.length} docs, ${(chars / 1e6).toFixed(1)} M chars, ${(chars / 1e3 / result.buildMs).toFixed(2)} MB/s`,
    `readDoc with Verbatim's pipe (sbd, pos, ner): ${(verbatimPipe / 1000).toFixed(2)} s`,
  );
  result.readDocVerbatimPipeMs = verbatimPipe;
}

async function runVerbatim(task: WorkerTask, result: EngineResult): Promise<void> {
  const api = await importVerbatim();
  let start = performance.now();
  let docs: Awaited<ReturnType<typeof api.loadCorpus>>["docs"] | null = (await api.loadCorpus(task.corpusDir)).docs;
  result.notes.push(`loadCorpus ${(since(start) / 1000).toFixed(2)} s (${docs.length} docs)`);

  const heapBefore = heapAfterGc();
  start = performance.now();
  let index: VerbatimIndex | null = api.buildIndex(docs);
  result.buildMs = since(start);
  const heap = heapAfterGc();
  if (heap !== undefined) result.heapUsed = heap;
  if (heap !== undefined && heapBefore !== undefined) result.indexHeap = heap - heapBefore;
  const livePassages = index.passages;
  result.passages = livePassages.length;
  log(`verbatim: built ${livePassages.length} passages in ${(result.buildMs / 1000).toFixed(1)} s`);

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
    questions = (await readQuestionsOnly(task.dataDir)).questions;
  }
  const idOf = new Map(passages.map((p, i) => [passageKey(p.doc, p.start), i]));
  passages.length = 0;
  const toIds = (scored: ScoredPassage[]): number[] => toKeys(scored).map((key) => idOf.get(key) ?? -1);

  const builtIndex = index;
  const searched = runQuestions(questions, task.warmup, (q) => toIds(builtIndex.search(q, RECALL_K)));
  result.searchLatency = summarizeLatencies(searched.ms);
  const sources = questions.map((q) => q.source);
  result.recall10 = recallAtK(searched.results, sources, RECALL_K);
  result.recall1 = recallAtK(searched.results, sources, 1);
  result.missed10 = missedAtK(searched.results, sources, RECALL_K).slice(0, MAX_MISSED);
  await fs.mkdir(task.indexDir, { recursive: true });
  await writeFirst(task, toKeys(builtIndex.search(questions[0]?.text ?? "", RECALL_K)));

  if (typeof api.persist === "string") {
    result.notes.push(`disk size and cold start n/a: ${api.persist}`);
  } else {
    try {
      start = performance.now();
      result.diskBytes = await api.persist.save(index, docs, path.join(task.indexDir, "index"));
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
  result.notes.push(`answer() not null for ${answered} of ${questions.length + Math.min(task.warmup, questions.length)} calls (warm-up included)`);
}

function toKeys(scored: readonly ScoredPassage[]): string[] {
  return scored.map((s) => passageKey(s.passage.doc, s.passage.start));
}

async function loadVerbatim(task: WorkerTask): Promise<LoadResult> {
  const { questions } = await readQuestionsOnly(task.dataDir);
  const started = performance.now();
  const api = await importVerbatim();
  const importMs = since(started);
  if (typeof api.persist === "string") throw new Error(api.persist);
  let t = performance.now();
  const index = await api.persist.load(path.join(task.indexDir, "index"));
  const loadMs = since(t);
  t = performance.now();
  const first = index.search(questions[0]?.text ?? "", RECALL_K);
  const firstQueryMs = since(t);
  return {
    coldStartMs: importMs + loadMs + firstQueryMs,
    coldStart: { importMs, loadMs, firstQueryMs },
    sameFirstResult: await sameAsFirst(task, toKeys(first)),
  };
}

/** What a "calibrate" run writes. */
export interface Calibration {
  chars: number;
  passages: number;
}

async function calibrate(task: WorkerTask): Promise<Calibration> {
  const api = await importVerbatim();
  const { docs } = await api.loadCorpus(task.corpusDir);
  const index = api.buildIndex(docs);
  return { chars: docs.reduce((sum, d) => sum + d.text.length, 0), passages: index.passages.length };
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? "{}") as WorkerTask;
  if (task.mode === "calibrate") {
    await fs.writeFile(task.outFile, JSON.stringify(await calibrate(task)));
    return;
  }
  if (task.mode === "load") {
    const baseline = BASELINES[task.engine];
    const loaded = baseline ? await loadBaseline(task, baseline) : await loadVerbatim(task);
    await fs.writeFile(task.outFile, JSON.stringify(loaded));
    return;
  }
  const result: EngineResult = { engine: task.engine, notes: [] };
  try {
    const baseline = BASELINES[task.engine];
    if (baseline) await runBaseline(task, await baseline(), result);
    else if (task.engine === "wink") await runWink(task, result);
    else await runVerbatim(task, result);
  } catch (err) {
    result.error = err instanceof Error ? `${err.message}` : String(err);
    log(`${task.engine}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  await fs.writeFile(task.outFile, JSON.stringify(result));
}

await main();
