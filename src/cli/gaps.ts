/**
 * `npm run gaps`: the `/gaps` report in a terminal, on the server that runs the bot.
 *
 *   npm run gaps                        refused or voted-down questions of the last 30 days, grouped
 *   npm run gaps -- --days 7            another period
 *   npm run gaps -- --stats             the `/stats` summary instead
 *   npm run gaps -- --forget-user ID    deletes every question and vote of a Discord user id
 *
 * Reads `DATA_DIR` and `RETENTION_DAYS` from the environment or `.env`, like `npm start`.
 */
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, readRetentionDays } from "../config.js";
import { findGaps, formatGaps } from "../report/gaps.js";
import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS, sinceDaysAgo } from "../report/period.js";
import { formatStats, summarise } from "../report/stats.js";
import { type Store, StoreError, openStore } from "../store/store.js";

const USAGE = `usage: npm run gaps -- [--days N] [--stats] [--data-dir DIR]
       npm run gaps -- --forget-user DISCORD_USER_ID [--data-dir DIR]`;

/** Runs the command with `argv` and `env`; returns the exit code. Output goes to `out`, problems to `err`. */
export function runGaps(argv: string[], env: NodeJS.ProcessEnv, out: (text: string) => void, err: (text: string) => void): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        days: { type: "string" },
        stats: { type: "boolean" },
        "forget-user": { type: "string" },
        "data-dir": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const days = values.days === undefined ? DEFAULT_REPORT_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_REPORT_DAYS) {
    err(`--days must be a whole number from 1 to ${MAX_REPORT_DAYS}, got "${values.days}"\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  const retentionDays = readRetentionDays(env.RETENTION_DAYS?.trim() || undefined, problems);
  if (problems.length > 0) {
    err(problems.join("\n"));
    return 2;
  }
  let store: Store;
  try {
    store = openStore({ dir: values["data-dir"] ?? (env.DATA_DIR?.trim() || DEFAULT_DATA_DIR), retentionDays });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    err(error.message);
    return 1;
  }
  try {
    const forget = values["forget-user"];
    if (forget !== undefined) {
      if (!/^\d{17,20}$/.test(forget)) {
        err(`--forget-user takes a Discord user id (17 to 20 digits; Developer Mode → Copy User ID), got "${forget}"`);
        return 2;
      }
      const { questions, votes } = store.forgetUser(forget);
      out(`Deleted ${questions} questions and ${votes} votes of user ${forget} from ${store.file}.`);
      return 0;
    }
    const asked = store.questionsSince(sinceDaysAgo(days));
    out(values.stats ? formatStats(summarise(asked), { days }) : formatGaps(findGaps(asked), { days }));
    return 0;
  } finally {
    store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { default: dotenv } = await import("dotenv");
  dotenv.config({ quiet: true });
  process.exitCode = runGaps(
    process.argv.slice(2),
    process.env,
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
  );
}
