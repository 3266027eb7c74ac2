/**
 * The bot's process, which `npm start` runs under its supervisor (start.ts): loads `.env`, checks the settings, opens the store (`DATA_DIR`), builds the answer engine, and runs the bot until
 * SIGINT/SIGTERM, when it finishes the replies in flight, disconnects and exits 0.
 * A bad setting, a rejected token or a gateway closed for good (4004, 4014, even after start) ends
 * with a one-line message and exit code 1, never a stack trace.
 */
import { loadConfigOrExit } from "../config.js";
import { type Bot, startBot } from "../discord/bot.js";
import { describeDiscordFailure } from "../discord/describe-failure.js";
import { createLogger } from "../discord/logger.js";
import { type Engine, createEngine } from "../engine.js";
import type { Answer } from "../types.js";
import { startWatchdog } from "../watchdog.js";
import { REFUSED_ENV, REPORT_FD, SUPERVISED_ENV } from "./supervise.js";
import { type Store, StoreError, openStore } from "../store/store.js";
import { formatProgress } from "./format.js";

const config = await loadConfigOrExit();

const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", reason));

let store: Store;
try {
  store = openStore({ dir: config.dataDir, retentionDays: config.retentionDays });
} catch (error) {
  if (!(error instanceof StoreError)) throw error;
  logger.error(`Cannot start: ${error.message}`);
  process.exit(1);
}

let engine;
try {
  engine = await createEngine({
    corpusDir: config.corpusDir,
    cacheDir: config.cacheDir,
    ...(config.indexThreads !== undefined && { indexThreads: config.indexThreads }),
    onWarning: (message) => logger.warn(message),
    onProgress: (progress) => logger.info(formatProgress(progress)),
  });
} catch (error) {
  logger.error(`Cannot build the index from CORPUS_DIR (${config.corpusDir}): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const supervised = process.env[SUPERVISED_ENV] === "1";
const watchdog = startWatchdog(supervised ? { reportFd: REPORT_FD } : {});
const refused = new Set(refusedQuestions().map(sameQuestion));
if (refused.size > 0) logger.warn(`refusing ${refused.size} question${refused.size === 1 ? "" : "s"} that stalled the bot before this start`);
/** The engine, each answer watched, and the questions that stalled an earlier start refused. */
const watched: Engine = {
  ...engine,
  answer: (question) => (refused.has(sameQuestion(question)) ? refusal(question) : watchdog.during(question, () => (engine as Engine).answer(question))),
};

let bot: Bot;
try {
  bot = await startBot({
    config,
    engine: watched,
    logger,
    store,
    // Discord ended the session for good (token reset, intents withdrawn): exit 1 so a supervisor restarts or alerts.
    onFatal: (error) => {
      logger.error(error.message);
      void bot.stop().finally(() => process.exit(1));
    },
  });
} catch (error) {
  const known = describeDiscordFailure(error, config.apiBase);
  if (known) logger.error(known);
  else logger.error("Could not connect to Discord", error);
  process.exit(1);
}

let signals = 0;
/** Stops on `why` (a signal's name, or what else ended the bot's run). */
const shutdown = (why: string): void => {
  if (++signals > 1) {
    logger.warn(`${why} again: exiting without waiting`);
    process.exit(1);
  }
  const n = bot.inFlight;
  logger.info(`${why}: finishing ${n} ${n === 1 ? "reply" : "replies"} in flight, then disconnecting`);
  bot.stop().then(
    () => {
      logger.info("Stopped.");
      process.exit(0);
    },
    (error: unknown) => {
      logger.error("Shutdown failed", error);
      process.exit(1);
    },
  );
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
// The supervisor is gone (killed, or its terminal closed): stop as on SIGTERM rather than run on unsupervised.
if (supervised) process.on("disconnect", () => shutdown("Supervisor gone"));

/** The questions an earlier start stalled on, from the supervisor. */
function refusedQuestions(): string[] {
  try {
    const list = JSON.parse(process.env[REFUSED_ENV] ?? "[]") as unknown;
    return Array.isArray(list) ? list.filter((q): q is string => typeof q === "string") : [];
  } catch {
    return [];
  }
}

/** A question as compared with a refused one: case and spacing aside. */
function sameQuestion(question: string): string {
  return question.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

function refusal(question: string): Answer {
  return {
    question,
    answer: null,
    confidence: 0,
    kind: "thing",
    excerpts: [],
    message: "This question stopped me the last time it was asked, so I won't try it again until I'm restarted. A moderator can find it in the logs.",
  };
}
