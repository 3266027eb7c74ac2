/**
 * A document's text read only when something needs it: a saved index holds no texts, and a
 * corpus of 20k files would otherwise be read in full at every start. Only the passages a
 * question quotes read their files.
 *
 * The text is an accessor on the document object, not enumerable (so a spread copy of the
 * document never reads the file); `copyText` hands it on unread.
 */
import type { Doc } from "../types.js";

/** Makes `doc.text` call `read` the first time it is asked for, and keep what it gave. */
export function deferText(doc: Doc, read: () => string): void {
  let value: string | undefined;
  Object.defineProperty(doc, "text", {
    configurable: true,
    enumerable: false,
    get: () => (value ??= read()),
    set(this: Doc, text: string) {
      Object.defineProperty(this, "text", { value: text, writable: true, enumerable: true, configurable: true });
    },
  });
}

/** Whether `doc.text` has been deferred by `deferText` (read or not). */
export function isTextDeferred(doc: Doc): boolean {
  return typeof Object.getOwnPropertyDescriptor(doc, "text")?.get === "function";
}

/** Gives `to` the text of `from`; a deferred text stays deferred (one read serves both). */
export function copyText(from: Doc, to: Doc): void {
  const descriptor = Object.getOwnPropertyDescriptor(from, "text");
  if (descriptor?.get) Object.defineProperty(to, "text", descriptor);
  else to.text = from.text;
}
