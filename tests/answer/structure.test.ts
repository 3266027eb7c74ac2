import { describe, expect, it } from "vitest";
import { blockAfter, listAround } from "../../src/answer/structure.js";

describe("blockAfter", () => {
  it("gives the list a lead-in introduces, item by item, without link targets", () => {
    const text = "Pick one of the following:\n\n- `fast` mode\n- [safe](modes.html#safe) mode\n  with a second line\n- **paranoid** mode\n\nThen run it.";
    const block = blockAfter(text, text.indexOf(":") + 1);
    expect(block?.items).toEqual(["`fast` mode", "safe mode", "paranoid mode"]);
  });

  it("gives the code of a fenced block, and the rest of the line when the lead-in does not end it", () => {
    const fenced = "Run the command:\n\n```sh\nbrew --now\n```\n";
    expect(blockAfter(fenced, fenced.indexOf(":") + 1)?.text).toBe("brew --now");
    const inline = "Run the command: `brew --now` and wait.";
    expect(blockAfter(inline, inline.indexOf(":") + 1)?.text).toBe("`brew --now` and wait.");
  });
});

describe("listAround", () => {
  it("gives every top-level item of the list a line stands in", () => {
    const text = "Intro.\n\n1. first\n2. second\n   - nested\n3. third\n\nAfter.";
    expect(listAround(text, text.indexOf("second"))).toEqual(["first", "second", "third"]);
  });

  it("gives nothing for a line of prose", () => {
    const text = "Just a paragraph.\n\n- a\n- b\n";
    expect(listAround(text, 3)).toBeUndefined();
  });
});
