import { describe, expect, it } from "vitest";
import { missedAtK, percentile, recallAtK, summarizeLatencies } from "../../src/bench/stats.js";

describe("percentile", () => {
  it("uses the nearest rank: the smallest value with at least p % of values at or below it", () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 0)).toBe(15);
  });

  it("does not depend on the order of the values, nor change them", () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 99)).toBe(10);
    expect(values[0]).toBe(9);
  });

  it("is NaN for no values and rejects p outside 0-100", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(/0-100/);
  });
});

describe("summarizeLatencies", () => {
  it("gives count, mean, p50/p95/p99 and max", () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarizeLatencies(ms)).toEqual({ count: 100, mean: 50.5, p50: 50, p95: 95, p99: 99, max: 100 });
  });
});

describe("recallAtK", () => {
  it("counts a question as found when its source is in the first k results", () => {
    const results = [
      [3, 1, 2],
      [5, 6, 7],
      [9, 8, 4],
      [],
    ];
    expect(recallAtK(results, [1, 7, 4, 0], 3)).toBe(0.75);
    expect(recallAtK(results, [1, 7, 4, 0], 2)).toBe(0.25);
  });

  it("refuses result lists that do not match the questions", () => {
    expect(() => recallAtK([[1]], [1, 2], 10)).toThrow(/1 result lists for 2 questions/);
  });
});

describe("missedAtK", () => {
  it("lists the questions whose source is not in the first k results", () => {
    expect(missedAtK([[3, 1], [5], []], [1, 7, 0], 2)).toEqual([1, 2]);
    expect(missedAtK([[3, 1], [5], []], [1, 7, 0], 1)).toEqual([0, 1, 2]);
  });
});
