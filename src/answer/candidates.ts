/**
 * Answer candidates in a passage, shaped by the kind of answer the question wants: names for
 * people and organisations, dates, numbers, places.
 */
import { isEnglishWord, type Token } from "../nlp/analyse.js";
import { stemOf } from "../nlp/stem.js";
import { joinTokens, nameSpans, surnameKey } from "../nlp/names.js";
import type { AnswerKind } from "../types.js";
import type { Question } from "./question.js";

export interface Candidate {
  /** Text as it should be shown. */
  text: string;
  /** What votes are pooled under: a person's surname, else the lower-case text. */
  key: string;
  /** Token range in the analysed passage (or -1 for a heading name). */
  first: number;
  last: number;
  /** 0-1: how well the candidate fits the kind of answer. */
  fit: number;
}

/**
 * Last words that make a proper-noun run an organisation or a work, not a person: bodies
 * ("Labour Party", "Python Software Foundation") and the things software people name ("Boost
 * Python Library", "GNU Project", "Debian Free Software Guidelines").
 */
const ORG_WORDS = new Set(
  ("party news committee movement court post hospital council union government university college school group company ltd inc corporation association league agency department ministry office board trust foundation institute society club bank press media network service commission parliament assembly " +
    "project library framework toolkit language software system platform package edition book manual guide guidelines documentation conference standard protocol license licence").split(" "),
);
/** Last words that make a run a place. */
const PLACE_WORDS = new Set("street road city town county island islands river lake mountains midlands north south east west central".split(" "));
/** Prepositions before a place: "MP for Tooting", "study at Cambridge", "in Scotland". */
const PLACE_PREPOSITIONS = new Set(["in", "at", "for", "from", "near", "to", "across", "outside"]);
/**
 * Of those, the ones a person's name rarely follows: "attributed to Tom Cargill", "a letter from
 * Jo Cox", "MP for …" say nothing against a person; "in …", "at …" do.
 */
const PLACE_ONLY_PREPOSITIONS = new Set(["in", "at", "near", "across", "outside"]);
/** "MP for Tooting", "Senator for Victoria": the place someone represents. */
const SEAT_HOLDER = /^(mp|member|senator|representative|councillor|congressman|congresswoman|candidate)$/;
const PERSON_ROLE = /^(mp|mps|minister|secretary|leader|candidate|spokesman|spokeswoman|chancellor|president|chair|contender|hopeful)$/;

/** A question that asks for a year ("what year …", "first elected year"; not "when does the leave year start"), and a year in a candidate. */
const ASKS_YEAR = /\b(?:what|which)\s+year\b|\byear\s*[?.!]*\s*$/i;
const YEAR = /\b(1[5-9]|20)\d\ds?\b|'\d\d\b/;
const DECADE = /^(?:(?:the|early|mid|late)[\s-]+)*(?:1[5-9]|20)\d0s$|^'\d0s$/i;
/**
 * What makes a date of wink's DATE tag: a digit, a month or weekday written out and capitalised
 * (or in capitals), or a word of time. wink also tags "This may", "DEC" and "Sun" (the companies),
 * "sep" and "oct" (separator, octal). Counted over the six eval corpora's text: 70 "DEC", 47
 * "this may", 24 "sep"/"oct", while the only month or weekday written out in lower case were 3
 * "sunday" and 2 "february" (left out with the rest, as "may" and "march" are verbs too).
 */
/** A month or weekday written out (what makes a duration's span a time: "from 1 April to 31 March"). */
const NAMED_DAY = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const MONTH_OR_DAY = new RegExp(`\\d|${NAMED_DAY.source}`);
/** A span that is only a weekday or a month no one is named (not "May", "June", "April", "August"), perhaps plural ("Tuesdays"). */
const WEEKDAY_OR_MONTH = /^(?:January|February|March|July|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?$/;
const TIME_WORD = /\b(?:years?|months?|weeks?|days?|today|tonight|yesterday|tomorrow|centur(?:y|ies)|decades?|mornings?|evenings?|nights?|spring|summer|autumn|winter|hours?|minutes?|weekends?|ago|noon|midnight)\b/i;
const isDate = (text: string): boolean => MONTH_OR_DAY.test(text) || MONTH_OR_DAY.test(text.replace(/\b(\p{Lu})(\p{Lu}+)\b/gu, (_, a: string, b: string) => a + b.toLowerCase())) || TIME_WORD.test(text);
/** A year written as the time of something ("in 2016", "since 1996", "May 2020"), not a count. */
const YEAR_TOKEN = /^(1[5-9]|20)\d\d$/;
const TIME_PREPOSITIONS = new Set(["in", "since", "until", "till", "by", "before", "after", "during", "from", "circa", "c."]);

/** Candidates of the wanted kind among `tokens[from..to]`. */
export function findCandidates(tokens: Token[], q: Question, kind: AnswerKind = q.kind): Candidate[] {
  switch (kind) {
    case "person":
    case "organisation":
    case "place":
      return nameCandidates(tokens, q, kind);
    case "date": {
      // (wink tags a span between two dates a duration, "from 1 April to 31 March": one naming a month or day is a time too.)
      const dates = entityCandidates(tokens, q, (t) => t.entity === "DATE" || t.entity === "DURATION" || (t.type === "number" && YEAR_TOKEN.test(t.text))).filter((c) =>
        (tokens[c.first] as Token).entity === "DURATION" ? NAMED_DAY.test(c.text) : isDate(c.text),
      );
      // "which year …", "first elected year": a date that names no year ("this week") does not answer.
      // "what year": a decade ("the 1970s") is no year.
      if (ASKS_YEAR.test(q.text)) return dates.filter((c) => YEAR.test(c.text) && !DECADE.test(c.text));
      // "suspension date", "what date …": a time that names no day, month or year ("this week") does not answer.
      return /\bdate\b/i.test(q.text) ? dates.filter((c) => MONTH_OR_DAY.test(c.text)) : dates;
    }
    case "number": {
      const percent = /percent|proportion|share|%/.test(q.text.toLowerCase());
      // "How many candidates …?" counts them: a percentage is no count.
      const count = !percent && /\bhow many\b/i.test(q.text);
      const counted = count ? countedStem(q) : undefined;
      const much = /\bhow much\s+(\p{L}+)/iu.exec(q.text)?.[1];
      const measured = much === undefined ? undefined : stemOf(much.toLowerCase());
      const bound = ASKS_MAXIMUM.test(q.text) ? UPPER_BOUND : ASKS_MINIMUM.test(q.text) ? LOWER_BOUND : undefined;
      return ranges(
        tokens,
        entityCandidates(tokens, q, (t) =>
          percent ? t.entity === "PERCENT" : (["CARDINAL", "PERCENT", "MONEY", "QUANTITY", "DURATION"].includes(t.entity ?? "") || t.type === "number") && !(count && t.entity === "PERCENT"),
        ),
      )
        // (wink tags a time spelt out as a duration, "five days", and "next year" too: a number in it makes it one.)
        .filter((c) => /\d/.test(c.text) || NUMBER_WORD.test(c.text))
        .filter((c) => !count || !/%|\bper ?cent\b/i.test(c.text))
        .filter((c) => !yearOfSomething(tokens, c) && !isVersionLabel(tokens, c) && !VAGUE_AMOUNT.test(c.text) && !notAnAmount(tokens, c) && !oneAsAWord(tokens, c, q))
        // (Nor is a date, "3/4" or "2021-11-27", an amount.)
        .filter((c) => !/^\d{1,2}\/\d{1,2}$|\b\d{4}-\d\d-\d\d\b/.test(c.text))
        // "How old is X?" is answered by an age ("aged 42", "42 years old"), not by any number near X.
        .filter((c) => !ASKS_AGE.test(q.text) || isAge(tokens, c))
        .map((c) => withUnit(tokens, c))
        // "How big can a text field be?" is answered by a size ("1 GB"), not by a bare "one".
        // (Nor by a count of the thing measured: "zero identifier" for "how long can an identifier be".)
        .filter((c) => !ASKS_SIZE.test(q.text) || (HAS_UNIT.test(c.text) && !q.lemmas.has((tokens[c.last] as Token).lemma)))
        // "How long should green tea steep?" asks for a time ("two minutes"), not "80 degrees".
        .filter((c) => !ASKS_DURATION.test(q.text) || TIME_UNIT.test(c.text))
        // "how many votes": a number of something else ("one chance") does not count them.
        .filter((c) => counted === undefined || countsAsked(counted, tokens, c))
        .map((c) => (counted === undefined ? c : throughCounted(counted, tokens, c)))
        // "how much water": an amount of it ("9.5 litres of water") fits better than a number near the word.
        .map((c) => (measured !== undefined && amountOf(measured, tokens, c) ? { ...c, fit: c.fit * COUNTED_FIT } : c))
        // "max open connections": a number written as a bound of the same side ("at most 10") is the one asked.
        .map((c) => (bound !== undefined && boundAt(bound, tokens, c) ? { ...c, fit: c.fit * COUNTED_FIT } : c));
    }
    default:
      return [];
  }
}

/** The words between two numbers that make them a range: "2 to 5", "2-5", "2–5", "between 2 and 5". */
const RANGE_JOINS = new Set(["to", "-", "–", "—"]);

/** Numbers written as a range ("for 2 to 5 players", "between 10 and 20 minutes") as one candidate, its ends no answers alone. */
function ranges(tokens: Token[], candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k] as Candidate;
    const next = candidates[k + 1];
    const join = tokens[c.last + 1]?.text.toLowerCase() ?? "";
    const between = join === "and" && tokens[c.first - 1]?.text.toLowerCase() === "between";
    if (next && next.first === c.last + 2 && (RANGE_JOINS.has(join) || between)) {
      const first = between ? c.first - 1 : c.first;
      const text = joinTokens(tokens, first, next.last);
      out.push({ ...c, text, key: text.toLowerCase(), first, last: next.last });
      k++;
    } else out.push(c);
  }
  return out;
}

/**
 * A question for a measure: "how big", "how long", "how far" … ("how many" counts, "how much" may
 * ask a price, "how far back" asks for a point in a series: "back to 9.2").
 */
const ASKS_SIZE = /\bhow (?:big|large|small|long|short|tall|high|far(?! back)|wide|deep|heavy|fast)\b/i;
/** "How long" asking for a time: before a verb or its auxiliary ("how long does it take", "how long after …"), not "how long is the cable" nor "how long can the reference be". */
const ASKS_DURATION = /\bhow long\s+(?:after|before|ago|until|does|do|did|should|will|would|can|could|to|has|have|had|must)\b(?!.*\bbe\s*[?.!]*\s*$)/i;
/** A unit of time. */
const TIME_UNIT = /\b(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|[smhd])\b|\d(?:ms|s|min|h|d)\b/i;
/** An amount with its unit: "1 GB", "64kB", "30 seconds", "two minutes", "10%". */
const HAS_UNIT = /\d\s*[\p{L}%]|\S\s+\p{L}/u;

/** A round plural that says only "many" ("hundreds of variations", "dozens"): no count, price or measure. */
const VAGUE_AMOUNT = /^(?:tens|dozens|scores|hundreds|thousands|millions|billions)(?:\s+of)?$/i;

/**
 * A number that is no amount: a lower bound that leaves the amount open ("one or more panes", "2
 * or above"), or a manual page's section after its name ("pty(4)", "curl_easy_getinfo(3)").
 */
function notAnAmount(tokens: Token[], c: Candidate): boolean {
  const [or, more] = [tokens[c.last + 1]?.text.toLowerCase(), tokens[c.last + 2]?.text.toLowerCase()];
  if (or === "or" && (more === "more" || more === "above" || more === "greater" || more === "higher" || more === "larger")) return true;
  const [open, name, close] = [tokens[c.first - 1], tokens[c.first - 2], tokens[c.last + 1]];
  return c.first === c.last && open?.text === "(" && !open.spaceBefore && /\w$/.test(name?.text ?? "") && close?.text === ")" && !close.spaceBefore && !(tokens[c.first] as Token).spaceBefore;
}

/**
 * "one" written as a word that counts nothing: a pronoun ("replaces the previous one", "one
 * continuing into the dungeon and the other …", "of one another"), a label after its noun ("level one"), or "a"
 * said another way before a noun the question does not name ("entries for one person", "one
 * exception"). A unit of time or size after it still makes an amount ("one second", "one byte").
 */
function oneAsAWord(tokens: Token[], c: Candidate, q: Question): boolean {
  if (c.first !== c.last || (tokens[c.first] as Token).text.toLowerCase() !== "one") return false;
  const [before, after] = [tokens[c.first - 1], tokens[c.first + 1]];
  if (before && (before.pos === "DET" || before.pos === "ADJ" || before.pos === "NOUN" || before.pos === "PROPN")) return true;
  if (after?.pos === "VERB" || after?.text.toLowerCase() === "another") return true;
  if (after?.type !== "word" || (after.pos !== "NOUN" && after.pos !== "PROPN") || TIME_UNIT.test(after.text) || SIZE_UNIT.test(after.text)) return false;
  const asked = new Set(q.terms.map((t) => stemOf(t.term)));
  return !asked.has(stemOf(after.text.toLowerCase())) && !q.lemmas.has(after.lemma);
}

/** Units of size a count may be written in ("one byte", "one character"). */
const SIZE_UNIT = /^(?:(?:kilo|mega|giga|tera)?(?:bytes?|bits?)|[kKMGT]i?B|chars?|characters?|lines?|pages?|words?|digits?|percent)$/;

/** Words a release number is written after: "version 3.11", "Python 3.12", "release 2.0". */
const VERSION_WORD = /^(?:version|release|python|v)$/i;
/** A release number with the word before it, in text. */
const VERSION_LABEL = /\b(?:version|release|python|v)\s*\d+(?:\.\d+)+/gi;

/** The number names a release ("Changed in version 3.11"), not an amount: no answer to how many or how much. */
function isVersionLabel(tokens: Token[], c: Candidate): boolean {
  const before = tokens[c.first - 1];
  return before !== undefined && VERSION_WORD.test(before.text) && /^\d+(?:\.\d+)+$/.test(c.text);
}

/** Capitalised words after "MP for" or before "MP", whatever their tag ("the MP for Tooting"). */
function seatCandidates(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    if (t.lemma !== "mp") return;
    const prev = tokens[i - 1];
    if (prev && /^\p{Lu}/u.test(prev.text) && prev.type === "word" && !/^\p{Lu}+$/u.test(prev.text)) {
      out.push({ text: prev.text, key: prev.text.toLowerCase(), first: i - 1, last: i - 1, fit: 1.5 });
    }
    if (tokens[i + 1]?.lemma !== "for") return;
    let j = i + 2;
    while (j < tokens.length && /^\p{Lu}/u.test((tokens[j] as Token).text) && (tokens[j] as Token).type === "word") j++;
    if (j > i + 2) out.push({ text: joinTokens(tokens, i + 2, j - 1), key: joinTokens(tokens, i + 2, j - 1).toLowerCase(), first: i + 2, last: j - 1, fit: 1.5 });
  });
  return out;
}

function nameCandidates(tokens: Token[], q: Question, kind: AnswerKind): Candidate[] {
  const out: Candidate[] = kind === "place" ? seatCandidates(tokens) : [];
  for (const span of nameSpans(tokens)) {
    const key = surnameKey(span.text);
    // The one asked about is not the answer, however the question wrote the name ("did corbyn back").
    // (A name the question wrote in lower case, "allin-khan", is one too; "party" in "Labour Party" is only a word.)
    const keyParts = key.split(/[\s-]+/);
    const written = keyParts.every((w) => q.lemmas.has(w));
    if (q.names.has(key) || (written && (kind === "person" || keyParts.some((w) => !isEnglishWord(w))))) continue;
    const words = span.text.toLowerCase().split(/[\s-]+/);
    if (words.every((w) => q.lemmas.has(w))) continue;
    // A day or month is no one's name ("meets on Tuesdays", "in March").
    if (WEEKDAY_OR_MONTH.test(span.text)) continue;
    // Nor is a person named with the question's own words ("Debian Archive" for "who maintains debian policy"): a title, not a name.
    if (kind === "person" && words.length > 1 && words.some((w) => q.lemmas.has(w))) continue;
    const last = words[words.length - 1] ?? "";
    const before = tokens[span.first - 1];
    const after = tokens[span.last + 1];
    const org = ORG_WORDS.has(last);
    const prepositions = kind === "person" ? PLACE_ONLY_PREPOSITIONS : PLACE_PREPOSITIONS;
    const placeish = PLACE_WORDS.has(last) || (before !== undefined && prepositions.has(before.lemma)) || after?.lemma === "mp";
    let fit: number;
    if (kind === "person") {
      // "Who reported …?" is often answered by an organisation: less likely than a person, not ruled out.
      fit = span.titled ? 1 : org ? 0.5 : placeish ? 0.4 : span.words >= 2 ? 0.9 : 0.6;
      if (before && PERSON_ROLE.test(before.lemma)) fit = Math.max(fit, 0.9);
    } else if (kind === "organisation") {
      fit = org ? 1 : span.titled ? 0.1 : 0.5;
    } else {
      const twoBefore = tokens[span.first - 2];
      const seat = (before?.lemma === "for" && twoBefore !== undefined && SEAT_HOLDER.test(twoBefore.lemma)) || after?.lemma === "mp";
      fit = span.titled ? 0.1 : seat ? 1.5 : org ? 0.1 : placeish ? 1 : 0.15;
    }
    out.push({ text: span.text, key: kind === "person" ? key : span.text.toLowerCase(), first: span.first, last: span.last, fit });
  }
  return out;
}

/** Numbers written as words, as a sentence may give a count or an age ("two candidates", "forty"). */
const NUMBER_WORD = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|once|twice|single|double|half)\b/i;

/**
 * Whether `text` can state the measure the question asks for outright: a year for "what year" or
 * "… year", an age for "how old", a number for "how many" and for a size ("how long can the
 * reference be"), a day for "what date", a release for "which version added …". Other questions ("when …", "how long does it take …")
 * may be answered in words ("when the function is defined", "in linear time"), so any text can.
 */
export function statesMeasure(q: Question, text: string): boolean {
  const asked = q.text.toLowerCase();
  // "Which version added …" is answered by a release ("New versions of GnuPG … may add new types" names none).
  if (ASKS_RELEASE.test(asked) && !RELEASE_WRITTEN.test(text)) return false;
  if (q.kind === "date" && ASKS_YEAR.test(asked)) return YEAR.test(text);
  if (q.kind === "date" && /\b(?:what|which) day\b|\bdate\b/.test(asked)) return MONTH_OR_DAY.test(text);
  // A release ("Changed in version 3.11") states no count, nor does a manual page's section ("pty(4)").
  const unreleased = text.replace(VERSION_LABEL, " ").replace(MANUAL_SECTION, " ");
  // "How old is X?" is answered by an age ("aged 71", "71 years old"), not by "two kettles".
  if (q.kind === "number" && ASKS_AGE.test(asked)) return AGE_WRITTEN.test(unreleased);
  if (q.kind === "number" && (/\bhow many\b|\bnumber of\b/.test(asked) || (ASKS_SIZE.test(asked) && !ASKS_DURATION.test(asked)))) return /\d/.test(unreleased) || NUMBER_WORD.test(unreleased);
  // A price is an amount ("£300", "300 pounds", a planner's "cost 4.0") or nothing at all ("free"); a year is none.
  if (q.kind === "number" && ASKS_PRICE.test(asked)) return MONEY.test(text) || /\d/.test(text.replace(/\b(?:1[5-9]|20)\d\d\b/g, " "));
  return true;
}

/**
 * A question for the release something came or went in: "which jq version first added …", "what
 * release removed …", "curl version cookie prefixes support added" (not "the python version of
 * C's onexit()", "the most recently configured version").
 */
const ASKS_RELEASE = /\b(?:which|what)\s+(?:[\w.-]+\s+){0,2}(?:version|release)\b(?!\s+of\b)|\b(?:version|release)\b.*\b(?:added|introduced|removed|deprecated|dropped)\b/i;
/** A release written in a sentence: "3.8", "v0.1.0", "version 7", "7.19.1". */
const RELEASE_WRITTEN = /\d+(?:\.\d+)+|\b(?:version|release|v)\s*\d+/i;

/** A manual page named with its section: "pty(4)", "curl_easy_setopt(3)". */
const MANUAL_SECTION = /\b[\w.-]+\(\d[a-z]?\)/g;

/** The question asks what something costs. */
const ASKS_PRICE = /\b(?:cost|costs|price|fee|how much (?:did|does|do|is|was|will)\b.*\b(?:cost|pay|charge|spend|sell))\b/i;
/** An amount of money, or none: "$5", "£300", "300 pounds", "five dollars", "free of charge". */
const MONEY = /[$£€¥]\s?\d|(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|million|billion))\s*(?:dollars?|pounds?|euros?|cents?|pence|bucks|quid|usd|eur|gbp)\b|\bfree\b|\bno charge\b/i;

/** An age written out: "aged 71", "age 10", "71 years old", "a 42-year-old", "at the age of 9". */
const AGE_WRITTEN = /\bage[ds]?\s+(?:of\s+)?\d|\d+\s*(?:-\s*)?years?(?:\s*-\s*|\s+)old\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty(?:-[a-z]+)?)[\s-]+years?[\s-]+old\b/i;

/** The question asks for someone's or something's age. */
const ASKS_AGE = /\bhow old\b|\bwhat age\b|\bage of\b/i;

/** A number written as an age: "aged 42", "age 42", "at 42 years old", "a 42-year-old". */
function isAge(tokens: Token[], c: Candidate): boolean {
  const before = tokens[c.first - 1]?.lemma ?? "";
  const after = tokens.slice(c.last + 1, c.last + 5).map((t) => t.text.toLowerCase()).join(" ");
  return before === "aged" || before === "age" || /^(?:- ?)?years?(?: - ?| )old\b/.test(after);
}

/** A candidate that is a year written as a time ("elected in 2016", "May 2020"): no count, age or price. */
function yearOfSomething(tokens: Token[], c: Candidate): boolean {
  if (c.first !== c.last || !YEAR_TOKEN.test((tokens[c.first] as Token).text)) return false;
  const before = tokens[c.first - 1];
  return before !== undefined && (TIME_PREPOSITIONS.has(before.text.toLowerCase()) || (before.entity === "DATE" && /^\p{Lu}/u.test(before.text)));
}

/**
 * What "how many" counts, by stem ("votes" → "vote"), if a word follows it: the words of its noun
 * phrase, up to the verb or preposition after it ("how many contract cards are there" → contract,
 * card), any of which a count's unit may be.
 */
function countedStem(q: Question): string[] | undefined {
  const phrase = /\bhow many\s+((?:\p{L}+\s+){0,2}?\p{L}+)(?=\s+(?:are|is|was|were|do|does|did|can|could|will|would|should|must|may|might|have|has|had|in|of|on|at|for|per|to|from|with|by|there|i|you|we|they|it)\b|\s*[?!.]*\s*$)/iu.exec(q.text)?.[1] ?? /\bhow many\s+(\p{L}+)/iu.exec(q.text)?.[1];
  return phrase ? phrase.toLowerCase().split(/\s+/).map(stemOf) : undefined;
}

/**
 * A count's unit, when it has one, is what the question counts (`counted`, a stem: "six
 * candidates" for "how many candidates"), or the noun phrase it opens ends in it ("3 cargo cubes"
 * for "how many cubes").
 */
function countsAsked(counted: readonly string[], tokens: Token[], c: Candidate): boolean {
  const unit = tokens[c.last];
  if (!unit || unit.type !== "word" || unit.entity === "CARDINAL" || NUMBER_WORD.test(unit.text)) return true;
  return countedAt(counted, tokens, c) !== undefined;
}

/**
 * Where the noun phrase a count opens names what the question counts: its unit, or a noun up to
 * MAX_UNIT_MODIFIERS after it ("3 cargo cubes"), the last such; undefined when none does.
 */
function countedAt(counted: readonly string[], tokens: Token[], c: Candidate): number | undefined {
  let at: number | undefined;
  for (let i = c.last; i <= c.last + MAX_UNIT_MODIFIERS; i++) {
    const t = tokens[i];
    if (!t || (i > c.last && (t.type !== "word" || (t.pos !== "NOUN" && t.pos !== "PROPN")))) break;
    if (counted.includes(stemOf(t.text.toLowerCase()))) at = i;
  }
  return at;
}

/** A count shown through what it counts when nouns stand between them ("3 cargo" → "3 cargo cubes"), and counted as fitting better when it names it. */
function throughCounted(counted: readonly string[], tokens: Token[], c: Candidate): Candidate {
  const at = countedAt(counted, tokens, c);
  if (at === undefined) return c;
  // A count that says what it counts ("for 2 to 5 players") fits better than a bare number near the word ("deal 2 to each player").
  const fit = c.fit * COUNTED_FIT;
  return at === c.last ? { ...c, fit } : { ...c, text: joinTokens(tokens, c.first, at), last: at, fit };
}
/** A question that asks for an upper bound ("max open connections", "the largest value allowed", "how many at most"). */
const ASKS_MAXIMUM = /\b(?:max|maximum|most|largest|biggest|highest|longest|upper (?:bound|limit))\b/i;
/** A question that asks for a lower bound. */
const ASKS_MINIMUM = /\b(?:min|minimum|least|smallest|lowest|shortest|lower (?:bound|limit))\b/i;
/** Words that write a number as an upper bound, read back from the number: "at most 10", "up to 64", "no more than 3", "maximum of 125", "limit is 8". */
const UPPER_BOUND = /\b(?:at most|up to|no more than|not more than|as many as|maximum(?: of| is| value(?: of| is)?)?|max(?:imum)?\.?|limit(?:ed)?(?: of| is| to)?|cannot exceed|must not exceed|not exceed|exceed)\s*:?\s*$/i;
/** Words that write a number as a lower bound: "at least 2", "no fewer than 3", "minimum of 1". */
const LOWER_BOUND = /\b(?:at least|no fewer than|no less than|not less than|minimum(?: of| is| value(?: of| is)?)?|min(?:imum)?\.?)\s*:?\s*$/i;
/** The words a bound is written in, at most this many tokens before its number. */
const BOUND_REACH = 4;

/** Whether the words right before candidate `c` write it as the `bound` asked. */
function boundAt(bound: RegExp, tokens: Token[], c: Candidate): boolean {
  return c.first > 0 && bound.test(joinTokens(tokens, Math.max(0, c.first - BOUND_REACH), c.first - 1));
}

/** How much better a count fits when it is written with what the question counts. */
const COUNTED_FIT = 2;
/** An amount written as of what the question measures (`measured`, a stem): "9.5 litres of water" for "how much water". */
function amountOf(measured: string, tokens: Token[], c: Candidate): boolean {
  const of = tokens[c.last + 1];
  const what = tokens[c.last + 2];
  return of?.lemma === "of" && what !== undefined && stemOf(what.text.toLowerCase()) === measured;
}

/** Nouns that may stand between a count and what it counts ("3 cargo cubes"). */
const MAX_UNIT_MODIFIERS = 2;

/** A unit of data, rate or frequency written in mixed case ("kB", "KiB", "MiB", "kHz", "Mbps"). */
const DATA_UNIT = /^(?:[kKMGTPE]i?[Bb](?:ps)?|[kMG]Hz|[kKMG]bps)$/;

/**
 * A number with the unit that follows it ("90" → "90 seconds", "16" → "16MB"): a bare number
 * does not say what it counts. Votes still pool under the number alone.
 */
function withUnit(tokens: Token[], c: Candidate): Candidate {
  const next = tokens[c.last + 1];
  // A unit is a word ("seconds") or a short symbol ("ms", "MB"), not a name in a command line ("-p 5432 dbname").
  const unit = next && next.type === "word" && (((next.pos === "NOUN" || next.pos === "PROPN") && ((/^\p{Ll}+$/u.test(next.text) && (next.text.length <= 3 || isEnglishWord(next.text) || isEnglishWord(next.lemma))) || /^\p{Lu}{1,3}$/u.test(next.text))) || DATA_UNIT.test(next.text));
  return unit ? { ...c, text: joinTokens(tokens, c.first, c.last + 1), last: c.last + 1 } : c;
}

function entityCandidates(tokens: Token[], q: Question, accept: (t: Token) => boolean): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!accept(t)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && accept(tokens[j + 1] as Token) && (tokens[j + 1] as Token).entity === t.entity) j++;
    const text = joinTokens(tokens, i, j);
    if (!q.lemmas.has(text.toLowerCase())) out.push({ text, key: text.toLowerCase(), first: i, last: j, fit: 1 });
    i = j + 1;
  }
  return out;
}
