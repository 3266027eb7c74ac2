/**
 * The bot end to end: the real engine and the real discord.js client, talking REST and gateway
 * to the Discord stand-in over loopback.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GatewayIntentBits, InteractionResponseType, MessageFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GENERIC_FAILURE } from "../../src/discord/errors.js";
import { renderAnswer } from "../../src/discord/render-answer.js";
import type { Engine } from "../../src/engine.js";
import type { Answer } from "../../src/types.js";
import { type Harness, TEST_TOKEN, startHarness } from "./harness.js";
import { limitViolations } from "./stand-in/discord-rules.js";
import { MANAGE_SERVER, type RecordedRequest, type SentInteraction } from "./stand-in/stand-in.js";

const DEPUTY = "Who is standing for deputy leader?";
/** Any of these in the reply shows the engine's answer about the deputy race reached Discord. */
const CANDIDATES = /Rayner|Allin-Khan|Butler|Burgon|Murray/;
const EXPLODE = "please explode";
/** Answered after a few milliseconds of work, noting whether the event loop turned since the last answer. */
const SLOW = "Who is standing for deputy leader, slowly?";
const SLOW_WORK_MS = 5;
const loop = { answers: 0, backToBack: 0, turned: true };
const GIANT = "please answer at enormous length";

const NOTICE = `---
title: Tooting branch notice
date: 2020-01-10
source: https://example.org/tooting/notice
---
# Hustings

The branch secretary wrote: @everyone the hustings for the deputy leadership candidates move to Thursday at Tooting library.
`;

/** Deploy notes that hold the bot's own token, as a pasted `.env` would. */
const DEPLOY_NOTES = `# Deploy notes

The reading-room bot logs in every morning with the token ${TEST_TOKEN} from the vault.
`;
const TOKEN_QUESTION = "What does the reading-room bot log in with every morning?";

/** An answer far over every Discord limit. */
function giantAnswer(question: string): Answer {
  const text = "The deputy leadership **contest** ".repeat(400);
  const excerpt = { doc: "x.md", title: "T ".repeat(300), text, start: 0, end: text.length, score: 1, highlights: ["deputy"], heading: "H ".repeat(300) };
  return { question, answer: "Angela Rayner ".repeat(800), confidence: 0.9, kind: "person", excerpts: [excerpt, excerpt, excerpt, excerpt] };
}

/** The real engine, except for two questions that test failure and size handling. */
function wrap(engine: Engine): Engine {
  return {
    answer: (question) => {
      if (question === EXPLODE) throw new Error("boom while reading /srv/verbatim/secret/index.bin");
      if (question === GIANT) return giantAnswer(question);
      if (question === SLOW) {
        loop.answers++;
        if (!loop.turned) loop.backToBack++;
        loop.turned = false;
        setImmediate(() => (loop.turned = true));
        for (const end = performance.now() + SLOW_WORK_MS; performance.now() < end; );
      }
      return engine.answer(question);
    },
    search: (question, limit) => engine.search(question, limit),
    excerpts: (question, limit) => engine.excerpts(question, limit),
    topics: () => engine.topics(),
    reindex: (options) => engine.reindex(options),
    stats: () => engine.stats(),
  };
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ extraDocs: { "notice.md": NOTICE, "deploy-notes.md": DEPLOY_NOTES }, wrapEngine: wrap, heartbeatIntervalMs: 100 });
});

afterAll(async () => {
  await h?.stop();
});

afterEach(() => {
  // Unknown routes, replies over the limits and replies that could ping are all recorded here.
  expect(h.discord.takeProblems()).toEqual([]);
});

const isEdit = (ask: SentInteraction) => (r: RecordedRequest) => r.method === "PATCH" && r.path === ask.originalPath;
const isCallback = (ask: SentInteraction) => (r: RecordedRequest) => r.method === "POST" && r.path === ask.callbackPath;
const body = (r: RecordedRequest) => r.body as Record<string, unknown> & { type?: number; data?: Record<string, unknown> };

function askAs(question: string, place = h.discord.member(h.discord.newUser())): SentInteraction {
  return h.discord.slashCommand("ask", { question }, place);
}

async function answerOf(question: string): Promise<string> {
  const ask = askAs(question);
  return JSON.stringify((await h.discord.waitFor(isEdit(ask), "edit of /ask")).body);
}

describe("connecting", () => {
  it("identifies with the Guilds, GuildMessages and DirectMessages intents only", () => {
    expect(h.discord.identifies).toEqual([GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages]);
    expect(h.bot.client.guilds.cache.has(h.discord.world.guildId)).toBe(true);
  });

  it("keeps the connection alive with heartbeats", async () => {
    await h.discord.whenHeartbeat();
    expect(h.discord.heartbeats).toBeGreaterThan(0);
  });
});

describe("/ask", () => {
  it("is deferred, then edited with the answer and its quotes", async () => {
    const ask = askAs(DEPUTY);
    const edit = await h.discord.waitFor(isEdit(ask), "edit of /ask");
    const [callback] = h.discord.requestsFor(ask);
    expect(callback).toMatchObject({ path: ask.callbackPath, body: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: 0 } } });
    expect(callback!.seq).toBeLessThan(edit.seq);
    const sent = body(edit);
    expect(sent.embeds).toEqual(renderAnswer(h.engine.answer(DEPUTY)).embeds);
    expect(JSON.stringify(sent.embeds)).toMatch(CANDIDATES);
    const fields = (sent.embeds as { fields: { value: string }[] }[])[0]!.fields;
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field.value).toMatch(/^> /);
    expect(sent.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("works in a direct message too", async () => {
    const user = h.discord.newUser();
    const ask = askAs(DEPUTY, h.discord.dm(user));
    const edit = await h.discord.waitFor(isEdit(ask), "edit of /ask in DM");
    expect(JSON.stringify(edit.body)).toMatch(CANDIDATES);
  });

  it("quotes '@everyone' from the corpus without pinging anyone", async () => {
    const sent = await answerOf("What did the branch secretary write about the hustings?");
    expect(sent).toContain("@everyone the hustings");
    expect(sent).toContain('"allowed_mentions":{"parse":[]');
  });

  it("trims a reply that would exceed Discord's limits", async () => {
    const ask = askAs(GIANT);
    const edit = await h.discord.waitFor(isEdit(ask), "edit of the giant answer");
    expect(limitViolations(body(edit))).toEqual([]);
    const [embed] = body(edit).embeds as { description: string; fields: unknown[] }[];
    expect(embed!.description).toMatch(/…\*\*$/);
    expect(embed!.fields).toHaveLength(3);
  });

  it("turns an exception into a private error line, and logs the stack", async () => {
    const ask = askAs(EXPLODE);
    const followUp = await h.discord.waitFor((r) => r.method === "POST" && r.path === ask.followUpPath, "error follow-up");
    expect(h.discord.requestsFor(ask).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${ask.callbackPath}`,
      `DELETE ${ask.originalPath}`,
      `POST ${ask.followUpPath}`,
    ]);
    expect(followUp.body).toMatchObject({ content: GENERIC_FAILURE, flags: MessageFlags.Ephemeral });
    expect(JSON.stringify(followUp.body)).not.toMatch(/boom|\/srv/);
    expect(h.logs.join("\n")).toMatch(/ERROR \/ask failed \(user \d+\)\nError: boom while reading \/srv\/verbatim\/secret\/index\.bin\n\s+at /);
  });
});

describe("a burst of questions", () => {
  it("is all acknowledged, and the event loop turns between any two answers, so later acknowledgements are never stuck behind answers", async () => {
    const asks = Array.from({ length: 60 }, () => askAs(SLOW));
    const edits = await Promise.all(asks.map((ask) => h.discord.waitFor(isEdit(ask), "edit of a burst /ask")));
    expect(edits.filter((edit) => CANDIDATES.test(JSON.stringify(edit.body)))).toHaveLength(60);
    expect(loop.answers).toBe(60);
    expect(loop.backToBack).toBe(0);
  });
});

describe("secrets", () => {
  it("never quote the bot's token from the corpus, in /ask or in a message reply", async () => {
    const asked = await answerOf(TOKEN_QUESTION);
    expect(asked).toContain("from the vault");
    expect(asked).toContain("[redacted]");
    const message = h.discord.message(h.discord.newUser(), TOKEN_QUESTION, { dm: true });
    const reply = await h.discord.waitFor((r) => r.method === "POST" && r.path === `/channels/${message.channelId}/messages`, "reply");
    expect(JSON.stringify(reply.body)).toContain("from the vault");
    for (const text of [asked, JSON.stringify(reply.body)]) {
      for (const part of TEST_TOKEN.split(".")) expect(text).not.toContain(part);
    }
  });
});

describe("messages", () => {
  const replyTo = (message: { id: string; channelId: string }) => (r: RecordedRequest) =>
    r.method === "POST" &&
    r.path === `/channels/${message.channelId}/messages` &&
    (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === message.id;

  it("answers a question sent as a direct message", async () => {
    const user = h.discord.newUser();
    const message = h.discord.message(user, DEPUTY, { dm: true });
    expect(message.channelId).toBe(h.discord.dmChannelOf(user.id));
    const reply = await h.discord.waitFor(replyTo(message), "reply to the DM");
    expect(body(reply).embeds).toEqual(renderAnswer(h.engine.answer(DEPUTY)).embeds);
  });

  it("answers a server message that mentions the bot, and ignores the ones that do not", async () => {
    const user = h.discord.newUser();
    const ignored = h.discord.message(user, DEPUTY);
    const fromBot = h.discord.message(h.discord.world.bot, DEPUTY, { mentionBot: true });
    const asked = h.discord.message(user, DEPUTY, { mentionBot: true });
    const reply = await h.discord.waitFor(replyTo(asked), "reply to the mention");
    const [embed] = body(reply).embeds as { title: string }[];
    expect(embed!.title).toBe(DEPUTY);
    expect(JSON.stringify(reply.body)).toMatch(CANDIDATES);
    // Messages are handled in order, so a reply to either earlier one would already be here.
    expect(h.discord.requests.filter(replyTo(ignored))).toEqual([]);
    expect(h.discord.requests.filter(replyTo(fromBot))).toEqual([]);
  });

  it("tells a direct message of only a file that it reads typed questions, not attachments", async () => {
    const sent = h.discord.message(h.discord.newUser(), "", { dm: true, attachments: ["minutes.pdf"] });
    const reply = await h.discord.waitFor(replyTo(sent), "reply to an attachment-only DM");
    expect(body(reply).content).toMatch(/can't read attached files.*type your question/);
  });

  it("asks an empty direct message for a question, without talk of mentions", async () => {
    const sent = h.discord.message(h.discord.newUser(), "   ", { dm: true });
    const reply = await h.discord.waitFor(replyTo(sent), "reply to an empty DM");
    expect(body(reply).content).toMatch(/^Type a question/);
    expect(body(reply).content).not.toMatch(/mention/);
  });

  it("asks for a question after a bare mention", async () => {
    const asked = h.discord.message(h.discord.newUser(), "", { mentionBot: true });
    const reply = await h.discord.waitFor(replyTo(asked), "reply to a bare mention");
    expect(body(reply).content).toMatch(/^Ask me a question after the mention/);
  });
});

describe("/reindex", () => {
  it("is refused, privately, to a member without Manage Server", async () => {
    const reindex = h.discord.slashCommand("reindex", {}, h.discord.member(h.discord.newUser()));
    const callback = await h.discord.waitFor(isCallback(reindex), "refusal");
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/Manage Server/) },
    });
  });

  it("is refused in a direct message", async () => {
    const reindex = h.discord.slashCommand("reindex", {}, h.discord.dm(h.discord.newUser()));
    const callback = await h.discord.waitFor(isCallback(reindex), "refusal in DM");
    expect(callback.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/only in a server/) } });
  });

  it("is done for a moderator, and a corpus change shows in the next answer", async () => {
    const question = "What is the zebra mascot called?";
    expect(await answerOf(question)).not.toContain("Stripey");
    await writeFile(join(h.corpusDir, "zebra.md"), "# Zebra mascot\n\nThe party's zebra mascot is called Stripey. Stripey the zebra was adopted in 2019.\n");

    const moderator = h.discord.member(h.discord.newUser("moderator"), { roles: [h.discord.world.moderatorRoleId] });
    const reindex = h.discord.slashCommand("reindex", {}, moderator);
    const edit = await h.discord.waitFor(isEdit(reindex), "reindex report");
    expect(h.discord.requestsFor(reindex)[0]?.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    expect(body(edit).content).toMatch(/^\*\*Reindexed\*\* in .*: 1 added, 0 changed, 0 removed · \d+ passages\.\nAdded: zebra\.md$/);

    expect(await answerOf(question)).toContain("Stripey");
  });

  it("amid 100 questions, answers 100/100 and all of them from an index", async () => {
    const moderator = h.discord.member(h.discord.newUser("moderator"), { permissions: MANAGE_SERVER });
    await writeFile(join(h.corpusDir, "amid.md"), "# Amid\n\nThe reading room opens at nine on Saturdays.\n");
    const asks = Array.from({ length: 100 }, (_, i) => {
      if (i === 50) h.discord.slashCommand("reindex", {}, moderator);
      return askAs(DEPUTY);
    });
    const edits = await Promise.all(asks.map((ask) => h.discord.waitFor(isEdit(ask), "edit of /ask amid a reindex")));
    expect(edits.filter((edit) => CANDIDATES.test(JSON.stringify(edit.body)))).toHaveLength(100);
  });

  it("refuses to drop most documents, then drops them with force:true", async () => {
    const moderator = h.discord.member(h.discord.newUser("moderator"), { permissions: MANAGE_SERVER });
    const hidden = join(h.corpusDir, "..", "hidden");
    await rename(h.corpusDir, hidden);
    await mkdir(h.corpusDir);
    try {
      const refused = h.discord.slashCommand("reindex", {}, moderator);
      // Deferred privately, so the refusal is the edit of that deferral.
      const refusal = await h.discord.waitFor(isEdit(refused), "refusal");
      expect(body(refusal).content).toMatch(/Reindex refused: \d+ of \d+ documents would vanish.*`\/reindex force:true`/);
      expect(await answerOf(DEPUTY)).toMatch(CANDIDATES);

      const forced = h.discord.slashCommand("reindex", { force: true }, moderator);
      const edit = await h.discord.waitFor(isEdit(forced), "forced reindex report");
      expect(body(edit).content).toMatch(/0 added, 0 changed, \d+ removed · 0 passages/);
    } finally {
      await rm(h.corpusDir, { recursive: true });
      await rename(hidden, h.corpusDir);
      await h.engine.reindex({ force: true });
    }
  });

  it("is done for a member with Manage Server", async () => {
    const reindex = h.discord.slashCommand("reindex", {}, h.discord.member(h.discord.newUser(), { permissions: MANAGE_SERVER }));
    const edit = await h.discord.waitFor(isEdit(reindex), "reindex report");
    expect(body(edit).content).toMatch(/0 added, 0 changed, 0 removed/);
  });
});

describe("/sources and /help", () => {
  it("answer privately with what the corpus holds and how to ask", async () => {
    const place = h.discord.member(h.discord.newUser());
    const sources = h.discord.slashCommand("sources", {}, place);
    const help = h.discord.slashCommand("help", {}, place);
    const [s, hp] = await Promise.all([h.discord.waitFor(isCallback(sources)), h.discord.waitFor(isCallback(help))]);
    expect(s.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    expect(JSON.stringify(s.body)).toContain("Tooting branch notice");
    expect(JSON.stringify(hp.body)).toContain("Who is Ivan Lewis?");
  });
});

describe("logs", () => {
  it("say at INFO when the gateway connection is lost and the bot reconnects, and it answers after", async () => {
    const identified = h.discord.identifies.length;
    h.discord.closeGateway(4000);
    expect(await answerOf(DEPUTY)).toMatch(CANDIDATES);
    expect(h.discord.identifies.length).toBeGreaterThan(identified);
    expect(h.logs.join("\n")).toMatch(/INFO {2}gateway connection lost \(shard 0\); reconnecting/);
    expect(h.logs.filter((l) => / ERROR /.test(l) && /gateway/.test(l))).toEqual([]);
  });

  it("never contain the token, even at debug level", () => {
    expect(h.logs.length).toBeGreaterThan(10);
    expect(h.logs.join("\n")).not.toContain(TEST_TOKEN.split(".")[0]);
  });
});
