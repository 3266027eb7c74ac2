/** Command-line flags shared by the CLI entry points. */
import { parseArgs } from "node:util";
import { readCacheDir, readIndexThreads } from "../config.js";

export interface CliArgs {
  corpusDir: string;
  /** `$INDEX_CACHE_DIR`, `.cache/index` by default, `null` for `off`. */
  cacheDir: string | null;
  /** `$INDEX_THREADS`; undefined lets the engine choose. */
  indexThreads?: number;
  json: boolean;
  help: boolean;
  positionals: string[];
}

/**
 * Parses `--corpus DIR`, `--json`, `--help`; the corpus defaults to $CORPUS_DIR, then `corpus`.
 * Throws an Error naming the problem for a bad flag or a bad $INDEX_THREADS.
 */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const problems: string[] = [];
  const indexThreads = readIndexThreads(env.INDEX_THREADS?.trim() || undefined, problems);
  if (problems.length) throw new Error(problems.join("\n"));
  return {
    corpusDir: values.corpus ?? env.CORPUS_DIR ?? "corpus",
    cacheDir: readCacheDir(env.INDEX_CACHE_DIR),
    ...(indexThreads !== undefined && { indexThreads }),
    json: values.json ?? false,
    help: values.help ?? false,
    positionals,
  };
}
