/**
 * `npm start`: loads `.env`, checks the settings, opens the store (`DATA_DIR`), builds the answer engine, and runs the bot until
 * SIGINT/SIGTERM, when it finishes the replies in flight, disconnects and exits 0.
 * A bad setting, a rejected token or a gateway closed for good (4004, 4014, even after start) ends
 * with a one-line message and exit code 1, never a stack trace.
 */
import { loadConfigOrExit } from "../config.js";
import { type Bot, startBot } from "../discord/bot.js";
import { describeDiscordFailure } from "../discord/describe-failure.js";
import { createLogger } from "../discord/logger.js";
import { createEngine } from "../engine.js";
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

let bot: Bot;
try {
  bot = await startBot({
    config,
    engine,
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
const shutdown = (signal: NodeJS.Signals): void => {
  if (++signals > 1) {
    logger.warn(`${signal} again: exiting without waiting`);
    process.exit(1);
  }
  const n = bot.inFlight;
  logger.info(`${signal}: finishing ${n} ${n === 1 ? "reply" : "replies"} in flight, then disconnecting`);
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
