/**
 * A document's text read only when something needs it: a saved index holds no texts, and a
 * corpus of 20k files would otherwise be read in full at every start. Only the passages a
 * question quotes read their files.
 *
 * The text is an accessor on the document object, not enumerable (so a spread copy of the
 * document never reads the file); `copyText` hands it on unread.
 */
import type { Doc } from "../types.js";

/** A deferred text: how to read it, and what the read gave. Documents that share one share the read. */
interface LazyText {
  read: () => string;
  value?: string;
}

/**
 * A document whose text is an accessor of its class: deferring it changes nothing of the object's
 * shape. The documents of a saved index are made so (build.ts); for 20k of them, redefining
 * `text` on plain objects took ≈ 30-50 ms of every start.
 */
export class TextHolder {
  #text: string | LazyText = "";

  get text(): string {
    const text = this.#text;
    return typeof text === "string" ? text : (text.value ??= text.read());
  }

  set text(text: string) {
    this.#text = text;
  }

  static defer(doc: TextHolder, lazy: LazyText): void {
    doc.#text = lazy;
  }

  static lazyOf(doc: TextHolder): LazyText | undefined {
    const text = doc.#text;
    return typeof text === "string" ? undefined : text;
  }
}

/** Deferred texts of plain document objects. */
const lazyTexts = new WeakMap<Doc, LazyText>();

/** The accessor of a plain document's deferred text: one pair of functions for all. */
const DEFERRED: PropertyDescriptor = {
  configurable: true,
  enumerable: false,
  get(this: Doc): string {
    const lazy = lazyTexts.get(this);
    if (!lazy) return "";
    return (lazy.value ??= lazy.read());
  },
  set(this: Doc, text: string) {
    lazyTexts.delete(this);
    Object.defineProperty(this, "text", { value: text, writable: true, enumerable: true, configurable: true });
  },
};

function lazyOf(doc: Doc): LazyText | undefined {
  return doc instanceof TextHolder ? TextHolder.lazyOf(doc) : lazyTexts.get(doc);
}

function setLazy(doc: Doc, lazy: LazyText): void {
  if (doc instanceof TextHolder) TextHolder.defer(doc, lazy);
  else {
    lazyTexts.set(doc, lazy);
    Object.defineProperty(doc, "text", DEFERRED);
  }
}

/** Makes `doc.text` call `read` the first time it is asked for, and keep what it gave. */
export function deferText(doc: Doc, read: () => string): void {
  setLazy(doc, { read });
}

/** Whether `doc.text` has been deferred by `deferText` (read or not). */
export function isTextDeferred(doc: Doc): boolean {
  return lazyOf(doc) !== undefined;
}

/** Gives `to` the text of `from`; a deferred text stays deferred (one read serves both). */
export function copyText(from: Doc, to: Doc): void {
  const lazy = lazyOf(from);
  if (lazy) setLazy(to, lazy);
  else to.text = from.text;
}
