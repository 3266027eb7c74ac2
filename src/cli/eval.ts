/**
 * `npm run eval -- FILE.jsonl [--corpus DIR]`: answers every question of an evaluation file and
 * prints the metrics of ../shared/eval/README.md, then each miss.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { createEngine } from "../engine.js";
import { formatReport, scoreReplies, type EvalItem } from "../eval/metrics.js";
import { parseCliArgs } from "./args.js";
import { stripControls } from "./terminal.js";

const USAGE = "usage: npm run eval -- FILE.jsonl [--corpus DIR]";

/** Every file under `dir`, joined: what quotes are checked against (as the reference scorer does). */
async function corpusText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(await readFile(join(entry.parentPath, entry.name), "utf8"));
  }
  return parts.join("\n");
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  const file = args.positionals[0];
  if (args.help || !file) {
    process.stderr.write(`${USAGE}\n`);
    return args.help ? 0 : 2;
  }
  let items: EvalItem[];
  try {
    items = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalItem);
  } catch (err) {
    process.stderr.write(`eval: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const engine = await createEngine({ corpusDir: args.corpusDir, cacheDir: args.cacheDir, ...(args.indexThreads !== undefined && { indexThreads: args.indexThreads }), onWarning: (m) => process.stderr.write(`warning: ${stripControls(m)}\n`) });
  const started = performance.now();
  const replies = items.map((item) => engine.answer(item.question));
  const ms = performance.now() - started;
  const report = scoreReplies(items, replies, await corpusText(args.corpusDir));
  process.stdout.write(`${formatReport(report)} in ${(ms / 1000).toFixed(2)}s\n`);
  for (const miss of report.misses) process.stdout.write(`  miss ${stripControls(miss)}\n`);
  return 0;
}

process.exitCode = await main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
});
