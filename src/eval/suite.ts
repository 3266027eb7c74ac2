/**
 * The evaluation suite in `eval/`: one question file per corpus (`eval/questions/NAME.jsonl`
 * over `eval/corpora/NAME/`), each question in a fixed split — `tune` (60%), looked at while
 * working, and `test` (40%), only ever scored.
 */
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { EvalItem } from "./metrics.js";

export type Split = "tune" | "test";
export type Style = "doc" | "chat" | "keywords";

/** A suite question: an eval item with where it belongs. */
export type SuiteItem = EvalItem & { id: string; corpus: string; style: Style; split: Split };

/** Share of each corpus's questions in the `tune` split. */
export const TUNE_SHARE = 0.6;

/**
 * The split of a question, from a hash of its id: fixed for as long as the id is, whatever is
 * added around it, and blind to the question's content.
 */
export function splitOf(id: string): Split {
  const h = createHash("sha1").update(id).digest().readUInt32BE(0) / 2 ** 32;
  return h < TUNE_SHARE ? "tune" : "test";
}

/** Reads every `questions/*.jsonl` of the suite folder; `corpora/NAME` is each file's corpus. */
export async function loadSuite(dir: string): Promise<SuiteItem[]> {
  const files = (await readdir(join(dir, "questions"))).filter((f) => f.endsWith(".jsonl")).sort();
  const items: SuiteItem[] = [];
  for (const file of files) {
    const corpus = file.replace(/\.jsonl$/, "");
    const lines = (await readFile(join(dir, "questions", file), "utf8")).split("\n").filter((l) => l.trim());
    lines.forEach((line, i) => {
      const raw = JSON.parse(line) as EvalItem & { id?: string; style?: Style; split?: Split };
      const id = raw.id ?? `${corpus}-${i + 1}`;
      // A question may carry its split: those of a corpus first asked as a probe, all read while
      // working, are tune; the test questions written for it afterwards, unread, are test.
      const split = raw.split === "tune" || raw.split === "test" ? raw.split : splitOf(id);
      items.push({ ...raw, id, corpus, style: raw.style ?? "doc", split });
    });
  }
  return items;
}

/** The folder a corpus's documents are in. */
export function corpusDirOf(dir: string, corpus: string): string {
  return join(dir, "corpora", corpus);
}
