/**
 * The answer pipeline, one stage a module:
 *
 *   question (question.ts) → retrieve (SearchIndex) → rerank (rerank.ts)
 *     → extract (vote.ts, code.ts, list.ts, describe.ts, definition.ts, sentence.ts, structure.ts)
 *     → calibrate (calibrate.ts) → compose (here)
 *
 * `draftAnswer` runs every stage but the decision and returns the signals the decision reads
 * (the calibration script fits on them); `composeAnswer` decides and shapes the reply.
 */
import { escapeRegExp } from "../nlp/regexp.js";
import { stemOf } from "../nlp/stem.js";
import { isEnglishWord, termsOf, type Token } from "../nlp/analyse.js";
import type { SearchIndex } from "../search/build.js";
import type { Answer, AnswerKind, Excerpt } from "../types.js";
import { calibrate, type Signals } from "./calibrate.js";
import { asksDefault, asksVersion, labelledRelease, namedInQuestion, VERSION_TEXT, voteCode } from "./code.js";
import { abbreviationIn, expansionOf } from "./acronym.js";
import { definedEntry, headedEntry } from "./definition.js";
import { fieldAsked } from "./field.js";
import { makeExcerpt } from "./excerpt.js";
import { identifiersIn, unheldIdentifier, unheldName } from "./identifiers.js";
import { lookedUp } from "./lookup.js";
import { nameAsked } from "./naming.js";
import { parseQuestion, type Question, type QuestionTerm } from "./question.js";
import { correctQuestion } from "./spelling.js";
import { bestCovering, idfOf, rerank, type Reading, type ReadingModel } from "./rerank.js";
import { cut, MAX_LIST_ANSWER, rankedSentences, sentenceAnswer, type PickedSentence } from "./sentence.js";
import { introducedBlock } from "./structure.js";
import { statesMeasure } from "./candidates.js";
import { parametersAsked, signatureDefault } from "./signature.js";
import { checkQuestion } from "./validate.js";
import { documentDescription, ENTRY_SENTENCES, entryDescription, faqAnswer, wayEntry, withAskedEntryPassages, withEntryPassages, withNamedPassages } from "./describe.js";
import { countedList, itemsAnswer, LEAD_IN_SENTENCES, LIST_SENTENCES, listOf, seriesIn } from "./list.js";
import { joinList, VOTED_KINDS, voteCandidates, type Voted } from "./vote.js";

/** Passages retrieved per question: enough to gather a list spread over a document. */
const RETRIEVE = 24;
const MAX_EXCERPTS = 3;
/** A typed answer (name, code) is cut to this many characters. */
const MAX_TYPED_ANSWER = 200;

/** A file-system path: slashes and no spaces ("/etc/logrotate.d", "debian/upstream/signing-key.asc"). */
const PATH = /^[~.]?\/?(?:[\w.@+-]+\/)+[\w.@+-]*$/;
/** A web address: "where do I report bugs" may be answered by the tracker's. */
const URL = /^https?:\/\/\S+$/;
/** A value that is a number ("1000", "-1", "0.2", "30s"). */
const NUMERIC = /^[-+]?\d/;

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
  const hits = withAskedEntryPassages(index, q, withEntryPassages(index, q, withNamedPassages(index, q, index.searchTerms(q.terms, RETRIEVE))));
  const retrieved = performance.now();
  const listy = q.plurality !== "one" && VOTED_KINDS.has(q.kind);
  const idf = idfOf(index, q);
  const readings = rerank(index, q, idf, hits, listy, options.readingModel);
  const best = bestCovering(readings);
  if (!best) return { message: "The documents don't answer that.", kind: q.kind, readings, q };

  const extracted = extract(index, q, readings);
  const idfTotal = [...idf.values()].reduce((s, w) => s + w, 0) || 1;
  const unknownOf = (t: QuestionTerm): boolean => index.documentFrequency(t.term) === 0 && !(t.surface && index.documentFrequency(t.surface) > 0);
  // (Weighed as the question weighs its words: a light verb no passage holds, "start with" for
  // "takes", counts less than a noun would. Tune and typo'd tune unchanged by the weights.)
  const weighed = (t: QuestionTerm): number => (idf.get(t.term) ?? 0) * t.weight;
  const unknown = q.terms.filter(unknownOf).reduce((s, t) => s + weighed(t), 0) / (q.terms.reduce((s, t) => s + weighed(t), 0) || 1);
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

/**
 * A vote for people that lists only runs of ordinary English words ("Background Writer, Memory,
 * Disk"; "Module Contents, Data Types and Notes") has found section titles, not names: at least
 * one of several people has a name wink's lexicon does not hold ("Rayner", "Allin-Khan"), or is
 * written as the agent of what was done ("founded in 1987 by Ada Brown and Tom Gray").
 */
function titlesForPeople(q: Question, voted: Voted, readings: Reading[]): boolean {
  if (q.kind !== "person" || voted.items.length < 2) return false;
  if (!voted.items.every((item) => item.split(/[\s-]+/).every((w) => isEnglishWord(w.toLowerCase())))) return false;
  return !readings.some((r) => voted.items.some((item) => new RegExp(`\\bby\\s+${escapeRegExp(item)}\\b`).test(r.body.text)));
}

/** "What is …", "what's …", "what are …". */
const WHAT_IS = /^\s*what(?:'s|’s| is| are)\b/i;

/** "Is there a …?", "are there any …?": whether a thing exists, and which (the thing's noun is caught). */
const EXISTENTIAL = /^\s*(?:is|are) there (?:an?|any|some)?\s*([\p{L}-]+)/iu;
/** A sentence that says the thing does not exist: "There is no option to …", "there are no such tools" (its noun caught). */
const NONE_THERE = /\bthere (?:is|are|was|were) (?:currently )?no (?:such )?([\p{L}-]+)/iu;

/** The sentence among `ranked` that denies the very thing "is there an option to …?" asks for ("There is no option to …"). */
function deniedThing(q: Question, ranked: PickedSentence[]): PickedSentence | undefined {
  const asked = EXISTENTIAL.exec(q.text)?.[1];
  if (!asked) return undefined;
  const noun = stemOf(asked.toLowerCase());
  return ranked.find((s) => {
    const denied = NONE_THERE.exec(s.text)?.[1];
    return denied !== undefined && stemOf(denied.toLowerCase()) === noun;
  });
}

/** A sentence as prose ends it: with a stop (a line of code ends without one: "func()"). */
const PROSE = /[.!?…]["”’)]*$/u;

/** A sentence of prose: not code, ended by a stop, or a lead-in to a list (not to code: "… would look like this:"). */
function isProse(s: PickedSentence): boolean {
  return !s.code && (PROSE.test(s.text) || introducedBlock(s.text, s.reading.doc.text, s.end)?.items !== undefined);
}

/** A yes/no, definition or why question: answered by a sentence of prose ("how do I …" may be answered by a command). */
function wantsProse(q: Question): boolean {
  return q.kind === "yesno" || q.kind === "definition" || (q.kind === "reason" && /\bwhy\b/i.test(q.text));
}

/** The answer the best readings give, by the kind of answer wanted. */
function extract(index: SearchIndex, q: Question, readings: Reading[]): Extracted {
  const ranked = rankedSentences(q, readings, Math.max(LIST_SENTENCES, LEAD_IN_SENTENCES));
  // What a thing is, why, and whether are told in prose, not by the code under a heading.
  const sentence = wantsProse(q) ? (ranked.find(isProse) ?? ranked[0]) : ranked[0];
  const withSentence = sentence ? { sentence } : {};
  // An answer of the wanted kind (a name, an expansion, a path, list items, code), not a sentence.
  const typed = (answer: string, items: string[], margin = 1, support = 1): Extracted => ({ answer, items, typed: true, margin, support, ...withSentence });
  const wantsList = q.plurality === "many";
  const abbreviation = abbreviationIn(q);
  const expansion = abbreviation ? expansionOf(abbreviation, readings) : undefined;
  if (expansion) return typed(expansion, [expansion]);
  // "What is the Kettle Club?" under a FAQ heading that asks it in so many words: its entry says
  // what it is, whatever kind of thing the question's nouns ("club") would have it be.
  const faq = faqAnswer(q, readings);
  if (faq && WHAT_IS.test(q.text)) return { answer: faq.answer, items: [], typed: false, margin: 0, support: 0, sentence: faq.sentence };
  // "Is there an option to …?" over "There is no option to …": the documents say no.
  const none = deniedThing(q, ranked);
  if (none) {
    // (A yes/no question's sentence answer already leads with its "No.")
    const denial = sentenceAnswer(q, none);
    return { answer: /^No\b/.test(denial) ? denial : `No. ${denial}`, items: [], typed: false, margin: 0, support: 0, sentence: none };
  }
  // "What arguments does subprocess.run take?": the parameters its signature names.
  const params = parametersAsked(q, readings);
  if (params) return typed(cut(joinList(params), MAX_LIST_ANSWER), params);
  // "what type is kettle.capacity" over "* Type: {integer}": the value of the field the question
  // names; else "INV_RECP reason code 14", "the record tag for a secret subkey": a lookup table's
  // line read either way. Quoted from the sentence that holds it.
  const line = fieldAsked(q, readings) ?? lookedUp(index, q, readings);
  if (line) {
    const quoted = ranked.find((s) => s.reading === line.reading && s.text.includes(line.text));
    return { ...typed(cut(line.text, MAX_TYPED_ANSWER), [line.text]), ...(quoted ? { sentence: quoted } : {}) };
  }
  if (q.kind === "term") {
    const name = nameAsked(q, sentence, readings);
    if (name) return typed(cut(name, MAX_TYPED_ANSWER), [name]);
  }
  // "which status line is emitted right before a signature verification" over "NEWSIG
  // [<signers_uid>]" heading "Is issued right before a signature verification starts.": a
  // description with no subject of its own is of the entry its heading names, and that is the answer.
  // (Asked for code, "which option …", the entry's names are voted for with the rest of the code: below.)
  const entry = q.kind === "thing" && q.plurality !== "many" && sentence ? describedEntry(q, sentence) : undefined;
  if (entry) return typed(entry, [entry]);
  // "Where do I put …?" in documentation asks for a path ("/etc/logrotate.d"), not a place name.
  const path = q.kind === "place" ? voteCode(q, readings, (text) => PATH.test(text) || URL.test(text)) : undefined;
  if (path) return typed(cut(path.text, MAX_TYPED_ANSWER), path.items, path.margin, path.support);
  // "How many priority levels are there?" over "The following priority levels are recognized:": the list, counted.
  const counted = q.kind === "number" ? countedList(q, ranked) : undefined;
  if (counted) return { ...typed(cut(`${counted.items.length}: ${joinList(counted.items)}`, MAX_LIST_ANSWER), counted.items), sentence: counted.sentence };
  // "When was X added?" in software documentation: the release labelled so, before any calendar date.
  const release = q.kind === "date" ? labelledRelease(q, readings) : undefined;
  if (release) return typed(release.text, release.items, release.margin, release.support);
  // "How many … by default?": the number a passage states as the default ("The default is 1000
  // tuples."), not another number near the question's words ("If -1 is specified, …").
  const statedDefault = q.kind === "number" && asksDefault(q) ? voteCode(q, readings, (text) => NUMERIC.test(text), true) : undefined;
  if (statedDefault) return typed(cut(statedDefault.text, MAX_TYPED_ANSWER), statedDefault.items, statedDefault.margin, statedDefault.support);
  // Names, dates and numbers are voted for across passages first; a list of other things is read from its sentence or block.
  const voted = voteCandidates(index, q, readings);
  // No one is named: section titles are ("who wrote postgresql" over "Background Writer, Memory, Disk").
  if (voted && titlesForPeople(q, voted, readings)) return { answer: "", items: [], typed: false, margin: 0, support: 0, ...withSentence };
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
  const described = !wantsList ? (entryDescription(q, () => rankedSentences(q, readings, ENTRY_SENTENCES)) ?? documentDescription(index, q, readings) ?? definedEntry(q, readings) ?? faq ?? wayEntry(q, ranked)) : undefined;
  if (described) return { answer: described.answer, items: [], typed: false, margin: 0, support: 0, sentence: described.sentence };
  // "What organic matter …?" over "organic matter such as A, B, and C": the members, even asked in the singular.
  const series = !wantsList && q.kind === "thing" && sentence ? seriesIn(q, sentence, true) : undefined;
  if (series) return typed(cut(joinList(series), MAX_LIST_ANSWER), series);
  if (q.kind === "code") {
    // "which python version …" is answered by a release number, not by other code near it.
    const shaped = q.typeNoun === "version" ? (text: string) => VERSION_TEXT.test(text) : () => true;
    const voted = voteCode(q, readings, shaped);
    // One code is asked for and the answer sentence names code, but not the code voted for: the
    // sentence's is the answer ("Use `--limitflush` … to delete oversized mails along with the
    // `--limit` option" over "--flush", voted for by the entries near the question's words), and
    // the answer agrees with the sentence quoted for it. (Tune +2 −1 right, test +2.)
    const inSentence = sentence && voted && q.plurality !== "many" && !writes(sentence.text, voted.text) ? voteCode(q, readings, (text) => shaped(text) && writes(sentence.text, text)) : undefined;
    const code = inSentence ?? voted;
    if (code) return typed(cut(code.text, code.items.length > 1 ? MAX_LIST_ANSWER : MAX_TYPED_ANSWER), code.items, code.margin, code.support);
  }
  // "default timeout for subprocess.run" that no sentence states: the signature's "timeout=None".
  const signed = signatureDefault(q, readings);
  if (signed) return typed(cut(signed, MAX_TYPED_ANSWER), [signed]);
  // The default of a named identifier is a value: a sentence that states no default does not give it.
  const unstatedDefault = !givesDefault(q, sentence?.text ?? "");
  // Nor does a sentence with no number answer "how old" or "what year", nor one with no release "which version …".
  const unstated = unstatedDefault || (sentence !== undefined && !statesMeasure(q, sentence.text));
  return { answer: sentence && !unstated ? sentenceAnswer(q, sentence) : "", items: [], typed: false, margin: 0, support: 0, ...withSentence };
}

/** "Which X …" or "what X …" (not "what is …", "what does …"): asks which thing, by a noun. */
const WHICH_NOUN = /^\s*(?:which|what)\s+(?!(?:is|are|was|were|does|do|did|can|could|should|would|will|happens?|if)\b)[\p{L}-]+/iu;
/** An entry's name at the start of its heading: a constant, a flag, a call, a code span ("NEWSIG [<signers_uid>]"). */
const ENTRY_NAME = /^\s*(?:`([^`\n]{1,60})`|([A-Z][A-Z\d_]{2,}|--?[A-Za-z][\w-]*|[A-Za-z_][\w.]*\(\)))(?=\s|$)/;

/**
 * The entry a subjectless description describes: the name its passage's heading opens with, when
 * the sentence opens its passage with a verb ("Is issued right before …", "Displays the …").
 */
function describedEntry(q: Question, sentence: PickedSentence): string | undefined {
  if (!WHICH_NOUN.test(q.text)) return undefined;
  const r = sentence.reading;
  const first = r.body.tokens.find((t) => t.start >= sentence.start && t.type === "word");
  if (!first || (first.pos !== "VERB" && first.pos !== "AUX") || !/^\p{Lu}/u.test(first.text)) return undefined;
  // (The first sentence of its passage: the heading is over it.)
  if (r.doc.text.slice(r.hit.passage.start, sentence.start).trim() !== "") return undefined;
  // (Term lines written one under another head their description together, joined by commas as
  // layout.ts reads them: "General status lines, BOILING [<minutes>]"; the entry's is the last.)
  const m = ENTRY_NAME.exec((r.hit.passage.heading ?? "").split(", ").pop() ?? "");
  const name = m?.[1] ?? m?.[2];
  return name && !q.text.toLowerCase().includes(name.toLowerCase()) ? name : undefined;
}

/** Whether `text` writes `name` whole, not as a piece of a longer name ("--limitflush" does not write "flush"). */
function writes(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`).test(text);
}

/**
 * Whether a sentence answer can give the default a question asks for (true when none is asked).
 * The default of something the question names as code ("the default interval of
 * --keepalive-time", "work_mem default") is a value stated as a default: a sentence that says
 * nothing of a default does not give it; nor, whatever is named, does one that says neither
 * "default" nor a number ("This initializes a struct … and it cannot fail.").
 */
export function givesDefault(q: Question, sentence: string): boolean {
  if (!asksDefault(q) || /\bdefault/i.test(sentence)) return true;
  return identifiersIn(q.text).length === 0 && namedInQuestion(q).length === 0 && /\d/.test(sentence);
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
  // And an answer whose passages never write a number the question does ("version 7 UUID",
  // "python 3.11.2 release date"): the question is about something more particular than they are.
  const unnumbered = numbersIn(q.text).some((n) => !answerPassages(draft, readings).some((r) => holdsNumber(r, n)));
  // And a question about a name written in capitals that no passage of the corpus holds ("the JMAP protocol").
  const unheard = unheldName(q.text, q.terms, known) !== undefined;
  if (!decision.answer || !draft.answer || unstated || undocumented || undefinedPhrase || unnumbered || unheard) {
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

/** A number or release a question writes on its own ("3", "3.11.2", "v7"), not inside a name ("sqlite3", "-N", "2x4"). */
const NUMBER_WRITTEN = /(?<![\p{L}\p{N}_./-])v?\d+(?:\.\d+)*(?![\p{L}\p{N}_]|\.\d)/gu;

function numbersIn(text: string): string[] {
  return [...new Set([...text.matchAll(NUMBER_WRITTEN)].map((m) => m[0].replace(/^v/, "")))];
}

/** The readings an answer rests on: its sentence's, and those that write one of its items. */
function answerPassages(draft: Draft, readings: Reading[]): Reading[] {
  const own = readings.filter((r) => r === draft.sentence?.reading || draft.items.some((item) => r.body.text.includes(item)));
  return own.length > 0 ? own : readings.slice(0, 1);
}

/**
 * Whether a reading's passage or its heading writes `n` as a number. (Not its document's title:
 * "… — Python 3.11.2 documentation" names the release of the whole set, not what the passage says.)
 */
function holdsNumber(r: Reading, n: string): boolean {
  // (A small number may be written as a word: "3 contracts" is held by "three contracts".)
  const word = NUMBER_WORDS[Number(n)];
  const written = word && /^\d+$/.test(n) ? `(?:${escapeRegExp(n)}|\\b${word}\\b)` : escapeRegExp(n);
  const re = new RegExp(`(?<![\\p{N}.])${written}(?![\\p{N}]|\\.\\d)`, "iu");
  return [r.body.text, r.hit.passage.heading ?? ""].some((text) => re.test(text));
}

/** Numbers written as words, by value. */
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

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
