/**
 * A reference entry's signature, "subprocess.run(*args*, *\**, *stdin=None*, …, *timeout=None*)"
 * or "### `fs.readFile(path[, options], callback)`": the parameters an identifier takes, and the
 * defaults its signature gives them. "What arguments does subprocess.run take?" is answered by
 * the names; "default timeout for subprocess.run", when no sentence states it, by "None".
 */
import { asksDefault } from "./code.js";
import { identifiersIn, sameIdentifier } from "./identifiers.js";
import type { Question } from "./question.js";
import { entryLine, type Reading } from "./rerank.js";

/** One parameter of a signature: its name, and its default when the signature gives one. */
export interface Parameter {
  name: string;
  default?: string;
}

/** The parameters of `identifier`'s call in `line` ("json.dumps(*obj*, *skipkeys=False*)  "), or undefined when the line holds no such call. */
export function parametersIn(line: string, identifier: string): Parameter[] | undefined {
  const plain = line.replace(/\\([*_[\]])/g, "$1").replace(/[`*]/g, "");
  const at = plain.toLowerCase().indexOf(`${identifier.toLowerCase()}(`);
  if (at === -1) return undefined;
  const open = at + identifier.length;
  // The bracket that closes the call, nested brackets aside.
  let depth = 0;
  let close = -1;
  for (let i = open; i < plain.length; i++) {
    if (plain[i] === "(") depth++;
    else if (plain[i] === ")" && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close === -1) return undefined;
  const inside = plain.slice(open + 1, close).replace(/[[\]]/g, "");
  const params: Parameter[] = [];
  for (const part of splitTopLevel(inside)) {
    const [rawName, ...rest] = part.split("=");
    const name = (rawName ?? "").trim();
    // A bare "*" or "/" marks where keyword-only or positional-only parameters start.
    if (!/[A-Za-z_]/.test(name)) continue;
    const value = rest.join("=").trim();
    params.push(value ? { name, default: value } : { name });
  }
  return params;
}

/** `text` split at commas outside brackets and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** "What arguments does X take", "X parameters", "which options does X accept": the parameters of X are asked for. */
const ASKS_PARAMETERS = /\b(?:arguments?|args|parameters?|params|options|keyword arguments)\b/i;

/** The signature of the identifier a question names, from the entry it heads among the readings: the identifier and its parameters. */
function signatureAsked(q: Question, readings: Reading[]): { identifier: string; params: Parameter[] } | undefined {
  // The names the question writes as code: identifiers, and dotted names of any length ("subprocess.run").
  const named = [...identifiersIn(q.text), ...(q.text.match(/(?<![\w.$])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+/g) ?? [])].map((id) => id.replace(/\(\)$/, ""));
  for (const name of new Set(named)) {
    for (const r of readings) {
      if (r.subject === undefined || !sameIdentifier(r.subject, name)) continue;
      const line = entryLine(r.doc.text, r.hit.passage.start) ?? r.hit.passage.heading ?? "";
      const params = parametersIn(line, r.subject) ?? parametersIn(line, name);
      if (params && params.length > 0) return { identifier: name, params };
    }
  }
  return undefined;
}

/** For "what arguments does X take": the names of X's parameters, from its signature; undefined when the question asks otherwise or no signature is read. */
export function parametersAsked(q: Question, readings: Reading[]): string[] | undefined {
  if (!ASKS_PARAMETERS.test(q.text) || asksDefault(q)) return undefined;
  return signatureAsked(q, readings)?.params.map((p) => p.name);
}

/**
 * For "what is the default timeout of X": the default X's signature gives the parameter the
 * question names ("timeout=None" → "None"), if any.
 */
export function signatureDefault(q: Question, readings: Reading[]): string | undefined {
  if (!asksDefault(q)) return undefined;
  const found = signatureAsked(q, readings);
  if (!found) return undefined;
  const words = new Set((q.text.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []).filter((w) => !found.identifier.toLowerCase().split(/[._]/).includes(w)));
  return found.params.find((p) => p.default !== undefined && words.has(p.name.toLowerCase()))?.default;
}
