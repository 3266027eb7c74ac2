/**
 * The bot's settings, read from environment variables and checked once at start-up.
 *
 * Pure: `loadConfig` reads only the object it is handed and touches no file. Entry points load
 * `.env` with dotenv first. Every problem is collected, so a user fixes them all in one go, and
 * no message ever repeats a secret's value.
 *
 * @example
 * const config = loadConfig(process.env);
 * const engine = await createEngine({ corpusDir: config.corpusDir });
 */

/** How much the bot logs, from most to least. */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Per-user limit on questions and commands. */
export interface RateLimitConfig {
  /** Requests one user may make per minute; 0 turns the limit off. Default {@link DEFAULT_RATE_LIMIT_PER_MINUTE}. */
  perMinute: number;
}

/** Everything the Discord edge needs, validated. */
export interface Config {
  /** Bot token (`DISCORD_TOKEN`). A secret: never log or display it. */
  token: string;
  /** Application id (`DISCORD_CLIENT_ID`), used to register the slash commands. */
  clientId: string;
  /** Server id (`DISCORD_GUILD_ID`): when set, commands are registered on that server only. */
  guildId?: string;
  /** Folder of documents to answer from (`CORPUS_DIR`). Default `"corpus"`, relative to the working directory. */
  corpusDir: string;
  /**
   * REST base URL without the version (`DISCORD_API_BASE`), e.g. `https://discord.com/api`.
   * Unset: discord.js's default. discord.js also discovers the gateway through it.
   */
  apiBase?: string;
  /** Role id (`MODERATOR_ROLE_ID`) whose members may run `/reindex` besides those with Manage Server. */
  moderatorRoleId?: string;
  rateLimit: RateLimitConfig;
  /** `LOG_LEVEL`. Default `"info"`. */
  logLevel: LogLevel;
  /** Folder for the saved index (`INDEX_CACHE_DIR`); `null` when set to `off`. Default `.cache/index`. */
  cacheDir: string | null;
  /** Worker threads to index in (`INDEX_THREADS`); 0 indexes (and scans the corpus folder) in the main thread. Unset: by corpus size and cores. */
  indexThreads?: number;
  /** Folder of the question and vote store (`DATA_DIR`). Default {@link DEFAULT_DATA_DIR}. */
  dataDir: string;
  /** Days questions and votes are kept (`RETENTION_DAYS`). Default {@link DEFAULT_RETENTION_DAYS}. */
  retentionDays: number;
}

/** Why: a reader asks a few questions a minute; 6 allows a quick follow-up burst but stops a script from hogging the bot. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 6;
export const DEFAULT_CORPUS_DIR = "corpus";
/** Where the saved index lives by default: git-ignored, beside the working directory's corpus. */
export const DEFAULT_CACHE_DIR = ".cache/index";
/** Where questions and votes are stored by default: git-ignored, in the working directory. */
export const DEFAULT_DATA_DIR = ".data";
/** Why: a quarter of a year covers a season of use for `/gaps` and `/stats` without keeping questions indefinitely. */
export const DEFAULT_RETENTION_DAYS = 90;
/** Why: ten years; a longer "keep" is a typo, not a policy. */
export const MAX_RETENTION_DAYS = 3650;

/**
 * Shape of a bot token: three base64url parts joined by dots (user id, timestamp, HMAC).
 * Lengths are lenient lower bounds so tokens of any era pass while a client secret (32
 * characters, no dots) or a public key (64 hex characters) is caught.
 */
export const TOKEN_PATTERN = /[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/;
const WHOLE_TOKEN = new RegExp(`^${TOKEN_PATTERN.source}$`);
/** Discord ids are 64-bit snowflakes written in decimal: 17 to 20 digits today. */
const SNOWFLAKE = /^\d{17,20}$/;

const HINT = [
  "Copy .env.example to .env and fill it in: every setting is explained there.",
  "To try Verbatim without Discord, run: npm run ask",
].join("\n");

/** A setting is missing or malformed. The message names each variable and says what to do. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";

  constructor(
    /** One line per problem, each naming its variable. */
    readonly problems: readonly string[],
  ) {
    super(`Verbatim cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}\n${HINT}`);
  }
}

/**
 * Reads and validates the settings.
 *
 * @param env - usually `process.env`; empty values count as unset.
 * @throws {ConfigError} listing every problem found.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const token = readToken(get("DISCORD_TOKEN"), problems);
  const clientId = readSnowflake("DISCORD_CLIENT_ID", get("DISCORD_CLIENT_ID"), problems, "the application id");
  const guildId = readSnowflake("DISCORD_GUILD_ID", get("DISCORD_GUILD_ID"), problems);
  const moderatorRoleId = readSnowflake("MODERATOR_ROLE_ID", get("MODERATOR_ROLE_ID"), problems);
  const apiBase = readApiBase(get("DISCORD_API_BASE"), problems);
  const perMinute = readCount("RATE_LIMIT_PER_MINUTE", get("RATE_LIMIT_PER_MINUTE"), DEFAULT_RATE_LIMIT_PER_MINUTE, problems);
  const logLevel = readLogLevel(get("LOG_LEVEL"), problems);
  const indexThreads = readIndexThreads(get("INDEX_THREADS"), problems);
  const retentionDays = readRetentionDays(get("RETENTION_DAYS"), problems);

  if (problems.length > 0 || token === undefined || clientId === undefined) throw new ConfigError(problems);
  return {
    token,
    clientId,
    ...(guildId && { guildId }),
    corpusDir: get("CORPUS_DIR") ?? DEFAULT_CORPUS_DIR,
    cacheDir: readCacheDir(get("INDEX_CACHE_DIR")),
    ...(apiBase && { apiBase }),
    ...(moderatorRoleId && { moderatorRoleId }),
    rateLimit: { perMinute },
    logLevel,
    ...(indexThreads !== undefined && { indexThreads }),
    dataDir: get("DATA_DIR") ?? DEFAULT_DATA_DIR,
    retentionDays,
  };
}

/** `RETENTION_DAYS`: whole days from 1 to {@link MAX_RETENTION_DAYS}. A bad value adds a problem to `problems`. */
export function readRetentionDays(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_RETENTION_DAYS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_RETENTION_DAYS) {
    problems.push(`RETENTION_DAYS must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, got "${raw}".`);
    return DEFAULT_RETENTION_DAYS;
  }
  return Number(raw);
}

/** Most worker threads `INDEX_THREADS` may ask for. */
export const MAX_INDEX_THREADS = 16;

/**
 * `INDEX_THREADS`: worker threads to index in, 0 for none; unset (undefined) lets the engine
 * choose. A bad value adds a problem to `problems`.
 */
export function readIndexThreads(raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_INDEX_THREADS) {
    problems.push(`INDEX_THREADS must be a whole number from 0 (index in the main thread) to ${MAX_INDEX_THREADS}, got "${raw}".`);
    return undefined;
  }
  return Number(raw);
}

/** `INDEX_CACHE_DIR`: a folder, or `off` to keep no index on disk. */
export function readCacheDir(raw: string | undefined): string | null {
  if (raw === undefined) return DEFAULT_CACHE_DIR;
  return raw.toLowerCase() === "off" ? null : raw;
}

function readToken(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) {
    problems.push("DISCORD_TOKEN is not set: paste the bot token from the Developer Portal (your application → Bot → Reset Token).");
    return undefined;
  }
  const token = raw.replace(/^Bot\s+/i, "");
  if (!WHOLE_TOKEN.test(token)) {
    // Say what is wrong with it, never what it is.
    problems.push(
      `DISCORD_TOKEN does not look like a bot token (${token.length} characters; expected three parts joined by dots). ` +
        "Copy it from the Developer Portal (your application → Bot → Reset Token); the client secret and the public key are not the token.",
    );
    return undefined;
  }
  return token;
}

function readSnowflake(name: string, raw: string | undefined, problems: string[], required?: string): string | undefined {
  if (raw === undefined) {
    if (required) problems.push(`${name} is not set: it is ${required} (Developer Portal → your application → General Information).`);
    return undefined;
  }
  if (!SNOWFLAKE.test(raw)) {
    problems.push(`${name} must be a Discord id (17 to 20 digits; turn on Developer Mode and use "Copy ID"), got "${raw}".`);
    return undefined;
  }
  return raw;
}

function readApiBase(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`DISCORD_API_BASE must be a URL such as https://discord.com/api, got "${raw}".`);
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    problems.push(`DISCORD_API_BASE must be an http or https URL, got "${raw}".`);
    return undefined;
  }
  if (/\/v\d+\/?$/.test(url.pathname)) {
    problems.push(`DISCORD_API_BASE must not include the API version (discord.js adds /v10), got "${raw}".`);
    return undefined;
  }
  return raw.replace(/\/+$/, "");
}

function readCount(name: string, raw: string | undefined, fallback: number, problems: string[]): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 1_000_000) {
    problems.push(`${name} must be a whole number (0 turns it off), got "${raw}".`);
    return fallback;
  }
  return Number(raw);
}

function readLogLevel(raw: string | undefined, problems: string[]): LogLevel {
  if (raw === undefined) return "info";
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${raw}".`);
  return level ?? "info";
}

/**
 * For entry points: loads `.env` (dotenv), then the configuration; a bad setting prints its
 * one-line message and exits 1, never a stack trace.
 */
export async function loadConfigOrExit(): Promise<Config> {
  const { default: dotenv } = await import("dotenv");
  dotenv.config({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
