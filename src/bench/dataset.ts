/**
 * The data every engine of one size shares, on disk between worker processes:
 * `passages.jsonl` (one {@link BenchPassage} a line: JSONL so that a million passages never
 * become one giant string), `questions.json`, and `meta.json`.
 */
import { createReadStream, createWriteStream, promises as fs } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import type { BenchPassage } from "./passages.js";
import type { Question } from "./questions.js";

/** Where the passages came from. */
export type PassageSource = "verbatim" | "fallback";

export interface DatasetMeta {
  passageSource: PassageSource;
  passages: number;
  questions: number;
  seed: number;
}

export interface Dataset {
  meta: DatasetMeta;
  passages: BenchPassage[];
  questions: Question[];
}

export async function writeDataset(dir: string, data: Dataset): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const out = createWriteStream(path.join(dir, "passages.jsonl"));
  for (const p of data.passages) {
    if (!out.write(`${JSON.stringify(p)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  await fs.writeFile(path.join(dir, "questions.json"), JSON.stringify(data.questions));
  // meta last: its presence says the dataset is complete
  await fs.writeFile(path.join(dir, "meta.json"), JSON.stringify(data.meta));
}

export async function readDataset(dir: string): Promise<Dataset> {
  const meta = JSON.parse(await fs.readFile(path.join(dir, "meta.json"), "utf8")) as DatasetMeta;
  const questions = JSON.parse(await fs.readFile(path.join(dir, "questions.json"), "utf8")) as Question[];
  const passages: BenchPassage[] = [];
  const lines = createInterface({ input: createReadStream(path.join(dir, "passages.jsonl")), crlfDelay: Infinity });
  for await (const line of lines) if (line) passages.push(JSON.parse(line) as BenchPassage);
  return { meta, passages, questions };
}

/** Removes a dataset so that a failed run cannot leave a stale one to be read. */
export async function clearDataset(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}
