import { describe, expect, it } from "vitest";
import { identifiersIn, unheldIdentifier, unheldName } from "../../src/answer/identifiers.js";

describe("identifiersIn", () => {
  it("finds snake_case, camelCase and dotted names, called or not", () => {
    expect(identifiersIn("max_wal_size default")).toEqual(["max_wal_size"]);
    expect(identifiersIn("does fs.readFile take an encoding, and what does hmac.new() return")).toEqual(["fs.readFile", "hmac.new"]);
    expect(identifiersIn("pathlib Path.walk top_down default")).toEqual(["Path.walk", "top_down"]);
    expect(identifiersIn("what does readFile do with __init__")).toEqual(["readFile", "__init__"]);
  });

  it("leaves product, site and file names, abbreviations and words alone", () => {
    expect(identifiersIn("does Node.js run on macOS or an iPhone, e.g. from python.org or data.tar")).toEqual([]);
    expect(identifiersIn("what's the default port, version 3.11?")).toEqual([]);
  });
});

describe("unheldIdentifier", () => {
  const known = (word: string): boolean => ["max", "wal", "size", "senders", "synchronous", "commit"].includes(word);
  const docs = (): string[] => ["`max_wal_senders` (`integer`) Sets the most WAL senders.", "Set Synchronous_Commit to off."];

  it("names the identifier no document holds", () => {
    expect(unheldIdentifier("default max_wal_size", docs, known)).toBe("max_wal_size");
  });

  it("is content with an identifier a document holds, whatever its case", () => {
    expect(unheldIdentifier("default max_wal_senders", docs, known)).toBeUndefined();
    expect(unheldIdentifier("what does synchronous_commit do", docs, known)).toBeUndefined();
  });

  it("names a release number of three parts that no document holds, not a measure of two", () => {
    const notes = (): string[] => ["Kettle 2.4.1 fixed the spout. Kettle 2.5.0 pours 1.5 litres."];
    const all = (): boolean => true;
    expect(unheldIdentifier("kettle 2.6.0 release date", notes, all)).toBe("2.6.0");
    expect(unheldIdentifier("what did kettle 2.4.1 fix", notes, all)).toBeUndefined();
    expect(unheldIdentifier("can it pour 2.5 litres", notes, all)).toBeUndefined();
  });

  it("takes an underscore for a hyphen too: a flag written in snake case", () => {
    const flags = (): string[] => ["Sets --max-old-space-size for the heap."];
    const all = (): boolean => true;
    expect(unheldIdentifier("what does max_old_space_size do", flags, all)).toBeUndefined();
    expect(unheldIdentifier("what does max_new_space_size do", flags, all)).toBe("max_new_space_size");
  });

  it("does not judge an identifier with a word no document holds: a misspelling", () => {
    expect(unheldIdentifier("default max_wal_sizze", docs, known)).toBeUndefined();
  });

  it("judges an identifier whose word no document holds when that word is English, spelt right", () => {
    expect(unheldIdentifier("what does max_wal_pretty return", docs, known)).toBe("max_wal_pretty");
  });

  it("finds a name written in capitals that no passage holds, unless it is English or was respelt", () => {
    const held = new Set(["kettle", "bluetooth", "connect"]);
    const known = (word: string): boolean => held.has(word);
    const searched = (...terms: string[]): Array<{ term: string }> => terms.map((term) => ({ term }));
    expect(unheldName("does the kettle connect over Zigbee", searched("kettle", "connect", "zigbee"), known)).toBe("Zigbee");
    expect(unheldName("does the kettle speak JMAP", searched("kettle", "speak", "jmap"), known)).toBe("JMAP");
    expect(unheldName("does the kettle connect over Bluetooth", searched("kettle", "connect", "bluetooth"), known)).toBeUndefined();
    expect(unheldName("Zigbee support", searched("zigbee", "support"), known)).toBe("Zigbee");
    // ("Pixel" is English; "Bluetoth" was respelt: its term is "bluetooth".)
    expect(unheldName("can my Pixel phone pair with it", searched("pixel", "phone", "pair"), known)).toBeUndefined();
    expect(unheldName("does it connect over Bluetoth", searched("connect", "bluetooth"), known)).toBeUndefined();
  });
});
