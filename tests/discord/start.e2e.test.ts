/**
 * `npm start` exactly as users run it: a child process that reads its settings from the
 * environment, connects to the Discord stand-in through DISCORD_API_BASE, answers, and stops.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CORPUS_DIR, TEST_ACK_WINDOW_MS, TEST_TOKEN } from "./harness.js";
import { type Running, runScript } from "./processes.js";
import { DiscordStandIn, type RecordedRequest } from "./stand-in/stand-in.js";

const STACK_LINE = /^\s+at /m;

let discord: DiscordStandIn | undefined;
let running: Running | undefined;

afterEach(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill("SIGKILL");
    await running.exited;
  }
  await discord?.stop();
  discord = running = undefined;
});

/** Starts the stand-in and `npm start` against it with `env` besides the settings it needs; resolves once logged in. */
async function startLoggedIn(env: Record<string, string> = {}): Promise<{ discord: DiscordStandIn; running: Running }> {
  discord = await DiscordStandIn.start({ token: TEST_TOKEN, ackWindowMs: TEST_ACK_WINDOW_MS });
  running = await runScript("start", { DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: discord.world.applicationId, DISCORD_API_BASE: discord.apiBase, CORPUS_DIR, ...env });
  await running.waitForOutput(/Logged in as Verbatim/);
  return { discord, running };
}

describe("npm start", () => {
  it("answers /ask through the stand-in, and on SIGTERM finishes the reply in flight, then exits 0", async () => {
    const { discord, running } = await startLoggedIn({ LOG_LEVEL: "debug" });

    const ask = discord.slashCommand("ask", { question: "Who is standing for deputy leader?" }, discord.member(discord.newUser()));
    const isEdit = (r: RecordedRequest) => r.method === "PATCH" && r.path === ask.originalPath;
    const slowDiscord = discord.hold(isEdit);
    const edit = await discord.waitFor(isEdit, "edit of /ask");
    expect(JSON.stringify(edit.body)).toMatch(/Rayner|Allin-Khan|Butler|Burgon/);

    // The edit is still waiting for Discord's response when the signal arrives.
    running.child.kill("SIGTERM");
    await running.waitForOutput(/SIGTERM: finishing 1 reply in flight/);
    slowDiscord.release();
    expect(await running.exited).toBe(0);
    expect(running.output()).toMatch(/Stopped\.\s*$/);
    if (process.env.SHOW_OUTPUT) console.log(running.output());
    expect(running.output()).not.toContain(TEST_TOKEN.split(".")[0]);
    expect(discord.takeProblems()).toEqual([]);
  });

  it("refuses a question the watchdog caught stalling an earlier start, as its supervisor asks, and answers the rest", async () => {
    // (What the supervisor sets for the bot it starts again after a stall: start.ts runs the bot itself.)
    const { discord, running } = await startLoggedIn({ VERBATIM_SUPERVISED: "1", VERBATIM_REFUSED: JSON.stringify(["who is standing for deputy leader?"]) });
    expect(running.output()).toMatch(/WARN {2}refusing 1 question that stalled the bot before this start/);

    const edits = [];
    for (const question of ["Who is standing for  Deputy Leader?", "Who is standing for deputy leader of Labour?"]) {
      const ask = discord.slashCommand("ask", { question }, discord.member(discord.newUser()));
      edits.push(JSON.stringify((await discord.waitFor((r) => r.method === "PATCH" && r.path === ask.originalPath, "edit of /ask")).body));
    }
    expect(edits[0]).toContain("stopped me the last time it was asked");
    expect(edits[0]).not.toMatch(/Rayner|Allin-Khan/);
    expect(edits[1]).toMatch(/Rayner|Allin-Khan|Butler|Burgon/);
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
  });

  it("stops the bot, replies finished, when its supervisor is killed", async () => {
    const { running } = await startLoggedIn();
    running.child.kill("SIGKILL");
    await running.exited;
    // The bot writes to the same output as the supervisor did, which outlives it.
    for (let waited = 0; !/Stopped\.\s*$/.test(running.output()) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(running.output()).toMatch(/Supervisor gone: finishing 0 replies in flight, then disconnecting[\s\S]*Stopped\.\s*$/);
  });

  it("exits 1 with a short message when DISCORD_TOKEN is missing", async () => {
    running = await runScript("start", { DISCORD_CLIENT_ID: "123456789012345678" });
    expect(await running.exited).toBe(1);
    const output = running.output();
    expect(output).toContain("DISCORD_TOKEN is not set");
    expect(output).toContain(".env.example");
    expect(output).toContain("npm run ask");
    expect(output).not.toMatch(STACK_LINE);
  });

  it("exits 1 without repeating a malformed DISCORD_TOKEN", async () => {
    const secret = "my-client-secret-pasted-by-mistake";
    running = await runScript("start", { DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: "123456789012345678" });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain("DISCORD_TOKEN does not look like a bot token");
    expect(running.output()).not.toContain(secret);
    expect(running.output()).not.toMatch(STACK_LINE);
  });

  it("exits 1 with a short message when Discord rejects the token", async () => {
    discord = await DiscordStandIn.start({ token: TEST_TOKEN, ackWindowMs: TEST_ACK_WINDOW_MS });
    const wrong = ["w".repeat(24), "r".repeat(6), "g".repeat(27)].join(".");
    running = await runScript("start", {
      DISCORD_TOKEN: wrong,
      DISCORD_CLIENT_ID: discord.world.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      CORPUS_DIR,
    });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain("Discord rejected DISCORD_TOKEN");
    expect(running.output()).not.toContain(wrong.slice(0, 24));
    expect(running.output()).not.toMatch(STACK_LINE);
  });

  it.each([
    [4004, /Discord rejected DISCORD_TOKEN .*gateway.*4004/],
    [4014, /Discord refused the gateway intents .*4014/],
  ])("exits 1 with a one-line reason when the gateway closes with %i", async (code, reason) => {
    discord = await DiscordStandIn.start({ token: TEST_TOKEN, refuseIdentifyWith: code });
    running = await runScript("start", {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: discord.world.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      CORPUS_DIR,
    });
    expect(await running.exited).toBe(1);
    if (process.env.SHOW_OUTPUT) console.log(running.output());
    const errors = running.output().split("\n").filter((line) => / ERROR /.test(line));
    expect(errors).toEqual([expect.stringMatching(reason)]);
    expect(running.output()).not.toMatch(STACK_LINE);
    expect(running.output()).not.toContain(TEST_TOKEN.split(".")[0]);
  });

  it("exits 1 with a one-line reason when Discord ends a running session with 4004", async () => {
    discord = await DiscordStandIn.start({ token: TEST_TOKEN, ackWindowMs: TEST_ACK_WINDOW_MS });
    running = await runScript("start", {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: discord.world.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      CORPUS_DIR,
    });
    await running.waitForOutput(/Logged in as Verbatim/);
    discord.closeGateway(4004);
    expect(await running.exited).toBe(1);
    const errors = running.output().split("\n").filter((line) => / ERROR /.test(line));
    expect(errors).toEqual([expect.stringMatching(/Discord rejected DISCORD_TOKEN .*gateway.*4004/)]);
    expect(running.output()).not.toMatch(STACK_LINE);
  });
});
