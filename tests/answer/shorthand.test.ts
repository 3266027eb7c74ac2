import { describe, expect, it } from "vitest";
import { expandShorthand } from "../../src/answer/shorthand.js";

/** A vocabulary with these passage counts per term. */
const vocabulary = (counts: Record<string, number>) => ({ documentFrequency: (term: string) => counts[term] ?? 0 });

describe("expandShorthand", () => {
  it("writes out shorthand the documents spell in full", () => {
    const index = vocabulary({ environment: 12, variable: 30, application: 8, database: 50, db: 1 });
    expect(expandShorthand("which env var do i set so client apps find the db", index)).toBe(
      "which environment variable do i set so client applications find the database",
    );
  });

  it("writes out max, avg and len as maximum, average and length", () => {
    const index = vocabulary({ maximum: 3, average: 2, length: 4 });
    expect(expandShorthand("max leave after long service, avg len", index)).toBe("maximum leave after long service, average length");
  });

  it("keeps shorthand the documents use themselves, and code or names written with it", () => {
    const index = vocabulary({ env: 40, environment: 5, dictionary: 9, dict: 2, configuration: 7 });
    expect(expandShorthand("how do i read process.env or env in a dict", index)).toBe("how do i read process.env or env in a dictionary");
    expect(expandShorthand("DB config for $env and env_var", index)).toBe("DB configuration for $env and env_var");
  });

  it("leaves shorthand alone when the documents hold neither form", () => {
    expect(expandShorthand("where is the repo", vocabulary({}))).toBe("where is the repo");
  });
});

describe("expandShorthand on chat's ways of saying 'by default'", () => {
  const none = vocabulary({});
  it("writes them as 'by default'", () => {
    expect(expandShorthand("out of the box what is boil_port set to", none)).toBe("by default what is boil_port set to");
    expect(expandShorthand("how many brews does it queue if i dont set a limit", none)).toBe("how many brews does it queue by default");
    expect(expandShorthand("if you don't specify it, where do logs go", none)).toBe("by default, where do logs go");
    expect(expandShorthand("what port when it's unset?", none)).toBe("what port by default?");
  });

  it("drops them where the question says 'default' already, and leaves other settings alone", () => {
    expect(expandShorthand("whats the default name of the pot if i dont set one", none)).toBe("whats the default name of the pot");
    expect(expandShorthand("if i set a limit how many brews queue", none)).toBe("if i set a limit how many brews queue");
  });
});

describe("expandShorthand on text-speak", () => {
  // ("u" and "r" are keys in this corpus: only their chat uses are written out.)
  const keys = vocabulary({ u: 20, r: 20 });
  it("writes out u, r and ur where they stand for you, are and your", () => {
    expect(expandShorthand("which teas can u brew for ur guests", keys)).toBe("which teas can you brew for your guests");
    expect(expandShorthand("what r descalers good against", keys)).toBe("what are descalers good against");
    expect(expandShorthand("lids r supposed to click", keys)).toBe("lids are supposed to click");
    expect(expandShorthand("whats the most cups u can pour", keys)).toBe("whats the most cups you can pour");
    expect(expandShorthand("ppl say its slow tho, b4 i upgrade", keys)).toBe("people say its slow though, before i upgrade");
  });

  it("leaves a key, a flag or a form the documents use alone", () => {
    expect(expandShorthand("what does the r key do, and can u use the u command", keys)).toBe("what does the r key do, and can you use the u command");
    expect(expandShorthand("press u to undo, timeit -u unit", keys)).toBe("press u to undo, timeit -u unit");
    expect(expandShorthand("ur settings", vocabulary({ ur: 3 }))).toBe("ur settings");
  });
});

describe("expandShorthand on chat's ways of asking why and how", () => {
  const none = vocabulary({});
  it("writes 'how come' as why and 'any way to' as how", () => {
    expect(expandShorthand("how come my kettle stops boiling", none)).toBe("why my kettle stops boiling");
    expect(expandShorthand("any way to make the kettle quieter", none)).toBe("how to make the kettle quieter");
    expect(expandShorthand("is there a way to keep the tea warm", none)).toBe("how to keep the tea warm");
    expect(expandShorthand("which way to turn the lid", none)).toBe("which way to turn the lid");
  });

  it("writes 'what's the best way to' as how, whatever the way is said to be", () => {
    expect(expandShorthand("what's the best way to descale the kettle", none)).toBe("how to descale the kettle");
    expect(expandShorthand("whats the right way to write it", none)).toBe("how to write it");
    expect(expandShorthand("what is the way to the club", none)).toBe("what is the way to the club");
  });
});
