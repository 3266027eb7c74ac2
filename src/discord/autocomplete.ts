/**
 * Suggestions while a member types a question: questions often asked and voted helpful first,
 * then document titles and section headings, those matching what is typed so far. Pure.
 */
import type { ApplicationCommandOptionChoiceData } from "discord.js";
import { cutAtWord } from "./limits.js";

/** Discord shows at most 25 choices. */
export const MAX_CHOICES = 25;
/** Discord's limit on a choice's name and value, characters. */
export const MAX_CHOICE_CHARS = 100;

/**
 * Up to 25 choices for `typed`: each suggestion whose words start with every word typed (in any
 * order, case aside), popular questions first, then topics beginning with the text typed, then
 * the rest, each group in the order given. An empty `typed` gets the first suggestions.
 */
export function completeQuestion(typed: string, popular: readonly string[], topics: readonly string[]): ApplicationCommandOptionChoiceData<string>[] {
  const words = wordsOf(typed);
  const prefix = words.join(" ");
  const matches = (text: string): boolean => {
    const own = wordsOf(text);
    return words.every((w) => own.some((o) => o.startsWith(w)));
  };
  const startsWith = (text: string): boolean => wordsOf(text).join(" ").startsWith(prefix);
  const topicMatches = topics.filter(matches);
  const ranked = [...popular.filter(matches), ...topicMatches.filter(startsWith), ...topicMatches.filter((t) => !startsWith(t))];
  const seen = new Set<string>();
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const text of ranked) {
    const value = cutAtWord(text.replace(/\s+/g, " ").trim(), MAX_CHOICE_CHARS);
    if (!value || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    choices.push({ name: value, value });
    if (choices.length === MAX_CHOICES) break;
  }
  return choices;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Why: the popular questions change only when answers are voted helpful; a minute's lag is
 * invisible to members, and it keeps each keystroke off the database (the query reads every
 * stored question: 1.4 ms at the median for 2,000 of them, `npm run bench:store`).
 */
const POPULAR_TTL_MS = 60_000;
const popularCache = new WeakMap<object, { at: number; texts: string[] }>();

/**
 * The questions often asked and voted helpful, from `source` (the store), at most 25, read again
 * at most once a minute per store, or after {@link forgetPopularQuestions}.
 */
export function popularQuestions(source: { helpfulQuestions(limit: number): Array<{ text: string }> }, now = Date.now()): string[] {
  const cached = popularCache.get(source);
  if (cached && now - cached.at < POPULAR_TTL_MS) return cached.texts;
  const texts = source.helpfulQuestions(MAX_CHOICES).map((q) => q.text);
  popularCache.set(source, { at: now, texts });
  return texts;
}

/** Makes the next {@link popularQuestions} read `source` again (after a vote changed what is popular). */
export function forgetPopularQuestions(source: object): void {
  popularCache.delete(source);
}
