/**
 * npm run bench [-- --sizes 10k,100k --questions 1000 --engines verbatim,minisearch,…]
 *
 * Builds a corpus from Debian's documentation packages, then measures Verbatim next to raw
 * MiniSearch and FlexSearch on the same passages and questions. Prints the table and writes it to
 * bench-results/ (markdown + JSON). See src/bench/run.ts.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatReport } from "../bench/report.js";
import { ENGINE_NAMES, type EngineName } from "../bench/results.js";
import { BenchSetupError, parseSize, runBench } from "../bench/run.js";

const USAGE = `usage: npm run bench -- [options]
  --sizes LIST        corpus sizes in passages, e.g. 10k,100k,1m      (default 10k,100k)
  --questions N       questions per size, ≥ 1000 for the issue's figures (default 1000)
  --engines LIST      ${ENGINE_NAMES.join(",")} (default: all)
  --seed N            seed of corpus selection and questions          (default 42)
  --warmup N          untimed questions per engine before timing      (default 20)
  --timeout-min N     kill an engine's worker after N minutes          (default 20)
  --max-old-space MB  V8 heap limit per worker                          (default 12288)
  --many-files N      files of the many-file corpus (start-up, reindex)  (default 20000; 0: none)
The corpus comes from python3.11-doc, postgresql-doc-15 and linux-doc-6.12: npm run bench:setup.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "10k,100k" },
      questions: { type: "string", default: "1000" },
      engines: { type: "string", default: ENGINE_NAMES.join(",") },
      seed: { type: "string", default: "42" },
      warmup: { type: "string", default: "20" },
      "timeout-min": { type: "string", default: "20" },
      "max-old-space": { type: "string", default: "12288" },
      "many-files": { type: "string", default: "20000" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const integer = (name: string, text: string, min: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`bench: --${name} must be an integer ≥ ${min}, got "${text}"`);
    return n;
  };
  const engines = values.engines.split(",").map((e) => e.trim()) as EngineName[];
  const unknown = engines.filter((e) => !ENGINE_NAMES.includes(e));
  if (unknown.length > 0) throw new Error(`bench: unknown engine ${unknown.join(", ")}; known: ${ENGINE_NAMES.join(", ")}`);

  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const report = await runBench({
    root,
    // `--sizes ""` measures only the many-file corpus.
    sizes: values.sizes.split(",").filter((s) => s.trim()).map(parseSize),
    engines,
    questions: integer("questions", values.questions, 1),
    seed: integer("seed", values.seed, 0),
    warmup: integer("warmup", values.warmup, 0),
    timeoutMs: integer("timeout-min", values["timeout-min"], 1) * 60_000,
    maxOldSpaceMb: integer("max-old-space", values["max-old-space"], 256),
    manyFiles: integer("many-files", values["many-files"], 0),
    log: (line) => console.error(line),
  });

  const markdown = formatReport(report);
  console.log(`\n${markdown}`);
  const outDir = path.join(root, "bench-results");
  await fs.mkdir(outDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  for (const name of [`bench-${stamp}`, "latest"]) {
    await fs.writeFile(path.join(outDir, `${name}.md`), `${markdown}\n`);
    await fs.writeFile(path.join(outDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  }
  console.error(`bench: written to bench-results/bench-${stamp}.{md,json} and bench-results/latest.{md,json}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof BenchSetupError) {
      console.error(err.message);
      process.exitCode = 2;
    } else {
      console.error(err instanceof Error ? err.message : err);
      if (!(err instanceof Error && err.message.startsWith("bench:"))) console.error(USAGE);
      process.exitCode = 1;
    }
  },
);
