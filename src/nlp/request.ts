/**
 * The polite or roundabout wrapping people put around a question ("can you explain how …", "do
 * you know if …", "is it true that …", "where is … described", "… in its manual page"), taken off so that what is left
 * is read as the question: its words are the ones searched, and its own question word decides
 * what kind of answer it wants. "Can you explain how the lid locks?" asks how the lid locks, not
 * whether someone can explain it; "explain" and "true" are no words the answer holds.
 *
 * English, not any corpus's: the forms are the common ways to ask in English. A bare "explain …"
 * is kept, as a keyword question may name a command by it ("explain analyze output").
 */

/** "can you (please) explain / tell me / show me / describe …", "please explain …", "tell me …". */
const ASKING_SOMEONE = /^(?:(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|anybody)\s+(?:please\s+|pls\s+|plz\s+)?(?:explain|tell|show|describe|remind|say)(?:\s+(?:to\s+)?(?:me|us))?|(?:please|pls|plz)\s+(?:explain|describe|tell|show)(?:\s+(?:to\s+)?(?:me|us))?|(?:tell|show)\s+(?:me|us)|explain\s+to\s+(?:me|us))\b[\s,:]*(?:about\s+)?/i;

/** "do you know (if) …", "i'd like to know …", "i was wondering whether …", "any idea …". */
const WANTING_TO_KNOW = /^(?:(?:do|does)\s+(?:you|u|anyone|anybody|someone|somebody)\s+know|(?:anyone|anybody)\s+know|i(?:'d|\s+would)\s+like\s+to\s+know|i\s+(?:want|need)\s+to\s+know|i\s+(?:was\s+)?wonder(?:ing|ed)?|any\s+idea|got\s+any\s+idea)\b[\s,:]*/i;

/** "is it true / the case / correct that …": a yes/no question about what follows. */
const IS_IT_TRUE = /^is\s+it\s+(?:true|the\s+case|correct|right)\s+that\s+/i;

/** "where is … described / documented / explained": asks what the documents say of it. */
const WHERE_TOLD = /^where\s+(?:is|are)\s+(.+?)\s+(?:described|documented|explained|covered|discussed|mentioned|defined)\s*([?.!]*)\s*$/i;

/** A question word and a person, in a statement's order, without the auxiliary a question puts between them. */
const EMBEDDED_WAY = /^(how|what|where|when|which|why)\s+(i|you|we|one)\s+(?!(?:do|does|did|can|could|should|would|might|must|will|shall|may|am|are|is|was|were|have|has|had)\b)/i;

/**
 * What a chat message opens with before its question: a greeting or a sound ("hey", "so", "um"),
 * a word said to get attention followed by a stop ("help!", "ok,", "sorry,"), "quick question",
 * "I'm trying to figure out", "I need help with", "wondering". Words that may name what is asked
 * ("hello world", "help output") count only before a stop.
 */
const CHAT_OPENING = /^(?:(?:hi|hey|heya|hiya|yo|so|um+|uh+|er+m?|hm+)\b(?:\s+(?:there|all|everyone|guys|folks))?[\s,!.:;-]+|(?:hello|help|ok|okay|well|like|sorry|thanks|please|pls|plz)(?:\s+(?:there|all|everyone|guys|folks|me))?\s*[,!.:;-][\s,!.:;-]*|(?:a\s+)?(?:quick|dumb|stupid|noob|newbie|simple|silly|random)\s+(?:question|q)\b[\s,!.:;?-]*|(?:i\s*'?m|i\s+am)\s+(?:trying|wanting|looking|hoping)\s+to\s+(?:figure\s+out|find\s+out|work\s+out|understand|learn)\s+|i\s+(?:need|want)\s+(?:some\s+)?help(?:\s+(?:with|on))?[\s,!.:;-]+|(?:just\s+)?wondering\s+)+/i;

/** "I need to X, what should I do?": asks how to X. */
const NEED_TO_DO = /^i\s+(?:need|want|have|would\s+like|'d\s+like|wanna|gotta)\s+to\s+(.+?)[\s,.;:-]+(?:what|how)\s+(?:should|do|can|could|would|must)\s+i\s+(?:do|go\s+about\s+(?:it|this|that)|proceed)\s*([?.!]*)\s*$/i;

/**
 * What people call the documents as a whole when they say where they read it: "its manual page",
 * "the docs". (Not a part of them, "the tutorial", "the buying guide": a part's name tells where
 * the answer is, and is searched.)
 */
const DOCUMENT = String.raw`(?:the|its|this|their)\s+(?:manual(?:\s+page)?|man\s+page|docs|documentation|help\s+page|readme)`;
/** "… according to the docs?", "… in its manual page?": where the documents tell it, said at the end. */
const TOLD_WHERE_AFTER = new RegExp(String.raw`[\s,]+(?:according\s+to|as\s+(?:described|stated|given|written|shown)\s+in|in|per)\s+${DOCUMENT}\s*([?.!]*)\s*$`, "i");
/** "In the docs, what is …": the same, said first. */
const TOLD_WHERE_BEFORE = new RegExp(String.raw`^(?:according\s+to|in|per)\s+${DOCUMENT}\s*,\s*`, "i");

/** `text` without the wrapping around its question; `text` itself when it has none. */
export function withoutRequest(text: string): string {
  const trimmed = text.trim();
  const told = WHERE_TOLD.exec(trimmed);
  if (told) return `${told[1]}${told[2] ?? ""}`;
  const asked = trimmed.replace(TOLD_WHERE_BEFORE, "").replace(TOLD_WHERE_AFTER, "$1");
  let rest = asked.replace(CHAT_OPENING, "");
  const need = NEED_TO_DO.exec(rest);
  if (need) rest = `how do i ${need[1]}${need[2] || "?"}`;
  rest = rest.replace(ASKING_SOMEONE, "").replace(WANTING_TO_KNOW, "");
  const unwrapped = rest !== asked;
  // What is left of "do you know if …" or "is it true that …" asks whether: read as a yes/no question.
  // (A question that opens with its own "if" is left as it is: "if i die how much of my gold counts".)
  const whether = unwrapped ? /^(?:if|whether)\s+/i.exec(rest) : IS_IT_TRUE.exec(rest);
  if (whether) rest = `does ${rest.slice(whether[0].length)}`;
  // "(explain) how i cancel a booking" in a question's order: "how do i cancel a booking".
  else if (unwrapped) rest = rest.replace(EMBEDDED_WAY, "$1 do $2 ");
  return rest === trimmed || !/\p{L}/u.test(rest) ? text : rest;
}
