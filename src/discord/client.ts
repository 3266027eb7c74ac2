/**
 * The discord.js client Verbatim runs on: the fewest intents that deliver slash commands,
 * server messages that mention the bot, and direct messages.
 */
import { Client, GatewayIntentBits, Partials } from "discord.js";
import { NO_MENTIONS } from "./respond.js";

export interface ClientOptions {
  /** REST base URL without version (`DISCORD_API_BASE`); unset means Discord's own. */
  apiBase?: string;
}

/**
 * Creates (does not log in) the client.
 *
 * - `Guilds`: the servers and channels interactions arrive from.
 * - `GuildMessages`: messages in servers; without the privileged Message Content intent Discord
 *   still sends the text of those that mention the bot, which is all Verbatim reads.
 * - `DirectMessages` with `Partials.Channel`: DM channels are not cached before their first
 *   message, so discord.js needs the partial to emit it.
 */
export function createClient({ apiBase }: ClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    // A second guard behind the per-reply setting: nothing this client sends can ping.
    allowedMentions: NO_MENTIONS,
    ...(apiBase && { rest: { api: apiBase } }),
  });
}
