/**
 * Replies about feedback and usage: a page of further passages, the `/gaps` report, the `/stats`
 * summary. Pure functions of plain data; every stored or corpus string is escaped and every reply
 * fits Discord's limits.
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import { type Gap, describeGap, nameOf } from "../report/gaps.js";
import { type UsageStats, percent } from "../report/stats.js";
import type { Excerpt } from "../types.js";
import { PAGE_SIZE } from "./feedback.js";
import { MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, MAX_EMBED_TOTAL_CHARS, MAX_FIELD_NAME_CHARS, MAX_FIELD_VALUE_CHARS, embedLength, fitRendered, joinWithin } from "./limits.js";
import { escapeInline } from "./markdown.js";
import { type Reply, renderExcerpt } from "./render-answer.js";

const INFO_COLOR = 0x5865f2;
const GAP_COLOR = 0xfaa61a;
/** Why: ten gaps fill a screen; a moderator acts on the top ones and runs `npm run gaps` for the rest. */
export const MAX_GAPS_SHOWN = 10;
/** Why: a line of a gap's other wordings; past this it pushes the next gap off screen. */
const MAX_OTHERS_CHARS = 300;

/** Page `page` (from 1) of the passages after an answer's own quotes, numbered on from them. */
export function renderPassagePage(question: string, excerpts: readonly Excerpt[], page: number): Reply {
  const title = fitRendered(`More passages: ${question}`, MAX_EMBED_TITLE_CHARS, escapeInline);
  if (excerpts.length === 0) return { content: "No more passages match this question." };
  const fields = excerpts.map((e, i) => renderExcerpt(e, page * PAGE_SIZE + i));
  return { embeds: [{ title, color: INFO_COLOR, fields, footer: { text: `Page ${page + 1} · quotes are verbatim from the corpus, ranked by how well they match` } }] };
}

/** The `/gaps` report: what the documents failed to answer, most asked first. */
export function renderGaps(gaps: readonly Gap[], days: number, titles?: ReadonlyMap<string, string>): Reply {
  const title = `Gaps: questions refused or voted down, last ${days} days`;
  if (gaps.length === 0) {
    return { embeds: [{ title, color: GAP_COLOR, description: "None: every question was answered, and no answer was voted down." }] };
  }
  const asked = gaps.reduce((n, g) => n + g.count, 0);
  const shown = gaps.slice(0, MAX_GAPS_SHOWN);
  const more = gaps.length > shown.length ? `\nShowing the top ${shown.length}; \`npm run gaps\` on the server lists them all.` : "";
  const description = `${asked} questions asking ${gaps.length} different things. The nearest document is where an answer would most likely go.${more}`;
  const fields: APIEmbedField[] = [];
  const embed: APIEmbed = { title, color: GAP_COLOR, description, fields };
  for (const [i, gap] of shown.entries()) {
    const field = renderGap(gap, i, titles);
    if (embedLength({ ...embed, fields: [...fields, field] }) > MAX_EMBED_TOTAL_CHARS) break;
    fields.push(field);
  }
  return { embeds: [embed] };
}

function renderGap(gap: Gap, index: number, titles?: ReadonlyMap<string, string>): APIEmbedField {
  const prefix = `${index + 1}. `;
  const name = prefix + fitRendered(`“${gap.question}”`, MAX_FIELD_NAME_CHARS - prefix.length, escapeInline);
  const lines = [escapeInline(describeGap(gap))];
  if (gap.others.length > 0) lines.push(`Also: ${fitRendered(gap.others.map((o) => `“${o}”`).join(", "), MAX_OTHERS_CHARS, escapeInline)}`);
  if (gap.nearestDoc) lines.push(`Nearest document: ${fitRendered(nameOf(gap.nearestDoc, titles), MAX_OTHERS_CHARS, escapeInline)}`);
  return { name, value: joinWithin(lines, MAX_FIELD_VALUE_CHARS) };
}

/** The `/stats` summary. */
export function renderStats(stats: UsageStats, days: number, titles?: ReadonlyMap<string, string>): Reply {
  const title = `Usage, last ${days} days`;
  if (stats.questions === 0) return { embeds: [{ title, color: INFO_COLOR, description: "No questions yet." }] };
  const lines = [
    `**${stats.questions}** questions · **${percent(stats.answerRate)}** answered (${stats.answered})`,
    `Votes: 👍 ${stats.helpful} · 👎 ${stats.notHelpful} · **${percent(stats.helpfulRate)}** helpful`,
    "",
    "**Questions per day** (asked / answered)",
    ...stats.perDay.map((d) => `${d.day}: ${d.questions} / ${d.answered}`).reverse(),
  ];
  if (stats.topDocs.length > 0) {
    lines.push("", "**Documents quoted most**");
    stats.topDocs.forEach((d, i) => lines.push(`${i + 1}. ${fitRendered(nameOf(d.doc, titles), MAX_OTHERS_CHARS, escapeInline)} — ${d.quoted}`));
  }
  return { embeds: [{ title, color: INFO_COLOR, description: joinWithin(lines, MAX_EMBED_DESCRIPTION_CHARS) }] };
}
