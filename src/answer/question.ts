/**
 * Question analysis: which kind of answer is wanted, whether one or several, and which words
 * matter (and how much) for finding and checking a passage.
 */
import { escapeRegExp } from "../nlp/regexp.js";
import { withoutRequest } from "../nlp/request.js";
import { analyse, isEnglishWord, searchWordOf, termOf, type Token } from "../nlp/analyse.js";
import { nameSpans, surnameKey } from "../nlp/names.js";
import type { AnswerKind } from "../types.js";

export interface QuestionTerm {
  term: string;
  /** The word as written, lower-cased, where it differs from the term (for search: see alternativesOf). */
  surface?: string;
  /** Which written word of the question the term comes from (see SearchWord). */
  word?: number;
  /** How much a passage that lacks the term fails the question (0-1). */
  weight: number;
  /** Part of a name in the question ("Rosena Allin-Khan"): a passage may use the surname alone. */
  name?: string;
}

export interface Question {
  text: string;
  kind: AnswerKind;
  /** One answer, several, or whatever the passages give ("Who is standing …?"). */
  plurality: "one" | "many" | "auto";
  /** Distinct search terms, in question order. */
  terms: QuestionTerm[];
  /** Names the question mentions, by surname key: never the answer to their own question. */
  names: Set<string>;
  /** Lemmas of every content word of the question, to keep them out of answers. */
  lemmas: Set<string>;
  /** The noun after which/what ("committee", "constituency"), when there is one. */
  typeNoun?: string;
  /**
   * For a subject question ("Who won the deputy leadership election?"): its verb and the first
   * noun after it, which an answering passage must hold close together ("won … election").
   */
  relation?: { verb: string; object: string };
}

/**
 * "where" that asks: followed by an auxiliary ("where did she …") or ending the question ("…
 * heard where"). Followed by anything else it is a word of the question ("a delete with no where
 * clause") or opens a clause of it. (The same rule for "when" answered one more tune question and
 * one trap fewer on test: left out.)
 */
const ASKING_WHERE = /\bwhere(?:'s\b|\s+(?:is|are|was|were|do|does|did|will|would|can|could|should|shall|has|have|had|must|might|may)\b|\s*[?!.]*\s*$)/;

const AUX_START = /^(is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|must|may|might|shall)\b/i;

/** Nouns that, after "which"/"what", say what kind of thing the answer is. */
const TYPE_NOUNS: Record<string, AnswerKind> = Object.create(null) as Record<string, AnswerKind>;
const addType = (kind: AnswerKind, words: string): void => {
  for (const w of words.split(" ")) TYPE_NOUNS[w] = kind;
};
addType("person", "person people man woman men women mp mps candidate minister leader member politician author president secretary chancellor player director spokesman spokeswoman spokesperson chair chairman founder creator inventor maintainer developer writer actor singer king queen officer doctor lawyer judge manager ceo owner journalist reporter colleague winner loser");
addType("organisation", "committee party organisation organization company newspaper paper outlet group union movement agency department team firm publication website site body institution charity club government board council university school");
addType("place", "constituency seat city town country place region county state area district location venue village continent street address");
addType("date", "year date day month time decade century week");
addType("number", "percentage percent number amount proportion share age price cost figure total count size limit maximum minimum max min port");
// Documentation answers: an identifier, a command, a flag, a path, a version — shown as code.
addType("code", "function method class module command option flag switch parameter argument attribute property variable setting keyword exception error package file directory folder path field extension tool utility program script operator statement clause macro constant library format syntax version header signal event mode level suffix prefix");

/**
 * How much a missing word fails a passage, by part of speech: names and nouns carry the
 * question; verbs are often paraphrased ("represent" ↔ "MP for"), adjectives and adverbs more so.
 */
const POS_WEIGHT: Record<string, number> = { PROPN: 1, NOUN: 1, NUM: 1, VERB: 0.5, ADJ: 0.5, ADV: 0.3 };
/** The type noun ("which committee") is what the answer is, not a word the passage must repeat. */
const TYPE_NOUN_WEIGHT = 0.1;
/**
 * The verb of a subject question ("Who won …?") is the relation asked about: a passage without it
 * does not answer. The verb of an object question ("Which seat does she represent?") is mostly
 * carried by the type noun and is often paraphrased ("MP for Islington South").
 */
const SUBJECT_VERB_WEIGHT = 1;
const OBJECT_VERB_WEIGHT = 0.2;

/** Words that ask for a definition ("mean", "stand for", "supposed to be"), left out of a definition question's search terms. */
const DEFINITION_FRAME = new Set(["mean", "meaning", "define", "definition", "stand", "acronym", "abbreviation", "term", "suppose"]);

/**
 * A question that asks for the name of what it describes ("What is the term for …?", "What are
 * … called?", "what do you call …"): the answer is a word the passage defines, not a sentence.
 */
const NAMING = /\bwhat(?:'s| is| are| was)? (?:the |a |an )?(?:term|word|name|expression|phrase|slang|jargon) (?:for|used for|that means|meaning)\b|\bwhat (?:is|are|was|were) .{3,80}? (?:called|known as|termed)\b|\bwhat (?:do|does|did) (?:you|we|people|they|hackers|programmers|one) call\b|\bhow (?:is|are) .{3,60}? called\b/;
/** Words that ask for a name, left out of a naming question's search terms. */
const NAMING_FRAME = new Set(["term", "word", "name", "expression", "phrase", "call", "called", "know", "known"]);

/**
 * Words people put in a chat that say nothing of what they ask ("who's actually running", "bad
 * stuff in the logs", "are they the same thing", "thx"), left out of the search terms. wink's
 * stop list already holds "anyway", "really", "just", "please".
 */
const CHAT_FILLER = new Set(["stuff", "thing", "actually", "basically", "anyways", "literally", "thanks", "thx", "btw", "lol", "kinda", "sorta", "gonna", "wanna", "gotta", "ok", "okay", "hey", "hi", "hello", "guy", "folk", "vs", "versus"]);

/**
 * Words that say where the documents tell it, not what they tell: "Which virus scanner is named
 * as a particular offender", "the methods described in the … section", "the reasons given for
 * why …". The participle of a verb of telling before "as", "in", "for" or "among" is left out of
 * the search terms and is no verb of the question: the passage says "McAfee … is a particular
 * offender", not that it is named.
 */
const TELLING = /^(?:described|mentioned|named|listed|given|cited|stated|noted|presented|shown|documented)$/;
const TELLING_AFTER = /^(?:as|in|for|among)$/;

/** Whether token `i` is a verb of telling (see TELLING). */
function tellingAt(tokens: Token[], i: number): boolean {
  return TELLING.test((tokens[i] as Token).text.toLowerCase()) && TELLING_AFTER.test(tokens[i + 1]?.text.toLowerCase() ?? "");
}

/** A written word that is code: a flag ("--keep-base", "-m"), snake_case, a dotted or camelCase name. */
const CODE_WORD = /^-{1,2}[A-Za-z]|[A-Za-z0-9]_[A-Za-z0-9]|[a-z]\.[A-Za-z_]|[a-z][A-Z]/;

/** "who is …", "who was …", "who's …": with nothing but a name after it, a question about that person. */
const WHO_IS = /^who(?:'s|\s+(?:is|was|are|were))\s/;
/** "Who is RMS?", "who was Ada Quill": the words after who is, when each is written as a name (capital first). */
const WHO_IS_REST = /^who(?:'s|\s+(?:is|was|are|were))\s+([\p{L}\d.'-]+(?:\s+[\p{L}\d.'-]+)*)\s*\??$/u;
const WHO_IS_NAME = /^who(?:'s|\s+(?:is|was|are|were))\s+((?:\p{Lu}[\p{L}\d.'-]*\s*){1,4})\??$/u;

/** "what happened to …", "what happens when …", "what will happen if …": a frame around what is asked about. */
const WHAT_HAPPENED = /\bwhat(?:'s| has| had| will| would| could| did)?\s+happen(?:s|ed|ing)?\b/;

/** Words that, after "how", say what measure is asked for ("how long", "how old"): no word of the answer. */
const MEASURE_ASKED = new Set(["long", "old", "far", "big", "large", "small", "tall", "high", "often", "soon", "wide", "deep", "heavy", "fast", "late", "early"]);

/** The noun of the measure "how" asks for with an adjective (English, not any corpus's). */
const MEASURE_NOUN: Record<string, string> = { big: "size", large: "size", small: "size", tall: "height", high: "height", wide: "width", deep: "depth", heavy: "weight", fast: "speed", far: "distance" };
/** The measure's noun counts less than a word the question writes. */
const MEASURE_NOUN_WEIGHT = 0.5;

/** Words that ask for a reason in a keyword question, left out of its search terms. */
const REASON_FRAME = new Set(["reason", "rationale"]);

const WH = /\b(who|whom|whose|when|where|why|how|which|what)\b/i;

/**
 * English contractions typed without their apostrophe, as people write in a chat ("whats",
 * "cant", "doesnt"): read as the words they stand for, so "whats" is a question word rather than
 * a search word no document holds. Only forms that are not words of their own ("its", "were",
 * "well", "ill", "shell" are left alone).
 */
const BARE_CONTRACTIONS = new Map<string, string>(Object.entries({
  whats: "what is", whos: "who is", wheres: "where is", whens: "when is", hows: "how is", whys: "why is",
  cant: "can not", dont: "do not", doesnt: "does not", didnt: "did not", isnt: "is not", arent: "are not",
  wasnt: "was not", werent: "were not", wont: "will not", wouldnt: "would not", shouldnt: "should not",
  couldnt: "could not", hasnt: "has not", havent: "have not", im: "i am", ive: "i have", youre: "you are",
  theres: "there is", thats: "that is",
  // Question words as chat misspells them: no word of their own.
  wat: "what", wut: "what", wht: "what", hw: "how", whr: "where",
}));

/**
 * Chat's short forms of common words ("can u pick", "for ur character", "w/o root", "b4 it boils"),
 * which no document writes for them: read as the words, standing alone (not "-u", "u8", "$u").
 */
const CHAT_FORMS = new Map<string, string>(Object.entries({
  u: "you", ur: "your", ya: "you", pls: "please", plz: "please", cuz: "because", becuz: "because", abt: "about",
  smth: "something", ppl: "people", thru: "through", tho: "though", wanna: "want to", gonna: "going to",
  gotta: "have to", dunno: "do not know", lemme: "let me", "w/o": "without", "w/": "with", b4: "before",
}));
const CHAT_FORM = new RegExp(`(?<![\\w./$@#=:-])(?:${[...CHAT_FORMS.keys()].map(escapeRegExp).join("|")})(?![\\w./=:-])`, "gi");

function expandContractions(text: string): string {
  const words = text.replace(/\b[A-Za-z]+\b/g, (word) => BARE_CONTRACTIONS.get(word.toLowerCase()) ?? word);
  return words.replace(CHAT_FORM, (form) => CHAT_FORMS.get(form.toLowerCase()) ?? form);
}

/** Analyses a question. */
export function parseQuestion(asked: string): Question {
  const text = withoutRequest(expandContractions(asked));
  const { tokens } = analyse(text);
  const lower = text.toLowerCase();
  const measure = keywordMeasure(tokens);
  const typeNoun = findTypeNoun(tokens) ?? (measure?.kind === "code" ? measure.token.lemma : undefined);
  const clause = questionClause(lower);
  const headKind = kindOf(clause, typeNoun, hasHeadNoun(tokens), measure?.kind);
  const kind: AnswerKind = headKind === "date" && asksCondition(clause, text) ? "condition" : headKind;
  const names = new Set<string>();
  const nameOfToken = new Map<number, string>();
  for (const span of nameSpans(tokens)) {
    names.add(surnameKey(span.text));
    for (let i = span.first; i <= span.last; i++) nameOfToken.set(i, span.text);
  }
  const terms: QuestionTerm[] = [];
  const lemmas = new Set<string>();
  // "What happened to Ivan Lewis?", "what happens if I …": "happen" asks for what the documents tell, it is not told.
  const happening = WHAT_HAPPENED.test(lower);
  const verbWeight = happening ? { at: -1, weight: 0 } : mainVerbWeight(tokens);
  let word = -1;
  const written = new Map<number, string>();
  tokens.forEach((t, i) => {
    if (t.spaceBefore) word++;
    written.set(word, (written.get(word) ?? "") + t.text);
    const term = termOf(t);
    if (!term || WH.test(t.text)) return;
    // "What does X mean?": the words that ask for a definition are not words the definition holds.
    if (kind === "definition" && DEFINITION_FRAME.has(term)) return;
    // "thursday tastings reason": the word that asks for a reason is not one the reason holds.
    if (kind === "reason" && REASON_FRAME.has(term)) return;
    if (kind === "term" && NAMING_FRAME.has(term)) return;
    if (CHAT_FILLER.has(term) || tellingAt(tokens, i) || (term === "happen" && happening)) return;
    // "how long does a game take": the measure asked for, not a word its answer holds ("about 45 minutes").
    if (MEASURE_ASKED.has(term) && tokens[i - 1]?.text.toLowerCase() === "how") {
      // ("How big can a database get": the measure's noun, "size", is a word its answer may hold.)
      const noun = MEASURE_NOUN[term];
      if (noun && !terms.some((q) => q.term === noun)) {
        lemmas.add(noun);
        terms.push({ term: noun, word, weight: MEASURE_NOUN_WEIGHT });
      }
      return;
    }
    lemmas.add(term);
    if (terms.some((q) => q.term === term)) return;
    const weight =
      term === typeNoun && kind !== "yesno" ? TYPE_NOUN_WEIGHT
      : nameOfToken.has(i) ? 1
      : i === verbWeight.at ? verbWeight.weight
      : (POS_WEIGHT[t.pos] ?? 0.5);
    const q: QuestionTerm = { ...searchWordOf(t, term, word), weight };
    const name = nameOfToken.get(i);
    if (name) q.name = name;
    terms.push(q);
  });
  // The words of an identifier or a flag ("--ignore-submodules", "geometric_mean") name one thing:
  // each carries the question whatever its part of speech.
  for (const t of terms) if (t.word !== undefined && CODE_WORD.test(written.get(t.word) ?? "") && t.weight < 1 && t.term !== typeNoun) t.weight = 1;
  // Only who/which/what ask for the subject of a relation: "how many inserted rows …" is a count.
  const subjectAsked = /^(?:who|whom|whose|which|what)$/i.test(tokens.find((t) => WH.test(t.text))?.text ?? "");
  const relation = verbWeight.weight === SUBJECT_VERB_WEIGHT && subjectAsked ? relationOf(tokens, verbWeight.at) : undefined;
  // "Who is Kelvin Hopkins?" asks what the documents say of the person named, not for another name.
  // (Written in capitals, or in lower case as words that are no English: "who is guido".)
  const named = WHO_IS_NAME.exec(text.trim())?.[1];
  const rest = WHO_IS_REST.exec(lower.trim())?.[1]?.split(/\s+/) ?? [];
  const unknownWords = rest.length > 0 && rest.length <= 3 && rest.every((w) => !isEnglishWord(w));
  const described = kind === "person" && WHO_IS.test(clause) && terms.length > 0 && (terms.every((t) => t.name !== undefined) || (named !== undefined && /^[\p{Lu}\d]/u.test(named)) || unknownWords);
  return {
    text,
    kind: described ? "definition" : kind,
    // "number of database connections": one number, whatever plural follows it.
    // "When did …?" asks for one time, as "how many" asks for one number.
    plurality: kind === "term" || (kind === "date" && /^when\b/.test(clause)) || (measure?.kind === kind && measure.token.text.toLowerCase() === measure.token.lemma) ? "one" : pluralityOf(clause, tokens, typeNoun),
    terms,
    names,
    lemmas,
    ...(typeNoun ? { typeNoun } : {}),
    ...(relation ? { relation } : {}),
  };
}

/**
 * "When does json.loads raise JSONDecodeError?", "when is the 'close' event emitted": "when" in
 * the present tense about code asks in what circumstances, which documentation tells in a
 * sentence ("If the data … is not a valid JSON document"), not for a date. The past ("when was
 * X added") and the future ("when will X be removed") ask for a time or a release, and so does
 * "when does the ballot close", which names no code.
 */
/** "when loading", "when using": a condition told by what is being done, not a time asked for. */
const GERUND = "[a-z]{3,}ing";
const WHEN_DOING = new RegExp(`\\bwhen ${GERUND}\\b`, "g");
const GERUND_WORD = new RegExp(`^${GERUND}$`);
const WHEN_PRESENT = /^when (?:does|do|is|are|should|must|can|could|may|might|would)\b/;
/** Code written in a question: a CODE_WORD, a dunder name ("__del__") or a quoted name ("'close'"). */
const CODE_IN_TEXT = /(?:^|\s)(?:__\w+__|(['"`])[\w.:-]+\1)(?=[\s?.,]|$)/;
function asksCondition(clause: string, text: string): boolean {
  if (!WHEN_PRESENT.test(clause) || ASKS_RELEASE.test(clause)) return false;
  return CODE_IN_TEXT.test(text) || text.split(/\s+/).some((w) => CODE_WORD.test(w.replace(/^[`'"(]+|[`'"?.,)]+$/g, "")));
}
/** Words of a release event ("added", "deprecated"): when that happened is a version or a date. */
const ASKS_RELEASE = /\b(?:add|added|introduc\w*|deprecat\w*|remov\w*|releas\w*)\b/;

/** A question word or an auxiliary that opens what is asked. */
const ASKS = /^(?:(?:in|on|for|from|to|at|by|with) )?(?:who|whom|whose|when|where|why|how|which|what|is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|must|may|might|shall)\b/;

/**
 * The part of a question that asks, when a chat question first says what happened: "stash pop
 * hit conflicts, did it throw away my stash" asks a yes/no question; "done bisecting, how do i
 * get back …" asks how. The clause after the first break (comma, colon, semicolon, dash) that
 * opens with a question word or an auxiliary, when the question itself does not open with one.
 */
export function questionClause(lower: string): string {
  const q = lower.trim();
  if (ASKS.test(q)) return q;
  for (const m of q.matchAll(/[,:;?]\s+|\s[-–—]+\s+/g)) {
    const rest = q.slice((m.index ?? 0) + m[0].length);
    if (ASKS.test(rest)) return rest;
  }
  // "if i run a delete with no where clause will postgres ask me first": an if-clause typed without
  // its comma ends where an auxiliary follows a word that is not its subject ("clause will").
  const unmarked = CONDITION_THEN_ASKS.exec(q);
  return unmarked ? q.slice((unmarked.index ?? 0) + (unmarked[1] ?? "").length) : q;
}

/** An opening if-clause, then the auxiliary that opens what is asked (not one of the clause, "if i do …", "if you can …", nor one after a question word, "… what should i check"). */
const CONDITION_THEN_ASKS = /^((?:if|unless|once)\s+\S+(?:\s+\S+)*?\s+(?<!\b(?:i|you|we|they|he|she|it|to|not|what|which|who|where|when|why|how)\s+))(?:will|would|does|do|did|can|could|should|shall|must|may|might)\s+(?!not\b)\S/;

function relationOf(tokens: Token[], verbAt: number): Question["relation"] {
  const verb = tokens[verbAt] ? termOf(tokens[verbAt] as Token) : null;
  // The head of the first noun phrase after the verb: "the Labour leadership" → "leadership".
  let head: Token | undefined;
  let after = tokens.length;
  for (const [k, t] of tokens.slice(verbAt + 1).entries()) {
    const nounish = (t.pos === "NOUN" || t.pos === "PROPN") && termOf(t) !== null;
    if (nounish) head = t;
    else if (head || !["DET", "ADJ", "ADP", "PRON", "NUM"].includes(t.pos)) {
      after = verbAt + 1 + k;
      break;
    }
  }
  // "Which option makes zsh split words …", "lets the kettle skip …": a causative verb with a verb
  // after its object says what brings the relation about, not the relation, which no passage
  // need write with it. ("Who made the first kettle?" asks who made it.)
  const next = tokens[after];
  const thenVerb = next !== undefined && (next.pos === "VERB" || (next.text.toLowerCase() === "to" && tokens[after + 1]?.pos === "VERB"));
  // (After a pronoun the next word is the verb whatever wink tags it: "lets me use the space bar", "use" a noun.)
  if (verb && CAUSATIVE.has(verb) && ((head && thenVerb) || tokens[verbAt + 1]?.pos === "PRON")) return undefined;
  // "which flag number means de-vs": what a term means is stated by a table's or a glossary's
  // layout ("- 23 :: … \"de-vs\"", "X — …") more often than by the verb.
  if (verb && MEANING_VERBS.has(verb)) return undefined;
  const objectTerm = head ? termOf(head) : null;
  return verb && objectTerm ? { verb, object: objectTerm } : undefined;
}

/** Verbs that say what a term means, as lemmas. */
export const MEANING_VERBS: ReadonlySet<string> = new Set(["mean", "signify", "denote", "indicate", "stand"]);

/** Verbs that make another thing do something: "makes zsh split", "lets git skip", "causes the kettle to stop". */
const CAUSATIVE = new Set(["make", "let", "cause", "allow", "help"]);

/** Verbs that take another verb and say little themselves: "ended up winning", "managed to win", "went on to lead". */
const CATENATIVE = new Set(["end", "go", "get", "manage", "happen", "try", "start", "begin", "keep", "continue", "come", "seem", "appear", "tend", "fail", "want", "need"]);

/** The question's main verb and how much it matters: see SUBJECT_VERB_WEIGHT. */
function mainVerbWeight(tokens: Token[]): { at: number; weight: number } {
  const wh = tokens.findIndex((t) => WH.test(t.text));
  const first = tokens.findIndex((t, i) => i > wh && t.pos === "VERB" && !tellingAt(tokens, i));
  let at = first;
  // "who ended up winning …", "who managed to win …": the verb after a catenative one says what was done.
  while (at !== -1 && CATENATIVE.has((tokens[at] as Token).lemma)) {
    const next = tokens.findIndex((t, i) => i > at && i <= at + 3 && t.pos === "VERB");
    if (next === -1 || tokens.slice(at + 1, next).some((t) => !["ADP", "PART"].includes(t.pos))) break;
    at = next;
  }
  if (wh === -1 || at === -1) return { at: -1, weight: 0 };
  const between = tokens.slice(wh + 1, first);
  if (between.some((t) => t.lemma === "do")) return { at, weight: OBJECT_VERB_WEIGHT };
  const subjectQuestion = between.every((t) => ["AUX", "NOUN", "ADJ", "DET", "PART"].includes(t.pos) || TYPE_NOUNS[t.lemma] !== undefined);
  return { at, weight: subjectQuestion ? SUBJECT_VERB_WEIGHT : POS_WEIGHT.VERB ?? 0.5 };
}

/** Nouns that make keywords ask for an option by name ("git mv skip errors option"). */
const KEYWORD_OPTION_NOUNS = new Set(["flag", "option", "switch"]);

/**
 * Keywords with no question word ("max number of columns in an index", "suspension date"): a noun
 * that names a quantity or a time says that a number or a date is wanted. Other type nouns are
 * left alone there (typing keywords by their last noun lost answers).
 */
function keywordMeasure(tokens: Token[]): { kind: AnswerKind; token: Token } | undefined {
  if (tokens.some((t, i) => WH.test(t.text) && !(t.text.toLowerCase() === "when" && GERUND_WORD.test(tokens[i + 1]?.text ?? "")))) return undefined;
  for (const t of tokens) {
    const kind = t.pos === "NOUN" || t.pos === "ADJ" ? TYPE_NOUNS[t.lemma] : undefined;
    if (kind === "number" || kind === "date") return { kind, token: t };
    // "stash untracked files flag": a reference's option is asked for by name.
    if (kind === "code" && KEYWORD_OPTION_NOUNS.has(t.lemma)) return { kind, token: t };
  }
  // "deputy leadership candidates list", "Wizard Book authors": keywords that end in a noun for
  // people (a word asking for a list aside) ask who. (Not past a preposition or a verb: "name all
  // the candidates for deputy leader" asks for candidates, the leader is what they stand for.)
  if (tokens.some((t) => t.pos === "ADP" || t.pos === "VERB" || t.pos === "AUX")) return undefined;
  // (The last word, a noun, and no noun of another token type after it.)
  const nounish = (t: Token): boolean => t.pos === "NOUN" || t.pos === "PROPN";
  const head = tokens.filter((t) => (t.type === "word" || nounish(t)) && !LIST_FRAME.has(t.lemma.toLowerCase())).at(-1);
  if (head && head.type === "word" && nounish(head) && TYPE_NOUNS[head.lemma.toLowerCase()] === "person") return { kind: "person", token: head };
  return undefined;
}

/** Words that ask for a list in keywords ("candidates list", "author names"), not what is listed. */
const LIST_FRAME = new Set(["list", "name"]);

function kindOf(lower: string, typeNoun: string | undefined, headNoun: boolean, measure?: AnswerKind): AnswerKind {
  const q = lower.trim();
  if (NAMING.test(q)) return "term";
  // "is there some tool that … when …": an existential question wants the thing it names; any
  // other question opened by an auxiliary is a yes/no one, whatever "when" or "who" it holds.
  const existential = /^(?:is|are) there (?:a |an |any |some )?([a-z-]+)/.exec(q)?.[1];
  if (existential && TYPE_NOUNS[existential.replace(/s$/, "")] !== undefined) return TYPE_NOUNS[existential.replace(/s$/, "")] as AnswerKind;
  if (AUX_START.test(q) && !existential) return "yesno";
  // "What does SSI stand for?", "RFC acronym": an abbreviation's expansion.
  if (/\bstands? for\b|\bshort for\b|\bacronym\b|\babbreviation\b|\bexpan(d|sion)\b/.test(q)) return "definition";
  // "Which environment variable, when set, …", "Which languages … where …": the question's own head
  // decides before a later "when" or "where".
  if (/^(in |on |for |from |to |at |by |with )?(which|what)\b/.test(q) && (typeNoun || headNoun)) return (typeNoun && TYPE_NOUNS[typeNoun]) || "thing";
  if (/\bhow (many|much|old|long|far|big|large|tall|often)\b/.test(q)) return "number";
  // "When …?" or "what time …?", not "What does X return when …?": a later "when" is a condition,
  // and so is "when" before a gerund ("option ignore session cookies when loading").
  if (/\bwhat time\b/.test(q) || WH.exec(q.replace(WHEN_DOING, "while"))?.[1] === "when") return "date";
  // "where does the word bug come from" asks for a word's origin, told in a sentence, not a place or a path.
  if (ASKING_WHERE.test(q) && !/\b(?:word|term|name|phrase|expression|saying)\b.*\b(?:comes?|came) from\s*\??$/.test(q)) return "place";
  if (/\b(why|reason|rationale)\b/.test(q)) return "reason";
  // "Who can join?", "who may vote": who is allowed, told in a sentence ("Anyone over sixteen
  // may join."), not a name.
  if (/^\s*who\s+(?:can|may|could|should|must|is allowed to|are allowed to)\b/.test(q)) return "thing";
  if (/\bwho(m|se)?\b/.test(q)) return "person";
  if (/\b(which|what)\b/.test(q) && typeNoun) return TYPE_NOUNS[typeNoun] ?? "thing";
  if (/\bdefault\b/.test(q) && !AUX_START.test(q)) return "code";
  // ("what is the largest volume a kettle can hold" asks for a value: a clause with a verb of its own is no thing to define.)
  const defined = /^\s*(?:what|who)(?:['’]s| (?:is|are|was|were)) (?:an? |the )?([\w\s-]{1,40})\??$/.exec(q)?.[1];
  if ((defined !== undefined && !/\b(?:can|could|will|would|should|may|might|must|do|does|did)\b/.test(defined)) || /\b(mean|meaning|define|definition)\b/.test(q)) {
    return "definition";
  }
  if (/^\s*how\b/.test(q)) return "reason";
  if (AUX_START.test(q)) return "yesno";
  return measure ?? "thing";
}

/**
 * "what is the X <kind>?" where X is written as a name (a capital after the first letter's place,
 * or code: "Priority", "json_indent", "--depth"): it asks what that thing is, not for a thing of
 * the kind.
 */
const NAMED_THING = /^[Ww]hat(?:'s| is| are) the (?:\p{Lu}[\p{L}\d-]*|`?[\w.-]*[_.-][\w.-]*`?) (?:field|option|module|command|variable|setting|parameter|package|function|class|method|flag|keyword|directive|attribute|property)s?\s*\??$/u;

/** Whether "which"/"what" is followed by a noun ("which languages"), typed or not. */
function hasHeadNoun(tokens: Token[]): boolean {
  const at = tokens.findIndex((t) => /^(which|what)$/i.test(t.text));
  if (at === -1) return false;
  for (const t of tokens.slice(at + 1, at + 4)) {
    if (t.pos === "NOUN" || t.pos === "PROPN") return true;
    if (t.pos !== "ADJ" && t.pos !== "DET") return false;
  }
  return false;
}

/**
 * The noun after "which"/"what" that says what the answer is: the typed noun of the noun run
 * that follows ("which committee", "what percentage of …", "which substitution variable").
 */
function findTypeNoun(tokens: Token[]): string | undefined {
  let at = tokens.findIndex((t) => /^(which|what)$/i.test(t.text));
  // Keywords ("max number of columns in an index", "work_mem default"): the first typed noun says what is wanted.
  if (at === -1) return undefined;
  // "What is the default port …", "what's the max size of …": the noun after "is the" is the what.
  // ("What is a virtual package?" asks what one is: a definition, not a package's name.)
  if (/^(is|are|was|were|'s)$/i.test(tokens[at + 1]?.text ?? "") && /^the$/i.test(tokens[at + 2]?.text ?? "")) at += 2;
  // "What is the Priority field?", "what is the json_indent option": a thing named, and what it is asked.
  if (NAMED_THING.test(tokens.map((t) => (t.spaceBefore ? " " : "") + t.text).join("").trim())) return undefined;
  let found: string | undefined;
  for (let i = at + 1, words = 0; i < tokens.length && words < 4; i++, words++) {
    const t = tokens[i] as Token;
    // An identifier wink splits into pieces ("curl _ easy _ getinfo") is one name before the noun.
    if (tokens[i + 1] && !tokens[i + 1]?.spaceBefore && /\w/.test(tokens[i + 1]?.text ?? "")) {
      while (tokens[i + 1] && !tokens[i + 1]?.spaceBefore) i++;
      continue;
    }
    // wink tags some type nouns as adjectives after another noun ("environment variable").
    if (t.pos === "NOUN" || t.pos === "PROPN" || (t.pos === "ADJ" && TYPE_NOUNS[t.lemma] !== undefined)) {
      if (TYPE_NOUNS[t.lemma] !== undefined) found = t.lemma;
      // A plural noun heads its run ("which characters count as …": "count" is the verb wink took for a noun).
      if (t.text.toLowerCase() !== t.lemma && /s$/i.test(t.text)) break;
      continue;
    }
    if (found || (t.pos !== "ADJ" && t.pos !== "DET")) break;
  }
  return found;
}

function pluralityOf(lower: string, tokens: Token[], typeNoun: string | undefined): Question["plurality"] {
  if (/\bhow (many|much|long|old|often)\b/.test(lower)) return "one";
  // "list" as a request ("list the …", "… candidates list"), not the noun of "transform a list into a heap".
  // ("how to list all databases" asks how, with "list" its task's verb.)
  const listRequest = !/^\s*how\b/.test(lower) && /^\s*list\b|\blist (all|every|of)\b|\blist\s*\??\s*$/.test(lower);
  if (listRequest || /\b(name all|all the|what are the|kinds of|types of|steps)\b/.test(lower) || /\bwho (are|were)\b/.test(lower)) return "many";
  // wink gives a plural acronym ("MPs", "URLs") itself as its lemma.
  const plural = (t: Token | undefined): boolean =>
    t !== undefined && (t.pos === "NOUN" || t.pos === "PROPN") && ((t.text.toLowerCase() !== t.lemma && /s$/i.test(t.text)) || /^\p{Lu}{2,}s$/u.test(t.text));
  if (typeNoun && plural(tokens.find((t) => t.lemma === typeNoun))) return "many";
  // "which bug severities …", "what values can … take": the noun run after which/what ends in a plural.
  const wh = tokens.findIndex((t) => /^(which|what)$/i.test(t.text));
  if (wh !== -1) {
    let head: Token | undefined;
    for (const t of tokens.slice(wh + 1, wh + 5)) {
      if (t.pos === "NOUN" || t.pos === "PROPN") head = t;
      else if (head || !["ADJ", "DET", "PUNCT"].includes(t.pos)) break;
      // A plural noun heads its run (see findTypeNoun).
      if (plural(head)) break;
    }
    if (plural(head)) return "many";
  }
  // Keywords ending in a plural noun ("Wizard Book authors", "whitespace control options").
  if (!tokens.some((t) => WH.test(t.text) || AUX_START.test(t.text))) {
    const words = tokens.filter((t) => t.type === "word");
    const last = words[words.length - 1];
    // … a word of its own, not the end of an identifier wink split ("shared_buffers").
    if (last?.spaceBefore && plural(last)) return "many";
  }
  // "the first …", "Labour's only MP", "its main …": one.
  if (/\b(the|its|their|his|her|our|my|your|[\p{L}\p{N}]+['’]s) (first|last|only|main|\w+est)\b|\b(most|least)\b|\bhow (many|much|long|old|often)\b/u.test(lower)) return "one";
  // "Who is the author?": one person, asked in the singular.
  if (/^\s*who (is|was) the [a-z-]+\s*\??\s*$/.test(lower)) return "one";
  if (/^\s*(which|what)\b/.test(lower)) return "one";
  return "auto";
}
