import { describe, expect, it } from "vitest";
import { stemOf } from "../../src/nlp/stem.js";

describe("stemOf", () => {
  it("joins a noun made from a verb to the verb where Porter2 leaves them apart", () => {
    const pairs = [
      ["suspension", "suspended"],
      ["extension", "extend"],
      ["expansion", "expand"],
      ["decision", "decide"],
      ["inclusion", "includes"],
      ["explosion", "explode"],
      ["permission", "permitted"],
      ["description", "describe"],
      ["resolution", "resolves"],
      ["assumption", "assume"],
      ["reduction", "reducing"],
      ["definition", "defined"],
      ["addition", "add"],
      ["composition", "compose"],
    ];
    for (const [noun, verb] of pairs) expect(stemOf(noun as string), `${noun} / ${verb}`).toBe(stemOf(verb as string));
  });

  it("still joins what Porter2 joins", () => {
    expect(stemOf("configuration")).toBe(stemOf("configure"));
    expect(stemOf("limits")).toBe(stemOf("limiting"));
  });

  it("leaves short stems and look-alikes apart", () => {
    expect(stemOf("bus")).not.toBe(stemOf("bud"));
    expect(stemOf("miss")).not.toBe(stemOf("mit"));
    expect(stemOf("script")).not.toBe(stemOf("scribe"));
    expect(stemOf("status")).not.toBe(stemOf("state"));
  });

  it("lets numbers and code stand for themselves", () => {
    expect(stemOf("2017")).toBe("2017");
    expect(stemOf("work_mem")).toBe("work_mem");
  });
});
