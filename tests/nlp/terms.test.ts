import { describe, expect, it } from "vitest";
import { termsOf } from "../../src/nlp/analyse.js";

describe("termsOf", () => {
  it("keeps an identifier's parts but not the underscores between them", () => {
    const terms = termsOf("Set max_wal_size and work_mem before the __init__ call.");
    expect(terms).toEqual(expect.arrayContaining(["max", "wal", "size", "work", "mem", "init"]));
    expect(terms).not.toContain("_");
    expect(terms.every((t) => /[\p{L}\p{N}%$£€]/u.test(t))).toBe(true);
  });

  it("keeps every part of a code name, stop word or not, and drops stop words elsewhere", () => {
    expect(termsOf("Set user.name, then pass --keep-base or --name-only; first_name too.")).toEqual(
      expect.arrayContaining(["user", "name", "keep", "base", "only", "first"]),
    );
    expect(termsOf("Keep the name you first gave it.")).not.toEqual(expect.arrayContaining(["keep"]));
    expect(termsOf("Keep the name you first gave it.")).not.toContain("first");
    // A line break ends a word, though wink gives the word after it no space before.
    expect(termsOf("Write it down\nuser.name")).not.toContain("down");
  });

  it("keeps the stop-listed nouns a question is about: name, empty, full, amount", () => {
    expect(termsOf("what is the maximum length of a package name")).toContain("name");
    expect(termsOf("an empty string is returned when the disk is full")).toEqual(expect.arrayContaining(["empty", "full"]));
    expect(termsOf("the amount of tea")).toContain("amount");
    // The rest of the list stays out.
    expect(termsOf("what is the kettle for")).toEqual(["kettle"]);
  });

  it("gives a plural written in capitals, as a manual page's section title is, the term of the word in lower case", () => {
    expect(termsOf("AUTHORS")).toEqual(termsOf("authors"));
    expect(termsOf("KEY BINDINGS")).toEqual(termsOf("key bindings"));
    expect(termsOf("ENVIRONMENT VARIABLES")).toEqual(["environment", "variable"]);
    // A word that is no plural stays as it is.
    expect(termsOf("NEWS")).toEqual(["news"]);
    expect(termsOf("STATUS")).toEqual(["status"]);
  });

  it("keeps currency and percent signs, which carry meaning", () => {
    expect(termsOf("It costs $5 or 10%")).toEqual(expect.arrayContaining(["$", "%"]));
  });
});
