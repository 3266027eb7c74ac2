/**
 * Bad questions get a clear message, never an exception: empty, huge, punctuation or emoji only,
 * markdown-laden, or a mention such as "@everyone".
 */

/** Longer questions are refused rather than cut: a 10,000-character paste is not a question. */
export const MAX_QUESTION_CHARS = 500;

export type Checked = { ok: true; text: string } | { ok: false; message: string };

/** Discord mentions, @everyone/@here, links and markdown syntax carry no words to search for. */
const NOISE = [
  /<a?:\w+:\d+>/g, // custom emoji
  /<[@#][!&]?\d+>/g, // user, role and channel mentions
  /\bhttps?:\/\/\S+/g,
  // Markdown marks go before mentions are looked for, so "@everyone__" cannot hide one. An
  // underscore inside a word is part of it ("work_mem", "max_wal_size"), not emphasis.
  // A lone "*" or "~" is kept: a glob, an operator or a home directory ("*.txt", "x * 0", "~/.config");
  // emphasis around words goes first (EMPHASIS), and so do runs no question writes ("~~", "***").
  /```|`|\*{3,}|~{2,}|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|\|\||^#{1,6}\s|^>\s?/gmu,
  /@(everyone|here)\b/g,
];

/** Emphasis around words: "**who**", "*not*", "~~old~~" (the words kept, the marks dropped). */
const EMPHASIS = /(\*{1,3})(?=[^\s*])([^*\n]*?[^\s*])\1(?![\p{L}\p{N}*])|~~(?=[^\s~])([^~\n]*?[^\s~])~~/gu;

/**
 * "__init__": two underscores either side of a lower-case word without spaces, as Python names its
 * special methods ("__Who__ is standing?" is underlined text).
 */
const DUNDER = /(?<![\p{L}\p{N}_])__([a-z][a-z0-9]*(?:_[a-z0-9]+)*)__(?![\p{L}\p{N}_])/gu;

/** Cleans a question up for analysis, or says why it cannot be answered. */
export function checkQuestion(raw: unknown): Checked {
  if (typeof raw !== "string") return { ok: false, message: "Please ask a question in words." };
  const text = raw.normalize("NFKC");
  if (text.length > MAX_QUESTION_CHARS) {
    return {
      ok: false,
      message: `That question is ${text.length.toLocaleString("en")} characters long; please keep it under ${MAX_QUESTION_CHARS}.`,
    };
  }
  const visible = text.replace(/\p{Cc}|\p{Cf}/gu, " ").trim();
  if (visible && !/[\p{L}\p{N}]/u.test(visible)) return { ok: false, message: "That has no words in it. Please ask a question in words." };
  // A dunder name ("__init__", "__del__") is code, not underlined text: kept whole through the marks.
  let clean = text.replace(DUNDER, "\uE000$1\uE001").replace(EMPHASIS, (_m, _mark, starred: string | undefined, struck: string | undefined) => starred ?? struck ?? "");
  for (const re of NOISE) clean = clean.replace(re, " ");
  clean = clean.replace(/\uE000/g, "__").replace(/\uE001/g, "__");
  clean = clean.replace(/\p{Cc}|\p{Cf}/gu, " ").replace(/\s+/g, " ").trim();
  if (!clean) return { ok: false, message: "Please type a question about the documents." };
  if (!/[\p{L}\p{N}]/u.test(clean)) return { ok: false, message: "That has no words in it. Please ask a question in words." };
  return { ok: true, text: clean };
}
