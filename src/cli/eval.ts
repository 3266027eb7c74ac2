/**
 * `npm run eval` — the evaluation suite in `eval/` (see eval/README.md): every corpus's questions
 * of one split, scored as ../shared/eval/README.md defines, per corpus, per phrasing style, all
 * together, then a reliability table for `confidence`.
 *
 *   npm run eval                       the `tune` split, with each miss
 *   npm run eval -- --split test       the `test` split: figures only, never the questions
 *   npm run eval -- FILE.jsonl [--corpus DIR]   one question file over one corpus, with misses
 *   npm run eval -- --typos …          the same questions with a typo or two each (src/eval/typos.ts)
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createEngine } from "../engine.js";
import { formatReport, reliability, scoreReplies, type EvalItem, type EvalReply, type EvalReport } from "../eval/metrics.js";
import { corpusDirOf, loadSuite, type SuiteItem } from "../eval/suite.js";
import { withTypos } from "../eval/typos.js";
import { parseCliArgs } from "./args.js";
import { stripControls } from "./terminal.js";

const USAGE = "usage: npm run eval -- [--typos] [--split tune|test|all] [--suite DIR] | FILE.jsonl [--corpus DIR]";

/** Every file under `dir`, joined: what quotes are checked against (as the reference scorer does). */
async function corpusText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(await readFile(join(entry.parentPath, entry.name), "utf8"));
  }
  return parts.join("\n");
}

interface Scored {
  item: EvalItem;
  reply: EvalReply;
  text: string;
}

async function answerAll(corpusDir: string, items: EvalItem[], cacheDir: string | null): Promise<Scored[]> {
  const engine = await createEngine({ corpusDir, cacheDir, onWarning: (m) => process.stderr.write(`warning: ${stripControls(m)}\n`) });
  const text = await corpusText(corpusDir);
  return items.map((item) => ({ item, reply: engine.answer(item.question), text }));
}

function scoreOf(rows: Scored[]): EvalReport {
  // Each corpus's quotes are checked against its own text: score per corpus, then add up.
  const byText = new Map<string, Scored[]>();
  for (const r of rows) byText.set(r.text, [...(byText.get(r.text) ?? []), r]);
  const parts = [...byText.entries()].map(([text, rs]) => ({ n: rs, report: scoreReplies(rs.map((r) => r.item), rs.map((r) => r.reply), text) }));
  if (parts.length === 1) return (parts[0] as (typeof parts)[number]).report;
  // Ratios recombined by their own denominators.
  const count = (rs: Scored[], pred: (r: Scored) => boolean): number => rs.filter(pred).length;
  const answerable = (r: Scored): boolean => r.item.kind !== "unanswerable";
  const weighted = (key: keyof EvalReport, denom: (rs: Scored[]) => number): number | null => {
    let num = 0, den = 0;
    for (const p of parts) {
      const v = p.report[key] as number | null;
      const d = denom(p.n);
      if (v !== null) [num, den] = [num + v * d, den + d];
    }
    return den ? num / den : null;
  };
  const quotes = (rs: Scored[]): number => rs.reduce((s, r) => s + r.reply.excerpts.length, 0);
  return {
    hit3: weighted("hit3", (rs) => count(rs, answerable)),
    answer: weighted("answer", (rs) => count(rs, answerable)),
    lenient: weighted("lenient", (rs) => count(rs, answerable)),
    abstain: weighted("abstain", (rs) => count(rs, (r) => !answerable(r))),
    falseAbstain: weighted("falseAbstain", (rs) => count(rs, answerable)),
    quotes: weighted("quotes", quotes),
    tooLong: parts.reduce((s, p) => s + p.report.tooLong, 0),
    n: rows.length,
    misses: parts.flatMap((p) => p.report.misses),
  };
}

function table(title: string, groups: Array<[string, Scored[]]>): string {
  const pct = (x: number | null): string => (x === null ? "n/a" : `${(100 * x).toFixed(0)}%`);
  const lines = [`| ${title} | n | hit@3 | answer | lenient | abstain | false-abstain | quotes verbatim |`, "|---|---|---|---|---|---|---|---|"];
  for (const [name, rows] of groups) {
    const r = scoreOf(rows);
    lines.push(`| ${name} | ${r.n} | ${pct(r.hit3)} | ${pct(r.answer)} | ${pct(r.lenient)} | ${pct(r.abstain)} | ${pct(r.falseAbstain)} | ${pct(r.quotes)} |`);
  }
  return lines.join("\n");
}

/** `rows` in groups by `key`, in order of first appearance. */
function groupBy<T>(rows: T[], key: (row: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.entries()];
}

/** `items` with a typo or two in each question, seeded by its id (else its place in the file). */
function misspelt<T extends EvalItem>(items: T[]): T[] {
  return items.map((item, i) => ({ ...item, question: withTypos(item.question, item.id ?? String(i + 1)) }));
}

async function runSuite(dir: string, split: string, cacheDir: string | null, typos: boolean): Promise<void> {
  const chosen = (await loadSuite(dir)).filter((s) => split === "all" || s.split === split);
  const suite = typos ? misspelt(chosen) : chosen;
  const rows: Array<Scored & { s: SuiteItem }> = [];
  const started = performance.now();
  for (const [corpus, items] of groupBy(suite, (s) => s.corpus)) {
    const scored = await answerAll(corpusDirOf(dir, corpus), items, cacheDir);
    scored.forEach((r, i) => rows.push({ ...r, s: items[i] as SuiteItem }));
  }
  const out = process.stdout;
  out.write(`split: ${split}${typos ? " with typos" : ""} · ${rows.length} questions · ${((performance.now() - started) / 1000).toFixed(1)} s\n\n`);
  out.write(`${table("corpus", [...groupBy(rows, (r) => r.s.corpus), ["**all**", rows]])}\n\n`);
  out.write(`${table("style", groupBy(rows, (r) => r.s.style))}\n\n`);
  out.write(`${table("kind", groupBy(rows, (r) => r.s.kind))}\n\n`);
  const bins = reliability(rows.map((r) => r.item), rows.map((r) => r.reply));
  out.write("| confidence | answered | right | mean confidence |\n|---|---|---|---|\n");
  for (const b of bins) out.write(`| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.n} | ${b.n ? `${((100 * b.right) / b.n).toFixed(0)}%` : "n/a"} | ${b.meanConfidence.toFixed(2)} |\n`);
  if (split === "tune") {
    out.write("\nmisses:\n");
    for (const r of rows) {
      const report = scoreReplies([r.item], [r.reply], r.text);
      for (const m of report.misses) out.write(`  [${r.s.corpus}/${r.s.style}] ${stripControls(m)} ← ${stripControls(r.item.question)}\n`);
    }
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: false, options: { split: { type: "string", default: "tune" }, suite: { type: "string", default: "eval" }, typos: { type: "boolean", default: false } } });
  const args = parseCliArgs(process.argv.slice(2).filter((a, i, all) => a !== "--typos" && !/^--(split|suite)$/.test(a) && !/^--(split|suite)$/.test(all[i - 1] ?? "")));
  const typos = values.typos === true;
  if (args.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const file = positionals[0];
  if (!file) {
    const split = String(values.split);
    if (!["tune", "test", "all"].includes(split)) {
      process.stderr.write(`eval: --split must be tune, test or all, not ${split}\n${USAGE}\n`);
      return 2;
    }
    await runSuite(String(values.suite), split, args.cacheDir, typos);
    return 0;
  }
  let items: EvalItem[];
  try {
    items = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalItem);
    if (typos) items = misspelt(items);
  } catch (err) {
    process.stderr.write(`eval: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const started = performance.now();
  const rows = await answerAll(args.corpusDir, items, args.cacheDir);
  const report = scoreOf(rows);
  process.stdout.write(`${formatReport(report)} in ${((performance.now() - started) / 1000).toFixed(2)}s\n`);
  for (const miss of report.misses) process.stdout.write(`  miss ${stripControls(miss)}\n`);
  return 0;
}

process.exitCode = await main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
});
