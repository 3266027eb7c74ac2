import { describe, expect, it } from "vitest";
import { readable } from "../../src/answer/sentence.js";
import { blockAfter, isLeadIn, listAround } from "../../src/answer/structure.js";

describe("blockAfter", () => {
  it("reads short lines each ended by a hard break as one item a line", () => {
    const text = "The client ships three heater drivers:\n\n`kettle.SteamDriver`  \n`kettle.CoilDriver`  \n`kettle.InductionDriver`\n\nEach reads the same settings.";
    expect(blockAfter(text, text.indexOf(":") + 1)?.items).toEqual(["`kettle.SteamDriver`", "`kettle.CoilDriver`", "`kettle.InductionDriver`"]);
  });

  it("does not take a term line and its description for two items", () => {
    const text = "Two modes are defined:\n\n`fast`  \nBrews at full power until the water boils, then stops.\n\n`gentle`  \nBrews at half power.";
    expect(blockAfter(text, text.indexOf(":") + 1)?.items).toEqual(["`fast`", "`gentle`"]);
  });

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

describe("blockAfter under HTML markup", () => {
  it("gives the code block inside an HTML wrapper, not the wrapper's tag", () => {
    const text = 'To pour into a jug, type:\n\n<div class="codeblock">\n\n    kettle> .pour -x\n    kettle> BREW;\n\n</div>\n\nThe jug fills.';
    expect(blockAfter(text, text.indexOf(":") + 1)?.text).toBe("kettle> .pour -x kettle> BREW;");
  });
});

describe("blockAfter over a list set by groff", () => {
  it("reads items opened by a bullet glyph, and ends the list at the prose after it in a text indented throughout", () => {
    const text = "       A brew has the following fields:\n\n       ○   strength - how strong it is\n\n       ○   volume - how much water\n\n\n       A pot has the following fields:\n\n       ○   size - how big it is\n";
    expect(blockAfter(text, text.indexOf(":") + 1)?.items).toEqual(["strength - how strong it is", "volume - how much water"]);
  });

  it("takes no option heading set after a glyph (\"○   --quick:\") for an item", () => {
    const text = "       The kettle takes these options:\n\n       ○   --quick:\n\n           Heats at full power.\n";
    expect(blockAfter(text, text.indexOf(":") + 1)?.items).toBeUndefined();
  });
});

describe("blockAfter over plain-text definition lists", () => {
  it("gives the terms of an indented option list, each over a deeper-indented description", () => {
    const text = "    The <mode> must be one of the following:\n\n    --gentle\n\n        Heats slowly.\n\n    --quick\n        Heats at full power. Takes the leaves\n        out early.\n\nOPTIONS\n\n--pot\n\n    The pot.\n";
    expect(blockAfter(text, text.indexOf(":") + 1)?.items).toEqual(["--gentle", "--quick"]);
  });

  it("takes no prose paragraph for a term", () => {
    const text = "Run it like this:\n\n    The kettle heats first.\n\n        kettle brew --quick\n\n    Then it pours.\n\n        kettle pour\n";
    expect(blockAfter(text, text.indexOf(":") + 1)?.items).toBeUndefined();
  });
});

describe("listAround", () => {
  it("gives nothing for prose indented as deep as a list far above it (a contents list over an indented text)", () => {
    const text = "          1.  Kettles\n          2.  Teapots\n\n          1.  Kettles\n\n               A kettle boils water.  Without a lid it boils\n          slowly, and the steam escapes from the top.\n";
    expect(listAround(text, text.indexOf("slowly"))).toBeUndefined();
  });

  it("returns for a document that opens with a blank line, every line of it indented (it had looped forever)", () => {
    const text = "\n\n          The kettle has two lids:\n          - a steel lid\n          - a glass lid\n";
    expect(listAround(text, text.indexOf("a glass"))).toEqual(["a steel lid", "a glass lid"]);
  });

  it("gives every top-level item of the list a line stands in", () => {
    const text = "Intro.\n\n1. first\n2. second\n   - nested\n3. third\n\nAfter.";
    expect(listAround(text, text.indexOf("second"))).toEqual(["first", "second", "third"]);
  });

  it("gives nothing for a line of prose", () => {
    const text = "Just a paragraph.\n\n- a\n- b\n";
    expect(listAround(text, 3)).toBeUndefined();
  });
});

describe("blockAfter over definition lists and sections", () => {
  it("gives the terms of a definition list under a caption, for a lead-in that points below", () => {
    const text = "Two modes exist, which are listed below. More prose follows here.\n\n**Modes**\n\n`FAST`  \nSkips checks.\n\n`SAFE`  \nRuns every check.\n\n# Next chapter\n";
    expect(isLeadIn("Two modes exist, which are listed below.", text, 40)).toBe(true);
    expect(blockAfter(text, 40, true)?.items).toEqual(["`FAST`", "`SAFE`"]);
  });

  it("ends a definition list at the footnotes after it", () => {
    const text = "The following modes are known:\n\n`fast`  \nSkips checks.[1](#id1)\n\n`safe`  \nRuns every check.\n\n&nbsp;\n\n[1](#id1)  \nA note on skipping.\n\n[2](#id2)  \nAnother note.\n";
    expect(blockAfter(text, text.indexOf(":") + 1)?.items).toEqual(["`fast`", "`safe`"]);
  });

  it("gives the sibling headings a lead-in introduces, up to a heading of higher rank", () => {
    const text = "The formats are:\n\n### CSV\nComma separated.\n\n### JSON\nObjects.\n\n## Other\n### XML\n";
    expect(blockAfter(text, text.indexOf(":") + 1)?.items).toEqual(["CSV", "JSON"]);
  });

  it("does not take a sentence that merely mentions what follows, mid-paragraph, as a lead-in", () => {
    const text = "See the following chapter for details, which go on. And more.\n\nNext.";
    expect(isLeadIn("See the following chapter for details, which go on.", text, 51)).toBe(false);
  });
});

describe("readable", () => {
  it("drops link targets, escapes and code fences from a short answer, keeping the words and the code", () => {
    expect(readable("See [the FAQ](faq.html#top \"FAQ\") and \\*this\\*.")).toBe("See the FAQ and *this*.");
    expect(readable("Run it:\n\n```sh\nmake -j4\n```")).toBe("Run it: make -j4");
  });

  it("drops the punctuation a sentence split inside a link's title starts with", () => {
    expect(readable(", the kettle is not a framed pot.")).toBe("the kettle is not a framed pot.");
  });

  it("drops the end of a link target a sentence starts in, but not a call it opens with", () => {
    expect(readable("pots.html#pour) pours the tea.")).toBe("pours the tea.");
    expect(readable("`kettle.fill(cup)` fills the cup.")).toBe("`kettle.fill(cup)` fills the cup.");
  });

  it("drops an example's callout marks", () => {
    expect(readable("$ kettle brew --quick <1> $ kettle pour <2>")).toBe("$ kettle brew --quick $ kettle pour");
    expect(readable("Pick a size < 10 <b>")).toBe("Pick a size < 10 <b>");
  });

  it("drops an info string written after a space with its fence, and nothing after a closing fence", () => {
    expect(readable("then call: ``` literal-block kettle-postinst configure ```")).toBe("then call: kettle-postinst configure");
    expect(readable("Run ```sh brew``` first, then pour.")).toBe("Run brew first, then pour.");
  });
});
