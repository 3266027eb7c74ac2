/**
 * `node --import tsx src/bench/reindex-once.ts DIR RUNS`: opens the engine over DIR (from the
 * saved index in $INDEX_CACHE_DIR), then RUNS times changes one file and calls `reindex()`.
 * Prints `{ passages, durationsMs }` as JSON: what `/reindex` reports after one file changed.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { readCacheDir } from "../config.js";
import { createEngine } from "../engine.js";

const [dir, runsText] = process.argv.slice(2);
if (!dir) throw new Error("usage: reindex-once.ts DIR RUNS");
const engine = await createEngine({ corpusDir: dir, cacheDir: readCacheDir(process.env.INDEX_CACHE_DIR) });
const first = (await fs.readdir(dir, { recursive: true })).filter((f) => f.endsWith(".md")).sort()[0];
if (!first) throw new Error(`reindex-once: no .md file in ${dir}`);
const durationsMs: number[] = [];
let passages = 0;
for (let i = 0; i < Number(runsText ?? 3); i++) {
  await fs.appendFile(path.join(dir, first), `\nA line added before reindex ${i}.\n`);
  const report = await engine.reindex();
  if (report.changed.length !== 1) throw new Error(`reindex-once: expected one changed file, got ${report.changed.length}`);
  durationsMs.push(report.durationMs);
  passages = report.passages;
}
process.stdout.write(`${JSON.stringify({ passages, durationsMs })}\n`);
