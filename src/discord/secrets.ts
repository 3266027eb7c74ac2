/**
 * Secrets never leave the bot: the token it was given, and any string shaped like a credential,
 * are replaced with {@link REDACTED} in every reply (quotes included) and every log line. The
 * corpus is the operator's, but a document that holds a key (a pasted `.env`, deploy notes) must
 * not publish it in a channel.
 */
import type { APIEmbed } from "discord.js";
import { TOKEN_PATTERN } from "../config.js";
import type { Answer, Excerpt } from "../types.js";

/** What a secret is replaced with. */
export const REDACTED = "[redacted]";

/** A kind of credential recognised by its shape alone. */
export interface SecretShape {
  name: string;
  /** Global; matches the whole secret. */
  pattern: RegExp;
}

/**
 * The shapes matched, most specific first. Each is a published format with a fixed prefix or a
 * structure prose does not have, so quotes of ordinary text (ids, hashes, URLs, versions) are
 * left alone.
 */
export const SECRET_SHAPES: readonly SecretShape[] = [
  { name: "private key", pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g },
  {
    name: "Discord webhook URL",
    pattern: /https?:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d+)?\/webhooks\/\d+\/[A-Za-z0-9_-]+/g,
  },
  /** Three base64url parts joined by dots: user id, timestamp, HMAC (the shape configuration accepts). */
  { name: "Discord bot token", pattern: new RegExp(TOKEN_PATTERN.source, "g") },
  { name: "GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { name: "Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { name: "AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
];

/** Why: a shorter "secret" (or token part) would match ordinary words and blank them out. */
const MIN_SECRET_CHARS = 8;

/**
 * Replaces each of `secrets`, and anything of a {@link SECRET_SHAPES} shape, with `[redacted]`.
 * A token's leading parts are hidden too, and each of its parts alone: discord.js's debug log
 * prints the first two with only the last masked, and a sentence cut at a token's first dot
 * quotes its first part.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    const parts = secret.split(".");
    for (const part of [secret, parts.slice(0, 2).join("."), ...parts]) {
      if (part.length >= MIN_SECRET_CHARS) out = out.replaceAll(part, REDACTED);
    }
  }
  for (const { pattern } of SECRET_SHAPES) out = out.replace(pattern, REDACTED);
  return out;
}

/**
 * An answer with every secret-shaped string in its texts redacted: done before rendering, since
 * markdown escaping (`\_`) and highlighting (`**`) would split a token the shapes no longer match.
 */
export function redactAnswer(answer: Answer): Answer {
  const r = (text: string): string => redactSecrets(text);
  const excerpt = (e: Excerpt): Excerpt => ({
    ...e,
    doc: r(e.doc),
    title: r(e.title),
    text: r(e.text),
    highlights: e.highlights.map(r),
    ...(e.heading !== undefined && { heading: r(e.heading) }),
    ...(e.source !== undefined && { source: r(e.source) }),
    ...(e.date !== undefined && { date: r(e.date) }),
  });
  return {
    ...answer,
    question: r(answer.question),
    answer: answer.answer === null ? null : r(answer.answer),
    ...(answer.message !== undefined && { message: r(answer.message) }),
    excerpts: answer.excerpts.map(excerpt),
  };
}

/** What a reply carries (as `render-answer.ts`'s `Reply`). */
interface ReplyLike {
  content?: string;
  embeds?: APIEmbed[];
}

/** `reply` with `secrets` and secret-shaped strings redacted from its content and every embed text: the last pass before sending. */
export function redactReply<R extends ReplyLike>(reply: R, secrets: readonly string[] = []): R {
  const r = (text: string): string => redactSecrets(text, secrets);
  return {
    ...reply,
    ...(reply.content !== undefined && { content: r(reply.content) }),
    ...(reply.embeds && {
      embeds: reply.embeds.map((embed) => ({
        ...embed,
        ...(embed.title !== undefined && { title: r(embed.title) }),
        ...(embed.description !== undefined && { description: r(embed.description) }),
        ...(embed.fields && { fields: embed.fields.map((f) => ({ ...f, name: r(f.name), value: r(f.value) })) }),
        ...(embed.footer && { footer: { ...embed.footer, text: r(embed.footer.text) } }),
        ...(embed.author && { author: { ...embed.author, name: r(embed.author.name) } }),
      })),
    }),
  };
}
