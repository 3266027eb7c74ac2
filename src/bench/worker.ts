/**
 * One engine, one size, in its own process (so heap figures are not polluted by the other
 * engines): `node --expose-gc --import tsx src/bench/worker.ts '<WorkerTask JSON>'`.
 * Writes an {@link EngineResult} ("run"), a {@link LoadResult} ("load") or a `Calibration`
 * ("calibrate") to `task.outFile`; a failure is recorded in the result's `error`, with every
 * figure measured before it kept.
 */
import { promises as fs } from "node:fs";
import { BASELINES, loadBaseline, runBaseline } from "./measure/baseline.js";
import { log, type WorkerTask } from "./measure/common.js";
import { calibrate, loadVerbatim, runVerbatim } from "./measure/verbatim.js";
import { runWink } from "./measure/wink.js";
import type { EngineResult, LoadResult } from "./results.js";

export type { WorkerTask } from "./measure/common.js";
export type { Calibration } from "./measure/verbatim.js";

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? "{}") as WorkerTask;
  const baseline = BASELINES[task.engine];
  if (task.mode === "calibrate") {
    await fs.writeFile(task.outFile, JSON.stringify(await calibrate(task)));
    return;
  }
  if (task.mode === "load") {
    const loaded: LoadResult = baseline ? await loadBaseline(task, baseline) : await loadVerbatim(task);
    await fs.writeFile(task.outFile, JSON.stringify(loaded));
    return;
  }
  const result: EngineResult = { engine: task.engine, notes: [] };
  const checkpoint = async (): Promise<void> => fs.writeFile(task.outFile, JSON.stringify(result));
  try {
    if (baseline) await runBaseline(task, await baseline(), result, checkpoint);
    else if (task.engine === "wink") await runWink(task, result);
    else await runVerbatim(task, result, checkpoint);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    log(`${task.engine}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  await fs.writeFile(task.outFile, JSON.stringify(result));
}

await main();
