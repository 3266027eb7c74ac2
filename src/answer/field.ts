/**
 * A reference's labelled fields: "* Type: {integer}", "Extends: {EventEmitter}", "Stability: 2 -
 * Stable", "Priority: optional", "Usage: kettle [options]". A question that names a field's label
 * ("what type is kettle.capacity", "which class does Kettle extend", "kettle module stability")
 * is answered by the value the field gives, from the best passage that writes one about what the
 * question names.
 */
import { isEnglishWord } from "../nlp/analyse.js";
import { stemOf } from "../nlp/stem.js";
import { identifiersIn, sameIdentifier } from "./identifiers.js";
import type { Question } from "./question.js";
import { READ_FIRST, type Reading } from "./rerank.js";
import { readable } from "./sentence.js";

/**
 * A line that is a label and its value: the label one or two words and capitalised, perhaps in
 * bold or a list item's, the value on the same line and short (a sentence of prose is no field).
 */
const FIELD_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Z][A-Za-z]+(?:[ -][A-Za-z]+)?)(?:\*\*|__)?:(?:\*\*|__)?[ \t]+(\S[^\n]{0,79}?)[ \t]*$/gm;
/** FIELD_LINE for one line alone. */
const ONE_FIELD_LINE = new RegExp(FIELD_LINE.source);
/** Labels that are asked about elsewhere (a default, see code.ts; what an entry returns, see describe.ts) or that head prose rather than a value. */
const NOT_ASKED = new Set(["default", "returns", "return", "note", "example", "see", "warning", "tip", "caution", "important", "q", "a"]);
/** A field's value that is a type or name in braces alone, as API references write them: "{integer}", "{EventEmitter}". */
const BRACED = /^\{([^{}]+)\}$/;

/** The value of the field whose label the question names, from the best of the first READ_FIRST readings that give one, if any. */
export function fieldAsked(q: Question, readings: Reading[]): { text: string; reading: Reading } | undefined {
  if (q.kind === "yesno") return undefined;
  const named = identifiersIn(q.text);
  const asked = new Set((q.text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !named.some((n) => n.toLowerCase().split(/[^\p{L}]+/u).includes(w))).map(stemOf));
  for (const r of readings.slice(0, READ_FIRST)) {
    // A question that names code asks about that code's entry.
    if (named.length > 0 && !named.some((n) => (r.subject !== undefined && sameIdentifier(r.subject, n)) || (r.hit.passage.heading ?? "").includes(n))) continue;
    const text = r.doc.text.slice(r.hit.passage.start, r.hit.passage.end);
    for (const m of text.matchAll(FIELD_LINE)) {
      const label = (m[1] as string).toLowerCase();
      const words = label.split(/[ -]/);
      // The label is what is asked: words of the question, and English ones (not "UnboundLocalError:
      // local variable …" in a traceback).
      if (NOT_ASKED.has(label) || !words.every((w) => asked.has(stemOf(w)) && isEnglishWord(w))) continue;
      // A field's value ends with its line: one that runs on into the next ("Deinitialized
      // submodule: A gitlink, and a .gitmodules entry, but no" over "working tree") is prose.
      const next = text.slice((m.index as number) + m[0].length + 1).split("\n", 1)[0] ?? "";
      if (next.trim() && !/^\s*(?:[-*+]|\d{1,3}[.)])\s/.test(next) && !ONE_FIELD_LINE.test(next)) continue;
      const value = readable(m[2] as string).trim();
      const braced = BRACED.exec(value)?.[1];
      if (value) return { text: braced ?? value, reading: r };
    }
  }
  return undefined;
}
