/**
 * `npm start`: runs the bot (`run-bot.ts`) under a supervisor (`supervise.ts`) that starts it
 * again if it stalls or crashes. The supervisor loads nothing of the bot, so it stays small and
 * keeps running whatever the bot does.
 */
import { fileURLToPath } from "node:url";
import { createLogger } from "../discord/logger.js";
import { SUPERVISED_ENV, supervise } from "./supervise.js";

if (process.env[SUPERVISED_ENV] === "1") {
  await import("./run-bot.js");
} else {
  const logger = createLogger();
  const code = await supervise({
    script: fileURLToPath(import.meta.url),
    log: (line) => logger.warn(`supervisor: ${line}`),
  });
  process.exit(code);
}
