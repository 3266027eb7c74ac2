import { describe, expect, it } from "vitest";
import { analyse } from "../../src/nlp/analyse.js";
import { enumerationIn } from "../../src/answer/enumeration.js";
import { mendSentences } from "../../src/nlp/mend.js";

const series = (text: string, questionWords: string[] = []): string[] | undefined => enumerationIn(analyse(text).tokens, text, new Set(questionWords))?.members;

describe("enumerationIn", () => {
  it("reads the members of a series with a serial comma, after the words that introduce it", () => {
    expect(series("The tool can export to formats such as CSV, Parquet, and JSON Lines for later use.")).toEqual(["CSV", "Parquet", "JSON Lines"]);
  });

  it("names a member read twice once", () => {
    expect(series("The lamp shows the states Cold, Warming, Hot, warming, and Boiling in turn.")).toEqual(["Cold", "Warming", "Hot", "Boiling"]);
  });

  it("drops the class noun before the first member and stops the last member where the clause goes on", () => {
    expect(series("The board named the trustees Maria Lopez, Tom Okafor and Priya Nair all present at the vote.", ["trustee"])).toEqual(["Maria Lopez", "Tom Okafor", "Priya Nair"]);
  });

  it("reads a series in a table's cell without the cells before it", () => {
    expect(series("| `service` | string | no | One of `standard`, `express` or `economy`. Default: `standard`. |")).toEqual(["`standard`", "`express`", "`economy`"]);
  });

  it("reads a series in brackets whose last two members are joined by 'and'", () => {
    expect(series("60 cargo cubes in four colours (red, blue, yellow and green)", ["colour"])).toEqual(["red", "blue", "yellow", "green"]);
  });

  it("reads code spans and quoted members, without the quotes a comma cut", () => {
    expect(series("Valid levels are `debug`, `info`, or `warn` only.")).toEqual(["`debug`", "`info`", "`warn`"]);
    expect(series("The “MIT,” “ISC,” and “Zlib” licences are accepted here.")).toEqual(["MIT", "ISC", "Zlib"]);
  });

  it("reads a quoted first member wink tags as a verb, without the remark in brackets after it", () => {
    expect(series('Possible brews are "steep" (default), "stew", and "boil".')).toEqual(["steep", "stew", "boil"]);
    expect(series("Pour from a teapot, a jug (deprecated) or a samovar when the kettle is out.")).toEqual(["teapot", "jug", "samovar"]);
  });

  it("prefers the series after the question's words to a longer one elsewhere in the sentence", () => {
    const text = "The old consoles (NES, Genesis, TurboGrafx, Neo Geo) faded as players moved to phones, tablets, laptops, and the web.";
    expect(series(text, ["console"])).toEqual(["NES", "Genesis", "TurboGrafx", "Neo Geo"]);
  });

  it("finds nothing in a sentence of clauses, or in two members with nothing to introduce them", () => {
    expect(series("The server starts, reads its configuration, and then listens on the port it was given.")).toBeUndefined();
    expect(series("Alice and Bob went home.")).toBeUndefined();
  });
});

describe("mendSentences", () => {
  it("joins sentences wink split inside a link target, a link title or a code span", () => {
    const text = 'See [the guide](../guide.html#setup "Setup. Read first.") before you run `app.start()` twice. Then stop.';
    const { tokens } = analyse(text);
    const mended = mendSentences(text, 0, tokens);
    const ids = new Set(mended.filter((t) => t.text.trim() && t.end <= text.indexOf(" Then")).map((t) => t.sentence));
    expect(ids.size).toBe(1);
    expect(mended.find((t) => t.text === "Then")?.sentence).not.toBe([...ids][0]);
  });

  it("leaves a text whose sentences wink cut right as it is", () => {
    const text = "One sentence here. Another one there.";
    const { tokens } = analyse(text);
    expect(mendSentences(text, 0, tokens)).toBe(tokens);
  });
});
