/**
 * An engine `Answer` as a Discord embed: the question as title, the short answer (or why there is
 * none), up to three verbatim quotes with matched words in bold and their sources, and the
 * confidence. Always within Discord's limits, whatever the corpus holds.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, APIEmbedField } from "discord.js";
import type { Answer, Excerpt } from "../types.js";
import {
  MAX_EMBED_DESCRIPTION_CHARS,
  MAX_EMBED_TITLE_CHARS,
  MAX_EMBED_TOTAL_CHARS,
  MAX_FIELD_NAME_CHARS,
  MAX_FIELD_VALUE_CHARS,
  cutAtWord,
  embedLength,
  fitRendered,
} from "./limits.js";
import { blockQuote, escapeInline, highlight } from "./markdown.js";
import { redactAnswer } from "./secrets.js";

/** What a reply carries, ready for `reply()` / `editReply()` / `send()`. */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  /** Rows of buttons under the message (see `feedback.ts`). */
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** Why: three quotes back an answer without burying it (the engine returns at most three). */
export const MAX_EXCERPTS = 3;
/** Why: a heading or source name is a label; longer ones would crowd out the quote itself. */
const MAX_LABEL_CHARS = 120;
/** Why: link targets longer than this are not worth a quarter of a field; the title still names the source. */
const MAX_LINK_CHARS = 300;

const ANSWER_COLOR = 0x3ba55c;
const NO_ANSWER_COLOR = 0x99aab5;

/** Renders an answer as one embed within every Discord limit, with token-shaped strings redacted (see `secrets.ts`). */
export function renderAnswer(raw: Answer): Reply {
  const answer = redactAnswer(raw);
  const found = answer.answer !== null && answer.answer.trim() !== "";
  const title = fitRendered(answer.question, MAX_EMBED_TITLE_CHARS, escapeInline) || "Your question";
  const fields = answer.excerpts.slice(0, MAX_EXCERPTS).map(renderExcerpt);
  const footer = {
    text: found
      ? `Confidence ${Math.round(clamp01(answer.confidence) * 100)}% · quotes are verbatim from the corpus`
      : answer.excerpts.length > 0
        ? "No answer found: the nearest passages are quoted instead."
        : "No answer found.",
  };
  const used = embedLength({ title, fields, footer });
  const room = Math.min(MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TOTAL_CHARS - used);
  const description = found ? fitRendered(answer.answer ?? "", room, (s) => `**${escapeInline(s)}**`) : renderNoAnswer(answer, room);
  return {
    embeds: [{ title, description, color: found ? ANSWER_COLOR : NO_ANSWER_COLOR, fields, footer }],
  };
}

function renderNoAnswer(answer: Answer, room: number): string {
  const why = answer.message?.trim() || "Not in the corpus.";
  const hint = answer.excerpts.length > 0 ? "\nThe nearest passages are below; they may not answer the question." : "";
  return fitRendered(why, room - hint.length, escapeInline) + hint;
}

/** One quote as an embed field, numbered `index + 1`, with its source line. */
export function renderExcerpt(excerpt: Excerpt, index: number): APIEmbedField {
  const prefix = `${index + 1}. `;
  const name = prefix + fitRendered(excerpt.title.trim() || excerpt.doc, MAX_FIELD_NAME_CHARS - prefix.length, escapeInline);
  const meta = renderSourceLine(excerpt);
  const room = MAX_FIELD_VALUE_CHARS - (meta ? meta.length + 1 : 0);
  const quote = fitRendered(excerpt.text, room, (s) => blockQuote(highlight(s, excerpt.highlights)));
  const value = [quote, meta].filter(Boolean).join("\n") || "> …";
  return { name, value };
}

/** `— 2019-11-02 · Heading · [bbc.co.uk](https://…)`, or "" when nothing is known. */
function renderSourceLine(excerpt: Excerpt): string {
  const parts: string[] = [];
  if (excerpt.date?.trim()) parts.push(escapeInline(cutAtWord(excerpt.date, MAX_LABEL_CHARS)));
  if (excerpt.heading?.trim()) parts.push(escapeInline(cutAtWord(excerpt.heading, MAX_LABEL_CHARS)));
  const source = excerpt.source?.trim();
  if (source) parts.push(renderSource(source));
  return parts.length > 0 ? `— ${parts.join(" · ")}` : "";
}

function renderSource(source: string): string {
  const url = parseWebUrl(source);
  if (url && source.length <= MAX_LINK_CHARS) {
    const target = url.href.replaceAll("(", "%28").replaceAll(")", "%29");
    return `[${escapeInline(url.hostname.replace(/^www\./, ""))}](${target})`;
  }
  return escapeInline(cutAtWord(source, MAX_LABEL_CHARS));
}

function parseWebUrl(text: string): URL | undefined {
  if (!/^https?:\/\/\S+$/i.test(text)) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
