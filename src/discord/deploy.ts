/**
 * Registers the slash commands with Discord: on one server when a guild id is given (instant, for
 * development), else globally.
 */
import { REST, Routes } from "discord.js";
import type { Command } from "./command.js";

export interface DeployOptions {
  token: string;
  /** Application id. */
  clientId: string;
  /** Register on this server only. */
  guildId?: string;
  /** REST base URL without version; default Discord's own. */
  apiBase?: string;
  commands: Iterable<Command>;
}

export interface DeployResult {
  scope: "guild" | "global";
  /** Commands Discord now holds for that scope. */
  count: number;
}

/** Replaces the registered commands with `commands` (one bulk PUT, as Discord recommends). */
export async function deployCommands({ token, clientId, guildId, apiBase, commands }: DeployOptions): Promise<DeployResult> {
  const rest = new REST(apiBase ? { api: apiBase } : {}).setToken(token);
  const body = [...commands].map((command) => command.data.toJSON());
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body })) as unknown[];
  return { scope: guildId ? "guild" : "global", count: registered.length };
}
