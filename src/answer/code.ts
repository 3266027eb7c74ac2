/**
 * Extraction for technical questions: code identifiers, commands, flags, paths, environment
 * variables, versions and defaults, as documentation writes them — in `code spans`, as
 * `--flags` and `dotted.names()`, after "Default:" or "defaults to".
 */
import { escapeRegExp } from "../nlp/regexp.js";
import { stemOf } from "../nlp/stem.js";
import { identifiersIn, sameIdentifier } from "./identifiers.js";
import type { Question } from "./question.js";
import { READ_FIRST, type Reading } from "./rerank.js";

/** One code-like candidate: its text, where it stands in the document, how well it fits. */
export interface CodeCandidate {
  text: string;
  start: number;
  fit: number;
  /** Stated as a default ("Default: 30", "5432 by default", "This is the default."). */
  stated?: boolean;
  /** Stated as the default of what the question names ("The default output mode is "list"" for "default output mode"). */
  statedOfAsked?: boolean;
}

/** A number as documentation writes it: a sign, thousands set apart by commas ("1,000,000"), and what is joined to it ("16kB", "2.5", "90%"). */
const AMOUNT = String.raw`[-+]?\d(?:,\d{3}(?!\d)|[\w.:%-])*`;

/**
 * A value after "Default:", "defaults to", "default is", "the default output mode is", "the default
 * value of this limit is", "by default, X" (as documentation states
 * defaults), with the exact form a spelled-out value gives in brackets ("four megabytes (`4MB`)"),
 * a number's unit ("30 days") and a flag ("defaults to --mixed").
 * A bare word must be a value, not the start of a phrase ("the default is the value of …").
 */
const DEFAULT_VALUE = new RegExp(String.raw`\b(?:default(?:\s+value)?\s+(?:(?:of|for)\s+(?:(?:the|this|that|its|each)\s+)?)?[\w-]+(?:\s+[\w-]+){0,2}\s+is|default(?:\s+value)?\s*(?:is|:|=|of)|defaults?\s+to)\s*(?:(?:typically|usually|normally|currently|now)\s+)?\**\s*((?:\`[^\`\n]{1,60}\`|"[^"\n]{1,40}"|'[^'\n]{1,40}'|${AMOUNT}(?:\s+(?:(?:milli|micro|nano)?seconds?|minutes?|hours?|days?|weeks?|months?|years?|(?:kilo|mega|giga)?bytes?|[kKMGT]i?B|ms|percent|characters?|lines?|entries|items|rows|columns|pages|connections|times|bits)\b)?|--?[A-Za-z][\w-]*|(?!(?:the|a|an|to|it|its|this|that|these|those|not|set|used|given|taken|chosen|based|determined|specified|computed|usually|normally|typically|also)\b)[A-Za-z_][\w.-]*)(?:(?:\s+[a-z]+)?\s*\(\`[^\`\n]{1,40}\`\))?)`, "gi");
/** "…; 5432 by default.", "`on` by default", "‘C-b’ (Ctrl-b) by default": a value stated before "by default". */
const VALUE_BY_DEFAULT = new RegExp(String.raw`(\`[^\`\n]{1,60}\`|‘[^’\n]{1,40}’|“[^”\n]{1,40}”|${AMOUNT})(?:\s+\([^()\n]{1,30}\))?\s+(?:is\s+used\s+)?by\s+default\b`, "gi");
/** "By default, up to 2000 lines are kept": an amount right after "By default,". */
const BY_DEFAULT_AMOUNT = new RegExp(String.raw`\bby default,\s+(?:(?:up to|at most|about|around|only)\s+)?(${AMOUNT})`, "gi");
/**
 * "By default, the `merge` command will use the `ort` merge strategy", "By default, this attribute
 * is set to `str`": in a clause opened by "By default", the first code span or number after its
 * verb (a subject in code right after "By default," is what has the default, not the value).
 */
const BY_DEFAULT_CLAUSE = new RegExp(String.raw`\bby default,\s+(?:(?:the|a|an|this|each|every)\s+)?(?:\[?\`[^\`\n]+\`\]?(?:\([^)\s]*(?:\s+"[^"\n]*")?\))?\s+)?[^.\`;:]{0,60}?\b(?:is|are|will|uses?|sets?|returns?|selects?|represents?|equals?|becomes?|takes?|gives?)\b[^.\`;:]{0,40}?(\`[^\`\n]{1,60}\`|${AMOUNT})`, "gi");
/** "(default 2)", "(default: `none`)", '(default "slime mold")': a default stated in brackets after what it is the default of. */
const BRACKETED_DEFAULT = /\(\s*default:?\s+(`[^`\n]{1,40}`|"[^"\n]{1,40}"|'[^'\n]{1,40}'|[^()\s,;]{1,30})\s*\)/gi;
const CODE_SPAN = /`([^`\n]{1,80})`/g;
/** Words that look like code outside code spans: URLs, --flags, dotted.names, snake_case, paths (not a URL's), CONSTANTS, calls(). */
const CODE_WORD = /(?<![\w`/:])(https?:\/\/[^\s<>()[\]`"]*[^\s<>()[\]`".,;:!?]|--?[a-zA-Z][\w-]*|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?:\(\))?|[a-z]+_[a-z_\d]+|\/?(?:[\w.-]+\/)+[\w.-]+|[A-Z][A-Z\d]*_[A-Z\d_]+|\w+\(\))(?![\w`])/g;
const VERSION = /(?<![\w.])v?\d+\.\d+(?:\.\d+)?(?![\w.]*\w)/g;

/** Characters around a candidate within which the question's type noun ("variable", "option") names its kind. */
const TYPE_NOUN_REACH = 24;
/** A candidate named as the kind asked for counts this many times (as vote.ts's typed names count 1.5). */
const TYPED_FIT = 2;

/** A passage's text with link targets ("](../using/cmdline.html#envvar-X "title")) blanked: addresses, not text. Offsets kept. */
export function shownText(r: Reading): string {
  return r.body.text.replace(/\]\([^)\s]*(?:\s+"[^"\n]*")?\)/g, (m) => `]${" ".repeat(m.length - 1)}`);
}

/** Characters between two offsets of `text` as a reader sees them: blanked link targets and runs of spaces count as one. */
function shownDistance(text: string, a: number, b: number): number {
  return text.slice(Math.min(a, b), Math.max(a, b)).replace(/\s+/g, " ").length;
}

/**
 * A version is asked for: "which version …", "since when …", or when something was added,
 * introduced, deprecated or removed (software is dated by its versions: "Added in version 3.8",
 * "added: v0.1.0").
 */
const ASKS_VERSION = /\b(?:version|release|since)\b|\bwhen (?:was|were|did|is|are|will)\b.*\b(?:add|added|introduc\w*|deprecat\w*|remov\w*|new|support\w*)\b/i;
export function asksVersion(q: Question): boolean {
  return ASKS_VERSION.test(q.text);
}

/** A version number as VERSION finds it ("3.9", "v0.1.0"). */
export const VERSION_TEXT = /^v?\d+\.\d+(?:\.\d+)?$/;

/** What happened in a release, by the words that say it: added ("new in", "introduced"), changed, deprecated, removed. */
const VERSION_EVENTS: Array<[string, RegExp]> = [
  // ("when did X start supporting Y" over a change log's "The `Y` option is supported now.")
  ["added", /\b(?:new|add(?:s|ed)?|introduc\w*|appear\w*|support(?:s|ed|ing)?)\b/gi],
  ["changed", /\bchang\w*\b/gi],
  ["deprecated", /\bdeprecat\w*\b/gi],
  ["removed", /\b(?:remov\w*|drop(?:s|ped)?)\b/gi],
];
/** Characters before a release number searched for the label that says what happened in it ("Deprecated since version "). */
const VERSION_LABEL_REACH = 30;

/**
 * What happened in the release a text asks or tells of; for a label before a release number
 * (`last`), the word nearest the number ("Added in 3.2, deprecated since version 3.8").
 */
function versionEvent(text: string, last = false): string | undefined {
  let best: { event: string; at: number } | undefined;
  for (const [event, words] of VERSION_EVENTS) {
    for (const m of text.matchAll(words)) {
      const at = m.index ?? 0;
      if (!best || (last ? at > best.at : at < best.at)) best = { event, at };
    }
  }
  return best?.event;
}

/** The event the label before a release number at `at` of `text` names ("Deprecated since version "), if any. */
function releaseLabel(text: string, at: number): string | undefined {
  return versionEvent(text.slice(Math.max(0, at - VERSION_LABEL_REACH), at), true);
}

/**
 * "When was the secrets module added?": a release labelled with the event asked about ("New in
 * version 3.6.", "added: v0.1.0") among the best readings, voted by their rank; software is dated
 * by its releases before its calendar ("As of 2015, …"). Undefined when the question names no
 * event or no release is so labelled.
 */
export function labelledRelease(q: Question, readings: Reading[]): { text: string; items: string[]; margin: number; support: number } | undefined {
  const event = asksVersion(q) ? versionEvent(q.text) : undefined;
  if (!event) return undefined;
  const votes = new Map<string, number>();
  // The best readings, and the opening of the best one's document, where a module's own release is
  // told ("New in version 3.6." under its title), which holds few of the question's words.
  const best = readings[0]?.doc;
  const opening = (r: Reading): boolean => r.doc === best && r.doc.passageIds.slice(0, OPENING_PASSAGES).includes(r.hit.passage.id);
  // The question's own words besides the event's ("spill" in "when was the spill option added").
  // (Not the kind of thing asked about, "option": every note of options says it.)
  const words = q.terms.filter((t) => t.weight >= 1 && t.term !== q.typeNoun && versionEvent(t.term) === undefined).map((t) => t.surface ?? t.term);
  for (const r of readings.filter((r, i) => i < CODE_READINGS || opening(r))) {
    const text = shownText(r);
    const releases = [...text.matchAll(VERSION)];
    releases.forEach((m, k) => {
      const at = m.index ?? 0;
      if (q.text.includes(m[0])) return;
      // A release a change log describes after it ("- version: v2.0.0 / description: The
      // `options.spill` option was added."), naming what the question asks about, counts most.
      const next = releases[k + 1]?.index ?? text.length;
      const described = text.slice(at + m[0].length, Math.min(next, at + m[0].length + RELEASE_NOTE_REACH)).toLowerCase();
      const noted = versionEvent(described) === event && words.some((w) => described.includes(w.toLowerCase()));
      const labelled = releaseLabel(text, at) === event;
      if (noted || labelled) votes.set(m[0], (votes.get(m[0]) ?? 0) + r.rank * (noted ? RELEASE_NOTE_FIT : 1));
    });
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top) return undefined;
  const total = ranked.reduce((sum, [, v]) => sum + v, 0);
  return { text: top[0], items: [top[0]], margin: top[1] / total, support: Math.min(1, top[1] / Math.max(readings[0]?.rank ?? 0, Number.EPSILON)) };
}

/** A list item's line that opens with the name it documents: "* `warm` {boolean} …", "- `--depth`: …". */
const LIST_ITEM_NAME = /^\s*(?:[-*+]|\d{1,3}[.)])\s+`([^`\n]{1,60})`/;

/** Kinds of thing a reference names in quotes ("the 'close' event"). */
const NAMED_KIND = "(?:event|signal|hook|callback|option|flag|mode|state|message|command|property)s?\\b";

/** Characters after a release searched for the note that says what changed in it (see labelledRelease). */
const RELEASE_NOTE_REACH = 160;
/** A release whose note names what the question asks about outweighs one only labelled with the event. */
const RELEASE_NOTE_FIT = 3;
/** Passages at a document's start (see labelledRelease). */
const OPENING_PASSAGES = 4;

/** A default is asked for: "what is the default …", "default port". */
export function asksDefault(q: Question): boolean {
  return /\bdefault/i.test(q.text);
}

/** Code-like candidates in a passage (`text`: its shownText), best fit first; none that merely repeats the question. */
export function codeCandidates(q: Question, r: Reading, text: string = shownText(r)): CodeCandidate[] {
  const offset = r.hit.passage.start;
  const out: CodeCandidate[] = [];
  const question = q.text.toLowerCase();
  const stems = new Set(q.terms.map((t) => stemOf(t.term)));
  // What happened in the release asked about, and whether the label before a release number says something else.
  const event = asksVersion(q) ? versionEvent(q.text) : undefined;
  const otherEvent = (at: number): boolean => {
    const labelled = releaseLabel(text, at);
    return labelled !== undefined && labelled !== event;
  };
  const offer = (raw: string, at: number, fit: number, stated = false, quoted = false, statedOfAsked = false): void => {
    // A name a hard-wrapped text hyphenates at a line's end ("paranoid_confirma-" over "tion:") is
    // answered whole (quotes stay verbatim; the answer is the name).
    const broken = /\w-?$/.test(raw) ? /^-\n[ \t]*(\w+)/.exec(text.slice(at + raw.length - (raw.endsWith("-") ? 1 : 0))) : null;
    const value = (broken ? raw.replace(/-$/, "") + broken[1] : raw).replace(/^[`"'‘“]|[`"'’”]$/g, "").replace(/[.,;:]+$/, "").trim();
    if (!value || value.length > 80 || LATIN_ABBREVIATION.test(value)) return;
    // "when will X be removed" is not answered by "Deprecated since version 2.3".
    if (event && VERSION_TEXT.test(value) && otherEvent(at)) return;
    // A candidate the question already names is what it asks about, not the answer. (A quoted
    // name only as quoted: "which event is emitted when the leaves have steeped" is 'steeped'.)
    // (As a word of it: "TEMP" is not named by "temporary".)
    // (Nor is a quoted name the question writes as the name of a kind: "the boil event listener".)
    const name = escapeRegExp(value.toLowerCase());
    if (quoted ? new RegExp(`['\`"]${name}['\`"]|\\b${name}\\s+${NAMED_KIND}|${NAMED_KIND}\\s+${name}\\b`).test(question) : new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(question)) return;
    // Named next to the kind the question asks for ("the `X` environment variable", "option `-j`").
    // Read as the text shows, without the blanked link targets between the candidate and its kind.
    const before = text.slice(Math.max(0, at - 4 * TYPE_NOUN_REACH), at).replace(/\s+/g, " ").slice(-TYPE_NOUN_REACH);
    const after = text.slice(at + raw.length, at + raw.length + 4 * TYPE_NOUN_REACH).replace(/[\s\]]+/g, " ").slice(0, TYPE_NOUN_REACH);
    const near = `${before} ${after}`.toLowerCase();
    const typed = q.typeNoun !== undefined && (near.includes(q.typeNoun) || SHAPED[q.typeNoun]?.test(value)) ? TYPED_FIT : 1;
    out.push({ text: value, start: offset + at, fit: fit * typed * (1 + SUBWORD_WEIGHT * askedShare(value, stems)), ...(stated ? { stated } : {}), ...(statedOfAsked ? { statedOfAsked } : {}) });
  };
  const defaults = asksDefault(q);
  // The entry of another identifier than the one whose default is asked holds that one's default
  // and values ("The default is `off`." under `log_lock_waits` for "deadlock_timeout default").
  if (defaults && aboutAnother(q, r)) return out;
  const named = defaults ? namedInQuestion(q) : [];
  // Nor does a passage that does not name the one asked about ("… `wait_for_archive` (which
  // defaults to true)" for "the default setting of the wal_level parameter").
  // (A manual page names what it documents in its title: "CURLOPT_USERAGENT(3)" over its "DEFAULT" section.)
  const namesAsked = named.length === 0 || named.some((n) => `${r.doc.title} ${r.hit.passage.heading ?? ""} ${r.subject ?? ""} ${text}`.toLowerCase().includes(n));
  if (defaults && namesAsked) {
    // "--cup-size defaults to --mug": a default stated of the name the question asks about fits best.
    const ofAsked = (at: number): number => (named.some((n) => text.slice(Math.max(0, at - SUBJECT_REACH), at).toLowerCase().includes(n)) ? TYPED_FIT : 1);
    // "The default output mode is "list"" says what it is the default of: the question's words there fit as a name does.
    const saysAsked = (phrase: string): number => ((phrase.toLowerCase().match(/[a-z]{2,}/g) ?? []).some((w) => !/^(?:default|value)s?$/.test(w) && stems.has(stemOf(w))) ? TYPED_FIT : 1);
    // "* `warm` {boolean} Warm the pot first. **Default:** `false`.": a parameter list's default is its item's.
    const ofItem = (at: number): number => {
      const item = LIST_ITEM_NAME.exec(text.slice(text.lastIndexOf("\n", at) + 1, at))?.[1]?.toLowerCase();
      return item !== undefined && (question.includes(item) || stems.has(stemOf(item))) ? TYPED_FIT : 1;
    };
    for (const m of text.matchAll(DEFAULT_VALUE)) {
      const fit = Math.max(ofAsked(m.index ?? 0), saysAsked(m[0].slice(0, -(m[1] ?? "").length)), ofItem(m.index ?? 0));
      offer(m[1] ?? "", valueAt(m), 3 * fit, true, false, fit > 1);
    }
    for (const m of text.matchAll(BRACKETED_DEFAULT)) offer(m[1] ?? "", (m.index ?? 0) + m[0].indexOf(m[1] ?? ""), 3, true);
    for (const m of text.matchAll(VALUE_BY_DEFAULT)) offer(m[1] ?? "", m.index ?? 0, 3, true);
    for (const m of text.matchAll(BY_DEFAULT_CLAUSE)) offer(m[1] ?? "", valueAt(m), 2, true);
    for (const m of text.matchAll(BY_DEFAULT_AMOUNT)) offer(m[1] ?? "", valueAt(m), 2, true);
    // A section headed "Default" opens with the value ("DEFAULT" over "NULL, no User-Agent: header
    // is used by default." in a manual page).
    const opening = DEFAULT_HEADING.test(r.hit.passage.heading ?? "") ? SECTION_VALUE.exec(text) : null;
    if (opening?.[1]) offer(opening[1], valueAt(opening), 3, true);
    // "--mixed … This is the default action.": the entry the description is under is the default.
    const self = THIS_IS_DEFAULT.exec(text);
    if (self) for (const name of entryNames(r.hit.passage.heading ?? "", true)) offer(name, self.index, 3, true);
  }
  // "which option …": the option an entry is headed by ("-u, --include-untracked" over its description).
  if (q.typeNoun !== undefined && ENTRY_NOUNS.has(q.typeNoun)) {
    for (const name of entryNames(r.hit.passage.heading ?? "")) offer(name, 0, ENTRY_FIT, false, QUOTED_NAME.test(name));
    // Or by a term line opening the passage ("--indent, --tab, --no-indent, --compact  ").
    const first = /^\s*([^\n]*?)([ \t\\]*)(?:\n|$)/.exec(text);
    const firstLine = first?.[1] ?? "";
    // (A constant's entry too, "SIGINT  " over "This is the Fast Shutdown mode.", when the line is a term line.)
    const termLine = /^(?: {2,}|\\)$/.test(first?.[2] ?? "") && CONSTANT.test(firstLine);
    const names = termLine ? [firstLine] : entryNames(firstLine);
    for (const name of names) offer(name, text.indexOf(name), ENTRY_FIT);
  }
  for (const m of text.matchAll(CODE_SPAN)) {
    // Plain text quotes as troff and TeX do, `like this': a "span" to the next backtick holds the quote and what follows it.
    const quote = TROFF_QUOTE.exec(m[1] ?? "");
    offer(quote?.[1] ?? m[1] ?? "", (m.index ?? 0) + (quote ? 1 : 0), 1);
  }
  for (const m of text.matchAll(CODE_WORD)) offer(m[1] ?? "", m.index ?? 0, 0.6);
  // "deinitialized by running git submodule deinit": a command written in running text (plain
  // text has no code spans to mark it).
  if (q.typeNoun === "command") for (const m of text.matchAll(COMMAND_RUN)) offer(m[1] ?? "", valueAt(m), 1);
  // "^X Display basic information about your character.", "C-b %": a key chord, as manuals write one (plain text marks no code).
  for (const m of text.matchAll(KEY_CHORD)) offer(m[1] ?? "", valueAt(m), 0.6);
  // "git-am(1) to apply patches …": a manual page's name with its section, as manuals refer to one
  // another; a command where the section is one of commands (1, 6, 8) and a command is asked for.
  for (const m of text.matchAll(MAN_REFERENCE)) offer(m[1] ?? "", m.index ?? 0, q.typeNoun === "command" && /^[168]/.test(m[2] ?? "") ? TYPED_FIT : 0.6);
  if (q.typeNoun !== undefined) {
    // "the SIGUSR1 signal", "the PGDATA variable": a name in capitals written right before the type
    // noun asked for (plain text marks no code).
    for (const m of text.matchAll(new RegExp(`\\b([A-Z][A-Z\\d_]{2,})\\s+(?:environment\\s+)?${escapeRegExp(q.typeNoun)}s?\\b`, "g"))) offer(m[1] ?? "", m.index ?? 0, 1);
    // "listen on port 9418", "signal 15": a number written right after the type noun asked for.
    for (const m of text.matchAll(new RegExp(`\\b${escapeRegExp(q.typeNoun)}s?\\s+(\\d[\\w.]*)`, "gi"))) offer(m[1] ?? "", valueAt(m), 1);
  }
  if (asksVersion(q)) for (const m of text.matchAll(VERSION)) offer(m[0], m.index ?? 0, 1.5);
  // "which operator": an operator set apart by spaces ("jq's == is like Javascript's === -"); plain text marks no code.
  if (q.typeNoun === "operator") for (const m of text.matchAll(OPERATOR)) offer(m[1] ?? "", valueAt(m), 1);
  return out;
}

/** What a `quote' holds, when a code span's text closes with an apostrophe before a space or a stop ("/' and " → "/"). */
const TROFF_QUOTE = /^([^'\s][^'\n]{0,39})'(?=[\s.,;:)!?]|$)/;
/** Abbreviations a dotted name matches that are English, not code: "e.g", "i.e". */
const LATIN_ABBREVIATION = /^(?:e\.g|i\.e|a\.k\.a|n\.b|et\.? al|viz|cf)\.?$/i;
/** An operator of two or three symbols with space or a quote on both sides ("==", "|=", "//", "->>"); not a dash between words. */
const OPERATOR = /(?:^|[\s'"`‘“(])([=!<>|&+*/%^~?:.-]{2,3})(?=[\s'"`’”),.;]|$)/gm;

/**
 * A command after the verb that runs it ("by running git submodule deinit", "use pg_ctl stop"):
 * two to five words in lower case or flags, the first not a function word, up to the clause's end.
 */
const COMMAND_RUN = /\b(?:running|run|use|using|invoke|invoking|execute|executing|type|typing|the command)\s+(?!(?:the|a|an|this|that|these|those|it|its|your|their|our|his|her|one|some|any|each|every|all|both|either|no|not|to|of|in|on|for|with|as|by|is|are|was|were|be|been|can|could|will|would|may|might|must|should|shall|has|have|had|does|do|did|name|names|line|itself)\b)([a-z][\w.-]*(?:[ \t]+(?:--?[\w-]+|<[\w-]+>|[a-z][\w.-]*)){1,4}?)(?=[.,;:)]|\s*$|\s+(?:to|and|or|which|that|in|on|for|with|if|when|before|after)\b)/gm;

/** A key chord as manuals write one: "^X", "C-b", "M-x", "Ctrl-X", "Ctrl+Shift+T". */
const KEY_CHORD = /(?<![\w^-])(\^[A-Z[\]\\]|(?:C|M|S|Ctrl|Control|Alt|Meta|Shift)(?:[-+](?:C|M|S|Ctrl|Control|Alt|Meta|Shift))*[-+][A-Za-z0-9])(?![\w-])/g;

/** A reference to a manual page: its name and section ("git-am(1)", "curl_easy_init(3)", "crontab(5)"). */
const MAN_REFERENCE = /(?<![\w.-])([a-z][\w.+-]*[\w+])\(([1-9][a-z]*)\)/g;

/** Where a match's value (its first group, which ends the match) starts in the text matched. */
function valueAt(m: RegExpMatchArray | RegExpExecArray): number {
  return (m.index ?? 0) + m[0].length - (m[1] ?? "").length;
}

/** Type nouns that ask for the name an entry of a reference is headed by. */
const ENTRY_NOUNS = new Set(["option", "flag", "switch", "argument", "parameter", "signal", "variable", "event"]);
/** A constant's name: "SIGINT", "PGDATA", "O_RDONLY". */
const CONSTANT = /^[A-Z][A-Z0-9_]{2,}$/;
/** An entry's own name counts as a default stated outright does: its description is what was matched. */
const ENTRY_FIT = 3;
/** A flag as a heading writes it: "-u", "--include-untracked", "--expire=<time>", "--[no-]verify", "--depth <depth>". */
const FLAG = /^--?(?:\[no-\])?[A-Za-z0-9][\w-]*(?:\[?=\S*|\s+\[?<[\w.-]+>\]?)?$/;

/** A description that says its entry is the default ("This is the default.", "This mode is the default", "this is the default merge strategy"). */
const THIS_IS_DEFAULT = /\b(?:this|it)(?:\s+[a-z]+)?\s+is\s+(?:also\s+)?the\s+default\b|^\s*\(?default\)?[.:]/i;
/** An entry's name as a heading writes it: one word or code span, not a section's title in capitals ("OPTIONS"). */
const ENTRY_WORD = /^(?=.*[a-z])[A-Za-z_][\w.-]*$/;

/**
 * The flags or identifiers a heading names ("-u, --include-untracked, --no-include-untracked",
 * "useHttpPath"), if it is such an entry's; with `words`, also the one word an entry of values is
 * headed by ("octopus", "`ort`").
 */
function entryNames(heading: string, words = false): string[] {
  // A manual page's option, headed by its hyphenated name and its argument: "remain-on-exit [on | off]".
  const term = TERM_WITH_ARGUMENT.exec(heading.trim());
  if (term) return [term[1] as string];
  // A reference's heading may say what kind of entry it is first: "Event: `'close'`".
  // ("--sort-keys / -S", "--color-output / -C and --monochrome-output / -M": a flag's other spellings.)
  const parts = heading.replace(ENTRY_KIND, "").split(/,\s*|\s+\/\s+|\s+(?:or|and)\s+/).map((p) => p.trim().replace(/^`|`$/g, ""));
  return parts.length > 0 && parts.every((p) => FLAG.test(p) || QUOTED_NAME.test(p) || identifiersIn(p)[0] === p || (words && ENTRY_WORD.test(p))) ? parts : [];
}

/**
 * A hyphenated name and what it takes, in brackets: "remain-on-exit [on | off | failed]",
 * "status-style <style>" (not a glossary's "remote-tracking branch").
 */
const TERM_WITH_ARGUMENT = /^([a-z][a-z\d]*(?:-[a-z\d]+)+)(?:\s+[a-z][\w-]*)*(?:\s+(?:\[[^\]\n]*\]|<[^>\n]*>))+$/;

/** A section's heading that says it gives the default: "DEFAULT", "Default value", "Defaults". */
const DEFAULT_HEADING = /^\s*(?:\d+(?:\.\d+)*\.?\s+)?default(?:s| values?)?\s*:?\s*$/i;
/** The value a section opens with: a code span, a number (with its unit), or a word or name up to a comma or a stop. */
const SECTION_VALUE = new RegExp(String.raw`^\s*(\`[^\`\n]{1,60}\`|${AMOUNT}(?:\s+[a-z]+\b)?|[A-Za-z_][\w.-]*)(?=\s*(?:[,.;(]|$))`);

/** The kind a reference's heading names its entry as: "Event: ", "Class: ", "Static method: ". */
const ENTRY_KIND = /^\s*(?:event|class|property|method|static method|module|interface|signal|option)s?:\s+/i;
/** A name written in quotes, as events are: "'close'", "'data'". */
const QUOTED_NAME = /^'[\w:.-]+'$/;

/** Characters before "defaults to" within which the name whose default it is stands ("--cup-size defaults to"). */
const SUBJECT_REACH = 40;

/** The code-like names a question writes ("--cup-size", "work_mem", "json.dumps"), lower-cased. */
export function namedInQuestion(q: Question): string[] {
  return [...new Set([...q.text.matchAll(CODE_WORD)].map((m) => (m[1] ?? "").toLowerCase()).concat(identifiersIn(q.text).map((id) => id.toLowerCase())))];
}

/** What a name of the kind asked for looks like, where the kind is not written beside it: an exception's name ("JSONDecodeError", "ERR_INVALID_ARG_TYPE"). */
const SHAPED: Readonly<Record<string, RegExp>> = {
  exception: /^(?:[\w.]*\.)?[A-Z]\w*(?:Error|Exception|Warning)$|^ERR_[A-Z_]+$/,
  error: /^(?:[\w.]*\.)?[A-Z]\w*(?:Error|Exception)$|^ERR_[A-Z_]+$/,
};

/**
 * What writes identifier `id` in a text (case aside): the whole of it, or its last part called or
 * as code ("json.loads", "loads(", "`loads`").
 */
function identifierWritten(id: string): RegExp {
  const last = id.split(".").pop() ?? "";
  const forms = [escapeRegExp(id), ...(last.length >= 3 ? [`${escapeRegExp(last)}\\(`, `\`${escapeRegExp(last)}\``] : [])];
  return new RegExp(forms.join("|"), "i");
}

/** The reading is the entry of an identifier, and the question names identifiers but not that one. */
function aboutAnother(q: Question, r: Reading): boolean {
  const { subject } = r;
  if (!subject) return false;
  const asked = identifiersIn(q.text);
  return asked.length > 0 && !asked.some((id) => sameIdentifier(id, subject));
}

/**
 * How much more a candidate counts when its parts are the question's words: the identifier that
 * names what is asked ("signing key" → `debian/upstream/signing-key.asc`, "threads" →
 * `ThreadPoolExecutor`, "host" → `PGHOST` ) over one that only stands near it. Tried on tune: 0.5, 1, 2.
 */
const SUBWORD_WEIGHT = 1;

/** The share of an identifier's parts (split at case changes, digits and punctuation) that are question words, by stem. */
function askedShare(value: string, stems: ReadonlySet<string>): number {
  const parts = value.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().match(/[a-z]{2,}/g) ?? [];
  if (parts.length === 0) return 0;
  return parts.filter((p) => stems.has(stemOf(p))).length / parts.length;
}

/** In a list of code items, an item needs this share of the top item's vote (as vote.ts's lists). */
const LIST_SHARE = 0.3;
const MAX_CODE_ITEMS = 8;

/** Readings whose code candidates vote. */
const CODE_READINGS = 5;
/** Characters from the nearest question word at which a candidate's vote halves. */
const PROXIMITY_HALF_CHARS = 60;

/**
 * Votes over the code candidates of the best readings (best first, as rerank gives them) that
 * `accept` lets in: rank × fit × nearness to the question's words. Returns the winner and its
 * share of all votes, or undefined when there is none.
 */
export function voteCode(q: Question, readings: Reading[], accept: (text: string) => boolean = () => true, statedOnly = false): { text: string; items: string[]; margin: number; support: number } | undefined {
  const votes = new Map<string, { text: string; vote: number; order: number }>();
  // A question about named code ("what exception does json.loads raise") is answered from the
  // documents that name it, not from another's ("When True, raise exception Error on bad CSV input").
  const asked = identifiersIn(q.text).map(identifierWritten);
  const namesAsked = (r: Reading): boolean => asked.length === 0 || asked.some((written) => written.test(r.doc.text));
  const defaults = asksDefault(q);
  // (A default stated of what the question names is read from every passage read closely: the
  // one that states it may rank lower than those about the same thing that do not.)
  const read = readings.slice(0, defaults ? READ_FIRST : CODE_READINGS).filter(namesAsked).map((r) => ({ r, shown: shownText(r) }));
  const offered = read.map(({ r, shown }) => codeCandidates(q, r, shown));
  // Asked for a default, and a passage states one: only stated defaults answer (not the
  // `-p port` option named beside "The TCP port the server listens on; 5432 by default").
  const counted = (c: CodeCandidate, at: number): boolean => at < CODE_READINGS || c.statedOfAsked === true;
  const onlyStated = statedOnly || (defaults && offered.some((cs, at) => cs.some((c) => c.stated && counted(c, at))));
  // A default is a value stated as one ("wal_level default", "the default background colour of
  // the status line"): with none stated, code near the question's words ("pane_dead_status",
  // "--limit") is no answer. (It had held only for a default of a name the question gives.)
  if (defaults && !onlyStated) return undefined;
  read.forEach(({ r, shown }, at) => {
    const offset = r.hit.passage.start;
    const anchors = r.body.tokens.filter((_, i) => {
      const term = r.body.terms[i];
      return term != null && q.lemmas.has(term);
    }).map((t) => t.start - offset);
    const seen = new Set<string>();
    for (const c of offered[at] ?? []) {
      if ((onlyStated && !c.stated) || !counted(c, at)) continue;
      const key = c.text.toLowerCase();
      if (seen.has(key) || !accept(c.text)) continue;
      seen.add(key);
      const distance = anchors.length ? Math.min(...anchors.map((a) => shownDistance(shown, a, c.start - offset))) : 4 * PROXIMITY_HALF_CHARS;
      const vote = r.rank * c.fit / (1 + distance / PROXIMITY_HALF_CHARS);
      const had = votes.get(key);
      if (had) had.vote += vote;
      else votes.set(key, { text: c.text, vote, order: at * 1e12 + c.start });
    }
  });
  const ranked = [...votes.values()].sort((a, b) => b.vote - a.vote);
  const top = ranked[0];
  if (!top) return undefined;
  const total = ranked.reduce((s, c) => s + c.vote, 0);
  // (Listed as the documents give them, best passage first: "TMPDIR, TEMP, TMP" is the order searched.)
  const items = q.plurality === "many" ? ranked.filter((c) => c.vote >= LIST_SHARE * top.vote).slice(0, MAX_CODE_ITEMS).sort((a, b) => a.order - b.order).map((c) => c.text) : [top.text];
  const bestRank = Math.max(readings[0]?.rank ?? 0, Number.EPSILON);
  // A default stated outright ("Default: 30") fits 3: support reaches 1 only for such a value near the question's words.
  return { text: items.join(", "), items, margin: items.length > 1 ? 1 : top.vote / total, support: Math.min(1, top.vote / bestRank / 3) };
}
