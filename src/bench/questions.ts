/**
 * Deterministic natural-language questions drawn from the corpus, each knowing the passage it
 * was drawn from (so recall@k can be measured without human labels).
 *
 * Method, for each question (all choices from one seeded random source):
 * 1. Take passages in a seeded shuffle; skip a passage whose exact text occurs more than once in
 *    the corpus (boilerplate), since its "source" would be ambiguous.
 * 2. Split it into sentences; keep the prose ones (no code punctuation, mostly words) with at
 *    least {@link QUESTION_WORDS} content words (≥ 3 letters, not a stop word); pick one.
 * 3. Take a random run of {@link QUESTION_WORDS} consecutive content words of that sentence, in
 *    order. Stop words between them are left out, so the run is not a substring of the passage.
 *    A run with fewer than {@link MIN_DISTINCT_WORDS} different words (a changelog line of
 *    "bpo bpo bpo …") is no question a person asks: the passage is skipped.
 * 4. Perturb, as a person paraphrasing would: with probability {@link DROP_RATE} drop one word;
 *    else with probability {@link REPLACE_RATE} replace one with a content word of another random
 *    passage (noise the engine must survive).
 * 5. Put the words in a question frame ("How does … work?", "What is …?", …).
 * 6. Reject the question if its words still appear verbatim (case-insensitively) in the passage.
 *
 * @example
 * generateQuestions([{ text: "The planner chooses a bitmap scan when many rows match the index condition." }], { count: 1, seed: 5 });
 * // [{ id: 0, source: 0, text: "What is planner chooses bitmap scan match index condition?" }]
 */
import { createRandom, randomInt, shuffled, type Random } from "./random.js";

/** Content words per question before perturbation: the "8-word questions" of the issue. */
export const QUESTION_WORDS = 8;
/** Different words a run must hold (case-insensitively) to make a question. */
const MIN_DISTINCT_WORDS = 6;
/** Share of questions that lose one word (people rarely repeat a sentence in full). */
const DROP_RATE = 0.35;
/** Share of the rest that get one word from elsewhere in the corpus (imprecise wording). */
const REPLACE_RATE = 0.3;

/** Question templates; `{}` is replaced by the chosen words. */
const FRAMES = [
  "What is {}?",
  "How does {} work?",
  "How do I {}?",
  "Why does {}?",
  "What happens when {}?",
  "When should {}?",
  "Which {}?",
  "Can you explain {}?",
  "Where is {} described?",
  "Is it true that {}?",
] as const;

/** Common English function words, never picked as content words. */
const STOP_WORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below " +
    "between both but by can cannot could did do does doing down during each either else etc even ever every " +
    "few for from further had has have having he her here hers herself him himself his how however i if in into " +
    "is it its itself just least less let like many may me might more most much must my myself neither no nor " +
    "not now of off often on once one only or other others otherwise our ours ourselves out over own per rather " +
    "same shall she should since so some such than that the their theirs them themselves then there therefore " +
    "these they this those though through thus to too under until up upon us use used uses using very via was " +
    "we well were what whatever when where whether which while who whom whose why will with within without " +
    "would yet you your yours yourself yourselves"
  ).split(" "),
);

/** A generated question and where it comes from. */
export interface Question {
  /** Position in the question list. */
  id: number;
  text: string;
  /** Index of the source passage in the passage array given to {@link generateQuestions}. */
  source: number;
}

/** Options of {@link generateQuestions}. */
export interface QuestionOptions {
  /** How many questions. Fewer are returned only if the corpus runs out of usable sentences. */
  count: number;
  /** Seed of every random choice. Same passages + same seed = same questions. */
  seed: number;
}

const WORD_RE = /[A-Za-z][A-Za-z'’-]*[A-Za-z]/g;
/** Characters that mark a sentence as code or markup rather than prose. */
const CODE_RE = /[{}=;<>|\\_`$@#[\]]|\(\)|::|->|\/\//;

/** Content words of a piece of text, in order, as they are written. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const w = m[0];
    if (w.length >= 3 && !STOP_WORDS.has(w.toLowerCase())) out.push(w);
  }
  return out;
}

function proseSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n\s*\n/)
    .filter((s) => !CODE_RE.test(s) && contentWords(s).length >= QUESTION_WORDS);
}

function isVerbatim(words: readonly string[], passage: string): boolean {
  const haystack = passage.toLowerCase().replace(/\s+/g, " ");
  return haystack.includes(words.join(" ").toLowerCase());
}

function pick<T>(items: readonly T[], random: Random): T {
  return items[randomInt(random, items.length)] as T;
}

/** Generates up to `options.count` questions; see the module comment for the method. */
export function generateQuestions(passages: readonly { text: string }[], options: QuestionOptions): Question[] {
  const random = createRandom(options.seed);
  const seen = new Map<string, number>();
  for (const p of passages) seen.set(p.text, (seen.get(p.text) ?? 0) + 1);
  const order = shuffled(
    passages.map((_, i) => i),
    random,
  );
  const questions: Question[] = [];
  for (const source of order) {
    if (questions.length >= options.count) break;
    const text = (passages[source] as { text: string }).text;
    if ((seen.get(text) ?? 0) > 1) continue;
    const sentences = proseSentences(text);
    if (sentences.length === 0) continue;
    const all = contentWords(pick(sentences, random));
    const at = randomInt(random, all.length - QUESTION_WORDS + 1);
    const words = all.slice(at, at + QUESTION_WORDS);
    if (new Set(words.map((w) => w.toLowerCase())).size < MIN_DISTINCT_WORDS) continue;
    const roll = random();
    if (roll < DROP_RATE) {
      words.splice(randomInt(random, words.length), 1);
    } else if (roll < DROP_RATE + (1 - DROP_RATE) * REPLACE_RATE) {
      const other = contentWords((passages[randomInt(random, passages.length)] as { text: string }).text);
      if (other.length > 0) words[randomInt(random, words.length)] = pick(other, random);
    }
    if (isVerbatim(words, text)) continue;
    questions.push({ id: questions.length, text: pick(FRAMES, random).replace("{}", words.join(" ")), source });
  }
  return questions;
}
