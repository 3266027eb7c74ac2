/**
 * Cutting documents into passages is wink-nlp's work and most of an index build; it runs here in
 * worker threads, one per core, while the main thread only files the results (and stays free to
 * answer questions). Results come back in document order, so the index is the same as one built
 * in a single thread.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Doc } from "../types.js";
import { formatOf } from "../corpus/mdast.js";
import type { CompactCut } from "./compact.js";
import type { DocFormat } from "./passages.js";

/** Below this many characters to index, threads cost more to start (≈ 0.3 s each) than they save. */
export const THREADS_ABOVE_CHARS = 2_000_000;
/** More threads than this gain little: the main thread's share of the work becomes the limit. */
const MAX_THREADS = 4;
/** Documents handed to a thread ahead of its answers, so it never waits for the next. */
const IN_FLIGHT = 2;

export interface CutTask {
  i: number;
  text: string;
  title: string;
  format: DocFormat;
}

export interface CutReply {
  i: number;
  /** Terms the thread saw for the first time, in the order of their ids there. */
  newTerms: string[];
  cut?: CompactCut;
  error?: string;
}

/** How many threads to cut `chars` characters with: 0 means in this thread. */
export function threadsFor(chars: number): number {
  if (chars < THREADS_ABOVE_CHARS) return 0;
  const cores = Math.min(MAX_THREADS, availableParallelism());
  return cores > 1 ? cores : 0;
}

const BOOT = new URL("./cut-worker.mjs", import.meta.url);
const ENTRY = new URL("./cut-worker.ts", import.meta.url).href;

/**
 * Cuts `docs` in `threads` worker threads and calls `onCut` with each, in order, its term ids
 * mapped through `termId` (the index's vocabulary). A document that cannot be cut rejects the
 * promise once `onCut` has had every document before it; a thread that dies rejects it at once.
 */
export function cutInThreads(
  docs: readonly Doc[],
  threads: number,
  termId: (term: string) => number,
  onCut: (doc: Doc, cut: CompactCut) => void,
): Promise<void> {
  if (docs.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const ready = new Map<number, CompactCut | Error>();
    let sent = 0;
    let next = 0;
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const send = (worker: Worker): void => {
      if (sent >= docs.length) return;
      const i = sent++;
      const doc = docs[i] as Doc;
      worker.postMessage({ i, text: doc.text, title: doc.title, format: formatOf(doc.path) } satisfies CutTask);
    };
    for (let w = 0; w < Math.max(1, Math.min(threads, docs.length)); w++) {
      const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
      workers.push(worker);
      /** This thread's term ids → the index's. */
      const table: number[] = [];
      worker.on("message", (reply: CutReply) => {
        if (settled) return;
        try {
          for (const term of reply.newTerms) table.push(termId(term));
          if (reply.cut) {
            const terms = reply.cut.terms;
            for (let k = 0; k < terms.length; k++) terms[k] = table[terms[k] as number] as number;
            ready.set(reply.i, reply.cut);
          } else {
            ready.set(reply.i, new Error(`cannot index ${docs[reply.i]?.path ?? `#${reply.i}`}: ${reply.error ?? "no reply"}`));
          }
          send(worker);
          for (let cut = ready.get(next); cut; cut = ready.get(next)) {
            if (cut instanceof Error) throw cut;
            ready.delete(next);
            onCut(docs[next] as Doc, cut);
            next++;
          }
          if (next === docs.length) finish();
        } catch (err) {
          finish(err instanceof Error ? err : new Error(String(err)));
        }
      });
      worker.on("error", (err) => finish(new Error(`indexing thread failed: ${err.message}`)));
      worker.on("exit", (code) => finish(new Error(`indexing thread stopped (exit code ${code})`)));
      for (let k = 0; k < IN_FLIGHT; k++) send(worker);
    }
  });
}
