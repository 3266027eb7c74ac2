/**
 * Verbatim on Discord: loads the commands, logs the client in, routes its events through the
 * dispatcher, and stops cleanly (replies in flight first, then the connection).
 *
 * @example
 * const bot = await startBot({ config, engine, logger });
 * process.once("SIGTERM", () => void bot.stop());
 */
import { type Client, Events } from "discord.js";
import type { Config } from "../config.js";
import type { Engine } from "../engine.js";
import type { Store } from "../store/store.js";
import { AnswerQueue } from "./answer-queue.js";
import { createClient } from "./client.js";
import type { Command } from "./command.js";
import { GatewayClosedError, describeGatewayClose } from "./describe-failure.js";
import { createDispatcher } from "./dispatcher.js";
import { loadCommands } from "./load-commands.js";
import type { Logger } from "./logger.js";
import { RateLimiter } from "./rate-limiter.js";

export interface BotOptions {
  config: Pick<Config, "token" | "clientId" | "apiBase" | "moderatorRoleId" | "rateLimit">;
  engine: Engine;
  logger: Logger;
  /** Default: the modules in `commands/`. */
  commands?: ReadonlyMap<string, Command>;
  /** Where questions and votes are recorded; without it answers carry no buttons. Closed by `stop()`. */
  store?: Store;
  /**
   * Called once when Discord ends the session for good after start (a token reset: close 4004,
   * intents withdrawn: 4014), with the one-line reason; the client will not reconnect. Default:
   * the reason is logged. A close before the bot is ready rejects `startBot` instead.
   */
  onFatal?: (error: GatewayClosedError) => void;
}

export interface Bot {
  client: Client<true>;
  /** Requests being handled right now. */
  readonly inFlight: number;
  /** Finishes the replies in flight, takes no new ones, then closes the connection. Idempotent. */
  stop(): Promise<void>;
}

/** Why: one minute, to match `RATE_LIMIT_PER_MINUTE`. */
const RATE_WINDOW_MS = 60_000;
/** Why: retention is counted in days; pruning hourly keeps rows at most an hour past it, at the cost of one DELETE. */
const PRUNE_EVERY_MS = 3_600_000;
/**
 * Answered once before logging in, so the first burst of questions does not also pay for cold
 * code paths. Why: at 110k passages the first answer took ≈ 240 ms, the next ones 15–50 ms.
 */
const WARM_UP_QUESTION = "What do the documents say about the first topic?";

/**
 * Logs in and resolves once the client is ready (every server received).
 *
 * @throws discord.js's error when login fails (`TokenInvalid` for a rejected token).
 */
export async function startBot({ config, engine, logger, commands, store, onFatal }: BotOptions): Promise<Bot> {
  const loaded = commands ?? (await loadCommands());
  const client = createClient({ ...(config.apiBase && { apiBase: config.apiBase }) });
  const dispatcher = createDispatcher({
    commands: loaded,
    context: {
      engine,
      logger,
      commands: loaded,
      answers: new AnswerQueue({ logger }),
      ...(store && { store }),
      ...(config.moderatorRoleId && { moderatorRoleId: config.moderatorRoleId }),
    },
    limiter: new RateLimiter({ limit: config.rateLimit.perMinute, windowMs: RATE_WINDOW_MS }),
    logger,
  });

  client.on(Events.InteractionCreate, (interaction) => void dispatcher.handleInteraction(interaction));
  client.on(Events.MessageCreate, (message) => void dispatcher.handleMessage(message, client.user?.id ?? ""));
  client.on(Events.Error, (error) => logger.error("discord.js error", error));
  // Connection errors are expected (networks fail; Discord closes sessions): one line, no stack.
  client.on(Events.ShardError, (error, shard) => logger.warn(`gateway connection error (shard ${shard}): ${error.message}`));
  client.on(Events.ShardReconnecting, (shard) => logger.info(`gateway connection lost (shard ${shard}); reconnecting`));
  client.on(Events.ShardResume, (shard, replayed) => logger.info(`gateway connection resumed (shard ${shard}, ${replayed} events replayed)`));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.Debug, (message) => logger.debug(message));

  let fatal: ((error: GatewayClosedError) => void) | undefined;
  let closedFor: GatewayClosedError | undefined;
  client.on(Events.ShardDisconnect, ({ code }, shard) => {
    if (!describeGatewayClose(code)) {
      logger.warn(`gateway connection closed (shard ${shard}, code ${code})`);
      return;
    }
    closedFor ??= new GatewayClosedError(code);
    fatal?.(closedFor);
  });
  const closed = new Promise<never>((_, reject) => {
    fatal = reject;
  });
  closed.catch(() => undefined);

  engine.answer(WARM_UP_QUESTION);
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  let readyClient: Client<true>;
  try {
    readyClient = await Promise.race([client.login(config.token).then(() => ready), closed]);
  } catch (error) {
    await client.destroy();
    throw closedFor ?? error;
  }
  fatal = (error) => {
    if (onFatal) onFatal(error);
    else logger.error(error.message);
  };

  const { documents, passages } = engine.stats();
  logger.info(
    `Logged in as ${readyClient.user.tag}; serving ${documents.length} documents (${passages} passages); ` +
      `commands: ${[...loaded.keys()].map((n) => `/${n}`).join(" ")}`,
  );
  if (readyClient.application.id !== config.clientId) {
    logger.warn(
      `DISCORD_CLIENT_ID (${config.clientId}) is not this bot's application (${readyClient.application.id}): ` +
        "npm run deploy-commands registers the commands on the wrong application.",
    );
  }

  const pruning = store
    ? setInterval(() => {
        try {
          const pruned = store.prune();
          if (pruned > 0) logger.info(`store: pruned ${pruned} questions older than ${store.retentionDays} days`);
        } catch (error) {
          logger.warn(`store: pruning failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }, PRUNE_EVERY_MS).unref()
    : undefined;

  let stopping: Promise<void> | undefined;
  return {
    client: readyClient,
    get inFlight() {
      return dispatcher.inFlight;
    },
    stop() {
      stopping ??= (async () => {
        clearInterval(pruning);
        await dispatcher.drain();
        await client.destroy();
        store?.close();
      })();
      return stopping;
    },
  };
}
