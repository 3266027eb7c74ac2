/**
 * MiniSearch's best results for a query, without the cost of the rest. `search()` builds a
 * result object (with its match details) for every passage that holds any query word, then
 * sorts them all; a planned query matches a few thousand passages at 100k, of which rescoring
 * reads the best 200. Here MiniSearch scores the query as ever (its `executeQuery`), and only
 * the best `limit` become results. When MiniSearch's layout is not the known one (another
 * version), `search()` is used instead: tests/search/top.test.ts holds the two equal.
 */
import type MiniSearch from "minisearch";
import type { SearchOptions } from "minisearch";

export interface TopResult {
  id: number;
  score: number;
  /** Query words the passage matched. */
  queryTerms: string[];
}

/** The parts of a MiniSearch 7 instance the fast path reads. */
interface Internals {
  executeQuery(query: string, options: SearchOptions): Map<number, { score: number; terms: string[] }>;
  _documentIds: Map<number, number>;
}

export function topResults<T>(mini: MiniSearch<T>, query: string, options: SearchOptions, limit: number, forceSearch = false): TopResult[] {
  const inside = mini as unknown as Partial<Internals>;
  if (forceSearch || typeof inside.executeQuery !== "function" || !(inside._documentIds instanceof Map)) {
    return mini.search(query, options).slice(0, limit).map((r) => ({ id: r.id as number, score: r.score, queryTerms: r.queryTerms }));
  }
  const raw = inside.executeQuery.call(mini, query, options);
  // search() multiplies a score by the number of query words matched; so does this.
  const scores = new Float64Array(raw.size);
  let i = 0;
  for (const { score, terms } of raw.values()) scores[i++] = score * (terms.length || 1);
  let threshold = -Infinity;
  if (scores.length > limit) threshold = (Float64Array.from(scores).sort()[scores.length - limit] as number);
  const out: TopResult[] = [];
  i = 0;
  for (const [shortId, { terms }] of raw) {
    const score = scores[i++] as number;
    if (score >= threshold) out.push({ id: inside._documentIds.get(shortId) as number, score, queryTerms: terms });
  }
  // search() sorts by score, keeping MiniSearch's order among equals; so does a stable sort.
  out.sort((a, b) => b.score - a.score);
  return out.slice(0, limit);
}
