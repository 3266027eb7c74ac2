/**
 * The answer pipeline, one stage a module:
 *
 *   question (question.ts) → retrieve (SearchIndex) → rerank (rerank.ts)
 *     → extract (vote.ts, code.ts, sentence.ts, structure.ts) → calibrate (calibrate.ts) → compose (here)
 *
 * `draftAnswer` runs every stage but the decision and returns the signals the decision reads
 * (the calibration script fits on them); `composeAnswer` decides and shapes the reply.
 */
import { termsOf, type Token } from "../nlp/analyse.js";
import type { IndexedDoc, SearchIndex } from "../search/build.js";
import type { Answer, AnswerKind, Excerpt, Passage, ScoredPassage } from "../types.js";
import { calibrate, type Signals } from "./calibrate.js";
import { asksDefault, asksVersion, VERSION_TEXT, voteCode } from "./code.js";
import { abbreviationIn, expansionOf } from "./acronym.js";
import { askedEntry, definedEntry, headedEntry, namedEntry } from "./definition.js";
import { enumerationIn } from "./enumeration.js";
import { makeExcerpt } from "./excerpt.js";
import { identifiersIn, sameIdentifier, unheldIdentifier } from "./identifiers.js";
import { nameAsked } from "./naming.js";
import { parseQuestion, type Question } from "./question.js";
import { correctQuestion } from "./spelling.js";
import { bestCovering, idfOf, READ_FIRST, rerank, type Reading, type ReadingModel } from "./rerank.js";
import { cut, MAX_SENTENCE_ANSWER, rankedSentences, readable, sentenceAnswer, withoutListMarker, type PickedSentence } from "./sentence.js";
import { blockAfter, introducedBlock, isLeadIn, listAround, TERM_LINE } from "./structure.js";
import { statesMeasure } from "./candidates.js";
import { parametersAsked, signatureDefault } from "./signature.js";
import { checkQuestion } from "./validate.js";
import { escapeRegExp } from "../nlp/regexp.js";
import { joinList, MAX_LIST_ITEMS, VOTED_KINDS, voteCandidates } from "./vote.js";

/** Passages retrieved per question: enough to gather a list spread over a document. */
const RETRIEVE = 24;
const MAX_EXCERPTS = 3;
/**
 * Sentences a list question's items are looked for in, best first. Tried on the tune split
 * (lists 44 questions): 1 (the best sentence only) against 2-6.
 */
const LIST_SENTENCES = 4;
/**
 * Sentences searched for a lead-in to a list ("The <mode> must be one of the following:"), before
 * the series of the first LIST_SENTENCES: a sentence that introduces a list names what it lists
 * and little else, so ranks below sentences that use the question's words more.
 */
const LEAD_IN_SENTENCES = 8;
/** A list answer is cut to this many characters (the eval's list answers are held to 400). */
const MAX_LIST_ANSWER = 380;
/** A typed answer (name, code) is cut to this many characters. */
const MAX_TYPED_ANSWER = 200;

/** A file-system path: slashes and no spaces ("/etc/logrotate.d", "debian/upstream/signing-key.asc"). */
const PATH = /^[~.]?\/?(?:[\w.@+-]+\/)+[\w.@+-]*$/;

/** Every stage's result for one question, before the decision to answer. */
export interface Draft {
  q: Question;
  readings: Reading[];
  /** The answer the documents suggest, and the items it names (a list's, or the one). */
  answer: string;
  items: string[];
  /** The sentence the answer rests on, when there is one. */
  sentence?: PickedSentence;
  signals: Signals;
  timing: { retrieveMs: number; answerMs: number };
}

/** Why a question gets no draft at all: unusable, or nothing retrieved. */
export type Refusal = { message: string; kind: AnswerKind; readings: Reading[]; q?: Question };

/** What the pipeline may be run with instead of its fitted models: the eval scripts' held-out fits. */
export interface PipelineOptions {
  /** The correction of the passages' hand-made rank (see rerank.ts); reading-model.json when absent. */
  readingModel?: ReadingModel;
}

/** Runs the pipeline up to (not including) the decision to answer. */
export function draftAnswer(index: SearchIndex, question: string, options: PipelineOptions = {}): Draft | Refusal {
  const checked = checkQuestion(question);
  if (!checked.ok) return { message: checked.message, kind: "thing", readings: [] };
  const q = correctQuestion(parseQuestion(checked.text), index);
  if (q.terms.length === 0) {
    return { message: "That question has no words to look for. Ask about someone or something in the documents.", kind: q.kind, readings: [], q };
  }
  const started = performance.now();
  const hits = withNamedPassages(index, q, index.searchTerms(q.terms, RETRIEVE));
  const retrieved = performance.now();
  const listy = q.plurality !== "one" && VOTED_KINDS.has(q.kind);
  const idf = idfOf(index, q);
  const readings = rerank(index, q, idf, hits, listy, options.readingModel);
  const best = bestCovering(readings);
  if (!best) return { message: "The documents don't answer that.", kind: q.kind, readings, q };

  const extracted = extract(index, q, readings);
  const idfTotal = [...idf.values()].reduce((s, w) => s + w, 0) || 1;
  const unknown = q.terms.filter((t) => index.documentFrequency(t.term) === 0 && !(t.surface && index.documentFrequency(t.surface) > 0)).reduce((s, t) => s + (idf.get(t.term) ?? 0), 0) / idfTotal;
  const [first, second] = hits;
  const signals: Signals = {
    coverage: best.coverage,
    idfCoverage: best.idfCoverage,
    missing: best.missing,
    relation: best.relationMissing ? 1 : 0,
    unknown,
    strength: Math.min(1, (first?.score ?? 0) / idfTotal / 3),
    margin: first && second ? Math.max(0, (first.score - second.score) / first.score) : 1,
    typed: extracted.typed ? 1 : 0,
    vote: extracted.margin,
    support: extracted.support,
    sentence: extracted.sentence ? Math.min(1, extracted.sentence.matched / q.terms.length) : 0,
    sentenceIdf: [...new Set(extracted.sentence?.terms)].reduce((s, t) => s + (idf.get(t) ?? 0), 0) / idfTotal,
    wantsTyped: VOTED_KINDS.has(q.kind) || q.kind === "code" || q.kind === "term" ? 1 : 0,
  };
  const timing = { retrieveMs: ms(retrieved - started), answerMs: ms(performance.now() - retrieved) };
  return { q, readings, answer: extracted.answer, items: extracted.items, ...(extracted.sentence ? { sentence: extracted.sentence } : {}), signals, timing };
}

interface Extracted {
  answer: string;
  items: string[];
  /** Whether the answer is of the wanted kind (a name, a date, code…), not a sentence. */
  typed: boolean;
  margin: number;
  support: number;
  sentence?: PickedSentence;
}

/** "Is there a …?", "are there any …?": whether a thing exists, and which. */
const EXISTENTIAL = /^\s*(?:is|are) there\b/i;
/** A sentence that says the thing does not exist: "There is no option to …", "there are no such tools". */
const NONE_THERE = /\bthere (?:is|are|was|were) (?:currently )?no\b/i;

/** The answer the best readings give, by the kind of answer wanted. */
function extract(index: SearchIndex, q: Question, readings: Reading[]): Extracted {
  const ranked = rankedSentences(q, readings, Math.max(LIST_SENTENCES, LEAD_IN_SENTENCES));
  const sentence = ranked[0];
  const withSentence = sentence ? { sentence } : {};
  // An answer of the wanted kind (a name, an expansion, a path, list items, code), not a sentence.
  const typed = (answer: string, items: string[], margin = 1, support = 1): Extracted => ({ answer, items, typed: true, margin, support, ...withSentence });
  const wantsList = q.plurality === "many";
  const abbreviation = abbreviationIn(q);
  const expansion = abbreviation ? expansionOf(abbreviation, readings) : undefined;
  if (expansion) return typed(expansion, [expansion]);
  // "Is there an option to …?" over "There is no option to …": the documents say no.
  const none = EXISTENTIAL.test(q.text) ? ranked.slice(0, LIST_SENTENCES).find((s) => NONE_THERE.test(s.text)) : undefined;
  if (none) return { answer: `No. ${sentenceAnswer(q, none)}`, items: [], typed: false, margin: 0, support: 0, sentence: none };
  // "What arguments does subprocess.run take?": the parameters its signature names.
  const params = parametersAsked(q, readings);
  if (params) return typed(cut(joinList(params), MAX_LIST_ANSWER), params);
  if (q.kind === "term") {
    const name = nameAsked(q, sentence, readings);
    if (name) return typed(cut(name, MAX_TYPED_ANSWER), [name]);
  }
  // "Where do I put …?" in documentation asks for a path ("/etc/logrotate.d"), not a place name.
  const path = q.kind === "place" ? voteCode(q, readings, (text) => PATH.test(text)) : undefined;
  if (path) return typed(cut(path.text, MAX_TYPED_ANSWER), path.items, path.margin, path.support);
  // Names, dates and numbers are voted for across passages first; a list of other things is read from its sentence or block.
  const voted = voteCandidates(index, q, readings);
  if (wantsList && !voted) {
    const list = listOf(q, readings, ranked);
    if (list) return { ...typed(list.series ? cut(joinList(list.items), MAX_LIST_ANSWER) : itemsAnswer(list.items, MAX_LIST_ANSWER), list.items), ...(list.sentence ? { sentence: list.sentence } : {}) };
  }
  if (voted) return typed(joinList(voted.items), voted.items, voted.margin, voted.support);
  // "when was X added" with no date in the passages: the version that added it ("added: v0.1.0").
  const version = q.kind === "date" && asksVersion(q) ? voteCode(q, readings, (text) => VERSION_TEXT.test(text)) : undefined;
  if (version) return typed(version.text, version.items, version.margin, version.support);
  // "what does json.dumps do": the first sentence of the identifier's own entry says what it is;
  // "what is the heapq module", "what does git stash do": the opening of the document it names.
  const described = !wantsList ? (entryDescription(q, () => rankedSentences(q, readings, ENTRY_SENTENCES)) ?? documentDescription(index, q, readings) ?? definedEntry(q, readings) ?? faqAnswer(q, readings)) : undefined;
  if (described) return { answer: described.answer, items: [], typed: false, margin: 0, support: 0, sentence: described.sentence };
  // "What organic matter …?" over "organic matter such as A, B, and C": the members, even asked in the singular.
  const series = !wantsList && q.kind === "thing" && sentence ? seriesIn(q, sentence, true) : undefined;
  if (series) return typed(cut(joinList(series), MAX_LIST_ANSWER), series);
  if (q.kind === "code") {
    // "which python version …" is answered by a release number, not by other code near it.
    const code = voteCode(q, readings, q.typeNoun === "version" ? (text) => VERSION_TEXT.test(text) : undefined);
    if (code) return typed(cut(code.text, code.items.length > 1 ? MAX_LIST_ANSWER : MAX_TYPED_ANSWER), code.items, code.margin, code.support);
  }
  // "default timeout for subprocess.run" that no sentence states: the signature's "timeout=None".
  const signed = signatureDefault(q, readings);
  if (signed) return typed(cut(signed, MAX_TYPED_ANSWER), [signed]);
  // The default of a named identifier is a value: a sentence that states no default does not give it.
  const unstatedDefault = asksDefault(q) && identifiersIn(q.text).length > 0 && !/\bdefault/i.test(sentence?.text ?? "");
  // Nor does a sentence with no number answer "how old" or "what year".
  const unstated = unstatedDefault || (sentence !== undefined && !statesMeasure(q, sentence.text));
  return { answer: sentence && !unstated ? sentenceAnswer(q, sentence) : "", items: [], typed: false, margin: 0, support: 0, ...withSentence };
}

/** The answer under a FAQ heading that asks the question in so many words (askedEntry), led by yes or no for a yes/no question. */
function faqAnswer(q: Question, readings: Reading[]): { answer: string; sentence: PickedSentence } | undefined {
  const found = askedEntry(q, readings);
  return found && q.kind === "yesno" ? { answer: sentenceAnswer(q, found.sentence), sentence: found.sentence } : found;
}

/** Candidate sentences searched for the first one of an identifier's entry (see entryDescription). */
const ENTRY_SENTENCES = 40;
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
function entryDescription(q: Question, rank: () => PickedSentence[]): { answer: string; sentence: PickedSentence } | undefined {
  const what = WHAT_IS_IDENTIFIER.exec(q.text);
  const asked = what?.[1];
  if (!asked || !identifiersIn(asked).includes(asked)) return undefined;
  const own = rank().filter((s) => s.reading.subject !== undefined && sameIdentifier(s.reading.subject, asked));
  // The part of a sentence after the entry's term line, when the sentence holds it.
  const afterTermLine = (s: PickedSentence): string | undefined => {
    const doc = s.reading.doc.text;
    const lineEnd = doc.indexOf("\n", s.start);
    if (lineEnd < 0 || lineEnd >= s.end || !TERM_LINE.test(doc.slice(doc.lastIndexOf("\n", s.start) + 1, lineEnd))) return undefined;
    return readable(doc.slice(lineEnd + 1, s.end)).trim();
  };
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

/** Each index's documents by the folded name their title gives them (see foldName), built on first use. */
const titled = new WeakMap<SearchIndex, Map<string, string>>();

/**
 * `hits` with the passages that say what a "what is X" question's X is, when retrieval left them
 * out: the opening of the document X names ("what does git stash do" → git-stash(1)), whose NAME
 * line holds few of the question's words yet is what the page says it is; and the first passages
 * of the entry headed X ("what is a heisenbug", "What is Python?"), which many passages mention.
 */
function withNamedPassages(index: SearchIndex, q: Question, hits: ScoredPassage[]): ScoredPassage[] {
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
  const at = Math.max(0, READ_FIRST - named.length);
  return [...rest.slice(0, at), ...named, ...rest.slice(at)];
}

/** The document a "what is X" question names by its title's name (see foldName, titleName), if any. */
function namedDocument(index: SearchIndex, q: Question): IndexedDoc | undefined {
  const asked = WHAT_IS_THING.exec(q.text)?.[1];
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
function documentDescription(index: SearchIndex, q: Question, readings: Reading[]): { answer: string; sentence: PickedSentence } | undefined {
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

/**
 * The items of the list the answer sentence leads in to, or writes out ("such as A, B and C"; a
 * `series`), or the list the best passages stand in. When the best sentence holds no list, the
 * next best ones are tried before the passages: "which values can X take" is answered by "one of
 * `low`, `medium`, …", which the ranker may place just below a sentence that names X better.
 */
function listOf(q: Question, readings: Reading[], ranked: PickedSentence[]): { items: string[]; series?: true; sentence?: PickedSentence } | undefined {
  // Past the first LIST_SENTENCES, a lead-in must name what the question lists ("modes", "values").
  const noun = listedNoun(q);
  const names = noun ? new RegExp(`\\b${escapeRegExp(noun)}`, "i") : undefined;
  for (const [at, sentence] of ranked.slice(0, LEAD_IN_SENTENCES).entries()) {
    if (at >= LIST_SENTENCES && !names?.test(sentence.text)) continue;
    const items = introducedBlock(sentence.text, sentence.reading.doc.text, sentence.end)?.items;
    if (items && items.length >= 2) return { items: items.slice(0, MAX_LIST_ITEMS), sentence };
  }
  for (const sentence of ranked.slice(0, LIST_SENTENCES)) {
    const series = sentence.code ? undefined : seriesIn(q, sentence);
    if (series) return { items: series, series: true, sentence };
  }
  for (const r of [ranked[0]?.reading, ...readings.slice(0, 2)]) {
    if (!r) continue;
    const items = listAround(r.doc.text, r.hit.passage.start) ?? (isLeadIn(r.body.text, r.doc.text, r.hit.passage.end) ? blockAfter(r.doc.text, r.hit.passage.end)?.items : undefined);
    if (items && items.length >= 2) return { items: items.slice(0, MAX_LIST_ITEMS) };
  }
  return undefined;
}

/** What a list question lists: its type noun ("what are the modes" → mode), or the noun after "what"/"which" ("what values can …" → value). */
function listedNoun(q: Question): string | undefined {
  if (q.typeNoun) return q.typeNoun;
  const after = /^\s*(?:what|which)\s+(\p{L}+)/iu.exec(q.text)?.[1]?.toLowerCase();
  return after ? q.terms.find((t) => t.surface === after || t.term === after || after.startsWith(t.term))?.term : undefined;
}

/**
 * List items as one answer of at most `max` characters. Items too long to fit together are cut
 * to their lead ("`echo -n`, if implemented as a shell built-in, must not …" → "`echo -n`"): a
 * definition list's items open with the thing defined, and every item named beats the first
 * few quoted whole.
 */
export function itemsAnswer(items: string[], max: number): string {
  const whole = items.join("; ");
  if (whole.length <= max) return whole;
  const share = Math.floor(max / items.length) - 2;
  return items.map((item) => cut(leadOf(item), share)).join("; ");
}

/** An item's text before its first clause break (",", ":", " - ", "("), when that leaves words. */
function leadOf(item: string): string {
  const m = /^(.+?)(?:[,:;(]|\s[-–—]\s)/.exec(item);
  return m && /[\p{L}\p{N}]/u.test(m[1] as string) ? (m[1] as string).trim() : item;
}

/** The members of a series written out in the answer sentence ("such as A, B and C"). */
function seriesIn(q: Question, sentence: PickedSentence, onlyAfterQuestionWords = false): string[] | undefined {
  const within = (span: { start: number; end: number }) => sentence.reading.body.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  let found = enumerationIn(within(sentence), sentence.reading.doc.text, q.lemmas);
  // A list question's sentence often names the set and the next one lists it ("… considered whitespace. This includes space, tab, …").
  if (!found && !onlyAfterQuestionWords && sentence.next) found = enumerationIn(within(sentence.next), sentence.reading.doc.text, q.lemmas);
  return found && (found.afterQuestionWords || !onlyAfterQuestionWords) ? found.members.slice(0, MAX_LIST_ITEMS) : undefined;
}

/** Answers `question` from `index`. Never throws for a bad question. */
export function composeAnswer(index: SearchIndex, question: string, options: PipelineOptions = {}): Answer {
  const draft = draftAnswer(index, question, options);
  if (!("signals" in draft)) {
    const excerpts = draft.q ? byQuote(draft.readings).slice(0, MAX_EXCERPTS).map((r) => excerptOf(r, draft.q as Question)) : [];
    return { question, answer: null, confidence: 0, kind: draft.kind, excerpts, message: draft.message };
  }
  const { q, readings, timing } = draft;
  const decision = calibrate(draft.signals);
  // A subject question's relation ("who won … election") that no passage states is not answered
  // by the names near its words. One of three hard rules besides the fitted decision.
  const unstated = q.relation !== undefined && readings.every((r) => r.relationMissing);
  // So is a question about an identifier none of the retrieved documents holds ("max_wal_size"
  // answered from "max_wal_senders").
  const known = (word: string): boolean => index.documentFrequency(word) > 0 || index.documentFrequency(word.replace(/s$/, "")) > 0;
  const undocumented = unheldIdentifier(q.text, () => new Set(readings.map((r) => r.doc.text)), known) !== undefined;
  // And a definition of a phrase no passage writes ("technical debt meaning" over passages on debt).
  const phrase = abbreviationIn(q) ? [] : definedPhrase(q);
  // (An entry headed by the phrase's first words defines it: "the Essential field" under "Essential".)
  const undefinedPhrase = phrase.length > 0 && !readings.some((r) => holdsPhrase(r, phrase)) && !headedEntry(q, readings);
  if (!decision.answer || !draft.answer || unstated || undocumented || undefinedPhrase) {
    const nearest = byQuote(readings).slice(0, MAX_EXCERPTS).map((r) => excerptOf(r, q));
    return {
      question,
      answer: null,
      confidence: 0,
      kind: q.kind,
      excerpts: nearest,
      message: nearest.length ? "The documents don't answer that. These are the nearest passages." : "The documents don't answer that.",
      timing,
    };
  }
  const excerpts = pickExcerpts(readings, draft.items, draft.sentence?.reading).map((r) => excerptOf(r, q));
  return { question, answer: draft.answer, confidence: round(decision.confidence), kind: q.kind, excerpts, timing };
}

/** The phrase a definition question defines: "what is (a) X", "what does X mean", "X meaning", "define X". */
const DEFINED = /^(?:what(?:'s| is| are)|define|meaning of|definition of)\s+(?:an?\s+|the\s+)?([\p{L}\p{N}' -]{3,40}?)\s*\??$|^what does (?:the (?:term|word|phrase) )?([\p{L}\p{N}' -]{3,40}?) mean\s*\??$|^([\p{L}\p{N}' -]{3,40}?) (?:meaning|definition)\s*\??$/u;

/**
 * The terms of the phrase a definition question defines, when it names one of two words or more
 * ("technical debt meaning"); otherwise none. "the status values of a brew" asks for a property
 * of something, not what a phrase means.
 */
function definedPhrase(q: Question): string[] {
  const defined = q.kind === "definition" ? DEFINED.exec(q.text.toLowerCase().trim()) : null;
  const named = defined ? (defined[1] ?? defined[2] ?? defined[3] ?? "") : "";
  if (!named || /\b(?:of|for|in|on|with|to|from|by|at|about|when|if)\b/.test(named)) return [];
  const phrase = termsOf(named);
  return phrase.length >= 2 ? phrase : [];
}

/**
 * Whether the passage (or its heading) writes `phrase` in order, its words next to each other
 * (punctuation aside: "code-smell", "`json` module"): a passage that defines a phrase names it whole.
 */
function holdsPhrase(r: Reading, phrase: string[]): boolean {
  return [r.body, r.heading].some(({ tokens, terms }) => {
    const words = terms.filter((term, i) => term !== null || (tokens[i] as Token).type === "word");
    return words.some((_, i) => phrase.every((term, k) => words[i + k] === term));
  });
}

/** The readings likeliest to quote the evidence first (see Reading.quote); a copy. */
function byQuote(readings: Reading[]): Reading[] {
  return [...readings].sort((a, b) => b.quote - a.quote);
}

/** Up to three passages: the answer sentence's first, then those quoting the answer, then the likeliest to quote evidence; no passage twice. */
function pickExcerpts(readings: Reading[], items: string[], lead: Reading | undefined): Reading[] {
  const support = (r: Reading): number => items.filter((item) => r.body.text.includes(item) || r.hit.passage.heading?.includes(item)).length;
  const likeliest = byQuote(readings)[0];
  const scored = readings.map((r) => ({ r, key: (r === lead ? 10 : 0) + (r === likeliest ? 1 : 0) + support(r) * 2 + r.quote }));
  scored.sort((a, b) => b.key - a.key);
  const seen = new Set<string>();
  const out: Reading[] = [];
  for (const { r } of scored) {
    const key = r.body.text.replace(/\s+/g, " ");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
    if (out.length >= MAX_EXCERPTS) break;
  }
  return out;
}

function excerptOf(r: Reading, q: Question): Excerpt {
  return makeExcerpt(r.doc, r.hit.passage, r.hit.score, r.body, q.lemmas);
}

function ms(n: number): number {
  return Math.round(n * 100) / 100;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
