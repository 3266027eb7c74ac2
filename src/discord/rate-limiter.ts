/**
 * Per-user sliding-window rate limit: at most `limit` requests in any `windowMs` span.
 *
 * @example
 * const limiter = new RateLimiter({ limit: 6, windowMs: 60_000 });
 * const verdict = limiter.take(userId);
 * if (!verdict.allowed) reply(`Try again in ${Math.ceil(verdict.retryAfterMs / 1000)} s`);
 */

export interface RateLimiterOptions {
  /** Requests allowed per window and key; 0 turns the limiter off. */
  limit: number;
  /** Window length, ms. Default 60 000. */
  windowMs?: number;
  /** Clock, ms. Default `Date.now`. */
  now?: () => number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Why: sweeping idle users every so many calls keeps memory bounded without a timer to clean up. */
const SWEEP_EVERY = 1_000;

export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  /** Per key, the times of its recent allowed requests, oldest first. */
  readonly #hits = new Map<string, number[]>();
  #calls = 0;

  constructor({ limit, windowMs = 60_000, now = Date.now }: RateLimiterOptions) {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`RateLimiter: limit must be a whole number >= 0, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`RateLimiter: windowMs must be > 0, got ${windowMs}`);
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Counts a request for `key` if it is allowed; a refused request is not counted. */
  take(key: string): RateVerdict {
    if (this.#limit === 0) return { allowed: true };
    const now = this.#now();
    if (++this.#calls % SWEEP_EVERY === 0) this.#sweep(now);
    const recent = (this.#hits.get(key) ?? []).filter((t) => now - t < this.#windowMs);
    if (recent.length >= this.#limit) {
      this.#hits.set(key, recent);
      return { allowed: false, retryAfterMs: recent[0]! + this.#windowMs - now };
    }
    recent.push(now);
    this.#hits.set(key, recent);
    return { allowed: true };
  }

  /** Number of keys tracked (for tests and metrics). */
  get size(): number {
    return this.#hits.size;
  }

  #sweep(now: number): void {
    for (const [key, times] of this.#hits) {
      const last = times[times.length - 1];
      if (last === undefined || now - last >= this.#windowMs) this.#hits.delete(key);
    }
  }
}
