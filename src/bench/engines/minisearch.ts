/**
 * Raw MiniSearch with its default options: `new MiniSearch({ fields: ["text"] })`, `addAll`,
 * `search(question)` (OR of all terms, no prefix or fuzzy, BM25+), persisted with `toJSON`.
 */
import { promises as fs } from "node:fs";
import MiniSearch from "minisearch";
import type { Baseline, BaselineIndex } from "./baseline.js";

const OPTIONS = { fields: ["text"] };

function wrap(mini: MiniSearch): BaselineIndex {
  return {
    // MiniSearch returns every match ranked; taking the first `limit` is part of the query cost.
    search: (question, limit) => mini.search(question).slice(0, limit).map((r) => r.id as number),
    async save(file) {
      const json = JSON.stringify(mini);
      await fs.writeFile(file, json);
      return Buffer.byteLength(json);
    },
  };
}

export const miniSearchBaseline: Baseline = {
  build(texts) {
    const mini = new MiniSearch(OPTIONS);
    mini.addAll(texts.map((text, id) => ({ id, text })));
    return wrap(mini);
  },
  async load(file) {
    return wrap(MiniSearch.loadJSON(await fs.readFile(file, "utf8"), OPTIONS));
  },
};
