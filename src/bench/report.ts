/**
 * Turns measured results into the printed table, the issue's target ratios, and the markdown /
 * JSON files in `bench-results/`. Pure: no I/O.
 */
import { formatManyFiles, type ManyFilesReport } from "./many-files.js";
import { ENGINE_LABELS, type EngineName, type EngineResult } from "./results.js";

/** Everything measured for one corpus size. */
export interface SizeReport {
  /** As asked on the command line: "10k". */
  label: string;
  /** Passages asked for. */
  target: number;
  /** Why the size did not run (corpus too small…); no results then. */
  skipped?: string;
  corpus?: { files: number; chars: number };
  /** "verbatim" when every engine indexed Verbatim's own passages. */
  passageSource?: string;
  questions?: number;
  /** Up to 5 questions Verbatim missed at 10 (text), to look at. */
  verbatimMisses?: string[];
  results: EngineResult[];
}

/** One of the issue's targets, checked on one size. */
export interface TargetCheck {
  name: string;
  /** Measured value and the bound it is compared with, as text ("12.3 ms ≤ 15.0 ms"). */
  detail: string;
  status: "pass" | "fail" | "n/a";
}

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; memoryGiB: number; node: string };
  options: { sizes: string[]; questions: number; seed: number; engines: EngineName[] };
  sizes: SizeReport[];
  /** Start-up and reindex over a folder of ≥ 20k small files, when measured. */
  manyFiles?: ManyFilesReport;
}

/** "1.23", "12.3", "123": three significant digits at most, never exponent notation. */
export function formatNumber(value: number | undefined, unit = ""): string {
  if (value === undefined || !Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  const text = abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : value.toFixed(3);
  return unit ? `${text} ${unit}` : text;
}

const MB = 1024 * 1024;

/** The row order of the table. */
const ROW_ORDER: EngineName[] = ["wink", "verbatim", "minisearch", "flexsearch", "flexsearch-suggest"];

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** The markdown table of one size. */
export function formatTable(size: SizeReport): string {
  const header = [
    "Engine",
    "Passages",
    "Build s",
    "Passages/s",
    "Heap MB (index)",
    "Disk MB",
    "Cold start ms",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "Recall@10",
    "Recall@1",
    "Error",
  ];
  const lines = [row(header), row(header.map(() => "---"))];
  const sorted = ROW_ORDER.map((name) => size.results.find((r) => r.engine === name)).filter(
    (r): r is EngineResult => r !== undefined,
  );
  for (const r of sorted) {
    const perSecond = r.buildMs && r.passages ? (r.passages / r.buildMs) * 1000 : undefined;
    const heap =
      r.heapUsed === undefined
        ? "n/a"
        : `${formatNumber(r.heapUsed / MB)}${r.indexHeap === undefined ? "" : ` (${formatNumber(r.indexHeap / MB)})`}`;
    let label = ENGINE_LABELS[r.engine];
    if (r.engine === "verbatim" && r.latencyOf === "search") label = "Verbatim search() (no answer() yet)";
    const isFloor = r.engine === "wink";
    lines.push(
      row([
        label,
        r.passages === undefined ? "n/a" : String(r.passages),
        formatNumber(r.buildMs === undefined ? undefined : r.buildMs / 1000),
        perSecond === undefined ? "n/a" : perSecond.toFixed(0),
        isFloor ? "–" : heap,
        isFloor ? "–" : formatNumber(r.diskBytes === undefined ? undefined : r.diskBytes / MB),
        isFloor ? "–" : formatNumber(r.coldStartMs),
        isFloor ? "–" : formatNumber(r.latency?.p50),
        isFloor ? "–" : formatNumber(r.latency?.p95),
        isFloor ? "–" : formatNumber(r.latency?.p99),
        isFloor ? "–" : formatNumber(r.recall10),
        isFloor ? "–" : formatNumber(r.recall1),
        (r.error ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ").slice(0, 160),
      ]),
    );
    if (r.engine === "verbatim" && r.searchLatency && r.latencyOf !== "search") {
      lines.push(
        row([
          "Verbatim search(q, 10)",
          String(r.passages ?? "n/a"),
          "″",
          "″",
          "″",
          "″",
          "″",
          formatNumber(r.searchLatency.p50),
          formatNumber(r.searchLatency.p95),
          formatNumber(r.searchLatency.p99),
          formatNumber(r.recall10),
          formatNumber(r.recall1),
          "",
        ]),
      );
    }
  }
  return lines.join("\n");
}

/** Checks the issue's targets (stated for 100k passages) on one size. */
export function checkTargets(size: SizeReport): TargetCheck[] {
  const get = (name: EngineName): EngineResult | undefined => size.results.find((r) => r.engine === name && !r.error);
  const verbatim = size.results.find((r) => r.engine === "verbatim");
  const mini = get("minisearch");
  const flex = get("flexsearch");
  const wink = get("wink");
  const answerLatency = verbatim?.latencyOf === "answer" ? verbatim.latency : undefined;
  const check = (
    name: string,
    value: number | undefined,
    bound: number | undefined,
    relation: "≤" | "≥",
    unit: string,
    boundText: string,
  ): TargetCheck => {
    if (value === undefined || bound === undefined || !Number.isFinite(value) || !Number.isFinite(bound)) {
      return { name, detail: `${formatNumber(value, unit)} ${relation} ${boundText}`, status: "n/a" };
    }
    const pass = relation === "≤" ? value <= bound : value >= bound;
    const ratio = bound === 0 ? "" : ` (×${(value / bound).toFixed(2)} of bound)`;
    return {
      name,
      detail: `${formatNumber(value, unit)} ${relation} ${formatNumber(bound, unit)} = ${boundText}${ratio}`,
      status: pass ? "pass" : "fail",
    };
  };
  return [
    check("answer() p99 ≤ FlexSearch p99", answerLatency?.p99, flex?.latency?.p99, "≤", "ms", "FlexSearch p99"),
    check(
      "answer() p50 ≤ MiniSearch p50 / 5",
      answerLatency?.p50,
      mini?.latency?.p50 === undefined ? undefined : mini.latency.p50 / 5,
      "≤",
      "ms",
      "MiniSearch p50 / 5",
    ),
    check("recall@10 ≥ MiniSearch", verbatim?.recall10, mini?.recall10, "≥", "", "MiniSearch recall@10"),
    check(
      "build ≤ 1.2 × readDoc",
      verbatim?.buildMs === undefined ? undefined : verbatim.buildMs / 1000,
      wink?.buildMs === undefined ? undefined : (wink.buildMs * 1.2) / 1000,
      "≤",
      "s",
      "1.2 × wink readDoc",
    ),
    check("cold start ≤ 1 s", verbatim?.coldStartMs, 1000, "≤", "ms", "1 s"),
    check(
      "heap ≤ 1.5 × MiniSearch",
      verbatim?.heapUsed === undefined ? undefined : verbatim.heapUsed / MB,
      mini?.heapUsed === undefined ? undefined : (mini.heapUsed * 1.5) / MB,
      "≤",
      "MB",
      "1.5 × MiniSearch heap",
    ),
  ];
}

/** The targets as a markdown list. */
export function formatTargets(checks: readonly TargetCheck[]): string {
  const mark = { pass: "PASS", fail: "FAIL", "n/a": "n/a " } as const;
  return checks.map((c) => `- ${mark[c.status]}  ${c.name}: ${c.detail}`).join("\n");
}

/** The whole report as markdown: one section per size. */
export function formatReport(report: BenchReport): string {
  const out = [
    `# Verbatim benchmark, ${report.startedAt}`,
    "",
    `Machine: ${report.machine.cpus} cores, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}. ` +
      `Questions: ${report.options.questions} (seed ${report.options.seed}).`,
    "",
  ];
  for (const size of report.sizes) {
    out.push(`## ${size.label} passages`, "");
    if (size.skipped) {
      out.push(`Skipped: ${size.skipped}`, "");
      continue;
    }
    if (size.corpus) {
      out.push(
        `Corpus: ${size.corpus.files} files, ${(size.corpus.chars / 1e6).toFixed(1)} M chars; ` +
          `passages: ${size.passageSource ?? "?"}; questions: ${size.questions ?? "?"}.`,
        "",
      );
    }
    out.push(formatTable(size), "", "Targets (the issue states them at 100k):", "", formatTargets(checkTargets(size)), "");
    if (size.verbatimMisses && size.verbatimMisses.length > 0) {
      out.push("Questions Verbatim's search() missed at 10 (first 5):", "", ...size.verbatimMisses.map((q) => `- ${q}`), "");
    }
    const notes = size.results.filter((r) => r.notes.length > 0);
    if (notes.length > 0) {
      out.push("Notes:", "");
      for (const r of notes) out.push(`- ${ENGINE_LABELS[r.engine]}: ${r.notes.join("; ")}`);
      out.push("");
    }
  }
  if (report.manyFiles) out.push(formatManyFiles(report.manyFiles), "");
  return out.join("\n");
}
