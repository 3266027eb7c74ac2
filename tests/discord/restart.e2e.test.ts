/**
 * The store across a restart of `npm start`: votes cast before it are there after it, and the
 * buttons of an answer sent before it still work. And a DATA_DIR that cannot be used stops the
 * start with a clear message.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CORPUS_DIR, TEST_TOKEN } from "./harness.js";
import { type Running, runScript } from "./processes.js";
import { DiscordStandIn, MANAGE_SERVER, type RecordedRequest } from "./stand-in/stand-in.js";

let discord: DiscordStandIn | undefined;
let running: Running | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill("SIGKILL");
    await running.exited;
  }
  await discord?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  discord = running = dataDir = undefined;
});

async function start(standIn: DiscordStandIn, data: string): Promise<Running> {
  const run = await runScript("start", {
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: standIn.world.applicationId,
    DISCORD_API_BASE: standIn.apiBase,
    CORPUS_DIR,
    DATA_DIR: data,
  });
  await run.waitForOutput(/Logged in as Verbatim/);
  return run;
}

const content = (r: RecordedRequest): string => String(((r.body ?? {}) as { data?: { content?: string } }).data?.content ?? "");

describe("npm start with a store", () => {
  it("keeps votes across a restart, and the buttons sent before it still work", async () => {
    discord = await DiscordStandIn.start({ token: TEST_TOKEN });
    dataDir = await mkdtemp(join(tmpdir(), "verbatim-data-"));
    running = await start(discord, dataDir);

    const ask = discord.slashCommand("ask", { question: "Who is standing for deputy leader?" }, discord.member(discord.newUser()));
    const answer = await discord.waitFor((r) => r.method === "PATCH" && r.path === ask.originalPath, "answer");
    const buttons = ((answer.body as { components: Array<{ components: Array<{ custom_id: string; label: string }> }> }).components[0]?.components ?? []);
    const helpful = buttons.find((b) => b.label.includes("Helpful"))!.custom_id;
    const notHelpful = buttons.find((b) => b.label.includes("Not helpful"))!.custom_id;
    const before = discord.clickButton(helpful, answer, discord.member(discord.newUser()));
    expect(content(await discord.waitFor((r) => r.path === before.callbackPath, "vote"))).toMatch(/👍 1 · 👎 0/);

    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    running = await start(discord, dataDir);

    const after = discord.clickButton(notHelpful, answer, discord.member(discord.newUser()));
    expect(content(await discord.waitFor((r) => r.path === after.callbackPath, "vote after the restart"))).toMatch(/👍 1 · 👎 1/);
    const stats = discord.slashCommand("stats", {}, discord.member(discord.newUser("moderator"), { permissions: MANAGE_SERVER }));
    const reply = await discord.waitFor((r) => r.path === stats.callbackPath, "stats");
    expect(JSON.stringify(reply.body)).toContain("Votes: 👍 1 · 👎 1");
    expect(discord.takeProblems()).toEqual([]);
  }, 60_000);

  it("exits 1 with a clear message when DATA_DIR cannot be used", async () => {
    discord = await DiscordStandIn.start({ token: TEST_TOKEN });
    running = await runScript("start", {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: discord.world.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      CORPUS_DIR,
      DATA_DIR: "/dev/null/verbatim",
    });
    expect(await running.exited).toBe(1);
    expect(running.output()).toMatch(/Cannot start: store: cannot open \/dev\/null\/verbatim\/verbatim\.db: ENOTDIR .*DATA_DIR must be a folder Verbatim can create and write to\./);
    expect(running.output()).not.toMatch(/^\s+at /m);
  });
});
