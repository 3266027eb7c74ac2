/**
 * A corpus folder scanned (scan.mjs) in a worker thread, so that the main thread can do other
 * work meanwhile: load the saved index and the language model at start, answer questions during
 * a reindex. Where no thread can be started the folder is scanned here, synchronously.
 */
import { Worker } from "node:worker_threads";
import { scanFolder, type Scan } from "./scan.mjs";

export type { Scan };

const SCAN_MODULE = new URL("./scan.mjs", import.meta.url);

/** Scans `root` (a real path; `given` names it in messages) in a worker thread. Never rejects. */
export function scanInThread(root: string, given: string): Promise<Scan> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // No execArgv: the scanner is plain JavaScript, and tsx's loader would add ≈ 60 ms to its start.
      worker = new Worker(SCAN_MODULE, { execArgv: [], workerData: { scanRoot: root, given } });
    } catch {
      resolve(scanFolder(root, given));
      return;
    }
    let answered = false;
    worker.once("message", (scan: Scan) => {
      answered = true;
      resolve(scan);
    });
    // A thread that fails or stops without an answer: scan here instead.
    const fallBack = (): void => {
      if (answered) return;
      answered = true;
      resolve(scanFolder(root, given));
    };
    worker.once("error", fallBack);
    worker.once("exit", fallBack);
  });
}
