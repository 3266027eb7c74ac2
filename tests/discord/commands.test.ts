/** The command modules, driven through a fake interaction (the end-to-end tests drive them through discord.js). */
import { InteractionContextType, MessageFlags, PermissionFlagsBits } from "discord.js";
import { describe, expect, it, vi } from "vitest";
import ask from "../../commands/ask.js";
import help from "../../commands/help.js";
import reindex from "../../commands/reindex.js";
import sources from "../../commands/sources.js";
import { UserError } from "../../src/discord/errors.js";
import { ShrinkError } from "../../src/engine.js";
import { renderAnswer } from "../../src/discord/render-answer.js";
import { renderReindex } from "../../src/discord/render-info.js";
import { NO_MENTIONS } from "../../src/discord/respond.js";
import { answer } from "./answers.js";
import { FakeInteraction, REPORT, fakeContext, fakeEngine } from "./fakes.js";

const MOD_ROLE = "500000000000000000";
const ORDINARY = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

describe("/ask", () => {
  it("is offered in servers and in DMs, with a bounded question", () => {
    const json = ask.data.toJSON();
    expect(json.contexts).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM]);
    expect(json.options?.[0]).toMatchObject({ name: "question", required: true, max_length: 300 });
  });

  it("defers, then edits the reply with the rendered answer and no pings", async () => {
    const interaction = new FakeInteraction({ options: { question: "Who is standing?" } });
    await ask.execute(interaction.asInteraction, fakeContext());
    expect(interaction.calls).toEqual([
      { method: "deferReply", arg: {} },
      { method: "editReply", arg: { ...renderAnswer(answer({ question: "Who is standing?" })), allowedMentions: NO_MENTIONS } },
    ]);
  });
});

describe("/reindex", () => {
  it("is for Manage Server by default and offered only in servers", () => {
    const json = reindex.data.toJSON();
    expect(json.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(json.contexts).toEqual([InteractionContextType.Guild]);
  });

  it("refuses in a direct message", async () => {
    const interaction = new FakeInteraction({ commandName: "reindex" });
    await expect(reindex.execute(interaction.asInteraction, fakeContext())).rejects.toThrow(new UserError("/reindex works only in a server, for its moderators."));
    expect(interaction.calls).toEqual([]);
  });

  it("refuses a member without Manage Server or the moderator role", async () => {
    const ctx = fakeContext({ moderatorRoleId: MOD_ROLE });
    const interaction = new FakeInteraction({ commandName: "reindex", guild: { permissions: ORDINARY, roles: ["1"] } });
    await expect(reindex.execute(interaction.asInteraction, ctx)).rejects.toThrow(/Manage Server permission or the moderator role/);
    expect(ctx.engine.reindex).not.toHaveBeenCalled();
  });

  it.each([
    ["Manage Server", { permissions: ORDINARY | PermissionFlagsBits.ManageGuild, roles: [] }],
    ["Administrator", { permissions: PermissionFlagsBits.Administrator, roles: [] }],
    ["the moderator role (raw member)", { permissions: ORDINARY, roles: [MOD_ROLE] }],
    ["the moderator role (cached member)", { permissions: ORDINARY, roles: { cache: new Map([[MOD_ROLE, {}]]) } }],
  ])("reindexes for a member with %s, replying privately", async (_, guild) => {
    const ctx = fakeContext({ moderatorRoleId: MOD_ROLE });
    const interaction = new FakeInteraction({ commandName: "reindex", guild });
    await reindex.execute(interaction.asInteraction, ctx);
    expect(interaction.calls).toEqual([
      { method: "deferReply", arg: { flags: MessageFlags.Ephemeral } },
      { method: "editReply", arg: { ...renderReindex(REPORT), allowedMentions: NO_MENTIONS } },
    ]);
  });

  it("says why a reindex failed, without the server's paths", async () => {
    const engine = fakeEngine({ reindex: vi.fn(async () => Promise.reject(new Error("corpus: cannot read /srv/bot/corpus/a.md: EACCES"))) });
    const ctx = fakeContext({ engine });
    const interaction = new FakeInteraction({ commandName: "reindex", guild: { permissions: PermissionFlagsBits.ManageGuild, roles: [] } });
    await expect(reindex.execute(interaction.asInteraction, ctx)).rejects.toThrow(
      new UserError("Reindex failed, so the previous index keeps answering. Reason: corpus: cannot read a.md: EACCES"),
    );
    expect(ctx.logs.join("\n")).toContain("/srv/bot/corpus/a.md");
  });

  it("offers a force option, off unless given, and passes it to the engine", async () => {
    expect(reindex.data.toJSON().options).toEqual([expect.objectContaining({ name: "force", type: 5, required: false })]);
    const mod = { permissions: PermissionFlagsBits.ManageGuild, roles: [] };
    const plain = fakeContext();
    await reindex.execute(new FakeInteraction({ commandName: "reindex", guild: mod }).asInteraction, plain);
    expect(plain.engine.reindex).toHaveBeenCalledWith({ force: false });
    const forced = fakeContext();
    await reindex.execute(new FakeInteraction({ commandName: "reindex", guild: mod, options: { force: true } }).asInteraction, forced);
    expect(forced.engine.reindex).toHaveBeenCalledWith({ force: true });
  });

  it("refuses to shrink the index past the share, and says how to force it", async () => {
    const engine = fakeEngine({ reindex: vi.fn(async () => Promise.reject(new ShrinkError(3, 4))) });
    const interaction = new FakeInteraction({ commandName: "reindex", guild: { permissions: PermissionFlagsBits.ManageGuild, roles: [] } });
    const error = await reindex.execute(interaction.asInteraction, fakeContext({ engine })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/3 of 4 documents .*previous index keeps answering.*`\/reindex force:true`/s);
  });
});

describe("/sources and /help", () => {
  it("reply privately", async () => {
    for (const command of [sources, help]) {
      const interaction = new FakeInteraction({ commandName: command.data.name });
      await command.execute(interaction.asInteraction, fakeContext({ commands: new Map([["ask", ask]]) }));
      expect(interaction.calls).toHaveLength(1);
      expect(interaction.calls[0]).toMatchObject({ method: "reply", arg: { flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } });
    }
  });

  it("/help lists the loaded commands", async () => {
    const interaction = new FakeInteraction({ commandName: "help" });
    await help.execute(interaction.asInteraction, fakeContext({ commands: new Map([["ask", ask]]) }));
    const { embeds } = interaction.calls[0]?.arg as { embeds: { description: string }[] };
    expect(embeds[0]?.description).toContain("`/ask` — Ask a question about the documents");
    expect(embeds[0]?.description).toContain("Who is Ivan Lewis?");
  });
});
