import { describe, expect, it } from "vitest";
import { abbreviationIn, expansionOf } from "../../src/answer/acronym.js";
import { parseQuestion } from "../../src/answer/question.js";
import type { Reading } from "../../src/answer/rerank.js";

const readings = (...texts: string[]): Reading[] => texts.map((text) => ({ body: { text } }) as unknown as Reading);

describe("abbreviationIn", () => {
  it("finds the abbreviation an expansion question asks about, typed any way", () => {
    expect(abbreviationIn(parseQuestion("What does WAL stand for?"))).toBe("WAL");
    expect(abbreviationIn(parseQuestion("whats RTFM short for"))).toBe("RTFM");
    expect(abbreviationIn(parseQuestion("CRDT acronym"))).toBe("CRDT");
    expect(abbreviationIn(parseQuestion("Who wrote the report?"))).toBeUndefined();
  });

  it("finds one written in lower case where the question asks what it stands for", () => {
    expect(abbreviationIn(parseQuestion("what does brb stand for"))).toBe("BRB");
    expect(abbreviationIn(parseQuestion("what does the acronym tldr mean"))).toBe("TLDR");
    expect(abbreviationIn(parseQuestion("what does it stand for"))).toBeUndefined();
    expect(abbreviationIn(parseQuestion("what does the tea kettle stand on"))).toBeUndefined();
  });
});

describe("expansionOf", () => {
  it("reads an expansion before or after the abbreviation in brackets, only if its initials spell it", () => {
    expect(expansionOf("CRDT", readings("Replicas merge through a *Conflict-free Replicated Data Type* (CRDT) without locks."))).toBe("Conflict-free Replicated Data Type");
    expect(expansionOf("TTL", readings("Each entry has a TTL (time to live) in seconds."))).toBe("time to live");
    expect(expansionOf("TTL", readings("Each entry has a TTL (see below) in seconds."))).toBeUndefined();
  });

  it("reads a gloss of capitalised words anywhere in the passages, short words allowed", () => {
    expect(expansionOf("DoD", readings("Nothing here.", "[military] Abbreviation, Department of Defense. Used loosely."))).toBe("Department of Defense");
    expect(expansionOf("RTKM", readings("Variant of {RTFM}; expands to ‘Read The Kettle Manual’. Often the whole reply."))).toBe("Read The Kettle Manual");
  });

  it("lets one word give the initials of its inner capitals", () => {
    expect(expansionOf("PGSQL", readings("The PostgreSQL Global SQL (PGSQL) group meets yearly."))).toBeDefined();
  });
});
