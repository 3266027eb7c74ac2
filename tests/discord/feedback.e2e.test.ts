/**
 * Feedback end to end, with the real discord.js client against the stand-in and a real SQLite
 * store: the buttons under answers (votes, more passages, expiry), /ask suggestions, /gaps and
 * /stats for moderators, and a rate limit that counts questions only.
 */
import { ButtonStyle, ComponentType, InteractionResponseType, MessageFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_RANKED_PASSAGES, PAGE_SIZE } from "../../src/discord/feedback.js";
import { type Harness, startHarness } from "./harness.js";
import { MANAGE_SERVER, type RecordedRequest, type SentInteraction } from "./stand-in/stand-in.js";
import type { Place } from "./stand-in/payloads.js";

const DEPUTY = "Who is standing for deputy leader?";
const UNANSWERABLE = "What is the capital of Mongolia?";
const DAY = 86_400_000;
const RETENTION_DAYS = 30;

interface Button {
  custom_id: string;
  label: string;
  disabled?: boolean;
  style: number;
}
type Json = Record<string, unknown> & { type?: number; data?: Record<string, unknown> };

let h: Harness;
let clock = Date.now();

beforeAll(async () => {
  h = await startHarness({ rateLimitPerMinute: 2, storeNow: () => clock, retentionDays: RETENTION_DAYS });
});

afterAll(async () => {
  await h?.stop();
});

afterEach(() => {
  expect(h.discord.takeProblems()).toEqual([]);
});

const isEdit = (i: SentInteraction) => (r: RecordedRequest) => r.method === "PATCH" && r.path === i.originalPath;
const isCallback = (i: SentInteraction) => (r: RecordedRequest) => r.method === "POST" && r.path === i.callbackPath;
const body = (r: RecordedRequest) => (r.body ?? {}) as Json;
const buttonsOf = (r: RecordedRequest): Button[] => ((body(r).components ?? []) as Array<{ components: Button[] }>).flatMap((row) => row.components);
const member = (): Place => h.discord.member(h.discord.newUser());
const moderator = (): Place => h.discord.member(h.discord.newUser("moderator"), { permissions: MANAGE_SERVER });

/** Asks with /ask and returns the edit that carries the answer. Each asker is new, so the rate limit never bites. */
async function ask(question: string, place = member()): Promise<RecordedRequest> {
  const sent = h.discord.slashCommand("ask", { question }, place);
  return h.discord.waitFor(isEdit(sent), `answer to "${question}"`);
}

/** Clicks the button labelled `label` on `message`; resolves with the interaction. */
function click(message: RecordedRequest, label: RegExp, place: Place): SentInteraction {
  const button = buttonsOf(message).find((b) => label.test(b.label));
  if (!button) throw new Error(`no button ${label} on ${JSON.stringify(body(message).components)}`);
  return h.discord.clickButton(button.custom_id, message, place);
}

/** The store id a message's buttons carry. */
function idOf(message: RecordedRequest): number {
  return Number(/:(\d+)/.exec(buttonsOf(message)[0]?.custom_id ?? "")?.[1]);
}

describe("answer buttons", () => {
  it("come under every /ask answer: helpful, not helpful, more passages", async () => {
    const answer = await ask(DEPUTY);
    expect(buttonsOf(answer).map((b) => [b.label, b.style, b.disabled])).toEqual([
      ["👍 Helpful", ButtonStyle.Success, false],
      ["👎 Not helpful", ButtonStyle.Secondary, false],
      ["More passages", ButtonStyle.Primary, false],
    ]);
    expect((body(answer).components as Array<{ type: number }>)[0]?.type).toBe(ComponentType.ActionRow);
    expect(h.store.question(idOf(answer))).toMatchObject({ text: DEPUTY, answered: true, via: "slash", guildId: h.discord.world.guildId });
  });

  it("record one vote per member, changeable, acknowledged privately", async () => {
    const answer = await ask(DEPUTY);
    const alice = member();
    const bob = member();

    const first = await h.discord.waitFor(isCallback(click(answer, /Helpful/, alice)), "vote");
    expect(body(first)).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/marked this answer helpful.*👍 1 · 👎 0/) },
    });
    await h.discord.waitFor(isCallback(click(answer, /Helpful/, alice)), "same vote again");
    const changed = await h.discord.waitFor(isCallback(click(answer, /Not helpful/, alice)), "changed vote");
    expect(body(changed).data?.content).toMatch(/not helpful.*👍 0 · 👎 1/);
    const other = await h.discord.waitFor(isCallback(click(answer, /^👍/, bob)), "second member's vote");
    expect(body(other).data?.content).toMatch(/👍 1 · 👎 1/);
    expect(h.store.votes(idOf(answer))).toEqual({ up: 1, down: 1 });
    // Nothing was posted in the channel: every acknowledgement went to the clicker alone.
    expect(h.discord.requests.filter((r) => r.path.startsWith("/channels/"))).toEqual([]);
  });

  it("page through further passages privately, numbered on, until the button is disabled", async () => {
    const answer = await ask(DEPUTY);
    const clicker = member();
    const seen = new Set<string>();
    let message = answer;
    let label = /More passages/;
    for (let page = 1; page <= MAX_RANKED_PASSAGES / PAGE_SIZE + 1; page++) {
      const more = click(message, label, clicker);
      const edit = await h.discord.waitFor(isEdit(more), `page ${page + 1}`);
      expect(h.discord.requestsFor(more)[0]?.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
      const fields = (body(edit).embeds as Array<{ fields: Array<{ name: string; value: string }> }>)[0]!.fields;
      expect(fields.length).toBeGreaterThan(0);
      expect(fields[0]!.name).toMatch(new RegExp(`^${page * PAGE_SIZE + 1}\\. `));
      for (const f of fields) {
        expect(seen.has(f.value)).toBe(false);
        seen.add(f.value);
      }
      const [next] = buttonsOf(edit);
      if (next?.disabled) {
        expect(next.label).toBe("No more passages");
        expect(seen.size).toBeGreaterThan(PAGE_SIZE);
        return;
      }
      message = edit;
      label = /More passages/;
    }
    throw new Error("the More passages button was never disabled");
  });

  it("work after the store is reopened, as after a restart", async () => {
    const answer = await ask(DEPUTY);
    const id = idOf(answer);
    h.store.vote(id, "someone", 1);
    // The custom id carries only the stored id: a fresh store on the same file serves the click.
    const vote = await h.discord.waitFor(isCallback(click(answer, /Helpful/, member())), "vote");
    expect(body(vote).data?.content).toMatch(/👍 2 · 👎 0/);
  });

  it("of an answer older than the retention period reply with a clear private message", async () => {
    const answer = await ask(DEPUTY);
    clock += (RETENTION_DAYS + 1) * DAY;
    try {
      for (const label of [/Helpful/, /More passages/]) {
        const reply = await h.discord.waitFor(isCallback(click(answer, label, member())), "expired click");
        expect(body(reply)).toMatchObject({ data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(`more than ${RETENTION_DAYS} days old`) } });
      }
    } finally {
      clock -= (RETENTION_DAYS + 1) * DAY;
    }
  });

  it("come under answers in direct messages and mentions, recorded without the DM's channel", async () => {
    const user = h.discord.newUser();
    const dm = h.discord.message(user, UNANSWERABLE, { dm: true });
    const reply = await h.discord.waitFor((r) => r.method === "POST" && r.path === `/channels/${dm.channelId}/messages`, "DM reply");
    expect(buttonsOf(reply).map((b) => b.label)).toEqual(["👍 Helpful", "👎 Not helpful", "More passages"]);
    const stored = h.store.question(idOf(reply));
    expect(stored).toMatchObject({ via: "dm", answered: false });
    expect(stored?.channelId).toBeUndefined();
    const vote = await h.discord.waitFor(isCallback(click(reply, /Not helpful/, h.discord.dm(user))), "vote in DM");
    expect(body(vote).data?.content).toMatch(/👎 1/);

    const mention = h.discord.message(user, DEPUTY, { mentionBot: true });
    const answer = await h.discord.waitFor(
      (r) => r.method === "POST" && (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === mention.id,
      "reply to the mention",
    );
    expect(h.store.question(idOf(answer))).toMatchObject({ via: "mention", guildId: h.discord.world.guildId, channelId: h.discord.world.channelId });
  });
});

describe("a store that fails to write", () => {
  it("never holds up an answer: it goes out without buttons, and the failure is logged", async () => {
    const diskFull = vi.spyOn(h.store, "recordQuestion").mockImplementation(() => {
      throw new Error("SQLITE_FULL: database or disk is full");
    });
    try {
      const answer = await ask(DEPUTY);
      expect(JSON.stringify(body(answer).embeds)).toMatch(/Rayner|Allin-Khan|Butler|Burgon/);
      expect(body(answer).components).toBeUndefined();
      expect(h.logs.join("\n")).toMatch(/WARN .*store: could not record a question \(answered without buttons\): SQLITE_FULL/);
    } finally {
      diskFull.mockRestore();
    }
  });

  it("tells a voter privately that the vote was not saved", async () => {
    const answer = await ask(DEPUTY);
    const diskFull = vi.spyOn(h.store, "vote").mockImplementation(() => {
      throw new Error("SQLITE_FULL: database or disk is full");
    });
    try {
      const reply = await h.discord.waitFor(isCallback(click(answer, /Helpful/, member())), "vote");
      expect(body(reply)).toMatchObject({ data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/could not be saved just now/) } });
      expect(JSON.stringify(body(reply))).not.toMatch(/SQLITE/);
    } finally {
      diskFull.mockRestore();
    }
  });
});

describe("/ask autocomplete", () => {
  it("suggests at most 25 titles and headings matching what is typed", async () => {
    const typing = h.discord.autocomplete("ask", { question: "deputy lead" }, "question", member());
    const answer = await h.discord.waitFor(isCallback(typing), "suggestions");
    expect(body(answer).type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (body(answer).data?.choices ?? []) as Array<{ name: string; value: string }>;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.toLowerCase()).toMatch(/deputy.*lead|lead.*deputy/);
  });

  it("suggests something for an empty field, and puts a question voted helpful first", async () => {
    const popular = "Why did Ivan Lewis quit Labour?";
    const answer = await ask(popular);
    await h.discord.waitFor(isCallback(click(answer, /Helpful/, member())), "vote");
    const empty = await h.discord.waitFor(isCallback(h.discord.autocomplete("ask", { question: "" }, "question", member())), "suggestions");
    const choices = (body(empty).data?.choices ?? []) as Array<{ value: string }>;
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
    const typed = await h.discord.waitFor(isCallback(h.discord.autocomplete("ask", { question: "ivan" }, "question", member())), "suggestions");
    expect((body(typed).data?.choices as Array<{ value: string }>)[0]?.value).toBe(popular);
  });
});

describe("/gaps and /stats", () => {
  for (const name of ["gaps", "stats"]) {
    it(`/${name} is refused, privately, to a member`, async () => {
      const callback = await h.discord.waitFor(isCallback(h.discord.slashCommand(name, {}, member())), "refusal");
      expect(body(callback)).toMatchObject({ data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/Only moderators/) } });
    });

    it(`/${name} is refused in a direct message`, async () => {
      const callback = await h.discord.waitFor(isCallback(h.discord.slashCommand(name, {}, h.discord.dm(h.discord.newUser()))), "refusal");
      expect(body(callback)).toMatchObject({ data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/only in a server/) } });
    });
  }

  it("/gaps shows a moderator the refused and voted-down questions, grouped, with the nearest document", async () => {
    await ask(UNANSWERABLE);
    await ask("what's the capital of mongolia");
    // Refused though near the documents (README: "election" is in no passage with the rest).
    await ask("Who won the deputy leadership election?");
    await ask("who won deputy leadership election");
    const bad = await ask("When did Ivan Lewis resign?");
    await h.discord.waitFor(isCallback(click(bad, /Not helpful/, member())), "down vote");
    const gaps = h.discord.slashCommand("gaps", { days: 7 }, moderator());
    const reply = await h.discord.waitFor(isCallback(gaps), "gaps");
    expect(body(reply)).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    const [embed] = body(reply).data?.embeds as Array<{ title: string; fields: Array<{ name: string; value: string }> }>;
    expect(embed!.title).toMatch(/last 7 days/);
    const mongolia = embed!.fields.find((f) => /mongolia/i.test(f.name));
    expect(mongolia?.value).toMatch(/asked 3×, 3 refused/);
    expect(mongolia?.value).not.toMatch(/Nearest document/);
    const election = embed!.fields.find((f) => /election/i.test(f.name));
    expect(election?.value).toMatch(/asked 2×, 2 refused/);
    expect(election?.value).toMatch(/Nearest document: Labour deputy leadership hopeful .* \(rosena-allin-khan-deputy-leadership\.txt\)/);
    expect(embed!.fields.some((f) => /Ivan Lewis resign/.test(f.name) && /1 voted down/.test(f.value))).toBe(true);
  });

  it("/stats shows a moderator (by role) questions, answer rate, helpful rate and top documents", async () => {
    const place = h.discord.member(h.discord.newUser(), { roles: [h.discord.world.moderatorRoleId] });
    const reply = await h.discord.waitFor(isCallback(h.discord.slashCommand("stats", {}, place)), "stats");
    const text = JSON.stringify(body(reply).data);
    const all = h.store.questionsSince(new Date(0));
    expect(text).toContain(`**${all.length}** questions`);
    expect(text).toMatch(/\d+%\*\* helpful/);
    expect(text).toMatch(/Documents quoted most/);
    expect(text).toContain("rosena-allin-khan-deputy-leadership.txt");
  });
});

describe("rate limits", () => {
  it("stop a moderator's third question in a minute, but not /reindex, /gaps, /help or a button", async () => {
    const mod = moderator();
    const first = await ask(DEPUTY, mod);
    await ask(DEPUTY, mod);
    const third = await h.discord.waitFor(isCallback(h.discord.slashCommand("ask", { question: DEPUTY }, mod)), "refused question");
    expect(body(third).data?.content).toMatch(/asking faster than I can keep up/);
    const reindex = h.discord.slashCommand("reindex", {}, mod);
    expect(body(await h.discord.waitFor(isEdit(reindex), "reindex")).content).toMatch(/Reindexed/);
    for (const name of ["gaps", "help"]) {
      const reply = await h.discord.waitFor(isCallback(h.discord.slashCommand(name, {}, mod)), name);
      expect(JSON.stringify(body(reply))).not.toMatch(/asking faster/);
    }
    const vote = await h.discord.waitFor(isCallback(click(first, /Helpful/, mod)), "vote");
    expect(body(vote).data?.content).toMatch(/Thanks/);
  });
});
