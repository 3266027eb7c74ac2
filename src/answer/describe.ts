/**
 * Answers that say what a thing is from where the documents describe it: the first sentence of
 * an identifier's own entry ("what does json.dumps do"), the opening of the document a question
 * names ("what is the heapq module", "what does git stash do"), and a FAQ's answer under the
 * heading that asks the question itself. Also the passages such questions need that retrieval
 * may leave out.
 */
import { termsOf } from "../nlp/analyse.js";
import type { IndexedDoc, SearchIndex } from "../search/build.js";
import type { Passage, ScoredPassage } from "../types.js";
import { askedEntry, headingAsks, namedEntry } from "./definition.js";
import { identifiersIn, sameIdentifier } from "./identifiers.js";
import type { Question } from "./question.js";
import { entryLine, namesSubject, READ_FIRST, subjectOf, type Reading } from "./rerank.js";
import { ASKS_WAY, cut, MAX_SENTENCE_ANSWER, rankedSentences, readable, sentenceAnswer, withoutListMarker, type PickedSentence } from "./sentence.js";
import { TERM_LINE } from "./structure.js";

/** The answer under a FAQ heading that asks the question in so many words (askedEntry), led by yes or no for a yes/no question. */
export function faqAnswer(q: Question, readings: Reading[]): { answer: string; sentence: PickedSentence } | undefined {
  const found = askedEntry(q, readings);
  return found && q.kind === "yesno" ? { answer: sentenceAnswer(q, found.sentence), sentence: found.sentence } : found;
}

/** Candidate sentences searched for the first one of an identifier's entry (see entryDescription). */
export const ENTRY_SENTENCES = 40;
/** "what does X do", "what is X", "what's X for": a question about an identifier and nothing else. */
const WHAT_IS_IDENTIFIER = /^\s*what(?:'s| is| are| does| do)?\s+(?:the\s+|a\s+|an\s+)?(?:function\s+|method\s+|class\s+|module\s+)?`?([^\s`?]+?)`?(?:\(\))?\s*(?:function|method|class|module)?\s*(?:do|does|for|mean|(return|give|yield)s?(?:\s+back)?)?\s*\??\s*$/i;
/** A sentence of an entry that says what it returns ("Returns: {boolean} …", "Return a new list …", "… returns None"). */
const SAYS_RETURN = /\breturn(?:s|ed)?\b|\byields?\b/i;

/**
 * For "what does X do" about an identifier with an entry of its own (a term line "X(args)  "
 * over its description, or a heading, see rerank's subject): the entry's first sentence of
 * prose, the term line left out. References say what a thing does first; later sentences give
 * details and exceptions.
 */
export function entryDescription(q: Question, rank: () => PickedSentence[]): { answer: string; sentence: PickedSentence } | undefined {
  const what = WHAT_IS_IDENTIFIER.exec(q.text);
  const asked = what?.[1];
  if (!asked || !identifiersIn(asked).includes(asked)) return undefined;
  const own = rank().filter((s) => s.reading.subject !== undefined && sameIdentifier(s.reading.subject, asked));
  // The part of a sentence after the entry's term line, when the sentence holds it.
  const afterTermLine = (s: PickedSentence): string | undefined => termLineAt(s)?.description;
  // "What does X return?": the entry's best sentence that says what it returns ("Returns: {boolean} …").
  const returns = what?.[2] ? own.find((s) => !s.code && SAYS_RETURN.test(afterTermLine(s) ?? s.text)) : undefined;
  if (returns) return { answer: cut(withoutListMarker(afterTermLine(returns) ?? readable(returns.text)), MAX_SENTENCE_ANSWER), sentence: returns };
  // The sentence that holds the term line itself: the entry's first.
  for (const s of own) {
    const description = afterTermLine(s);
    if (description && description.split(/\s+/).length >= 3) return { answer: cut(description, MAX_SENTENCE_ANSWER), sentence: s };
  }
  // An entry under a heading of its own ("### `kettle.pour(cup[, options], callback)`"), whose
  // parameter list may come first: its first sentence of prose.
  const prose = own
    .filter((s) => s.reading.hit.passage.heading?.toLowerCase().includes(asked.toLowerCase()) && !s.code && !LIST_LINE.test(s.text) && !METADATA.test(s.text) && s.text.split(/\s+/).length >= 3)
    .sort((a, b) => a.start - b.start)[0];
  return prose ? { answer: cut(readable(prose.text), MAX_SENTENCE_ANSWER), sentence: prose } : undefined;
}

/** Best sentences searched for an entry that does what a how-question asks (see wayEntry). */
const WAY_SENTENCES = 8;
/** A question that opens by asking for a way to do something (see ASKS_WAY). */
const OPENS_ASKING_WAY = new RegExp(`^\\s*${ASKS_WAY.source}`, "i");

/**
 * "How do I get the home directory?" in a reference: the entry whose description says it does
 * that ("*classmethod* Path.home()  " over "Return a new path object representing the user's home
 * directory"), named, rather than another sentence with the same words ("If the home directory
 * can't be resolved, RuntimeError is raised"). An entry opens with its term line, or is a passage
 * under a heading that names an option or identifier ("-m, --move" in a manual page). It is taken
 * from the best sentences when it holds as many of the question's words as the best one does,
 * counting its name as one more when the name holds a question word ("random.shuffle" for "how
 * to shuffle a list").
 */
export function wayEntry(q: Question, ranked: PickedSentence[]): { answer: string; sentence: PickedSentence } | undefined {
  // A question that names code ("… with sqlite3.connect") asks about a detail of its use, which
  // the entry's opening does not give.
  if (q.kind !== "reason" || !OPENS_ASKING_WAY.test(q.text) || identifiersIn(q.text).length > 0) return undefined;
  const top = ranked[0];
  if (!top) return undefined;
  let best: { score: number; name: string; description: string; sentence: PickedSentence } | undefined;
  for (const s of ranked.slice(0, WAY_SENTENCES)) {
    const entry = entryOpening(s);
    if (!entry || entry.description.split(/\s+/).length < 3) continue;
    const named = termsOf(entry.name.replace(/[._:-]+/g, " ")).some((t) => q.lemmas.has(t));
    const score = new Set(s.terms).size + (named ? 1 : 0);
    if (score >= new Set(top.terms).size && (!best || score > best.score)) best = { score, ...entry, sentence: s };
  }
  return best && { answer: cut(`\`${best.name}\`: ${best.description}`, MAX_SENTENCE_ANSWER), sentence: best.sentence };
}

/**
 * The term line a sentence opens with ("random.shuffle(*x*)  " over "Shuffle the sequence …"),
 * and the rest of the sentence after it, as a reader sees it; undefined when its first line is
 * no term line or the sentence ends on it.
 */
function termLineAt(s: PickedSentence): { line: string; description: string } | undefined {
  const doc = s.reading.doc.text;
  const lineEnd = doc.indexOf("\n", s.start);
  if (lineEnd < 0 || lineEnd >= s.end) return undefined;
  const line = doc.slice(doc.lastIndexOf("\n", s.start) + 1, lineEnd);
  return TERM_LINE.test(line) ? { line, description: readable(doc.slice(lineEnd + 1, s.end)).trim() } : undefined;
}

/** Characters of a heading that may name an entry ("-m, --move", "--keep-base"). */
const MAX_ENTRY_NAME = 60;

/** The entry a sentence opens, by its name and its description: see wayEntry. */
function entryOpening(s: PickedSentence): { name: string; description: string } | undefined {
  const doc = s.reading.doc.text;
  const term = termLineAt(s);
  if (term) {
    const name = subjectOf(term.line);
    if (!name) return undefined;
    return { name: /^[\w.]+\(/.test(term.line.replace(/^[\s*]*(?:[a-z]+\*\s+)?`?/, "")) ? `${name}()` : name, description: term.description };
  }
  const { passage } = s.reading.hit;
  const heading = passage.heading?.trim();
  if (!heading || heading.length > MAX_ENTRY_NAME || !onlyPreamble(doc.slice(passage.start, s.start))) return undefined;
  // (A parameter's line is not what the entry does: "* `degrees` {number} **Default:** `40`.")
  if (LIST_LINE.test(s.text) || METADATA.test(s.text)) return undefined;
  if (!/^`?-/.test(heading) && subjectOf(heading) === undefined) return undefined;
  return { name: heading.replace(/`/g, ""), description: readable(s.text) };
}

/**
 * Whether what comes before an entry's first sentence is no prose: nothing, or only the list of
 * its parameters and comments ("<!-- YAML added: v1.0.0 -->", "* `cup` {Cup} The cup to fill.").
 */
function onlyPreamble(text: string): boolean {
  let inItem = false;
  for (const line of text.replace(/<!--[\s\S]*?-->/g, "").split("\n")) {
    if (!line.trim()) continue;
    // (An item's line wrapped onto an indented one is still the item.)
    inItem = LIST_LINE.test(line) || (inItem && /^\s+\S/.test(line));
    if (!inItem) return false;
  }
  return true;
}

/** Each index's documents by the folded name their title gives them (see foldName), built on first use. */
const titled = new WeakMap<SearchIndex, Map<string, string>>();

/**
 * `hits` with the passages that say what a "what is X" question's X is, when retrieval left them
 * out: the opening of the document X names ("what does git stash do" → git-stash(1)), whose NAME
 * line holds few of the question's words yet is what the page says it is; and the first passages
 * of the entry headed X ("what is a heisenbug", "What is Python?"), which many passages mention.
 */
export function withNamedPassages(index: SearchIndex, q: Question, hits: ScoredPassage[]): ScoredPassage[] {
  if (hits.length === 0) return hits;
  const doc = namedDocument(index, q);
  const wanted = new Set([...(doc ? doc.passageIds.slice(0, OPENING_PASSAGES) : []), ...namedEntry(index, q)]);
  // Those among the passages read closely (rerank reads the first READ_FIRST) stay where they are.
  for (const h of hits.slice(0, READ_FIRST)) wanted.delete(h.passage.id);
  if (wanted.size === 0) return hits;
  const found = new Map(hits.filter((h) => wanted.has(h.passage.id)).map((h) => [h.passage.id, h]));
  const last = hits[hits.length - 1]?.score ?? 0;
  const named = [...wanted].map((id) => found.get(id) ?? (index.passage(id) ? { passage: index.passage(id) as Passage, score: last, terms: [] } : undefined)).filter((h): h is ScoredPassage => h !== undefined);
  // The others join them, after the best others.
  const rest = hits.filter((h) => !wanted.has(h.passage.id));
  return readWithFirst(rest, named);
}

/** `rest` with `joining` read among the first READ_FIRST passages, which rerank reads closely: after the best of `rest`. */
function readWithFirst(rest: ScoredPassage[], joining: ScoredPassage[]): ScoredPassage[] {
  const at = Math.max(0, READ_FIRST - joining.length);
  return [...rest.slice(0, at), ...joining, ...rest.slice(at)];
}

/** Passages after an entry's first that may still describe it (rerank's entryLine looks as far back). */
const ENTRY_FOLLOWING = 3;

/**
 * `hits` with the rest of the entry of the identifier a question names, when retrieval found the
 * entry's term line but not the paragraphs under it: "when does geometric_mean throw
 * StatisticsError" finds "statistics.geometric_mean(*data*) Convert *data* to floats…", and the
 * paragraph that says when it raises names neither geometric_mean nor mean. In reference
 * documentation a thing's entry says most about it.
 */
export function withEntryPassages(index: SearchIndex, q: Question, hits: ScoredPassage[]): ScoredPassage[] {
  const named = identifiersIn(q.text);
  const asks = (subject: string): boolean => namesSubject(q.text, subject) || named.some((id) => sameIdentifier(id, subject));
  // Each passage of a named entry, scored as the entry's best-scored passage retrieval found.
  const entry = new Map<number, number>();
  for (const hit of hits) {
    const doc = index.docs.get(hit.passage.doc);
    const line = doc ? entryLine(doc.text, hit.passage.start) : undefined;
    const subject = line ? subjectOf(line) : undefined;
    if (!doc || !line || !subject || !asks(subject)) continue;
    const at = doc.passageIds.indexOf(hit.passage.id);
    for (const id of doc.passageIds.slice(at + 1, at + 1 + ENTRY_FOLLOWING)) {
      const passage = index.passage(id);
      // (The entry ends where another term line or a heading begins.)
      if (!passage || passage.heading !== hit.passage.heading || entryLine(doc.text, passage.start) !== line) break;
      entry.set(id, Math.max(entry.get(id) ?? 0, hit.score));
    }
  }
  if (entry.size === 0) return hits;
  const rescored = hits.map((h) => (entry.has(h.passage.id) ? { ...h, score: Math.max(h.score, entry.get(h.passage.id) as number) } : h));
  // (Those retrieval left out, or found below the passages read closely, are read with the first.)
  const read = new Set(hits.slice(0, READ_FIRST).map((h) => h.passage.id));
  const found = new Map(rescored.map((h) => [h.passage.id, h]));
  const added = [...entry].filter(([id]) => !read.has(id)).map(([id, score]) => found.get(id) ?? { passage: index.passage(id) as Passage, score, terms: [] });
  const moved = new Set(added.map((h) => h.passage.id));
  return readWithFirst(rescored.filter((h) => !moved.has(h.passage.id)), added);
}

/** Passages read from the start of an entry whose heading asks the question (see withAskedEntryPassages). */
const ASKED_ENTRY_OPENING = 2;

/**
 * The opening passages of a FAQ entry whose heading asks the question in so many words
 * (headingAsks), when retrieval found the entry but not its start: a long answer's later
 * passages may score higher ("To enable foreign key constraint enforcement, run …" over the
 * opening "As of version 3.6.19, SQLite supports foreign key constraints."), and a FAQ answers
 * first. Scored as the entry's best-scored passage retrieval found.
 */
export function withAskedEntryPassages(index: SearchIndex, q: Question, hits: ScoredPassage[]): ScoredPassage[] {
  // (Those among the passages read closely stay where they are; one found further down moves up.)
  const have = new Set(hits.slice(0, READ_FIRST).map((h) => h.passage.id));
  const added: ScoredPassage[] = [];
  for (const hit of hits.slice(0, READ_FIRST)) {
    const doc = index.docs.get(hit.passage.doc);
    if (!doc || !headingAsks(q, hit.passage.heading ?? "", doc.title)) continue;
    const at = doc.passageIds.indexOf(hit.passage.id);
    let first = at;
    while (first > 0 && index.passage(doc.passageIds[first - 1] as number)?.heading === hit.passage.heading) first--;
    for (const id of doc.passageIds.slice(first, Math.min(at, first + ASKED_ENTRY_OPENING))) {
      if (have.has(id)) continue;
      have.add(id);
      added.push({ passage: index.passage(id) as Passage, score: hit.score, terms: [] });
    }
    break;
  }
  if (added.length === 0) return hits;
  const moved = new Set(added.map((h) => h.passage.id));
  return readWithFirst(hits.filter((h) => !moved.has(h.passage.id)), added);
}

/** The document a "what is X" or "when was X added" question names by its title's name (see foldName, titleName), if any. */
function namedDocument(index: SearchIndex, q: Question): IndexedDoc | undefined {
  const asked = WHAT_IS_THING.exec(q.text)?.[1] ?? WHEN_ADDED.exec(q.text)?.[1];
  if (!asked || foldName(asked).length < 2) return undefined;
  let byName = titled.get(index);
  if (!byName) {
    byName = new Map();
    for (const doc of index.docs.values()) byName.set(foldName(titleName(doc.title)), doc.path);
    titled.set(index, byName);
  }
  const path = byName.get(foldName(asked));
  return path === undefined ? undefined : index.docs.get(path);
}

/** "what is X", "what does X do", "what's X for", "what is the X module": a question about one named thing. */
const WHAT_IS_THING = /^\s*what(?:'s| is| are| does| do)\s+(?:the\s+)?(.{2,60}?)\s*(?:do|for)?\s*\??\s*$/i;
/** "when was the secrets module added", "when did heapq appear": a document's release is told at its opening ("New in version 3.6."). */
const WHEN_ADDED = /^\s*when\s+(?:was|were|did)\s+(?:the\s+)?(.{2,60}?)\s+(?:first\s+)?(?:added|introduced|appear|come out|released)\s*\??\s*$/i;
/** Words a title or a question adds to a thing's name: "the heapq module", "git-stash(1)". */
const NAME_NOISE = /\((?:\d\w*)\)|\b(?:the|module|package|library|command|program|utility|tool|manual page)\b/gi;

/** A document's or thing's name folded for comparison: "git-stash(1)" and "git stash" → "git stash". */
function foldName(name: string): string {
  return name.toLowerCase().replace(NAME_NOISE, " ").replace(/[-_`*\s]+/g, " ").trim();
}

/** The name a title gives its document: its part before a dash ("heapq — Heap queue algorithm — Python …" → "heapq"). */
function titleName(title: string): string {
  return title.split(/\s+[—–-]\s+/)[0] ?? title;
}

/** Passages at a document's start that may say what it is (a title line, a NAME section, a "Source code" line come first). */
const OPENING_PASSAGES = 4;
/** A man page's NAME line, "git-stash - Stash the changes in a dirty working directory away": its description. */
const NAME_LINE = /^\s*[\w.,+-]+(?:,\s*[\w.+-]+)*\s+-\s+(\S.*)$/;

/**
 * For "what is X" where X names a document (its title, "the heapq module", "git stash"), the
 * document's opening says what X is: its man-page NAME line's description, or its
 * first sentence of prose, metadata and code left out.
 */
export function documentDescription(index: SearchIndex, q: Question, readings: Reading[]): { answer: string; sentence: PickedSentence } | undefined {
  const named = namedDocument(index, q);
  if (!named) return undefined;
  // Only the document's opening says what it is about: a sentence from further in says more of less.
  const openingPassages = new Set(named.passageIds.slice(0, OPENING_PASSAGES));
  const own = readings.filter((r) => r.doc === named && openingPassages.has(r.hit.passage.id));
  const opening = rankedSentences(q, own, ENTRY_SENTENCES)
    .filter((s) => !s.code && !LIST_LINE.test(s.text) && !METADATA.test(s.text) && !/\bsource code:|manual page$|^new in version/i.test(s.text) && s.text.split(/\s+/).length >= 4)
    .sort((a, b) => a.start - b.start)[0];
  if (!opening) return undefined;
  const description = NAME_LINE.exec(opening.text)?.[1] ?? opening.text;
  return { answer: cut(readable(description), MAX_SENTENCE_ANSWER), sentence: opening };
}

/** A list item's or quote's line ("* `cup` {Cup} The cup to pour into.", "1. Open the tap.", "> Note"), or an HTML comment. */
const LIST_LINE = /^\s*(?:[-*+>]|\d{1,3}[.)])\s|^\s*<!--/;
/** A short label and value rather than a sentence: "Stability: 1 - Experimental", "Type: integer". */
const METADATA = /^\s*\S+(?:\s+\S+){0,2}:\s+(?:\S+\s*){1,6}$/;

