/**
 * One-line, operator-facing explanations for the ways talking to Discord fails at start-up, so
 * the terminal says what to fix instead of printing a stack trace. Never includes the token.
 */
import { DiscordAPIError, DiscordjsErrorCodes, GatewayCloseCodes } from "discord.js";

/** Why the gateway refuses for good, by close code: the codes discord.js does not reconnect after. */
const FATAL_CLOSES: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    "Discord rejected DISCORD_TOKEN at the gateway (close 4004, authentication failed): reset the token in the Developer Portal (your application → Bot) and put the new one in .env.",
  [GatewayCloseCodes.InvalidIntents]:
    "Discord refused the gateway intents (close 4013, invalid intents): this build of Verbatim asks for intents Discord does not know.",
  [GatewayCloseCodes.DisallowedIntents]:
    "Discord refused the gateway intents (close 4014, disallowed intents): check the bot's settings in the Developer Portal (see README, Run it on Discord).",
  [GatewayCloseCodes.InvalidShard]: "Discord closed the gateway for good (close 4010, invalid shard).",
  [GatewayCloseCodes.ShardingRequired]: "Discord closed the gateway for good (close 4011, sharding required): the bot is in too many servers for one connection.",
  [GatewayCloseCodes.InvalidAPIVersion]: "Discord closed the gateway for good (close 4012, invalid API version): update discord.js.",
};

/** The one-line reason for a gateway close code after which the bot cannot go on, or `undefined` for one it recovers from. */
export function describeGatewayClose(code: number): string | undefined {
  return FATAL_CLOSES[code];
}

/** The gateway closed with a code the bot cannot recover from; the message is the one-line reason. */
export class GatewayClosedError extends Error {
  override name = "GatewayClosedError";
  constructor(readonly code: number) {
    super(describeGatewayClose(code) ?? `Discord closed the gateway (close ${code}).`);
  }
}

/** Explains `error`, or returns `undefined` when it is not a known start-up failure. */
export function describeDiscordFailure(error: unknown, apiBase = "https://discord.com/api"): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error instanceof GatewayClosedError) return error.message;
  const code = (error as { code?: unknown }).code;
  if (code === DiscordjsErrorCodes.TokenInvalid || (error instanceof DiscordAPIError && error.status === 401)) {
    return "Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal (your application → Bot) and put the new one in .env.";
  }
  if (code === DiscordjsErrorCodes.DisallowedIntents) {
    return "Discord refused the gateway intents: check the bot's settings in the Developer Portal (see README, Run it on Discord).";
  }
  if (error instanceof DiscordAPIError && (error.code === 50001 || error.status === 403)) {
    return "Discord refused access (403 Missing Access): is the bot in the server DISCORD_GUILD_ID names, invited with the applications.commands scope?";
  }
  const network = networkCode(error);
  if (network) return `Cannot reach Discord at ${apiBase} (${network}): check the network, or DISCORD_API_BASE.`;
  return undefined;
}

const NETWORK_CODES = /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN|EHOSTUNREACH|UND_ERR_\w+)$/;

function networkCode(error: Error): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.test(code)) return code;
  }
  return undefined;
}
