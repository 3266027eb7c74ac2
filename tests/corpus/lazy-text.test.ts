import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TextHolder, copyText, deferText, isTextDeferred } from "../../src/corpus/lazy-text.js";
import { loadCorpus } from "../../src/corpus/load.js";
import type { Doc } from "../../src/types.js";
import { tempDirs, writeFiles } from "../support/corpus.js";

const newDir = tempDirs();
const docOf = (): Doc => ({ path: "a.md", text: "", title: "A", fingerprint: "f", stamp: "1:1" });

describe("deferText", () => {
  it("reads the text once, when first asked for", () => {
    const doc = docOf();
    let reads = 0;
    deferText(doc, () => `text ${++reads}`);
    expect(reads).toBe(0);
    expect(doc.text).toBe("text 1");
    expect(doc.text).toBe("text 1");
    expect(reads).toBe(1);
    expect(isTextDeferred(doc)).toBe(true);
  });

  it("is not read by a spread copy of the document", () => {
    const doc = docOf();
    let reads = 0;
    deferText(doc, () => `text ${++reads}`);
    const copy = { ...doc, passageIds: [] };
    expect(reads).toBe(0);
    expect("text" in copy).toBe(false);
  });

  it("takes a text assigned to it in place of reading", () => {
    const doc = docOf();
    deferText(doc, () => "from the file");
    doc.text = "assigned";
    expect(doc.text).toBe("assigned");
    expect(isTextDeferred(doc)).toBe(false);
  });
});

describe("deferText on a document whose class holds its text", () => {
  class Held extends TextHolder {
    constructor(public path: string) {
      super();
    }
  }

  it("reads once when first asked, takes an assigned text instead, and hands a deferred text on unread", () => {
    const doc = new Held("a.md") as Held & Doc;
    expect(doc.text).toBe("");
    let reads = 0;
    deferText(doc, () => `text ${++reads}`);
    expect(isTextDeferred(doc)).toBe(true);
    expect({ ...doc }).toEqual({ path: "a.md" });
    const plain = docOf();
    copyText(doc, plain);
    expect(reads).toBe(0);
    expect([doc.text, plain.text, reads]).toEqual(["text 1", "text 1", 1]);
    doc.text = "assigned";
    expect([doc.text, isTextDeferred(doc)]).toEqual(["assigned", false]);
  });
});

describe("copyText", () => {
  it("hands a deferred text on unread, and one read serves both documents", () => {
    const from = docOf();
    let reads = 0;
    deferText(from, () => `text ${++reads}`);
    const to = docOf();
    copyText(from, to);
    expect(reads).toBe(0);
    expect(to.text).toBe("text 1");
    expect(from.text).toBe("text 1");
    expect(reads).toBe(1);
  });

  it("copies a plain text", () => {
    const to = docOf();
    copyText({ ...docOf(), text: "plain" }, to);
    expect(to.text).toBe("plain");
  });
});

describe("loadCorpus with documents from a saved index", () => {
  it("reuses a document held without its text and reads its file only when the text is asked for", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "a.md": "First version of the text." });
    const [first] = (await loadCorpus(dir)).docs;
    const saved: Doc = { ...first!, text: "" };
    const [reused] = (await loadCorpus(dir, { known: new Map([["a.md", saved]]) })).docs;
    expect(reused).toBe(saved);
    expect(isTextDeferred(reused!)).toBe(true);
    expect(reused!.text).toBe("First version of the text.");
  });

  it("gives no text for a file whose content changed since it was indexed: its offsets would point elsewhere", async () => {
    const dir = await newDir();
    await writeFiles(dir, { "a.md": "First version of the text." });
    const [first] = (await loadCorpus(dir)).docs;
    const saved: Doc = { ...first!, text: "" };
    const [reused] = (await loadCorpus(dir, { known: new Map([["a.md", saved]]) })).docs;
    // Not read yet: the file changes before a quote first asks for its text.
    await writeFile(join(dir, "a.md"), "Other bytes, the same size");
    expect(reused!.text).toBe("");
  });
});
