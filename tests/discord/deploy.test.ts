import { InteractionContextType, PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { deployCommands } from "../../src/discord/deploy.js";
import { loadCommands } from "../../src/discord/load-commands.js";
import { TEST_TOKEN } from "./harness.js";
import { type Running, runScript } from "./processes.js";
import { DiscordStandIn } from "./stand-in/stand-in.js";

let discord: DiscordStandIn | undefined;
let running: Running | undefined;

afterEach(async () => {
  if (running && running.child.exitCode === null) running.child.kill("SIGKILL");
  await running?.exited;
  expect(discord?.takeProblems() ?? []).toEqual([]);
  await discord?.stop();
  discord = running = undefined;
});

describe("deployCommands", () => {
  it("registers the command modules globally without a guild", async () => {
    discord = await DiscordStandIn.start({ token: TEST_TOKEN });
    const commands = await loadCommands();
    const result = await deployCommands({
      token: TEST_TOKEN,
      clientId: discord.world.applicationId,
      apiBase: discord.apiBase,
      commands: commands.values(),
    });
    expect(result).toEqual({ scope: "global", count: 6 });
    const [put] = discord.requests;
    expect(put).toMatchObject({ method: "PUT", path: `/applications/${discord.world.applicationId}/commands` });
    const body = put!.body as { name: string; default_member_permissions?: string | null; contexts?: number[] }[];
    expect(body.map((c) => c.name)).toEqual(["ask", "gaps", "help", "reindex", "sources", "stats"]);
    expect(body.find((c) => c.name === "reindex")).toMatchObject({
      default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
      contexts: [InteractionContextType.Guild],
    });
  });
});

describe("npm run deploy-commands", () => {
  it("registers on the server DISCORD_GUILD_ID names, through DISCORD_API_BASE", async () => {
    discord = await DiscordStandIn.start({ token: TEST_TOKEN });
    const { applicationId, guildId } = discord.world;
    running = await runScript("deploy-commands", {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: applicationId,
      DISCORD_GUILD_ID: guildId,
      DISCORD_API_BASE: discord.apiBase,
    });
    expect(await running.exited).toBe(0);
    expect(running.output()).toMatch(new RegExp(`Registered 6 commands on server ${guildId}: /ask /gaps /help /reindex /sources /stats`));
    expect(discord.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /applications/${applicationId}/guilds/${guildId}/commands`]);
  });
});
