import { describe, expect, it } from "vitest";
import { parametersIn } from "../../src/answer/signature.js";

describe("parametersIn", () => {
  it("reads a Python signature written in Markdown emphasis, with its defaults", () => {
    const line = "kettle.brew(*leaves*, *\\**, *water=None*, *temperature=100*, *name='green, loose'*, *\\*\\*extra*)  ";
    expect(parametersIn(line, "kettle.brew")).toEqual([
      { name: "leaves" },
      { name: "water", default: "None" },
      { name: "temperature", default: "100" },
      { name: "name", default: "'green, loose'" },
      { name: "extra" },
    ]);
  });

  it("reads a signature with optional parameters in brackets, as Node's headings write them", () => {
    expect(parametersIn("### `kettle.pour(cup[, options], callback)`", "kettle.pour")).toEqual([{ name: "cup" }, { name: "options" }, { name: "callback" }]);
  });

  it("finds no parameters where the line does not call the identifier", () => {
    expect(parametersIn("kettle.fill(amount)  ", "kettle.pour")).toBeUndefined();
    expect(parametersIn("kettle.pour is quick", "kettle.pour")).toBeUndefined();
  });
});
