/**
 * Discord's message limits and the cutting helpers that keep every reply within them.
 *
 * Lengths are JavaScript string lengths (UTF-16 code units). Discord counts characters, which are
 * never more than code units, so a reply that fits here fits there.
 */
import type { APIEmbed } from "discord.js";

export const MAX_CONTENT_CHARS = 2000;
export const MAX_EMBED_TITLE_CHARS = 256;
export const MAX_EMBED_DESCRIPTION_CHARS = 4096;
export const MAX_FIELD_NAME_CHARS = 256;
export const MAX_FIELD_VALUE_CHARS = 1024;
export const MAX_FOOTER_CHARS = 2048;
export const MAX_EMBED_FIELDS = 25;
/** Title, description, field names and values, footer and author name together, across a message's embeds. */
export const MAX_EMBED_TOTAL_CHARS = 6000;

export const ELLIPSIS = "…";

/**
 * How far back a cut may look for a space: this share of the budget, but at least
 * {@link MIN_WORD_BACKTRACK} characters. Why: past that the text is one very long "word" (a URL,
 * a hash) and cutting inside it loses less than dropping it whole.
 */
const MAX_WORD_BACKTRACK = 0.3;
/** Why: longer than almost every English word, so short budgets still cut between words. */
const MIN_WORD_BACKTRACK = 24;

/**
 * Shortens `text` to at most `max` characters, at a word boundary, ending with `…`.
 * Text that fits is returned unchanged; a surrogate pair is never split.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  const budget = max - ELLIPSIS.length;
  let cut = -1;
  for (let i = budget; i > 0; i--) {
    if (/\s/.test(text[i]!)) {
      cut = i;
      break;
    }
  }
  const reach = Math.max(MIN_WORD_BACKTRACK, budget * MAX_WORD_BACKTRACK);
  if (cut <= 0 || cut < budget - reach || text.slice(0, cut).trim() === "") {
    cut = budget;
    if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  }
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/** Why: renderings that drop text (blank lines) rarely halve it; beyond twice the room, raw text cannot fit. */
const MAX_RENDER_GROWTH = 2;

/**
 * The longest rendering of `raw`, cut at a word boundary before rendering, that fits in `max`.
 * Cutting the raw text (never the rendered one) means a cut can never fall inside markdown.
 *
 * @param render - pure. The search assumes a rendering is seldom shorter than its input; when it
 *   is (blank lines dropped), the result still fits, it may just be a little shorter than possible.
 */
export function fitRendered(raw: string, max: number, render: (text: string) => string): string {
  // Escaping costs more than linear time in the length of a line, so never render far more text
  // than can fit: a rendering is seldom shorter than its input.
  const source = raw.length > MAX_RENDER_GROWTH * max ? cutAtWord(raw, MAX_RENDER_GROWTH * max) : raw;
  const whole = render(source);
  if (whole.length <= max) return whole;
  // Binary search on the raw budget; only renderings seen to fit are kept.
  let best: string | undefined;
  let lo = 0;
  let hi = Math.min(source.length - 1, max);
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const out = render(cutAtWord(source, mid));
    if (out.length <= max) {
      best = out;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best ?? "";
}

/**
 * Keeps as many `lines` as fit in `max` characters (joined by newlines), then a
 * `…and N more` line for the rest.
 */
export function joinWithin(lines: readonly string[], max: number): string {
  const all = lines.join("\n");
  if (all.length <= max) return all;
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? `\n${ELLIPSIS}and ${rest} more`.length : 0;
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    if (length + added + tail > max) {
      const more = `${ELLIPSIS}and ${lines.length - i} more`;
      return [...kept, more].join("\n").slice(0, max);
    }
    kept.push(line);
    length += added;
  }
  return kept.join("\n");
}

/** Characters an embed counts towards {@link MAX_EMBED_TOTAL_CHARS}. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
