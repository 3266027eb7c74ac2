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
