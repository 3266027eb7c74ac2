/**
 * An indexing thread (see cut-threads.ts): cuts the documents it is sent and answers with their
 * compact form. Term ids are its own; each answer carries the terms it has seen first, in id
 * order, so the main thread can map them to the index's ids.
 */
import { parentPort } from "node:worker_threads";
import { compactCut } from "./compact.js";
import type { CutReply, CutTask } from "./cut-threads.js";

const port = parentPort;
if (!port) throw new Error("cut-worker: not started as a worker thread");

const ids = new Map<string, number>();
let fresh: string[] = [];
const intern = (term: string): number => {
  let id = ids.get(term);
  if (id === undefined) {
    id = ids.size;
    ids.set(term, id);
    fresh.push(term);
  }
  return id;
};

port.on("message", (task: CutTask) => {
  let reply: CutReply;
  try {
    const cut = compactCut(task.text, task.title, intern, task.format);
    reply = { i: task.i, newTerms: fresh, cut };
  } catch (err) {
    reply = { i: task.i, newTerms: fresh, error: err instanceof Error ? err.message : String(err) };
  }
  fresh = [];
  port.postMessage(reply, reply.cut ? [reply.cut.passages.buffer as ArrayBuffer, reply.cut.terms.buffer as ArrayBuffer] : []);
});
