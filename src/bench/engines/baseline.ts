/** The shape every raw baseline engine (no NLP, no answer) is driven through. */

/** A built, queryable baseline index. Ids are positions in the text array it was built from. */
export interface BaselineIndex {
  /** Ranked passage ids, best first, at most `limit`. */
  search(question: string, limit: number): number[];
  /** Writes the index to `file` in the engine's own export format; returns the bytes written. */
  save(file: string): Promise<number>;
}

/** How to build a baseline from texts, or load it back from its saved file. */
export interface Baseline {
  build(texts: readonly string[]): BaselineIndex;
  load(file: string): Promise<BaselineIndex>;
}
