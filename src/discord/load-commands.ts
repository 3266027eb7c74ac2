/**
 * Loads the slash command modules from a folder: one loader for the bot and for
 * `deploy-commands`, so what is registered is exactly what is served (the starter's
 * `loadStructures`).
 */
import { readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Command, isCommand } from "./command.js";

/** The repository's `commands/` folder. */
export const COMMANDS_DIR = new URL("../../commands/", import.meta.url);

const MODULE_FILE = /^(?!.*\.d\.ts$)(?!.*\.test\.).+\.(?:ts|js|mjs)$/;

/**
 * Imports every command module in `dir` (not recursive), in file-name order.
 *
 * @returns the commands by name.
 * @throws when a module's default export is not a command, or two commands share a name.
 */
export async function loadCommands(dir: URL | string = COMMANDS_DIR): Promise<Map<string, Command>> {
  const path = typeof dir === "string" ? dir : fileURLToPath(dir);
  const files = (await readdir(path, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && MODULE_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const commands = new Map<string, Command>();
  const origin = new Map<string, string>();
  for (const file of files) {
    const module = (await import(pathToFileURL(join(path, file)).href)) as { default?: unknown };
    if (!isCommand(module.default)) {
      throw new Error(`commands: ${basename(path)}/${file} must export default { data, execute } (see commands/ask.ts)`);
    }
    const { name } = module.default.data;
    const previous = origin.get(name);
    if (previous) throw new Error(`commands: /${name} is defined twice, in ${previous} and ${file}`);
    commands.set(name, module.default);
    origin.set(name, file);
  }
  return commands;
}
