/**
 * The one object every edge (CLI, Discord) is handed: a corpus folder turned into an index that
 * answers questions, and can be rebuilt without downtime.
 *
 * @example
 * const engine = await createEngine({ corpusDir: "corpus" });
 * const reply = engine.answer("Who is standing for deputy leader?");
 * console.log(reply.answer, reply.excerpts[0]?.text);
 */
import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import { join, resolve } from "node:path";
import { composeAnswer } from "./answer/compose.js";
import { DEFAULT_CACHE_DIR } from "./config.js";
import { loadCorpus, startScan, type ScannedFolder } from "./corpus/load.js";
import { rankedExcerpts, topicsOf } from "./excerpts.js";
import { loadReader } from "./nlp/analyse.js";
import { SearchIndex } from "./search/build.js";
import type { CompactCut } from "./search/compact.js";
import { cutInThreads, threadsFor } from "./search/cut-threads.js";
import { IndexCacheError, loadIndex, saveIndex } from "./search/persist.js";
import type { Answer, Doc, Excerpt, IndexStats, ReindexReport, ScoredPassage, Skipped } from "./types.js";

export interface EngineOptions {
  /** Folder of `.md`/`.markdown`/`.txt` files, read recursively. */
  corpusDir: string;
  /** Files larger than this are skipped, bytes. Default 20 MB. */
  maxFileBytes?: number;
  /** Called with each one-line warning (skipped file, stale cache…). Default: nothing. */
  onWarning?: (message: string) => void;
  /**
   * Folder for the saved index, one sub-folder per corpus folder; `null` keeps nothing on disk.
   * Default `.cache/index` (git-ignored) in the working directory.
   */
  cacheDir?: string | null;
  /** Called about once a second while documents are being indexed. */
  onProgress?: (progress: IndexProgress) => void;
  /**
   * Worker threads to index in (see `IndexOptions.threads`). Default: by corpus size and cores.
   * 0: no worker thread at all; the corpus folder is scanned on this thread too.
   */
  indexThreads?: number;
}

/** How far indexing has got. */
export interface IndexProgress {
  files: number;
  totalFiles: number;
  passages: number;
  elapsedMs: number;
}

export interface Engine {
  /** Answers a question. Never throws for a bad question: it returns `answer: null` and a `message`. */
  answer(question: string): Answer;
  /** Ranked passages for a question, best first. */
  search(question: string, limit?: number): ScoredPassage[];
  /** The best `limit` passages for a question as verbatim quotes, best first: more than an answer's three. */
  excerpts(question: string, limit: number): Excerpt[];
  /** Document titles and section headings, each once: what questions may be about. */
  topics(): string[];
  /**
   * Rebuilds the index from the corpus folder and swaps it in atomically. Questions are answered
   * from the old index meanwhile; concurrent calls share one rebuild; on failure the old index
   * keeps serving and the promise rejects with an Error whose message says why: a `CorpusError`
   * when a folder cannot be read, a {@link ShrinkError} when more than
   * {@link MAX_VANISHING_SHARE} of the documents would vanish and `force` is not set.
   */
  reindex(options?: ReindexOptions): Promise<ReindexReport>;
  /** What the serving index holds. */
  stats(): IndexStats;
}

/** How to reindex. */
export interface ReindexOptions {
  /**
   * Accept a rebuild that drops more than {@link MAX_VANISHING_SHARE} of the documents. Default
   * false. A call with `force` that meets a rebuild already running shares it, unforced.
   */
  force?: boolean;
}

/**
 * The share of the serving documents one reindex (or a start over a saved index) may drop
 * without `force`; more is refused with a {@link ShrinkError} and the old index keeps serving.
 * Why one half: an edit session removes a few documents, a reorganisation some; losing most of a
 * corpus at once has, in the failures reported in issue 10 (a folder made unreadable, a mount not
 * there yet, a wrong path), been an accident. Deleting one of two documents is still allowed.
 * A judgement, not fitted on data.
 */
export const MAX_VANISHING_SHARE = 0.5;

/** A rebuild refused because it would drop more than {@link MAX_VANISHING_SHARE} of the documents. */
export class ShrinkError extends Error {
  override name = "ShrinkError";
  constructor(
    /** Documents served now that the corpus folder no longer yields. */
    readonly vanished: number,
    /** Documents served now. */
    readonly total: number,
  ) {
    super(
      `reindex: ${vanished} of ${total} documents would vanish (${Math.round((vanished / total) * 100)}%, ` +
        `over the ${MAX_VANISHING_SHARE * 100}% one reindex may drop); reindex with force if that is intended`,
    );
  }
}

/** While indexing, control returns to the event loop this often (ms), so questions keep being answered. */
const YIELD_EVERY_MS = 25;
/** Progress is reported at most this often (ms). */
const PROGRESS_EVERY_MS = 1000;

interface Serving {
  index: SearchIndex;
  skipped: Skipped[];
  indexedAt: Date;
  buildMs: number;
  /** The documents the next reindex's shrink check counts, when not the serving ones (a saved index kept at start). */
  counted?: ReadonlySet<string>;
}

interface RefreshOptions {
  /** `base` is what the saved index holds: save only when something changed. */
  saved: boolean;
  /** Accept dropping any share of the documents. */
  force?: boolean;
  /** False: never write the saved index. */
  save?: boolean;
  /** Documents the shrink check counts. Default: `base`'s. */
  counted?: ReadonlySet<string>;
  /** The corpus folder's scan, begun before `base` was loaded. */
  scanned?: Promise<ScannedFolder>;
}

type Changes = Pick<ReindexReport, "added" | "changed" | "removed"> & {
  /** Files whose content is unchanged but whose size/mtime stamp moved: the saved index needs the new stamp. */
  restamped: number;
};

/** How to index. */
export interface IndexOptions {
  onProgress?: (progress: IndexProgress) => void;
  /**
   * Worker threads to cut documents in; 0 cuts them in this thread. Default: one per core
   * (up to 4) when there are over 2 M characters to index, else 0.
   */
  threads?: number;
  /** Called with a one-line warning when the threads fail and indexing goes on without them. */
  onWarning?: (message: string) => void;
}

/**
 * Brings `index` up to date with `docs`, in place: documents whose content changed are cut and
 * indexed again, new ones added, missing ones dropped; unchanged ones (the same object, or the
 * same fingerprint) are left alone. Big batches are cut in worker threads; otherwise control
 * returns to the event loop as it goes.
 */
export async function updateIndex(index: SearchIndex, docs: Doc[], options: IndexOptions = {}): Promise<Changes> {
  const started = performance.now();
  const changes: Changes = { added: [], changed: [], removed: [], restamped: 0 };
  const present = new Set(docs.map((d) => d.path));
  for (const path of [...index.docs.keys()]) {
    if (!present.has(path)) {
      index.removeDoc(path);
      changes.removed.push(path);
    }
  }
  const pending: Doc[] = [];
  for (const doc of docs) {
    const old = index.docs.get(doc.path);
    if (old === doc) continue;
    if (old && old.fingerprint === doc.fingerprint) {
      // Unchanged content (a touched file, or an index loaded without texts): keep its passages.
      if (old.stamp !== doc.stamp) changes.restamped++;
      old.stamp = doc.stamp;
      old.text = doc.text;
      continue;
    }
    pending.push(doc);
  }

  let reported = started;
  /** Pending documents indexed so far, in order. */
  const indexedSoFar = (): number => changes.added.length + changes.changed.length;
  const indexed = (doc: Doc, cut?: CompactCut): void => {
    const changed = index.docs.has(doc.path);
    if (cut) index.addCompact(doc, cut);
    else index.addDoc(doc);
    (changed ? changes.changed : changes.added).push(doc.path);
    const now = performance.now();
    if (options.onProgress && now - reported > PROGRESS_EVERY_MS) {
      options.onProgress({ files: indexedSoFar(), totalFiles: pending.length, passages: index.passageCount, elapsedMs: now - started });
      reported = now;
    }
  };

  const threads = options.threads ?? threadsFor(pending.reduce((sum, d) => sum + d.text.length, 0));
  if (threads > 0) {
    await cutInThreads(pending, threads, (term) => index.termId(term), indexed).catch((err: unknown) => {
      // Threads that cannot start or die: the documents they did not deliver are cut here (a
      // document that cannot be cut at all fails here again, with its own error).
      options.onWarning?.(`${(err as Error).message}; indexing the rest in one thread`);
    });
  }
  let yielded = performance.now();
  for (const doc of pending.slice(indexedSoFar())) {
    indexed(doc);
    if (performance.now() - yielded > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = performance.now();
    }
  }
  index.settle();
  return changes;
}

/** Builds an index of `docs`, yielding to the event loop between documents. */
export async function buildIndexAsync(docs: Doc[], options: IndexOptions = {}): Promise<SearchIndex> {
  const index = new SearchIndex();
  await updateIndex(index, docs, options);
  return index;
}

/**
 * A saved index is written again only when redoing its changes at the next start would cost more
 * than a fraction of writing it: a few files changed in a corpus of 100k passages are cut again
 * in milliseconds, while writing the index took ≈ 1 s (measured on the benchmark's 20k-file
 * corpus, 72k passages). Changes below this share of passages and of documents are redone instead.
 */
const RESAVE_SHARE = 0.01;

function worthSaving(index: SearchIndex, changes: Changes): boolean {
  const redone = [...changes.added, ...changes.changed].reduce((n, path) => n + (index.docs.get(path)?.passageIds.length ?? 0), 0);
  const docsTouched = changes.added.length + changes.changed.length + changes.removed.length + changes.restamped;
  if (docsTouched === 0) return false;
  return redone > RESAVE_SHARE * index.passageCount || docsTouched > RESAVE_SHARE * index.docs.size;
}

/** The cache folder of one corpus folder: `<cacheDir>/<hash of its real path>`. */
async function cacheFolderOf(cacheDir: string, corpusDir: string): Promise<string> {
  const real = await realpath(corpusDir).catch(() => resolve(corpusDir));
  return join(cacheDir, createHash("sha1").update(real).digest("hex").slice(0, 16));
}

/** Reads the corpus folder and builds the engine over it. Rejects when the folder cannot be read. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const warn = options.onWarning ?? ((): void => undefined);
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const cacheFolder = cacheDir === null ? null : await cacheFolderOf(cacheDir, options.corpusDir);

  /** Starts scanning the corpus folder (see startScan). */
  const scanCorpus = (): Promise<ScannedFolder> => startScan(options.corpusDir, options.indexThreads !== 0);

  /**
   * Reads the corpus into `base` (a fresh or cloned index, never the serving one). Refuses, before
   * touching `base`, to drop more than the allowed share of `counted` (default: `base`'s documents).
   */
  const refresh = async (base: SearchIndex, started: number, how: RefreshOptions): Promise<Serving & { changes: Changes }> => {
    const { docs, skipped } = await loadCorpus(options.corpusDir, {
      scanned: how.scanned ?? scanCorpus(),
      ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
      onWarning: warn,
      known: base.docs,
    });
    const counted = how.counted ?? new Set(base.docs.keys());
    const present = new Set(docs.map((d) => d.path));
    const vanished = [...counted].filter((path) => !present.has(path)).length;
    if (!how.force && vanished > MAX_VANISHING_SHARE * counted.size) throw new ShrinkError(vanished, counted.size);
    const changes = await updateIndex(base, docs, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.indexThreads !== undefined ? { threads: options.indexThreads } : {}),
      onWarning: warn,
    });
    if (cacheFolder && how.save !== false && (!how.saved || worthSaving(base, changes))) {
      await saveIndex(base, cacheFolder).catch((err: unknown) => warn(`index cache: cannot save to ${cacheFolder}: ${(err as Error).message}`));
    }
    return { index: base, skipped, indexedAt: new Date(), buildMs: Math.round(performance.now() - started), changes };
  };

  const open = async (): Promise<Serving> => {
    const started = performance.now();
    // A thread scans the folder (scan-thread.ts) while this one loads the saved index and makes
    // the reader every question is read with (the passages' reader is made when first needed):
    // at 20k files each takes a few hundred ms.
    const scanned = scanCorpus();
    scanned.catch(() => undefined); // awaited below; a failure is reported there
    if (cacheFolder) {
      let saved: SearchIndex | undefined;
      try {
        saved = await loadIndex(cacheFolder);
        loadReader(true);
        return await refresh(saved, started, { saved: true, scanned });
      } catch (err) {
        if (saved && err instanceof ShrinkError) {
          // Serve what the folder holds (the saved index has no texts to quote the rest from),
          // but leave the saved index on disk and keep counting against it until a reindex passes.
          warn(`${err.message}; serving the ${saved.docs.size - err.vanished} left and keeping the saved index until a reindex succeeds`);
          const counted = new Set(saved.docs.keys());
          return { ...(await refresh(saved, started, { saved: true, force: true, save: false, scanned })), counted };
        }
        if (!(err instanceof IndexCacheError)) throw err;
        if (!err.missing) warn(`${err.message}; rebuilding the index`);
      }
    }
    loadReader(true);
    return refresh(new SearchIndex(), started, { saved: false, scanned });
  };

  let serving: Serving = await open();
  /** Topics of the serving index, listed on first use after each (re)index. */
  let topics: { of: SearchIndex; list: string[] } | undefined;
  let running: Promise<ReindexReport> | undefined;

  const reindex = async (force: boolean): Promise<ReindexReport> => {
    const started = performance.now();
    // A copy of the serving index takes the changes, then replaces it in one assignment.
    const copy = SearchIndex.fromJSON(serving.index.toJSON(), serving.index.docs);
    const next = await refresh(copy, started, { saved: !serving.counted, force, ...(serving.counted && { counted: serving.counted }) });
    serving = next;
    const { added, changed, removed } = next.changes;
    return { added, changed, removed, passages: next.index.passageCount, skipped: next.skipped, durationMs: next.buildMs };
  };

  return {
    answer: (question) => composeAnswer(serving.index, question),
    search: (question, limit = 10) => serving.index.search(question, limit),
    excerpts: (question, limit) => rankedExcerpts(serving.index, question, limit),
    topics() {
      if (topics?.of !== serving.index) topics = { of: serving.index, list: topicsOf(serving.index) };
      return topics.list;
    },
    reindex(reindexOptions = {}) {
      running ??= reindex(reindexOptions.force ?? false).finally(() => {
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
