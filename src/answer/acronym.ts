/**
 * The expansion of an abbreviation the question asks about ("What does SSI stand for?"), as
 * documents write it: "Serializable Snapshot Isolation (SSI)" or "SSI (Serializable Snapshot
 * Isolation)". The expansion's initials must spell the abbreviation, so a parenthesis that
 * merely follows it is not taken for one.
 */
import type { Question } from "./question.js";
import { escapeRegExp } from "../nlp/regexp.js";
import type { Reading } from "./rerank.js";

/** Short words an expansion may hold that its abbreviation leaves out ("Department of Energy"). */
const SMALL = new Set(["of", "and", "for", "the", "to", "in", "on", "a", "an", "&"]);
const MAX_EXPANSION_WORDS = 10;

/**
 * The abbreviation a definition question asks about: a word in capitals ("SSI", "LART"), if any.
 * ("stands for", "acronym" and the like make a question a definition one: see question.ts.)
 */
export function abbreviationIn(q: Question): string | undefined {
  if (q.kind !== "definition") return undefined;
  // Chat writes one in lower case ("what does rtfm stand for"): the frame says it is one.
  return /\b(\p{Lu}{2,8}s?)\b/u.exec(q.text)?.[1] ?? lowerAbbreviation(q.text);
}

function lowerAbbreviation(text: string): string | undefined {
  const m = LOWER_ABBREVIATION.exec(text);
  const word = m?.[1] ?? m?.[2];
  // ("what does it stand for": a pronoun stands for what came before.)
  return word && !/^(?:it|this|that|these|those|they|he|she|we|you|which|what)$/.test(word) ? word.toUpperCase() : undefined;
}

/** A lower-case word asked to be expanded: "what does rtfm stand for", "rtfm is short for", "the acronym rtfm". */
const LOWER_ABBREVIATION = /\b([a-z]{2,8})\s+(?:stands?|(?:is\s+)?short)\s+for\b|\b(?:acronym|abbreviation)\s+([a-z]{2,8})\b/;

/** The expansion of `abbreviation` in the best readings, verbatim, if one of them spells it out. */
export function expansionOf(abbreviation: string, readings: Reading[]): string | undefined {
  const letters = abbreviation.replace(/s$/, "").toLowerCase();
  const esc = escapeRegExp(abbreviation);
  const before = new RegExp(`((?:[*_]*[\\p{L}][\\p{L}\\p{N}'’-]*[*_]*\\s+){1,${MAX_EXPANSION_WORDS}})\\(\\s*${esc}\\s*\\)`, "gu");
  const after = new RegExp(`\\b${esc}\\s*\\(([^()\\n]{3,120})\\)`, "gu");
  for (const r of readings) {
    const text = r.body.text;
    // A gloss ("[common] Acronym, Bastard Operator From Hell."): capitalised words that spell it, anywhere.
    const run = capitalisedRun(text, letters);
    if (run) return run;
    for (const m of text.matchAll(after)) {
      const words = (m[1] as string).trim();
      if (spells(words.split(/\s+/), letters)) return clean(words);
    }
    for (const m of text.matchAll(before)) {
      const words = (m[1] as string).trim().split(/\s+/);
      // The shortest tail of the words before the parenthesis whose initials spell the abbreviation.
      for (let from = words.length - 1; from >= 0; from--) {
        const tail = words.slice(from);
        if (spells(tail, letters)) return clean(tail.join(" "));
      }
    }
  }
  return undefined;
}

/** A run of capitalised words (short words between them allowed) in `text` whose initials spell `letters`. */
function capitalisedRun(text: string, letters: string): string | undefined {
  const words = [...text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)];
  for (let i = 0; i < words.length; i++) {
    const first = (words[i] as RegExpMatchArray)[0];
    if (!/^\p{Lu}/u.test(first) || first[0]?.toLowerCase() !== letters[0]) continue;
    for (let n = 2; n <= Math.min(MAX_EXPANSION_WORDS, words.length - i); n++) {
      const run = words.slice(i, i + n).map((m) => m[0]);
      const last = run[run.length - 1] as string;
      if (!/^\p{Lu}/u.test(last)) continue;
      // Words of the run stand together in the text (one space apart, no punctuation between).
      const from = (words[i] as RegExpMatchArray).index as number;
      const to = ((words[i + n - 1] as RegExpMatchArray).index as number) + last.length;
      if (/[^\p{L}\p{N}'’\s-]/u.test(text.slice(from, to))) break;
      // The quotes around the expansion are not its ("expands to ‘Read The Bloody Manual’").
      if (run.every((w) => /^\p{Lu}/u.test(w) || SMALL.has(w)) && spells(run, letters)) return run.join(" ").replace(/^[‘“"']+|[’”"']+$/gu, "");
    }
  }
  return undefined;
}

/** Whether the initials of `words` (short words optional) spell `letters`; a word may give more than one ("PostgreSQL"). */
function spells(words: string[], letters: string): boolean {
  const bare = words.map((w) => w.replace(/^[*_“"‘(]+|[*_”"’),.;:]+$/g, "")).filter(Boolean);
  const match = (w: number, l: number): boolean => {
    if (l === letters.length) return w === bare.length;
    if (w === bare.length) return false;
    const word = (bare[w] as string).toLowerCase();
    if (SMALL.has(word) && match(w + 1, l)) return true;
    // A word gives its initial, and maybe the initials of its inner capitals ("PostgreSQL" → p, s, q, l).
    if (word[0] !== letters[l]) return false;
    const inner = [...(bare[w] as string).slice(1)].filter((c) => /\p{Lu}/u.test(c)).map((c) => c.toLowerCase());
    for (let k = 0; k <= inner.length; k++) {
      if (inner.slice(0, k).join("") === letters.slice(l + 1, l + 1 + k) && match(w + 1, l + 1 + k)) return true;
    }
    return false;
  };
  return bare.length > 0 && match(0, 0);
}

function clean(words: string): string {
  return words.replace(/[*_]/g, "").replace(/\s+/g, " ").trim();
}
