import { DiscordAPIError, MessageFlags, SlashCommandBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/discord/command.js";
import { createDispatcher } from "../../src/discord/dispatcher.js";
import { GENERIC_FAILURE, UserError } from "../../src/discord/errors.js";
import { RateLimiter } from "../../src/discord/rate-limiter.js";
import { NO_MENTIONS } from "../../src/discord/respond.js";
import { FakeInteraction, fakeContext } from "./fakes.js";

function command(name: string, execute: Command["execute"]): Command {
  return { data: new SlashCommandBuilder().setName(name).setDescription(name), execute };
}

function setUp(commands: Command[], limit = 100) {
  const map = new Map(commands.map((c) => [c.data.name, c]));
  const context = fakeContext({ commands: map });
  const dispatcher = createDispatcher({ commands: map, context, limiter: new RateLimiter({ limit, now: () => 0 }), logger: context.logger });
  return { dispatcher, logs: context.logs };
}

const privately = (content: string) => ({ content, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });

describe("createDispatcher", () => {
  it("runs the command an interaction names", async () => {
    const ran: string[] = [];
    const { dispatcher } = setUp([command("ping", async (i) => void ran.push(i.user.id))]);
    await dispatcher.handleInteraction(new FakeInteraction({ commandName: "ping", userId: "7" }).asInteraction);
    expect(ran).toEqual(["7"]);
  });

  it("shows a user error privately and logs nothing", async () => {
    const { dispatcher, logs } = setUp([command("fail", async () => Promise.reject(new UserError("Not allowed.")))]);
    const interaction = new FakeInteraction({ commandName: "fail" });
    await dispatcher.handleInteraction(interaction.asInteraction);
    expect(interaction.calls).toEqual([{ method: "reply", arg: privately("Not allowed.") }]);
    expect(logs).toEqual([]);
  });

  it("logs an unexpected error with its stack and tells the user one short line", async () => {
    const { dispatcher, logs } = setUp([command("boom", async () => Promise.reject(new Error("secret detail at /srv/x")))]);
    const interaction = new FakeInteraction({ commandName: "boom" });
    await dispatcher.handleInteraction(interaction.asInteraction);
    expect(interaction.calls).toEqual([{ method: "reply", arg: privately(GENERIC_FAILURE) }]);
    expect(logs.join("\n")).toMatch(/ERROR \/boom failed \(user 42\)\nError: secret detail at \/srv\/x\n\s+at /);
  });

  it("logs an expected Discord refusal (an interaction that expired) as one WARN line, without a stack", async () => {
    const expired = new DiscordAPIError({ message: "Unknown interaction", code: 10062 }, 10062, 404, "POST", "/interactions/1/t/callback", {});
    const { dispatcher, logs } = setUp([command("late", async () => Promise.reject(expired))]);
    await dispatcher.handleInteraction(new FakeInteraction({ commandName: "late" }).asInteraction);
    expect(logs.filter((l) => / ERROR /.test(l))).toEqual([]);
    expect(logs[0]).toMatch(/WARN {2}\/late: Discord refused a request: Unknown interaction \(code 10062\) \(user 42\)$/);
    expect(logs.join("\n")).not.toMatch(/\n\s+at /);
  });

  it("replaces a public 'thinking…' reply with a private error", async () => {
    const { dispatcher } = setUp([
      command("slow", async (i) => {
        await i.deferReply();
        throw new Error("boom");
      }),
    ]);
    const interaction = new FakeInteraction({ commandName: "slow" });
    await dispatcher.handleInteraction(interaction.asInteraction);
    expect(interaction.calls.map((c) => c.method)).toEqual(["deferReply", "deleteReply", "followUp"]);
    expect(interaction.calls[2]?.arg).toEqual(privately(GENERIC_FAILURE));
  });

  it("edits a private deferred reply with the error", async () => {
    const { dispatcher } = setUp([
      command("quiet", async (i) => {
        await i.deferReply({ flags: MessageFlags.Ephemeral });
        throw new UserError("Nope.");
      }),
    ]);
    const interaction = new FakeInteraction({ commandName: "quiet" });
    await dispatcher.handleInteraction(interaction.asInteraction);
    expect(interaction.calls[1]).toEqual({ method: "editReply", arg: { content: "Nope.", allowedMentions: NO_MENTIONS } });
  });

  it("answers an unknown command privately", async () => {
    const { dispatcher } = setUp([]);
    const interaction = new FakeInteraction({ commandName: "gone" });
    await dispatcher.handleInteraction(interaction.asInteraction);
    expect(interaction.calls).toEqual([{ method: "reply", arg: privately("I don't know /gone: it may have been removed. Try /help.") }]);
  });

  it("rate-limits questions per user, with a friendly private message", async () => {
    const { dispatcher } = setUp([{ ...command("ping", async () => {}), countsAsQuestion: true }], 1);
    await dispatcher.handleInteraction(new FakeInteraction({ commandName: "ping" }).asInteraction);
    const second = new FakeInteraction({ commandName: "ping" });
    await dispatcher.handleInteraction(second.asInteraction);
    expect(second.calls).toEqual([{ method: "reply", arg: privately("You're asking faster than I can keep up with. Please try again in 60 s.") }]);
  });

  it("lets commands that ask nothing through after the question limit is used up", async () => {
    let ran = 0;
    const { dispatcher } = setUp([{ ...command("ask", async () => {}), countsAsQuestion: true }, command("reindex", async () => void ran++)], 1);
    await dispatcher.handleInteraction(new FakeInteraction({ commandName: "ask" }).asInteraction);
    const refused = new FakeInteraction({ commandName: "ask" });
    await dispatcher.handleInteraction(refused.asInteraction);
    expect(refused.calls[0]?.arg).toMatchObject({ content: expect.stringMatching(/asking faster/) });
    await dispatcher.handleInteraction(new FakeInteraction({ commandName: "reindex" }).asInteraction);
    await dispatcher.handleInteraction(new FakeInteraction({ commandName: "reindex" }).asInteraction);
    expect(ran).toBe(2);
  });

  it("drain waits for work in flight, then takes no more", async () => {
    let finish!: () => void;
    const started: string[] = [];
    const { dispatcher } = setUp([
      command("wait", async () => {
        started.push("wait");
        await new Promise<void>((resolve) => (finish = resolve));
      }),
    ]);
    const running = dispatcher.handleInteraction(new FakeInteraction({ commandName: "wait" }).asInteraction);
    expect(dispatcher.inFlight).toBe(1);
    let drained = false;
    const draining = dispatcher.drain().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    finish();
    await running;
    await draining;
    expect(drained).toBe(true);
    await dispatcher.handleInteraction(new FakeInteraction({ commandName: "wait" }).asInteraction);
    expect(started).toEqual(["wait"]);
  });
});
