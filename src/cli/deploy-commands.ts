/**
 * `npm run deploy-commands`: registers the modules in `commands/` as slash commands, on the
 * server `DISCORD_GUILD_ID` names (available at once) or, without it, globally.
 */
import { loadConfigOrExit } from "../config.js";
import { deployCommands } from "../discord/deploy.js";
import { describeDiscordFailure } from "../discord/describe-failure.js";
import { loadCommands } from "../discord/load-commands.js";
import { createLogger } from "../discord/logger.js";

const config = await loadConfigOrExit();

const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
try {
  const commands = await loadCommands();
  const { scope, count } = await deployCommands({ ...config, commands: commands.values() });
  const where = scope === "guild" ? `on server ${config.guildId}` : "globally";
  logger.info(`Registered ${count} commands ${where}: ${[...commands.keys()].map((n) => `/${n}`).join(" ")}`);
} catch (error) {
  const known = describeDiscordFailure(error, config.apiBase);
  if (known) logger.error(known);
  else logger.error("Could not register the commands", error);
  process.exitCode = 1;
}
