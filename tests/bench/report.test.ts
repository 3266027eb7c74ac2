import { describe, expect, it } from "vitest";
import { checkTargets, formatNumber, formatTable, type SizeReport } from "../../src/bench/report.js";
import type { EngineResult } from "../../src/bench/results.js";

const latency = (p50: number, p99: number) => ({ count: 1000, mean: p50, p50, p95: p99, p99, max: p99 });
const MB = 1024 * 1024;

function size(verbatim: Partial<EngineResult>): SizeReport {
  return {
    label: "100k",
    target: 100_000,
    results: [
      { engine: "wink", notes: [], buildMs: 10_000, passages: 100_000 },
      { engine: "verbatim", notes: [], latencyOf: "answer", ...verbatim },
      { engine: "minisearch", notes: [], latency: latency(50, 270), recall10: 0.9, heapUsed: 100 * MB },
      { engine: "flexsearch", notes: [], latency: latency(2, 15), recall10: 0.01 },
    ],
  };
}

describe("checkTargets", () => {
  it("passes every target the issue sets when Verbatim meets them", () => {
    const checks = checkTargets(
      size({ latency: latency(9, 14), recall10: 0.95, buildMs: 11_000, coldStartMs: 800, heapUsed: 140 * MB }),
    );
    expect(checks.map((c) => c.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass"]);
  });

  it("fails each target just past its bound", () => {
    const checks = checkTargets(
      size({ latency: latency(10.1, 15.1), recall10: 0.89, buildMs: 12_100, coldStartMs: 1001, heapUsed: 151 * MB }),
    );
    expect(checks.map((c) => c.status)).toEqual(["fail", "fail", "fail", "fail", "fail", "fail"]);
  });

  it("says n/a for what was not measured, and never counts search() latency as answer()", () => {
    const checks = checkTargets(size({ latencyOf: "search", latency: latency(1, 2), recall10: 0.95 }));
    expect(checks.map((c) => c.status)).toEqual(["n/a", "n/a", "pass", "n/a", "n/a", "n/a"]);
  });
});

describe("formatTable", () => {
  it("prints one row per engine with the error in its row", () => {
    const report = size({ error: "boom | bad" });
    const table = formatTable(report);
    expect(table.split("\n")).toHaveLength(2 + 4);
    expect(table).toContain("| Verbatim answer() |");
    expect(table).toContain("boom \\| bad");
  });
});

describe("formatNumber", () => {
  it("keeps three significant digits and says n/a for nothing", () => {
    expect(formatNumber(1234.5)).toBe("1235");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(1.2345, "ms")).toBe("1.23 ms");
    expect(formatNumber(0.01234)).toBe("0.012");
    expect(formatNumber(undefined)).toBe("n/a");
    expect(formatNumber(NaN)).toBe("n/a");
  });
});
