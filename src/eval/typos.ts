/**
 * Typos for the evaluation suite (`npm run eval -- --typos`): each question with one or two of its
 * content words misspelt as people misspell when they type fast, seeded by the question's id so a
 * run is the same every time. It measures how an answer holds up against misspelling without
 * anyone reading the test questions.
 */
import { createRandom, hashString, randomInt, shuffled, type Random } from "../bench/random.js";
import { analyse } from "../nlp/analyse.js";

/** Words shorter than this are left alone: a typo in "file" is as often another word. */
export const MIN_TYPO_WORD = 5;
/** A question with at least this many content words gets a second typo. */
const SECOND_TYPO_FROM = 4;

/** Letters next to each other on a QWERTY keyboard: what a finger slips to. */
const NEIGHBOURS: Record<string, string> = {
  q: "wa", w: "qeas", e: "wrsd", r: "etdf", t: "ryfg", y: "tugh", u: "yihj", i: "uojk", o: "ipkl", p: "ol",
  a: "qwsz", s: "awedxz", d: "serfcx", f: "drtgvc", g: "ftyhbv", h: "gyujnb", j: "huikmn", k: "jiolm", l: "kop",
  z: "asx", x: "zsdc", c: "xdfv", v: "cfgb", b: "vghn", n: "bhjm", m: "njk",
};

/** The ways a word is misspelt here, one picked per word. */
const KINDS = ["transpose", "drop", "double", "neighbour"] as const;
export type TypoKind = (typeof KINDS)[number];

/**
 * `word` with one typo of `kind` at a position `random` picks, never the first letter (people
 * rarely get that wrong); undefined when the word has no place for that kind of typo.
 */
export function misspell(word: string, kind: TypoKind, random: Random): string | undefined {
  const at = (places: number[]): number | undefined => (places.length ? places[randomInt(random, places.length)] : undefined);
  const positions = [...word].map((_, i) => i).filter((i) => i > 0);
  const letter = (i: number): string => word[i] as string;
  let i: number | undefined;
  switch (kind) {
    case "transpose":
      // Two different letters, or the swap changes nothing.
      i = at(positions.filter((p) => p + 1 < word.length && letter(p) !== letter(p + 1)));
      return i === undefined ? undefined : word.slice(0, i) + letter(i + 1) + letter(i) + word.slice(i + 2);
    case "drop":
      i = at(positions);
      return i === undefined ? undefined : word.slice(0, i) + word.slice(i + 1);
    case "double":
      i = at(positions);
      return i === undefined ? undefined : word.slice(0, i) + letter(i) + word.slice(i);
    case "neighbour": {
      i = at(positions.filter((p) => NEIGHBOURS[letter(p).toLowerCase()]));
      if (i === undefined) return undefined;
      const keys = NEIGHBOURS[letter(i).toLowerCase()] as string;
      const key = keys[randomInt(random, keys.length)] as string;
      return word.slice(0, i) + (letter(i) === letter(i).toUpperCase() ? key.toUpperCase() : key) + word.slice(i + 1);
    }
  }
}

/**
 * `question` with one typo in one of its content words (letters only, at least MIN_TYPO_WORD
 * long, not a stop word), or two in two of them when it has SECOND_TYPO_FROM or more; `seed`
 * (the question's id) fixes which words and which typos.
 */
export function withTypos(question: string, seed: string): string {
  const random = createRandom(hashString(seed));
  const seen = new Set<string>();
  // A word written twice is misspelt at most once: two different words make two typos.
  const words = analyse(question, 0, { entities: false }).tokens.filter(
    (t) => t.type === "word" && !t.stop && t.text.length >= MIN_TYPO_WORD && /^\p{L}+$/u.test(t.text) && !seen.has(t.text.toLowerCase()) && seen.add(t.text.toLowerCase()),
  );
  const picked = shuffled(words, random).slice(0, words.length >= SECOND_TYPO_FROM ? 2 : 1);
  let out = question;
  // Right to left, so earlier offsets stay valid.
  for (const t of picked.sort((a, b) => b.start - a.start)) {
    const misspelt = shuffled(KINDS, random)
      .map((kind) => misspell(t.text, kind, random))
      .find((w) => w !== undefined && w !== t.text);
    if (misspelt) out = out.slice(0, t.start) + misspelt + out.slice(t.end);
  }
  return out;
}
