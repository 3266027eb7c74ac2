/**
 * A small leveled logger for the operator's terminal (never for Discord users) that cannot print
 * the bot token or any token-shaped string: every line, stack traces included, passes through
 * `redactSecrets` (see `secrets.ts` for the shapes).
 */
import { LOG_LEVELS, type LogLevel } from "../config.js";
import { redactSecrets } from "./secrets.js";

export { redactSecrets } from "./secrets.js";

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
