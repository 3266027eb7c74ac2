/**
 * A small leveled logger for the operator's terminal (never for Discord users) that cannot print
 * the bot token: every line, stack traces included, passes through {@link redactSecrets}.
 */
import { LOG_LEVELS, TOKEN_PATTERN, type LogLevel } from "../config.js";

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  /** Logs the message and, when given, the error's stack (or its message when it has none). */
  error(message: string, error?: unknown): void;
}

export interface LoggerOptions {
  /** Lines below this level are dropped. Default `"info"`. */
  level?: LogLevel;
  /** Strings that must never appear in a line (the bot token). Default none. */
  secrets?: readonly string[];
  /** Where lines go. Default standard error, so standard output stays free for tools. */
  write?: (line: string) => void;
  /** Clock for the timestamp. Default `() => new Date()`. */
  now?: () => Date;
}

const ANY_TOKEN = new RegExp(TOKEN_PATTERN.source, "g");

/**
 * Replaces each secret, and anything shaped like a bot token, with `[redacted]`. A token's
 * leading parts are hidden too: discord.js's debug log prints them with only the last part masked.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    const head = secret.split(".").slice(0, 2).join(".");
    for (const part of [secret, head]) if (part.length >= 8) out = out.replaceAll(part, "[redacted]");
  }
  return out.replace(ANY_TOKEN, "[redacted]");
}

/** Creates a logger that writes `2024-05-01T12:00:00.000Z INFO  message` lines. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const {
    level = "info",
    secrets = [],
    write = (line: string) => process.stderr.write(`${line}\n`),
    now = () => new Date(),
  } = options;
  const threshold = LOG_LEVELS.indexOf(level);
  const log = (at: LogLevel, message: string): void => {
    if (LOG_LEVELS.indexOf(at) < threshold) return;
    write(redactSecrets(`${now().toISOString()} ${at.toUpperCase().padEnd(5)} ${message}`, secrets));
  };
  return {
    debug: (message) => log("debug", message),
    info: (message) => log("info", message),
    warn: (message) => log("warn", message),
    error: (message, error) => log("error", error === undefined ? message : `${message}\n${describeError(error)}`),
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
