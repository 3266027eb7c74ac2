/**
 * Answers wait their turn here, so a burst of questions never holds the event loop: one answer
 * runs per event-loop turn (`setImmediate` between jobs), and gateway events, acknowledgements
 * and replies go out in between. Answering stays on the main thread, where the index is: an
 * answer takes a few milliseconds (p99 8.5 ms at 100k passages, README "Benchmark"), so a turn
 * is never held longer than one answer; `npm run bench:load` measures the whole.
 *
 * @example
 * const queue = new AnswerQueue({ logger });
 * const reply = await queue.run(() => engine.answer(question)); // rejects with BusyError past the bound
 */
import { UserError } from "./errors.js";
import type { Logger } from "./logger.js";

export interface AnswerQueueOptions {
  /** Jobs waiting (not counting the one running) past which new ones are refused. Default {@link DEFAULT_MAX_QUEUED}. */
  maxQueued?: number;
  /** Where queue depth and refusals are logged. Default: nowhere. */
  logger?: Logger;
  /** The depth is logged each time it reaches a multiple of this. Default 100. */
  logEvery?: number;
}

/**
 * Why 2,000: at the 100k-passage benchmark's 4–9 ms per answer (README "Benchmark"), that many
 * waiting is 8–17 s of work, about the longest a member should watch "thinking…"; past it, "try
 * again in N s" serves them better. A burst of 1,000 (`npm run bench:load`) stays under it.
 */
export const DEFAULT_MAX_QUEUED = 2000;
/**
 * While an acknowledgement younger than this is in flight, no answer starts: acknowledgements go
 * first. Why 1 s: on the load benchmark an acknowledgement takes well under a second once answers
 * stop competing for the loop; one older than that is waiting in discord.js's REST queue (a 429
 * back-off), which holding answers does not speed up, so answering goes on.
 */
const ACK_PRIORITY_MS = 1000;
/** Why: a first guess at one answer's time before any has been measured (100k passages, p50 ≈ 4 ms). */
const FIRST_ESTIMATE_MS = 5;
/** Why: each new job's time moves the running mean by this share, enough to follow a reindexed corpus within ~20 answers. */
const MEAN_WEIGHT = 0.1;

/** The queue is full: the message tells the member when to ask again. */
export class BusyError extends UserError {
  constructor(readonly retryAfterSeconds: number) {
    super(`I'm busy answering other questions right now. Please try again in ${retryAfterSeconds} s.`);
  }
}

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class AnswerQueue {
  readonly #maxQueued: number;
  readonly #logger: Logger | undefined;
  readonly #logEvery: number;
  readonly #jobs: Job[] = [];
  #head = 0;
  #scheduled = false;
  #meanMs = FIRST_ESTIMATE_MS;
  #refused = 0;
  #peak = 0;
  /** Start times of acknowledgements in flight, by id, oldest first. */
  readonly #acks = new Map<number, number>();
  #ackIds = 0;
  #recheck: NodeJS.Timeout | undefined;

  constructor({ maxQueued = DEFAULT_MAX_QUEUED, logger, logEvery = 100 }: AnswerQueueOptions = {}) {
    if (!Number.isInteger(maxQueued) || maxQueued < 1) throw new RangeError(`AnswerQueue: maxQueued must be a whole number >= 1, got ${maxQueued}`);
    this.#maxQueued = maxQueued;
    this.#logger = logger;
    this.#logEvery = logEvery;
  }

  /** Jobs waiting to run. */
  get depth(): number {
    return this.#jobs.length - this.#head;
  }

  /**
   * Runs `work` in its turn and resolves with its result (or rejects with its exception).
   * Rejects at once with a {@link BusyError} when {@link AnswerQueueOptions.maxQueued} jobs wait.
   */
  run<T>(work: () => T): Promise<T> {
    const depth = this.depth;
    if (depth >= this.#maxQueued) {
      const seconds = Math.max(1, Math.ceil((depth * this.#meanMs) / 1000));
      if (this.#refused++ === 0) {
        this.#logger?.warn(`answer queue full (${depth} waiting): refused a question; members are told to retry in ${seconds} s`);
      }
      return Promise.reject(new BusyError(seconds));
    }
    const done = new Promise<T>((resolve, reject) => {
      this.#jobs.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
    const now = this.depth;
    this.#peak = Math.max(this.#peak, now);
    if (now % this.#logEvery === 0) this.#logger?.info(`answer queue: ${now} waiting (≈ ${((now * this.#meanMs) / 1000).toFixed(1)} s of work)`);
    this.#schedule();
    return done;
  }

  /**
   * Sends an acknowledgement (a `deferReply`) ahead of every answer: while it is in flight (up to
   * 1 s), no answer starts, so a burst's acknowledgements are not kept waiting behind answers.
   */
  async acknowledge<T>(send: () => Promise<T>): Promise<T> {
    const id = ++this.#ackIds;
    this.#acks.set(id, performance.now());
    try {
      return await send();
    } finally {
      this.#acks.delete(id);
      if (this.depth > 0) this.#schedule();
    }
  }

  /** How long answers must still wait for the acknowledgements in flight, ms (0: not at all). */
  #ackHoldMs(): number {
    let youngest = -Infinity;
    for (const started of this.#acks.values()) youngest = Math.max(youngest, started);
    return Math.max(0, ACK_PRIORITY_MS - (performance.now() - youngest));
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.#runOne());
  }

  #runOne(): void {
    this.#scheduled = false;
    const job = this.#jobs[this.#head];
    if (!job) return;
    const hold = this.#ackHoldMs();
    if (hold > 0) {
      // An acknowledgement's end schedules the next run; this timer covers one that hangs.
      clearTimeout(this.#recheck);
      this.#recheck = setTimeout(() => this.#schedule(), hold).unref();
      return;
    }
    this.#jobs[this.#head++] = undefined as unknown as Job;
    if (this.#head > 1024 && this.#head * 2 > this.#jobs.length) {
      this.#jobs.splice(0, this.#head);
      this.#head = 0;
    }
    const started = performance.now();
    try {
      job.resolve(job.work());
    } catch (error) {
      job.reject(error);
    }
    this.#meanMs += MEAN_WEIGHT * (performance.now() - started - this.#meanMs);
    if (this.depth > 0) this.#schedule();
    else this.#drained();
  }

  #drained(): void {
    if (this.#peak >= this.#logEvery || this.#refused > 0) {
      this.#logger?.info(`answer queue drained (peak ${this.#peak} waiting${this.#refused > 0 ? `, ${this.#refused} refused as busy` : ""})`);
    }
    this.#peak = 0;
    this.#refused = 0;
  }
}
