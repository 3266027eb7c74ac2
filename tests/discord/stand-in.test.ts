/** The stand-in's own guarantees, which every end-to-end test relies on. */
import { GatewayOpcodes } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { TEST_TOKEN } from "./harness.js";
import { EXPECTED_INTENTS } from "./stand-in/payloads.js";
import { DiscordStandIn } from "./stand-in/stand-in.js";

let discord: DiscordStandIn;
beforeEach(async () => {
  discord = await DiscordStandIn.start({ token: TEST_TOKEN });
});
afterEach(async () => {
  await discord.stop();
});

const auth = { authorization: `Bot ${TEST_TOKEN}`, "content-type": "application/json" };

describe("DiscordStandIn", () => {
  it("serves gateway/bot with the session start limit, as JSON, only with the token", async () => {
    const ok = await fetch(`${discord.apiBase}/v10/gateway/bot`, { headers: auth });
    expect(ok.headers.get("content-type")).toBe("application/json");
    expect(await ok.json()).toMatchObject({ url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+$/), session_start_limit: { max_concurrency: 1 } });
    expect((await fetch(`${discord.apiBase}/v10/gateway/bot`)).status).toBe(401);
  });

  it("answers an unknown route with 404, records it as a problem and fails pending waits", async () => {
    const failed = expect(discord.waitFor(() => false, "anything")).rejects.toThrow("stand-in: unknown route GET /guilds/1/bans");
    const response = await fetch(`${discord.apiBase}/v10/guilds/1/bans`, { headers: auth });
    expect(response.status).toBe(404);
    await failed;
    expect(discord.takeProblems()).toEqual(["unknown route GET /guilds/1/bans"]);
  });

  it("refuses an unversioned route", async () => {
    expect((await fetch(`${discord.apiBase}/gateway/bot`, { headers: auth })).status).toBe(404);
    expect(discord.takeProblems()).toHaveLength(1);
  });

  it("refuses a message over Discord's limits and flags one that could ping", async () => {
    const channel = `${discord.apiBase}/v10/channels/${discord.world.channelId}/messages`;
    const long = await fetch(channel, { method: "POST", headers: auth, body: JSON.stringify({ content: "x".repeat(2001), allowed_mentions: { parse: [] } }) });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ code: 50035 });
    const pinging = await fetch(channel, { method: "POST", headers: auth, body: JSON.stringify({ content: "@everyone" }) });
    expect(pinging.status).toBe(200);
    expect(discord.takeProblems()).toEqual([
      `POST /channels/${discord.world.channelId}/messages over Discord's limits: content is 2001 > 2000 characters`,
      `POST /channels/${discord.world.channelId}/messages sent without allowed_mentions { parse: [] }: undefined`,
    ]);
  });

  it("decodes %40original and refuses edits of interactions it never sent", async () => {
    const response = await fetch(`${discord.apiBase}/v10/webhooks/${discord.world.applicationId}/nope/messages/%40original`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ content: "hi", allowed_mentions: { parse: [] } }),
    });
    expect(response.status).toBe(404);
    expect(discord.requests[0]?.path).toBe(`/webhooks/${discord.world.applicationId}/nope/messages/@original`);
    expect(discord.takeProblems()).toEqual(["edit for interaction nope before it was acknowledged"]);
  });
});

describe("DiscordStandIn, Discord's 3-second rule", () => {
  /** A bare gateway session (no discord.js), so the test controls when callbacks are made. */
  async function identify(standIn: DiscordStandIn): Promise<WebSocket> {
    const origin = new URL(standIn.apiBase).host;
    const socket = new WebSocket(`ws://${origin}/?v=10&encoding=json`);
    await new Promise<void>((resolve, reject) => {
      socket.on("error", reject);
      socket.on("message", (data) => {
        const payload = JSON.parse(String(data)) as { op: number; t?: string };
        if (payload.op === GatewayOpcodes.Hello) {
          socket.send(JSON.stringify({ op: GatewayOpcodes.Identify, d: { token: TEST_TOKEN, intents: EXPECTED_INTENTS, properties: {} } }));
        }
        if (payload.t === "READY") resolve();
      });
    });
    return socket;
  }

  it("refuses an acknowledgement that comes more than 3 s after the interaction, with 10062, and counts it", async () => {
    let now = 1_000_000;
    const clocked = await DiscordStandIn.start({ token: TEST_TOKEN, now: () => now });
    const socket = await identify(clocked);
    try {
      const place = clocked.member(clocked.newUser());
      const onTime = clocked.slashCommand("ask", { question: "a" }, place);
      const late = clocked.slashCommand("ask", { question: "b" }, place);
      const defer = (path: string) =>
        fetch(`${clocked.apiBase}/v10${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: 5 }) });

      now += 3000;
      expect((await defer(onTime.callbackPath)).status).toBe(204);
      now += 1;
      const refused = await defer(late.callbackPath);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toMatchObject({ code: 10062, message: "Unknown interaction" });
      expect(clocked.acknowledgements).toEqual({ inTime: 1, late: 1, delaysMs: [3000, 3001] });
      expect(clocked.takeProblems()).toEqual([`interaction ${late.token} acknowledged 3001 ms after it was sent (Discord allows 3000)`]);
    } finally {
      socket.close();
      await clocked.stop();
    }
  });
});
