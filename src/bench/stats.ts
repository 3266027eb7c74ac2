/** Small, pure statistics for the benchmark report. */

/**
 * The `p`-th percentile (0-100) of `values` by the nearest-rank method: the smallest value such
 * that at least p % of the values are ≤ it. Returns NaN for no values. Does not modify `values`.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within 0-100, got ${p}`);
  const sorted = values.slice().sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Latency distribution of one engine, ms. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Summarises query latencies (ms). */
export function summarizeLatencies(ms: readonly number[]): LatencySummary {
  const sum = ms.reduce((a, b) => a + b, 0);
  return {
    count: ms.length,
    mean: ms.length ? sum / ms.length : NaN,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.length ? Math.max(...ms) : NaN,
  };
}

/**
 * recall@k: the share of questions whose source passage is among the first `k` results.
 * `results[i]` are the ranked passage ids returned for question i, `sources[i]` its source id.
 */
export function recallAtK(results: readonly (readonly number[])[], sources: readonly number[], k: number): number {
  if (results.length !== sources.length) {
    throw new Error(`recallAtK: ${results.length} result lists for ${sources.length} questions`);
  }
  if (sources.length === 0) return NaN;
  let hits = 0;
  sources.forEach((source, i) => {
    if ((results[i] ?? []).slice(0, k).includes(source)) hits++;
  });
  return hits / sources.length;
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
  return performance.now() - start;
}

/** Indexes of the questions whose source is not among the first `k` results. */
export function missedAtK(results: readonly (readonly number[])[], sources: readonly number[], k: number): number[] {
  const missed: number[] = [];
  sources.forEach((source, i) => {
    if (!(results[i] ?? []).slice(0, k).includes(source)) missed.push(i);
  });
  return missed;
}
