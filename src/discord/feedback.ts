/**
 * The buttons under every answer and what they carry: 👍 / 👎 votes and "More passages". A
 * button's custom id holds only the stored question's id (and a page), so it works after a
 * restart as long as the store keeps the question; the question itself is read back from the store.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from "discord.js";
import type { Engine } from "../engine.js";
import type { Store, QuestionVia, VoteCounts } from "../store/store.js";
import type { Answer, Excerpt } from "../types.js";
import type { Logger } from "./logger.js";
import type { Reply } from "./render-answer.js";

/** Prefix and version of every custom id this bot makes; a later format gets "vb2". */
const ID_PREFIX = "vb1";
/** Quotes per page of "More passages", as many as an answer shows. */
export const PAGE_SIZE = 3;
/**
 * Why: passages ranked past the thirtieth rarely touch the question (on the default corpus the
 * 20th already matches one word of it); ten pages is as far as a reader pages.
 */
export const MAX_RANKED_PASSAGES = 30;

/** What a button asks for. `page` 1 is the first page after the answer's own quotes. */
export type ButtonAction = { kind: "vote"; id: number; vote: 1 | -1 } | { kind: "more"; id: number; page: number };

/** The custom id of a button (at most 100 characters, as Discord requires: ids are short numbers). */
export function customIdOf(action: ButtonAction): string {
  return action.kind === "vote" ? `${ID_PREFIX}:${action.vote === 1 ? "up" : "down"}:${action.id}` : `${ID_PREFIX}:more:${action.id}:${action.page}`;
}

/** The action of a custom id this bot made, or undefined for any other. */
export function parseCustomId(customId: string): ButtonAction | undefined {
  const match = /^vb1:(up|down|more):(\d{1,15})(?::(\d{1,4}))?$/.exec(customId);
  if (!match) return undefined;
  const id = Number(match[2]);
  if (match[1] === "more") return match[3] === undefined ? undefined : { kind: "more", id, page: Number(match[3]) };
  return match[3] === undefined ? { kind: "vote", id, vote: match[1] === "up" ? 1 : -1 } : undefined;
}

type Row = APIActionRowComponent<APIButtonComponentWithCustomId>;

function button(action: ButtonAction, label: string, style: ButtonStyle, disabled = false): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customIdOf(action), label, style: style as APIButtonComponentWithCustomId["style"], disabled };
}

/** The row under an answer: 👍 Helpful, 👎 Not helpful, More passages (disabled when there are none). */
export function answerButtons(id: number, hasMore: boolean): Row[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button({ kind: "vote", id, vote: 1 }, "👍 Helpful", ButtonStyle.Success),
        button({ kind: "vote", id, vote: -1 }, "👎 Not helpful", ButtonStyle.Secondary),
        button({ kind: "more", id, page: 1 }, "More passages", ButtonStyle.Primary, !hasMore),
      ],
    },
  ];
}

/** The row under a page of passages: the next page, disabled on the last. */
export function pageButtons(id: number, page: number, last: boolean): Row[] {
  const label = last ? "No more passages" : "More passages";
  return [{ type: ComponentType.ActionRow, components: [button({ kind: "more", id, page: page + 1 }, label, ButtonStyle.Primary, last)] }];
}

/** The quotes on page `page` (from 1) after the answer's own `shown`, and whether it is the last. */
export function passagePage(shown: readonly Excerpt[], ranked: readonly Excerpt[], page: number): { excerpts: Excerpt[]; last: boolean } {
  const rest = ranked.filter((e) => !shown.some((s) => s.doc === e.doc && s.start < e.end && e.start < s.end));
  const from = (page - 1) * PAGE_SIZE;
  return { excerpts: rest.slice(from, from + PAGE_SIZE), last: rest.length <= from + PAGE_SIZE };
}

/** Whether "More passages" has anything to show for `answer`. */
export function hasMorePassages(answer: Answer, ranked: readonly Excerpt[]): boolean {
  return passagePage(answer.excerpts, ranked, 1).excerpts.length > 0;
}

/** Who asked and where, as the edges know it. */
export interface Asker {
  userId: string;
  via: QuestionVia;
  /** Absent in direct messages. */
  guildId?: string;
  channelId?: string;
}

/**
 * Records the question and its answer; returns the stored id, or undefined when there is no store
 * or the write failed (logged: a failed write never holds up the answer, which then has no buttons).
 */
export function recordAnswer(store: Store | undefined, logger: Logger, answer: Answer, asker: Asker): number | undefined {
  if (!store) return undefined;
  try {
    return store.recordQuestion({
      text: answer.question,
      via: asker.via,
      ...(asker.guildId && { guildId: asker.guildId }),
      ...(asker.guildId && asker.channelId && { channelId: asker.channelId }),
      userId: asker.userId,
      answered: answer.answer !== null,
      confidence: answer.confidence,
      docs: answer.excerpts.map((e) => e.doc),
    });
  } catch (error) {
    logger.warn(`store: could not record a question (answered without buttons): ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** "Votes so far: 👍 2 · 👎 0". */
export function formatVotes({ up, down }: VoteCounts): string {
  return `Votes so far: 👍 ${up} · 👎 ${down}`;
}

/**
 * Adds the answer's buttons to its reply when the question was stored (`id` set). "More passages"
 * is enabled when a passage outside the answer's quotes matches the question (a search, no reading).
 */
export function withButtons(reply: Reply, answer: Answer, id: number | undefined, engine: Pick<Engine, "search">): Reply {
  if (id === undefined) return reply;
  const shown = answer.excerpts;
  const more = shown.length > 0 && engine.search(answer.question, shown.length + 1).some(({ passage: p }) => !shown.some((s) => s.doc === p.doc && s.start < p.end && p.start < s.end));
  return { ...reply, components: answerButtons(id, more) };
}
