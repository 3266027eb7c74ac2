/** The floor of any wink-based build: `readDoc` of every document, nothing else. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { DatasetMeta } from "../dataset.js";
import type { EngineResult } from "../results.js";
import { since } from "../stats.js";
import { log, type WorkerTask } from "./common.js";

/** Verbatim's indexing pipe (src/nlp/analyse.ts without entities), timed second for the notes. */
const VERBATIM_PIPE = ["sbd", "pos"];

export async function runWink(task: WorkerTask, result: EngineResult): Promise<void> {
  const { loadCorpus } = await import("../../corpus/load.js");
  const { default: winkNLP } = await import("wink-nlp");
  const { default: model } = await import("wink-eng-lite-web-model");
  const { docs } = await loadCorpus(task.corpusDir);
  const meta = JSON.parse(await fs.readFile(path.join(task.dataDir, "meta.json"), "utf8")) as DatasetMeta;
  result.passages = meta.passages;
  const chars = docs.reduce((sum, d) => sum + d.text.length, 0);
  const time = (pipe?: string[]): number => {
    const nlp = pipe ? winkNLP(model, pipe as never) : winkNLP(model);
    const start = performance.now();
    for (const doc of docs) nlp.readDoc(doc.text);
    return since(start);
  };
  // the default pipe first, cold, as Verbatim's build is in its own process
  result.buildMs = time();
  log(`wink: readDoc (default pipe) ${(result.buildMs / 1000).toFixed(1)} s`);
  result.readDocVerbatimPipeMs = time(VERBATIM_PIPE);
  result.notes.push(
    `${docs.length} docs, ${(chars / 1e6).toFixed(1)} M chars, ${(chars / 1e3 / result.buildMs).toFixed(2)} MB/s`,
    `readDoc with Verbatim's pipe (${VERBATIM_PIPE.join(", ")}), run second: ${(result.readDocVerbatimPipeMs / 1000).toFixed(2)} s`,
  );
}
