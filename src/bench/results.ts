/** What a benchmark worker measures and hands back to the orchestrator. */
import type { LatencySummary } from "./stats.js";

/** The engines a run can compare. */
export const ENGINE_NAMES = ["verbatim", "wink", "minisearch", "flexsearch", "flexsearch-suggest"] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** Row labels of the report. */
export const ENGINE_LABELS: Record<EngineName, string> = {
  verbatim: "Verbatim answer()",
  wink: "wink-nlp readDoc (floor)",
  minisearch: "MiniSearch (defaults)",
  flexsearch: "FlexSearch (defaults)",
  "flexsearch-suggest": "FlexSearch (suggest)",
};

/** Missed questions kept per engine: enough to look at, small enough for the JSON. */
export const MAX_MISSED = 50;

/** One row of the report: every figure is optional, because an engine may fail midway. */
export interface EngineResult {
  engine: EngineName;
  /** Passages indexed. */
  passages?: number;
  /** Time to build the index from texts already in memory, ms. */
  buildMs?: number;
  /** `process.memoryUsage().heapUsed` after build and a full GC, texts still held, bytes. */
  heapUsed?: number;
  /** Of which the index itself (heap after build minus heap before), bytes. */
  indexHeap?: number;
  /** Persisted index size on disk, bytes. */
  diskBytes?: number;
  /** Cold start from the persisted index in a fresh process: imports + load + first query, ms. */
  coldStartMs?: number;
  /** Parts of {@link coldStartMs}, ms. */
  coldStart?: { importMs: number; loadMs: number; firstQueryMs: number };
  /** Per-question latency of the engine's query (Verbatim: full `answer()`), ms. */
  latency?: LatencySummary;
  /** What `latency` timed: Verbatim falls back to "search" while `createEngine` is missing. */
  latencyOf?: "answer" | "search" | "query";
  /** Verbatim only: latency of `search(question, 10)`, ms. */
  searchLatency?: LatencySummary;
  /** Share of questions whose source passage is in the first 10 results. */
  recall10?: number;
  /** Ids of the questions whose source passage is not in the first 10 (at most {@link MAX_MISSED}). */
  missed10?: number[];
  /** Share of questions whose source passage comes first: tells engines apart when recall@10 saturates. */
  recall1?: number;
  /** wink only: `readDoc` with Verbatim's reduced pipe (sbd, pos, ner), ms. */
  readDocVerbatimPipeMs?: number;
  /** Extra facts worth a footnote (time to create the engine, answered share…). */
  notes: string[];
  /** Set when the engine failed; figures measured before the failure are kept. */
  error?: string;
}

/** What the worker writes after a cold-start ("load") run. */
export interface LoadResult {
  coldStartMs: number;
  coldStart: { importMs: number; loadMs: number; firstQueryMs: number };
  /** Did the loaded index return the same top result for the first question as the built one? */
  sameFirstResult: boolean;
}
