/** Command-line flags shared by the CLI entry points. */
import { parseArgs } from "node:util";
import { readCacheDir } from "../config.js";

export interface CliArgs {
  corpusDir: string;
  /** `$INDEX_CACHE_DIR`, `.cache/index` by default, `null` for `off`. */
  cacheDir: string | null;
  json: boolean;
  help: boolean;
  positionals: string[];
}

/** Parses `--corpus DIR`, `--json`, `--help`; the corpus defaults to $CORPUS_DIR, then `corpus`. */
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
  return {
    corpusDir: values.corpus ?? env.CORPUS_DIR ?? "corpus",
    cacheDir: readCacheDir(env.INDEX_CACHE_DIR),
    json: values.json ?? false,
    help: values.help ?? false,
    positionals,
  };
}
