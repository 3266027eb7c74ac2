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
