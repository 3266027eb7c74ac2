/**
 * The one object every edge (CLI, Discord) is handed: a corpus folder turned into an index that
 * answers questions, and can be rebuilt without downtime.
 *
 * @example
 * const engine = await createEngine({ corpusDir: "corpus" });
 * const reply = engine.answer("Who is standing for deputy leader?");
 * console.log(reply.answer, reply.excerpts[0]?.text);
 */
import { composeAnswer } from "./answer/compose.js";
import { loadCorpus } from "./corpus/load.js";
import { SearchIndex } from "./search/build.js";
import type { Answer, Doc, IndexStats, ReindexReport, ScoredPassage, Skipped } from "./types.js";

export interface EngineOptions {
  /** Folder of `.md`/`.markdown`/`.txt` files, read recursively. */
  corpusDir: string;
  /** Files larger than this are skipped, bytes. Default 20 MB. */
  maxFileBytes?: number;
  /** Called with each one-line warning (skipped file, stale cache…). Default: nothing. */
  onWarning?: (message: string) => void;
}

export interface Engine {
  /** Answers a question. Never throws for a bad question: it returns `answer: null` and a `message`. */
  answer(question: string): Answer;
  /** Ranked passages for a question, best first. */
  search(question: string, limit?: number): ScoredPassage[];
  /**
   * Rebuilds the index from the corpus folder and swaps it in atomically. Questions are answered
   * from the old index meanwhile; concurrent calls share one rebuild; on failure the old index
   * keeps serving and the promise rejects with an Error whose message says why.
   */
  reindex(): Promise<ReindexReport>;
  /** What the serving index holds. */
  stats(): IndexStats;
}

/** While building, control returns to the event loop this often (ms), so questions keep being answered. */
const YIELD_EVERY_MS = 25;

interface Serving {
  index: SearchIndex;
  skipped: Skipped[];
  indexedAt: Date;
  buildMs: number;
}

/** Builds an index of `docs`, yielding to the event loop between documents. */
export async function buildIndexAsync(docs: Doc[]): Promise<SearchIndex> {
  const index = new SearchIndex();
  let since = performance.now();
  for (const doc of docs) {
    index.addDoc(doc);
    if (performance.now() - since > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
  return index;
}

/** Reads the corpus folder and builds the engine over it. Rejects when the folder cannot be read. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const load = async (): Promise<Serving> => {
    const started = performance.now();
    const { docs, skipped } = await loadCorpus(options.corpusDir, {
      ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
    const index = await buildIndexAsync(docs);
    return { index, skipped, indexedAt: new Date(), buildMs: Math.round(performance.now() - started) };
  };

  let serving = await load();
  let running: Promise<ReindexReport> | undefined;

  const reindex = async (): Promise<ReindexReport> => {
    const before = serving.index;
    const next = await load();
    const report = diff(before, next.index);
    serving = next;
    return { ...report, passages: next.index.passageCount, skipped: next.skipped, durationMs: next.buildMs };
  };

  return {
    answer: (question) => composeAnswer(serving.index, question),
    search: (question, limit = 10) => serving.index.search(question, limit),
    reindex() {
      running ??= reindex().finally(() => {
        running = undefined;
      });
      return running;
    },
    stats: () => ({
      corpusDir: options.corpusDir,
      documents: [...serving.index.docs.values()].map((d) => ({
        path: d.path,
        title: d.title,
        ...(d.date ? { date: d.date } : {}),
        ...(d.source ? { source: d.source } : {}),
        passages: d.passageIds.length,
      })),
      passages: serving.index.passageCount,
      skipped: serving.skipped,
      indexedAt: serving.indexedAt,
      buildMs: serving.buildMs,
    }),
  };
}

function diff(before: SearchIndex, after: SearchIndex): Pick<ReindexReport, "added" | "changed" | "removed"> {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, doc] of after.docs) {
    const old = before.docs.get(path);
    if (!old) added.push(path);
    else if (old.fingerprint !== doc.fingerprint) changed.push(path);
  }
  const removed = [...before.docs.keys()].filter((path) => !after.docs.has(path));
  return { added, changed, removed };
}
