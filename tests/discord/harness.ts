/**
 * Runs the real bot (real engine, real discord.js client) against the Discord stand-in, on a
 * temporary copy of the corpus that tests may change.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Bot, startBot } from "../../src/discord/bot.js";
import { createLogger } from "../../src/discord/logger.js";
import { type Engine, createEngine } from "../../src/engine.js";
import { type Store, openStore } from "../../src/store/store.js";
import { DiscordStandIn } from "./stand-in/stand-in.js";

/** Shaped like a bot token (so configuration accepts it) and plainly fake. */
export const TEST_TOKEN = ["x".repeat(24), "y".repeat(6), "z".repeat(27)].join(".");

/**
 * The acknowledgement window the end-to-end tests give the bot: wide, because they run beside
 * other test files on a shared machine and must not assert timing. Discord's 3 s rule itself is
 * tested with a fake clock (stand-in.test.ts) and measured under load by `npm run bench:load`.
 */
export const TEST_ACK_WINDOW_MS = 30_000;

export const CORPUS_DIR = fileURLToPath(new URL("../../corpus", import.meta.url));

export interface HarnessOptions {
  /** Extra documents written into the corpus copy, by relative path. */
  extraDocs?: Record<string, string>;
  /** Wraps the real engine (to inject failures or oversized answers). */
  wrapEngine?: (engine: Engine) => Engine;
  /** Default 1000: high enough that only a test about rate limits meets it. */
  rateLimitPerMinute?: number;
  heartbeatIntervalMs?: number;
  /** The store's clock (ms since the epoch), to age answers. Default `Date.now`. */
  storeNow?: () => number;
  /** Default 90. */
  retentionDays?: number;
}

export interface Harness {
  discord: DiscordStandIn;
  bot: Bot;
  /** The real engine (unwrapped). */
  engine: Engine;
  /** The temporary corpus folder. */
  corpusDir: string;
  /** The bot's store, a real SQLite file in the temporary folder. */
  store: Store;
  /** Every log line the bot wrote. */
  logs: string[];
  /** Stops the bot, then the stand-in, then removes the corpus copy. */
  stop(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const root = await mkdtemp(join(tmpdir(), "verbatim-e2e-"));
  const corpusDir = join(root, "corpus");
  await cp(CORPUS_DIR, corpusDir, { recursive: true });
  for (const [path, text] of Object.entries(options.extraDocs ?? {})) await writeFile(join(corpusDir, path), text);
  // the saved index goes beside the corpus copy, and is removed with it
  const engine = await createEngine({ corpusDir, cacheDir: join(root, "index-cache") });
  const discord = await DiscordStandIn.start({
    token: TEST_TOKEN,
    ackWindowMs: TEST_ACK_WINDOW_MS,
    ...(options.heartbeatIntervalMs && { heartbeatIntervalMs: options.heartbeatIntervalMs }),
  });
  const store = openStore({ dir: join(root, "data"), retentionDays: options.retentionDays ?? 90, ...(options.storeNow && { now: options.storeNow }) });
  const logs: string[] = [];
  const logger = createLogger({ level: "debug", secrets: [TEST_TOKEN], write: (line) => logs.push(line) });
  let bot: Bot;
  try {
    bot = await startBot({
      config: {
        token: TEST_TOKEN,
        clientId: discord.world.applicationId,
        apiBase: discord.apiBase,
        moderatorRoleId: discord.world.moderatorRoleId,
        rateLimit: { perMinute: options.rateLimitPerMinute ?? 1000 },
      },
      engine: options.wrapEngine ? options.wrapEngine(engine) : engine,
      logger,
      store,
    });
  } catch (error) {
    store.close();
    await discord.stop();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    discord,
    bot,
    engine,
    corpusDir,
    store,
    logs,
    async stop() {
      await bot.stop();
      await discord.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
