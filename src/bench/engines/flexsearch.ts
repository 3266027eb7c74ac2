/**
 * Raw FlexSearch `Index` with default options (tokenize "strict": whole words, default encoder),
 * `add(id, text)`, `search(question, { limit })`. With default options a multi-word query is an
 * AND of its words; the "suggest" variant sets `suggest: true`, which also returns partial matches
 * (closer to MiniSearch's OR). Persisted with `export()`: one `key<TAB>data` line per chunk.
 */
import { promises as fs } from "node:fs";
import { Index } from "flexsearch";
import type { Baseline, BaselineIndex } from "./baseline.js";

function wrap(index: Index, suggest: boolean): BaselineIndex {
  return {
    search: (question, limit) => index.search(question, { limit, suggest }) as number[],
    async save(file) {
      const lines: string[] = [];
      index.export((key: string, data: string) => {
        lines.push(`${key}\t${data}\n`);
      });
      const text = lines.join("");
      await fs.writeFile(file, text);
      return Buffer.byteLength(text);
    },
  };
}

function flexSearchBaseline(suggest: boolean): Baseline {
  return {
    build(texts) {
      const index = new Index();
      texts.forEach((text, id) => index.add(id, text));
      return wrap(index, suggest);
    },
    async load(file) {
      const index = new Index();
      for (const line of (await fs.readFile(file, "utf8")).split("\n")) {
        const tab = line.indexOf("\t");
        if (tab > 0) index.import(line.slice(0, tab), line.slice(tab + 1));
      }
      return wrap(index, suggest);
    },
  };
}

export const flexSearchDefault = flexSearchBaseline(false);
export const flexSearchSuggest = flexSearchBaseline(true);
