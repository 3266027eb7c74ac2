/**
 * Identifiers a question names ("max_wal_size", "Path.walk", "readFile", "hmac.new()"), and
 * whether the documents it was answered from hold them. Documentation answers about one setting,
 * function or field from the entry of another with a similar name ("max_wal_senders" for
 * "max_wal_size"); a question whose identifier none of the retrieved documents holds is asking
 * about something they do not document.
 */
import { isEnglishWord } from "../nlp/analyse.js";
import { escapeRegExp } from "../nlp/regexp.js";

/**
 * snake_case (`max_wal_size`, `__init__`), camelCase from two lower-case letters (`readFile`, not
 * "iPhone" or "macOS"), and dotted names (`os.path.join`, `Path.walk`, `hmac.new()`) whose last
 * part is a name of four letters or more or is called: "Node.js", "python.org" and "data.tar" are
 * product, site and file names, more often written differently than an identifier is.
 */
const IDENTIFIER =
  /(?<![\w.$-])(?:[A-Za-z_$][\w$]*_[\w$]+|_[\w$]+|[a-z]{2,}[A-Z][a-z][\w$]*|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.(?:[A-Za-z_$][\w$]{3,}|[A-Za-z_$][\w$]*(?=\(\))))(?![\w$])/g;

/** A release number of three parts or more ("3.11.2", "v20.1.0"): a two-part number may be a measure ("2.5 GB"). */
const RELEASE = /(?<![\w.])v?\d+\.\d+\.\d+(?:\.\d+)*(?![\w.]*\w)/g;

/**
 * Whether two identifiers name the same thing, case aside, one perhaps qualified by its module or
 * class ("json.dumps" and "dumps", "Path.walk" and "pathlib.Path.walk").
 */
export function sameIdentifier(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/** The identifiers `question` names, as written. */
export function identifiersIn(question: string): string[] {
  return [...new Set([...question.matchAll(IDENTIFIER)].map((m) => m[0]))];
}

/**
 * The first identifier or release number of `question` that none of `texts()` holds (case aside), if any. An
 * identifier with a part no document holds at all (`known` false) that is no English word (a
 * misspelling, "synchornous_commit") is not judged: its spelling, not the documents, may be what is wrong.
 */
export function unheldIdentifier(question: string, texts: () => Iterable<string>, known: (word: string) => boolean): string | undefined {
  // (A part that is an English word is spelt right: "json_pretty" asks about a function the documents do not have.)
  const spelt = (part: string): boolean => known(part) || (part.length >= 3 && isEnglishWord(part));
  const named = identifiersIn(question).filter((id) => id.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).every((part) => part === "" || spelt(part.toLowerCase())));
  // A release the question names ("python 3.11.2 release date") is asked about as a name is.
  const wanted = [...named, ...new Set([...question.matchAll(RELEASE)].map((m) => m[0]))];
  if (wanted.length === 0) return undefined;
  // "max_old_space_size" is held by "--max-old-space-size": an underscore stands for a hyphen too.
  const patterns = wanted.map((id) => ({ id, re: new RegExp(`(?<![\\w$])${escapeRegExp(id).replace(/_/g, "[-_]")}(?![\\w$])`, "i") }));
  const all = [...texts()];
  return patterns.find(({ re }) => !all.some((text) => re.test(text)))?.id;
}

/** A name written with capitals ("JMAP", "TZ", "McAfee", "Zigbee"); English words are told apart by unheldName. */
const CAPITALISED_NAME = /(?<![\w'’-])(?:[A-Z][A-Za-z\d]*[A-Z][A-Za-z\d]*|[A-Z][a-z]+)(?![\w'’-])/g;

/**
 * The first name `question` writes with capitals (see CAPITALISED_NAME) that no passage of the
 * corpus holds (`known` false for the word as written and in lower case), if any: the documents
 * never mention what is asked about ("Does fetchmail support the JMAP protocol?"), so no passage
 * of theirs answers it. Only a word still `searched` as written counts: one spelling correction
 * replaced is a misspelling of a word the documents hold. An English word ("Windows", "Store") is
 * never such a name.
 */
export function unheldName(question: string, searched: ReadonlyArray<{ term: string; surface?: string }>, known: (word: string) => boolean): string | undefined {
  for (const m of question.matchAll(CAPITALISED_NAME)) {
    const word = m[0].toLowerCase();
    if (isEnglishWord(word) || known(word)) continue;
    // (A word whose term was replaced by one the documents hold, "FLOTAING" by "float", is a misspelling.)
    if (!searched.some((t) => (t.surface ?? t.term) === word)) continue;
    return m[0];
  }
  return undefined;
}
