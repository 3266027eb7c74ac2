/**
 * Extraction of a list written as prose: the members of a coordinated series in one sentence
 * ("external systems such as pglogical, Slony, Londiste, and Bucardo"; "MPs Kelvin Hopkins, John
 * Woodcock and Ivan Lewis all suspended …"). Documents list things in sentences as often as in
 * bullets; a list question over such a sentence wants the members, not the sentence.
 *
 * The series is read from the end: the last "and"/"or" and the comma-separated pieces before it.
 * Middle pieces must be short and phrase-like; the first piece gives its noun-phrase tail ("such
 * as Object Pascal" → "Object Pascal"), the last its noun-phrase head ("Bucardo." → "Bucardo").
 */
import type { Token } from "../nlp/analyse.js";
import { listMarkerAt } from "../nlp/mend.js";

/** Opening quotes and the closing quotes that may end them. */
const QUOTES: Record<string, string[]> = { "“": ["”"], "‘": ["’"], '"': ['"'], "'": ["'"] };
/** A member longer than this many words is a clause, not a member. */
const MAX_MEMBER_WORDS = 6;
/** Words that introduce a series, after which two members are enough ("such as X and Y"). */
const INTRODUCERS = /^(such as|including|like|namely|e\.g\.|for example|:)$/i;
/** Parts of speech that end a member's noun phrase. */
const CLAUSE_POS = new Set(["VERB", "AUX", "PRON", "ADP", "SCONJ", "CCONJ", "PART", "ADV", "INTJ"]);

/**
 * The series in `tokens` (one sentence) the question asks about: the one after the question's
 * words, else the longest; its members verbatim from `text`. Undefined if there is none.
 */
export function enumerationIn(tokens: Token[], text: string, questionLemmas: ReadonlySet<string>): Enumeration | undefined {
  const visible = tokens.filter((t) => t.type !== "tabCRLF" && t.text.trim() !== "");
  // A list item's marker ("2.", "*") is layout, never part of the first member.
  visible.splice(0, listMarkerAt(visible, 0));
  const found: Series[] = [];
  visible.forEach((t, i) => {
    const series = t.pos === "CCONJ" && /^(and|or)$/i.test(t.text) ? seriesEndingAt(visible, i, questionLemmas) : t.text === "(" ? bracketed(visible, i) : undefined;
    if (series) found.push(series);
  });
  // The series after the question's own words ("platforms (C64, Amiga, …)") before a longer one elsewhere.
  const near = (s: Series): number => (visible.slice(Math.max(0, s.from - CLASS_WINDOW), s.from).some((t) => questionLemmas.has(t.lemma)) ? 1 : 0);
  found.sort((a, b) => near(b) - near(a) || b.members.length - a.members.length);
  const best = found[0];
  if (!best) return undefined;
  // A member's article is not the member ("the Internet" → "Internet").
  const members = best.members.map(([a, b]): [number, number] => [a < b && (visible[a] as Token).pos === "DET" ? a + 1 : a, b]).map(([a, b]) => clean(text.slice((visible[a] as Token).start, (visible[b] as Token).end)));
  if (!members.every((m) => m.length > 0 && balanced(m))) return undefined;
  // A series names each member once: a member read twice ("Not Hungry (or Normal), Hungry" read as
  // "Hungry", "Hungry") is shown once.
  const once = members.filter((m, i) => members.findIndex((o) => o.toLowerCase() === m.toLowerCase()) === i);
  return { members: once, afterQuestionWords: near(best) === 1 };
}

/** Brackets open and close within the member: one that holds half a pair is cut from code or a clause, not a member. */
function balanced(member: string): boolean {
  let depth = 0;
  for (const ch of member) {
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** A series found: its members, verbatim, and whether the question's words stand just before it ("organic matter such as …"). */
export interface Enumeration {
  members: string[];
  afterQuestionWords: boolean;
}

/** Tokens before a series in which a question word makes it the series asked about. */
const CLASS_WINDOW = 3;

/** A series: its members' token ranges, and the token its first member starts at (before any class noun was dropped). */
interface Series {
  members: Array<[number, number]>;
  from: number;
}

/** "(C64, Amiga, Spectrum, Atari ST)": three or more short pieces in brackets, with or without a conjunction. */
function bracketed(tokens: Token[], open: number): Series | undefined {
  const close = tokens.findIndex((t, i) => i > open && t.text === ")");
  if (close === -1) return undefined;
  const members: Array<[number, number]> = [];
  let from = open + 1;
  for (let i = open + 1; i <= close; i++) {
    if (i < close && (tokens[i] as Token).text !== ",") continue;
    let a = from;
    if (/^(and|or)$/i.test((tokens[a] as Token | undefined)?.text ?? "")) a++;
    // The last piece may join two members without a comma: "(red, blue, yellow and green)".
    const joined = i === close ? tokens.findIndex((t, k) => k > a && k < i - 1 && /^(and|or)$/i.test(t.text)) : -1;
    if (joined !== -1 && isPhrase(tokens, a, joined - 1, true) && isPhrase(tokens, joined + 1, i - 1, true)) {
      members.push([a, joined - 1], [joined + 1, i - 1]);
      break;
    }
    if (a > i - 1 || !isPhrase(tokens, a, i - 1, true)) return undefined;
    members.push([a, i - 1]);
    from = i + 1;
  }
  return members.length >= 3 ? { members, from: open } : undefined;
}

function seriesEndingAt(tokens: Token[], conj: number, questionLemmas: ReadonlySet<string>): Series | undefined {
  const last = headPhrase(tokens, conj + 1);
  if (!last) return undefined;
  // Pieces before the conjunction, split at commas (", and" has its comma before the conjunction).
  let end = conj - 1;
  if (tokens[end]?.text === ",") end--;
  const pieces: Array<[number, number]> = [];
  let pieceEnd = end;
  for (let i = end; i >= -1; i--) {
    const t = tokens[i];
    if (i === -1 || t?.text === "," || t?.text === ";" || t?.text === ":") {
      // A piece of punctuation only (the closing quote of “GPL,”) is part of the separator.
      if (tokens.slice(i + 1, pieceEnd + 1).some((w) => w.type === "word" || w.type === "number")) pieces.unshift([i + 1, withoutRemark(tokens, i + 1, pieceEnd)]);
      if (t?.text !== ",") break;
      pieceEnd = i - 1;
    }
  }
  // Middle pieces (all but the first) must be members as they stand; the first gives its tail.
  const members: Array<[number, number]> = [];
  let introduced = false;
  for (let k = pieces.length - 1; k >= 0; k--) {
    const [a, b] = pieces[k] as [number, number];
    if (isPhrase(tokens, a, b)) {
      members.unshift([a, b]);
      continue;
    }
    const tail = tailPhrase(tokens, a, b);
    if (tail) {
      members.unshift(tail);
      introduced = INTRODUCERS.test(introducerBefore(tokens, tail[0]));
    }
    break;
  }
  if (members.length === 0) return undefined;
  // The series' class noun before its first member ("MPs Kelvin Hopkins", "characters space").
  const first = members[0] as [number, number];
  const from = first[0];
  while (first[0] < first[1] && isClassNoun(tokens[first[0]] as Token, questionLemmas)) first[0]++;
  members.push(last);
  if (members.length < 3 && !introduced) return undefined;
  return { members, from };
}

/**
 * The end of piece `[a, b]` without a remark in brackets after its member (`"merge" (default)`,
 * "Slony (deprecated)"): the remark is about the member, not part of it.
 */
function withoutRemark(tokens: Token[], a: number, b: number): number {
  if (tokens[b]?.text !== ")") return b;
  for (let i = b - 1; i > a; i--) {
    if (tokens[i]?.text === "(") return i - 1;
    if (tokens[i]?.text === ")") return b;
  }
  return b;
}

/**
 * A noun-phrase-like piece: a few words, none that makes it a clause. In brackets a member may
 * hold a preposition after its first word ("IBM PC under DOS").
 */
function isPhrase(tokens: Token[], a: number, b: number, bracketed = false): boolean {
  const words: number[] = [];
  for (let i = a; i <= b; i++) if ((tokens[i] as Token).type === "word" || (tokens[i] as Token).type === "number") words.push(i);
  if (words.length === 0 || words.length > MAX_MEMBER_WORDS) return false;
  // A table's bar between two cells is no part of one member.
  for (let i = a; i <= b; i++) if ((tokens[i] as Token).text === "|") return false;
  // A lone word is a member whatever its tag (wink tags "linefeed" a verb); longer pieces hold no clause word.
  // Parts of a hyphenated word ("well-rotted") are not clause words, whatever their tags.
  const hyphenated = (i: number): boolean =>
    (tokens[i - 1]?.text === "-" && !(tokens[i] as Token).spaceBefore) || (tokens[i + 1]?.text === "-" && !(tokens[i + 1] as Token).spaceBefore);
  return words.length === 1 || words.every((i, k) => {
    const t = tokens[i] as Token;
    return !CLAUSE_POS.has(t.pos) || t.lemma === "of" || hyphenated(i) || (bracketed && k > 0 && t.pos === "ADP");
  });
}

/** The noun phrase that ends piece `[a, b]`, after the words that introduce it. */
function tailPhrase(tokens: Token[], a: number, b: number): [number, number] | undefined {
  let i = b;
  while (i >= a && b - i < MAX_MEMBER_WORDS + 2) {
    const t = tokens[i] as Token;
    // A code span or a quoted word is one word, whatever wink tags its inside (`"merge"` as a verb).
    if (t.text === "`") i = matchingTick(tokens, i, -1, a);
    else if (CLOSING_QUOTES.has(t.text)) i = openingQuote(tokens, i, a);
    // (A table's cell ends at its bar: "| One of `standard`, `express` or `economy`".)
    else if (CLAUSE_POS.has(t.pos) || t.text === "|") break;
    i--;
  }
  let start = i + 1;
  while (start <= b && (tokens[start] as Token).pos === "DET") start++;
  return start <= b ? [start, b] : undefined;
}

/** The noun phrase that starts at `at` (the last member), up to where a clause or a piece begins. */
function headPhrase(tokens: Token[], at: number): [number, number] | undefined {
  let start = at;
  while ((tokens[start] as Token | undefined)?.pos === "DET") start++;
  // A quoted member ends with its quote (“Zlib” licences → “Zlib”).
  const quote = QUOTES[(tokens[start] as Token | undefined)?.text ?? ""];
  if (quote) {
    const close = tokens.findIndex((t, i) => i > start && i - start <= MAX_MEMBER_WORDS + 1 && quote.includes(t.text));
    if (close !== -1) return [start, close];
  }
  let end = start - 1;
  for (let i = start; i < tokens.length && i - start < MAX_MEMBER_WORDS + 2; i++) {
    const t = tokens[i] as Token;
    if (t.text === "`") i = matchingTick(tokens, i, 1, tokens.length - 1);
    else if (t.text === "," || t.text === ";" || t.text === "." || t.text === ":" || t.text === "(" || t.text === "|" || CLAUSE_POS.has(t.pos) || t.pos === "DET") break;
    end = i;
  }
  return end >= start ? [start, end] : undefined;
}

/** Quotes that close a quoted member, and the quotes that open it. */
const CLOSING_QUOTES = new Map<string, string[]>([["”", ["“"]], ["’", ["‘"]], ['"', ['"']], ["'", ["'"]]]);

/** The quote that opens the quoted member whose closing quote is at `i`, looking back no further than `limit`; `i` when none. */
function openingQuote(tokens: Token[], i: number, limit: number): number {
  const opening = CLOSING_QUOTES.get((tokens[i] as Token).text) ?? [];
  for (let j = i - 1; j >= limit && i - j <= MAX_MEMBER_WORDS + 1; j--) if (opening.includes((tokens[j] as Token).text)) return j;
  return i;
}

/** The other backtick of the code span whose backtick is at `i`, looking in `step`'s direction up to `limit`; `i` when none. */
function matchingTick(tokens: Token[], i: number, step: 1 | -1, limit: number): number {
  for (let j = i + step; step > 0 ? j <= limit : j >= limit; j += step) if ((tokens[j] as Token).text === "`") return j;
  return i;
}

function introducerBefore(tokens: Token[], at: number): string {
  const one = tokens[at - 1]?.text ?? "";
  const two = `${tokens[at - 2]?.text ?? ""} ${one}`;
  return INTRODUCERS.test(two) ? two : one;
}

/** A plural common noun naming the class, or a question word, before the first member. */
function isClassNoun(t: Token, questionLemmas: ReadonlySet<string>): boolean {
  return questionLemmas.has(t.lemma) || ((t.pos === "NOUN" || t.pos === "PROPN") && t.text.toLowerCase() !== t.lemma && /s$/i.test(t.text));
}

/** A member without the quotes and emphasis a comma cut in half (“GPL,” → GPL). */
function clean(member: string): string {
  return member.replace(/^[“”"‘’'*_\s]+|[“”"‘’'*_,\s]+$/g, "").replace(/\s+/g, " ");
}
