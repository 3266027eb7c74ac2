/**
 * Verbatim's own API as the benchmark drives it. `loadCorpus` and `buildIndex` are imported with
 * their real types; `createEngine` and the persistence module (`src/search/persist.ts`) are looked
 * up at run time, so the harness runs (with "n/a" cells) while they are not written yet.
 */
import type { Answer, Doc, Passage, ScoredPassage } from "../../types.js";

/** The part of a built index the benchmark uses. */
export interface VerbatimIndex {
  readonly passages: Passage[];
  search(question: string, limit?: number): ScoredPassage[];
}

/** The part of `createEngine(...)` the benchmark uses. */
export interface VerbatimEngine {
  answer(question: string): Answer;
  search(question: string, limit?: number): ScoredPassage[];
}

/** `saveIndex` / `loadIndex` once `src/search/persist.ts` exists. */
export interface VerbatimPersist {
  /** Saves `index` under `dir`; returns the bytes written (summed over files). */
  save(index: VerbatimIndex, docs: Doc[], dir: string): Promise<number>;
  /** Loads what `save` wrote. */
  load(dir: string): Promise<VerbatimIndex>;
}

export interface VerbatimApi {
  loadCorpus(dir: string): Promise<{ docs: Doc[] }>;
  /** The build `createEngine` runs: `buildIndexAsync` (worker threads on a large corpus). */
  buildIndex(docs: Doc[]): Promise<VerbatimIndex>;
  /** Absent (with the reason) until `src/engine.ts` exports `createEngine`. */
  createEngine: ((options: { corpusDir: string }) => Promise<VerbatimEngine>) | string;
  /** Absent (with the reason) until `src/search/persist.ts` exports `saveIndex` and `loadIndex`. */
  persist: VerbatimPersist | string;
}

/** Imports a module by a computed specifier, so type-checking does not require it to exist yet. */
async function importOptional(specifier: string): Promise<Record<string, unknown> | string> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === "ERR_MODULE_NOT_FOUND" ? "not written yet" : `import failed: ${(err as Error).message}`;
  }
}

async function sizeOf(dir: string): Promise<number> {
  const { promises: fs } = await import("node:fs");
  const path = await import("node:path");
  let bytes = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    bytes += entry.isDirectory() ? await sizeOf(full) : (await fs.stat(full)).size;
  }
  return bytes;
}

/** Loads Verbatim's modules. Throws only if the corpus loader or index builder cannot be imported. */
export async function importVerbatim(): Promise<VerbatimApi> {
  const { loadCorpus } = await import("../../corpus/load.js");
  const { buildIndexAsync } = await import("../../engine.js");
  const buildIndex = (docs: Doc[]): Promise<VerbatimIndex> => buildIndexAsync(docs);

  const engineSpecifier = "../../engine.js";
  const engineModule = await importOptional(engineSpecifier);
  let createEngine: VerbatimApi["createEngine"];
  if (typeof engineModule === "string") createEngine = `src/engine.ts: ${engineModule}`;
  else if (typeof engineModule.createEngine !== "function") createEngine = "src/engine.ts does not export createEngine yet";
  else createEngine = async (options) => (await (engineModule.createEngine as (o: unknown) => unknown)(options)) as VerbatimEngine;

  const persistSpecifier = "../../search/persist.js";
  const persistModule = await importOptional(persistSpecifier);
  let persist: VerbatimApi["persist"];
  if (typeof persistModule === "string") persist = `src/search/persist.ts: ${persistModule}`;
  else if (typeof persistModule.saveIndex !== "function" || typeof persistModule.loadIndex !== "function") {
    persist = "src/search/persist.ts does not export saveIndex and loadIndex yet";
  } else {
    const saveIndex = persistModule.saveIndex as (...args: unknown[]) => unknown;
    const loadIndex = persistModule.loadIndex as (...args: unknown[]) => unknown;
    persist = {
      async save(index, _docs, dir) {
        await saveIndex(index, dir);
        return sizeOf(dir);
      },
      async load(dir) {
        return (await loadIndex(dir)) as VerbatimIndex;
      },
    };
  }

  return { loadCorpus, buildIndex, createEngine, persist };
}
