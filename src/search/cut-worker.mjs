// Starts an indexing thread. Worker threads do not inherit tsx's loader, so the TypeScript
// entry point is imported through tsx's API.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
