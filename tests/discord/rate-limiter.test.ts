import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/discord/rate-limiter.js";

function clock(start = 0): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe("RateLimiter", () => {
  it("allows `limit` requests per window, then says when the next one is allowed", () => {
    const time = clock(1_000);
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: time.now });
    expect(limiter.take("ann")).toEqual({ allowed: true });
    time.advance(10_000);
    expect(limiter.take("ann")).toEqual({ allowed: true });
    time.advance(5_000);
    expect(limiter.take("ann")).toEqual({ allowed: false, retryAfterMs: 45_000 });
  });

  it("slides: a request leaves the window exactly windowMs after it was made", () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: time.now });
    limiter.take("ann");
    time.advance(999);
    expect(limiter.take("ann").allowed).toBe(false);
    time.advance(1);
    expect(limiter.take("ann").allowed).toBe(true);
  });

  it("does not count refused requests", () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: time.now });
    limiter.take("ann");
    for (let i = 0; i < 5; i++) {
      time.advance(100);
      limiter.take("ann");
    }
    time.advance(500);
    expect(limiter.take("ann").allowed).toBe(true);
  });

  it("keeps users apart", () => {
    const limiter = new RateLimiter({ limit: 1, now: () => 0 });
    expect(limiter.take("ann").allowed).toBe(true);
    expect(limiter.take("bob").allowed).toBe(true);
    expect(limiter.take("ann").allowed).toBe(false);
  });

  it("is off with a limit of 0", () => {
    const limiter = new RateLimiter({ limit: 0, now: () => 0 });
    for (let i = 0; i < 100; i++) expect(limiter.take("ann").allowed).toBe(true);
  });

  it("forgets idle users, so memory stays bounded", () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 10, now: time.now });
    for (let i = 0; i < 999; i++) limiter.take(`user${i}`);
    expect(limiter.size).toBe(999);
    time.advance(10);
    limiter.take("last"); // the 1000th call sweeps
    expect(limiter.size).toBe(1);
  });

  it("rejects a nonsensical configuration", () => {
    expect(() => new RateLimiter({ limit: -1 })).toThrow(/limit must be a whole number/);
    expect(() => new RateLimiter({ limit: 1, windowMs: 0 })).toThrow(/windowMs must be > 0/);
  });
});
