/**
 * A stall watchdog for the bot's process. Answers run on the main thread, where the index is; a
 * question that sent the engine into an endless loop (as one did in stop 24, `listAround`) would
 * freeze the bot for good, with no reply, no log line and no way for a moderator to tell why.
 *
 * A worker thread watches the main thread's heartbeat. When the main thread has not run for
 * `stallMs`, the worker, which still runs, writes what the main thread was doing (the question
 * being answered) to standard error and to the supervisor's report pipe, then ends the process
 * with SIGKILL: nothing else can stop a loop that never yields, and the supervisor
 * (`supervise.ts`) starts a new one that refuses that question.
 *
 * @example
 * const watchdog = startWatchdog({ stallMs: 30_000, reportFd: 4 });
 * const answer = watchdog.during(question, () => engine.answer(question));
 */
import { Worker } from "node:worker_threads";

export interface WatchdogOptions {
  /** How long the main thread may go without running before the process is ended, ms. Default {@link DEFAULT_STALL_MS}. */
  stallMs?: number;
  /** A file descriptor the supervisor reads reports from (one JSON line per stall); none by default. */
  reportFd?: number;
}

export interface Watchdog {
  /** Runs `work`, telling the watchdog it is `label` (a question) while it runs. */
  during<T>(label: string, work: () => T): T;
  /** Stops watching. */
  stop(): void;
}

/** A stall as the watchdog reports it on the report pipe. */
export interface StallReport {
  /** What the main thread was doing, or null when it was doing nothing labelled. */
  stalled: string | null;
  /** How long it had not run, ms. */
  ms: number;
}

/**
 * Why 60 s: an answer takes milliseconds (p99 22 ms at 100k passages, README "Benchmark") and
 * the slowest work on the main thread, loading a saved 100k-passage index, well under a second; a
 * thread that has not run for a minute is in a loop that will not end. A judgement, not fitted.
 */
export const DEFAULT_STALL_MS = 60_000;

/** How often the main thread beats and the worker looks, ms: a stall is seen within this of `stallMs`. */
const BEAT_MS = 250;

/** The worker's code, as plain JavaScript so it runs the same under tsx, vitest and node. */
const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const beat = new Float64Array(workerData.beat);
let doing = null;
parentPort.on("message", (message) => { doing = message; });
setInterval(() => {
  const ms = Date.now() - beat[0];
  if (ms <= workerData.stallMs) return;
  const what = doing === null ? "" : " while answering " + JSON.stringify(doing.slice(0, 300));
  const line = new Date().toISOString() + " ERROR watchdog: the bot has not run for " + Math.round(ms / 1000) + " s" + what + "; ending the process so it can be restarted\\n";
  try { writeSync(2, line); } catch {}
  if (workerData.reportFd !== undefined) {
    try { writeSync(workerData.reportFd, JSON.stringify({ stalled: doing, ms }) + "\\n"); } catch {}
  }
  process.kill(process.pid, "SIGKILL");
}, ${BEAT_MS});
`;

/** Starts watching this thread. The worker keeps nothing alive: the process exits as if it were not there. */
export function startWatchdog({ stallMs = DEFAULT_STALL_MS, reportFd }: WatchdogOptions = {}): Watchdog {
  const beat = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT));
  beat[0] = Date.now();
  const worker = new Worker(WORKER, { eval: true, workerData: { beat: beat.buffer, stallMs, reportFd } });
  worker.unref();
  const timer = setInterval(() => {
    beat[0] = Date.now();
  }, BEAT_MS).unref();
  return {
    during(label, work) {
      // The heartbeat is fresh when the work starts: a stall is counted from here.
      beat[0] = Date.now();
      worker.postMessage(label);
      try {
        return work();
      } finally {
        beat[0] = Date.now();
        worker.postMessage(null);
      }
    },
    stop() {
      clearInterval(timer);
      void worker.terminate();
    },
  };
}
