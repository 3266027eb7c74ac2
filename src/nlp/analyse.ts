/**
 * The one wrapper around wink-nlp. Everything else sees plain arrays: tokens with exact character
 * offsets, sentence spans, entity types and the normalised terms used for search.
 */
import winkNLP, { type ItemEntity, type ItemSentence, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * Two readers over the one model. Indexing and most questions need sentences and parts of speech
 * only; entities (dates, numbers, money) cost as much again (0.096 against 0.044 ms a passage) and
 * are read only where an answer needs them. wink's default pipe also runs negation and sentiment,
 * which Verbatim never uses. Each reader is made on first use: wink copies the whole model for
 * every reader (≈ 150-200 ms each), and a search never needs the one with entities.
 */
let withEntities: WinkMethods | undefined;
let withoutEntities: WinkMethods | undefined;

function readerOf(entities: boolean): WinkMethods {
  if (entities) return (withEntities ??= winkNLP(model, ["sbd", "pos", "ner"]));
  return (withoutEntities ??= winkNLP(model, ["sbd", "pos"]));
}

/**
 * Texts read without entities go through the reader with entities, when it is made and the other
 * is not, until it has read this many characters so; then the other is made. Reading the same
 * text, both give the same tokens, sentences and parts of speech (checked on 1,285 pieces of the
 * eval corpora). Making the second reader costs ≈ 140 ms; reading with entities costs ≈ 75 ms
 * more a million characters (503-619 against 596-680 ms, eval corpora, in 700-char pieces). So a
 * run that answers one question (≈ 25k characters of passages) is ≈ 135 ms faster, and a
 * long-running bot makes the second reader after ten-odd answers, having paid ≈ 15 ms for them.
 */
const BORROWED_READER_CHARS = 200_000;
let borrowedChars = 0;

function readerWithoutEntities(chars: number): WinkMethods {
  if (!withoutEntities && withEntities && borrowedChars + chars <= BORROWED_READER_CHARS) {
    borrowedChars += chars;
    return withEntities;
  }
  return readerOf(false);
}

/**
 * Makes a reader now (≈ 150 ms) rather than when a text first needs it: engine.ts does so while
 * a thread scans the corpus folder. Every question is read with entities; its passages without.
 */
export function loadReader(entities: boolean): void {
  readerOf(entities);
}

export interface AnalyseOptions {
  /** Read named entities (DATE, CARDINAL, PERCENT, MONEY…) too. Default true. */
  entities?: boolean;
}

/** One token of a text, with its place in the text. */
export interface Token {
  /** Surface text exactly as in the source. */
  text: string;
  /** Offset of the first character, in the analysed text plus the `offset` given to `analyse`. */
  start: number;
  end: number;
  /** Lower-case lemma ("standing" → "stand"); numbers and symbols as they are, lower-cased. */
  lemma: string;
  /** Universal POS tag from wink ("PROPN", "NOUN", "NUM", …). */
  pos: string;
  /** wink token type: "word", "number", "punctuation", "symbol", "tabCRLF", … */
  type: string;
  /** wink's stop-word flag. */
  stop: boolean;
  /** Named-entity type wink gave the token, if any ("DATE", "CARDINAL", "PERCENT", "MONEY", …). */
  entity?: string;
  /** Index of the sentence (in `Analysis.sentences`) the token belongs to. */
  sentence: number;
  /** True when whitespace precedes the token (false inside "Allin-Khan" or "36%"). */
  spaceBefore: boolean;
}

/** Tokens of a text and the sentences wink found, as token index ranges. */
export interface Analysis {
  tokens: Token[];
  /** `[first, last]` token indexes of each sentence, inclusive. */
  sentences: Array<[number, number]>;
}

/**
 * Reads `text` with wink-nlp. Offsets are `offset` plus positions in `text`, so a slice of a
 * larger file can be analysed and still point into that file.
 */
export function analyse(text: string, offset = 0, options: AnalyseOptions = {}): Analysis {
  if (typeof text !== "string") {
    throw new TypeError(`nlp: expecting a string to analyse, instead found ${typeof text}`);
  }
  const entities = options.entities ?? true;
  const nlp = entities ? readerOf(true) : readerWithoutEntities(text.length);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  // wink's typings declare `its.lemma` with a different signature from the other helpers.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const types = tokens.out(its.type) as string[];
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];

  const sentences: Array<[number, number]> = [];
  doc.sentences().each((s: ItemSentence) => {
    const span = s.out(its.span) as unknown as [number, number];
    sentences.push([span[0], span[1]]);
  });
  const sentenceOf = new Int32Array(values.length);
  sentences.forEach(([a, b], i) => sentenceOf.fill(i, a, b + 1));

  const out: Token[] = new Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    const space = spaces[i] ?? "";
    const cursor = at;
    at += space.length;
    // wink leaves some whitespace (form feed, U+2028, U+3000…) out of its preceding spaces:
    // find the token past such characters, so offsets stay exact.
    if (!text.startsWith(value, at)) {
      const found = text.indexOf(value, cursor);
      if (found !== -1 && text.slice(cursor, found).trim() === "") at = found;
    }
    out[i] = {
      text: value,
      start: offset + at,
      end: offset + at + value.length,
      lemma: capitalsLemma(value, (lemmas[i] ?? value).toLowerCase(), pos[i]),
      pos: pos[i] ?? "X",
      type: types[i] ?? "word",
      stop: Boolean(stops[i]) && !(NOT_STOP.has(value.toLowerCase()) && (pos[i] === "NOUN" || pos[i] === "ADJ")),
      sentence: sentenceOf[i] ?? 0,
      spaceBefore: space.length > 0 || i === 0,
    };
    at += value.length;
  }
  keepCodeWords(out);
  if (entities) doc.entities().each((e: ItemEntity) => {
    const [a, b] = e.out(its.span) as unknown as [number, number];
    const type = e.out(its.type) as string;
    for (let i = a; i <= b; i++) {
      const t = out[i];
      if (t) t.entity = type;
    }
  });
  return { tokens: out, sentences };
}

/**
 * Words inside a written code name are never stop words: "user.name", "--keep-base",
 * "--name-only", "first_name" name a setting or an option by all their parts. A written word
 * (tokens with no space between) is code when a "." or "_" joins two of its words, or when it
 * starts with "-" or "--" before a word.
 */
function keepCodeWords(tokens: Token[]): void {
  // A line break is a token of its own with no space before the word after it: it ends a word too.
  const breaks = (t: Token): boolean => t.type === "tabCRLF" || t.text.trim() === "";
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && !(tokens[i] as Token).spaceBefore && !breaks(tokens[i] as Token) && !breaks(tokens[i - 1] as Token)) continue;
    // A word of one token is no code name; most words are.
    if (i - start > 1 && isCodeWord(tokens, start, i)) for (let k = start; k < i; k++) (tokens[k] as Token).stop = false;
    start = i;
  }
}

/** Whether tokens `[from, to)`, written without spaces between, are a code name (see keepCodeWords). */
function isCodeWord(tokens: Token[], from: number, to: number): boolean {
  const isWord = (k: number): boolean => k >= from && k < to && (tokens[k] as Token).type === "word";
  let stop = false;
  let joined = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    stop ||= t.stop;
    joined ||= (t.text === "." || t.text === "_") && isWord(k - 1) && isWord(k + 1);
  }
  const flag = (tokens[from] as Token).text.startsWith("-") && isWord(from + 1);
  return stop && (joined || flag);
}

/**
 * Words wink's stop list holds that say what a question is about: "package name", "an empty
 * string", "disk full", "the amount of memory". They count where wink tags them a noun or an
 * adjective, as it does for most of their uses (an imperative "name the file" too).
 */
const NOT_STOP = new Set(["name", "names", "empty", "full", "amount", "part", "parts", "side", "top", "bottom", "front"]);

/** Token types that never become search terms. */
const NON_TERM_TYPES = new Set(["punctuation", "tabCRLF", "emoticon", "emoji", "hashtag_symbol", "url", "email"]);

/**
 * Whether `word` (lower case) is a word of wink's English lexicon: "seconds", "candidates" are;
 * names, identifiers and misspellings ("dbname", "autovacuum", "seperate") are not.
 */
export function isEnglishWord(word: string): boolean {
  englishDoc ??= readerWithoutEntities(0).readDoc("");
  return !englishDoc.isOOV(word);
}
let englishDoc: ReturnType<WinkMethods["readDoc"]> | undefined;

/**
 * The lemma of a word written in capitals ("AUTHORS", "KEY BINDINGS", "ENVIRONMENT VARIABLES" in a
 * manual page's section titles), which wink reads as a name and leaves as it is: the lemma wink
 * gives the word in lower case ("authors" → "author"; "news" stays "news"), when that is English.
 */
function capitalsLemma(value: string, lemma: string, pos: string | undefined): string {
  if (pos !== "PROPN" || value.length < 4 || !/^\p{Lu}+$/u.test(value) || lemma !== value.toLowerCase()) return lemma;
  let plain = capitalsLemmas.get(lemma);
  if (plain === undefined) {
    const nlp = readerWithoutEntities(lemma.length);
    const read = nlp.readDoc(lemma).tokens();
    const lower = read.length() === 1 ? ((read.out(nlp.its.lemma as unknown as typeof nlp.its.value) as string[])[0] ?? lemma) : lemma;
    plain = lower !== lemma && isEnglishWord(lower) ? lower : lemma;
    capitalsLemmas.set(lemma, plain);
  }
  return plain;
}
const capitalsLemmas = new Map<string, string>();

/**
 * The search term of a token, or `null` when it carries no meaning for retrieval: stop words,
 * punctuation, whitespace, lone symbols. Used identically for documents and questions.
 */
export function termOf(token: Token): string | null {
  if (token.stop || NON_TERM_TYPES.has(token.type)) return null;
  if (token.type === "symbol" && token.text !== "%" && token.text !== "$" && token.text !== "£" && token.text !== "€") {
    return null;
  }
  const lemma = token.lemma.replace(/^['’]+|['’]+$/g, "");
  if (lemma.length === 0 || lemma === "s") return null;
  // A lone "_" or "-" that wink reads as a word says nothing.
  if (!/[\p{L}\p{N}%$£€]/u.test(lemma)) return null;
  return lemma;
}

/** A word of a question for search: its term, and the word as written (lower-cased) where that differs. */
export interface SearchWord {
  term: string;
  surface?: string;
  /**
   * Which written word (between spaces) the term comes from: "tc-flower-key" gives three terms
   * of one word, which a query plan takes or leaves together.
   */
  word?: number;
}

/** The search words of a text, in order (duplicates kept). */
export function searchWordsOf(text: string): SearchWord[] {
  const words: SearchWord[] = [];
  let word = -1;
  for (const t of analyse(text, 0, { entities: false }).tokens) {
    if (t.spaceBefore) word++;
    const term = termOf(t);
    if (term) words.push(searchWordOf(t, term, word));
  }
  return words;
}

/** The search word of token `t` (whose term is `term`), the `word`-th written word of its text. */
export function searchWordOf(t: Token, term: string, word: number): SearchWord {
  const surface = t.text.toLowerCase();
  return surface === term ? { term, word } : { term, surface, word };
}

/** All search terms of a text, in order (duplicates kept). */
export function termsOf(text: string): string[] {
  return searchWordsOf(text).map((w) => w.term);
}
