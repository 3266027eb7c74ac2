/**
 * Where no worker thread can start (a runtime without threads, a resource limit), the folder is
 * scanned on the calling thread and the result is the same.
 */
import { realpath } from "node:fs/promises";
import type * as WorkerThreads from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import { scanFolder } from "../../src/corpus/scan.mjs";
import { scanInThread } from "../../src/corpus/scan-thread.js";
import { tempDirs, writeFiles } from "../support/corpus.js";

vi.mock("node:worker_threads", async (importOriginal) => {
  const actual = await importOriginal<typeof WorkerThreads>();
  class Worker {
    constructor() {
      throw Object.assign(new Error("no threads here"), { code: "ERR_WORKER_INIT_FAILED" });
    }
  }
  return { ...actual, Worker, default: { ...actual, Worker } };
});

const newDir = tempDirs();

describe("scanInThread without threads", () => {
  it("scans on this thread instead", async () => {
    const dir = await realpath(await newDir());
    await writeFiles(dir, { "a.md": "Alpha.\n", "sub/b.txt": "Beta.\n", ".env.md": "SECRET=1\n" });
    const scan = await scanInThread(dir, "docs");
    expect(scan.paths).toEqual(["a.md", "sub/b.txt"]);
    const here = scanFolder(dir, "docs");
    expect([[...scan.kinds], [...scan.info], scan.skipped]).toEqual([[...here.kinds], [...here.info], here.skipped]);
    expect(scan.skipped).toEqual([{ path: ".env.md", reason: expect.stringMatching(/secrets/) }]);
  });
});
