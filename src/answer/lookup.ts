/**
 * Lookup tables: references list codes, tags and flags with what each means, one per line, as
 * Org-mode description lists write them ("- 14 :: Key not trusted", "- ssb :: Secret subkey").
 * People ask them both ways:
 * - by the term, for its meaning: "INV_RECP reason code 14" → "Key not trusted";
 * - by the meaning, for the term: "whats the record tag for a secret subkey" → "ssb".
 */
import { stemOf } from "../nlp/stem.js";
import type { SearchIndex } from "../search/build.js";
import { MEANING_VERBS, type Question } from "./question.js";
import type { Reading } from "./rerank.js";

/** A description list's line: a short term, " :: ", and what it means, on one line. */
const ENTRY_LINE = /^[ \t]*(?:[-+*][ \t]+)?(\S(?:[^\n:]{0,30}\S)?)[ \t]+::[ \t]+(\S[^\n]{0,200}?)[ \t]*$/gm;
/**
 * Verbs that ask what a term means, by stem: question.ts's, and "represent", which a table's
 * question may use ("which code represents …") though a subject question's relation keeps it ("which seat does she represent").
 */
const MEANING_STEMS = new Set([...MEANING_VERBS, "represent"].map(stemOf));
/** Readings whose tables are looked up. */
const LOOKUP_READINGS = 5;
/**
 * Share of the question's weighted words (outside the table's own term) a meaning must hold to
 * be the one asked for, by stem. Why 0.5: half the question's words matched by a one-line meaning
 * is far more than a line shares with a question by chance. A judgement, not fitted on data.
 */
const MIN_MEANING_SHARE = 0.5;

/** A term or meaning a table gives for the question, and the reading it is from. */
export interface Looked {
  text: string;
  reading: Reading;
}

/**
 * The meaning of the term the question names ("code 14"), or the term whose meaning the question
 * gives ("tag for a secret subkey"), from the first LOOKUP_READINGS readings; undefined when no table there answers.
 */
export function lookedUp(index: SearchIndex, q: Question, readings: Reading[]): Looked | undefined {
  // (A "reason" question is answered by prose unless it only says the word: "INV_RECP reason code 14".)
  // (A list question wants the table's rows, not one: see list.ts.)
  if (q.plurality === "many" || q.kind === "yesno" || q.kind === "definition" || (q.kind === "reason" && /\b(?:why|how)\b/i.test(q.text))) return undefined;
  const words = new Set(wordsOf(q.text));
  for (const r of readings.slice(0, LOOKUP_READINGS)) {
    // (Most passages stand near no table: one look for "::" spares reading them.)
    if (!r.doc.text.slice(Math.max(0, r.hit.passage.start - TABLE_REACH), r.hit.passage.end + TABLE_REACH).includes("::")) continue;
    const text = tableText(index, r);
    const entries = [...text.matchAll(ENTRY_LINE)].map((m) => ({ term: (m[1] as string).trim(), meaning: (m[2] as string).trim() }));
    if (entries.length < 2) continue;
    // By the term: the question writes it as a word of its own ("14", "ssb").
    const named = entries.filter((e) => words.has(e.term.toLowerCase()));
    if (named.length === 1) return { text: (named[0] as { meaning: string }).meaning, reading: r };
    // By the meaning: one line's meaning holds most of the question's words. The words that name
    // the table ("compliance flags" in its heading) and ask for a meaning ("means") are not what
    // the meaning must hold.
    const heading = new Set(wordsOf(r.hit.passage.heading ?? "").map(stemOf));
    const weights = new Map(q.terms.map((t) => [stemOf(t.term), t.weight] as const).filter(([stem]) => !heading.has(stem) && !MEANING_STEMS.has(stem)));
    const total = [...weights.values()].reduce((s, w) => s + w, 0);
    const share = (meaning: string): number => {
      const stems = new Set(wordsOf(meaning).map(stemOf));
      return [...weights].filter(([stem]) => stems.has(stem)).reduce((s, [, w]) => s + w, 0) / (total || 1);
    };
    const scored = entries.map((e) => ({ ...e, share: share(e.meaning) })).sort((a, b) => b.share - a.share);
    const [best, second] = scored;
    if (best && best.share >= MIN_MEANING_SHARE && best.share > (second?.share ?? 0)) return { text: best.term, reading: r };
  }
  return undefined;
}

/** The words of a text, lower case: letters, digits, "_" and "-" ("de-vs", "14", "inv_recp"). */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_-]+/gu) ?? [];
}

/** Characters after a passage's end read for the table it leads in to or stands in. */
const TABLE_REACH = 1500;

/**
 * A passage's text and what follows it under the same heading, up to TABLE_REACH characters
 * ("The reasons codes currently in use are:" over its table), from the line it starts on: a table
 * of one line a passage is the table's too.
 */
function tableText(index: SearchIndex, r: Reading): string {
  const { doc, hit } = r;
  let end = hit.passage.end;
  const at = doc.passageIds.indexOf(hit.passage.id);
  for (const id of doc.passageIds.slice(at + 1)) {
    const next = index.passage(id);
    if (!next || next.heading !== hit.passage.heading || next.end > hit.passage.end + TABLE_REACH) break;
    end = next.end;
  }
  // (And the lines of its table before it: a passage of one line may stand in the middle of one.)
  let start = doc.text.lastIndexOf("\n", hit.passage.start - 1) + 1;
  for (let k = 0; k < MAX_LINES_BEFORE; k++) {
    const before = doc.text.lastIndexOf("\n", start - 2) + 1;
    if (before >= start || !/::/.test(doc.text.slice(before, start))) break;
    start = before;
  }
  return doc.text.slice(start, end);
}

/** Lines of a table read before the passage that stands in it. */
const MAX_LINES_BEFORE = 40;
