import { describe, expect, it } from "vitest";
import { analyse } from "../../src/nlp/analyse.js";
import { findCandidates, statesMeasure } from "../../src/answer/candidates.js";
import { parseQuestion } from "../../src/answer/question.js";

const candidates = (question: string, passage: string): string[] =>
  findCandidates(analyse(passage).tokens, parseQuestion(question)).map((c) => c.text);

describe("date candidates", () => {
  it("take what names a time, not the words wink tags as dates (\"This may\", \"DEC\")", () => {
    const passage = "This may be done for one release only. The DEC machines were replaced in March 2003, a week after the audit.";
    const found = candidates("When were the machines replaced?", passage);
    expect(found).toContain("March 2003");
    expect(found.some((c) => /may|DEC/.test(c))).toBe(false);
  });
});

describe("date candidates between two dates", () => {
  it("take a span from one named day to another, which wink tags a duration, and a year in a name is not asked for", () => {
    expect(candidates("when does the tasting year start", "The tasting year runs from 1 April to 31 March.")).toEqual(["from 1 April to 31 March"]);
    expect(candidates("when does the tasting year start", "Members may carry over up to five tastings into the next tasting year.")).toEqual([]);
  });
});

describe("date candidates for a year", () => {
  it("take no decade (\"the 1970s\") for a year", () => {
    const passage = "The kettle was named after a comedy show from the 1970s. Its maker began work on it in December 1989.";
    expect(candidates("what year did the maker begin work on the kettle", passage)).toEqual(["December 1989"]);
  });
});

describe("date candidates for a date asked by name", () => {
  it("take no time that names no day, month or year (\"this week\") for a date", () => {
    const passage = "The kettle licence was granted this week. The old licence ran out in March 2003.";
    expect(candidates("kettle licence granted date", passage)).toEqual(["March 2003"]);
    expect(candidates("when was the kettle licence granted", passage)).toContain("this week");
    expect(statesMeasure(parseQuestion("kettle licence granted date"), "The kettle licence was granted this week.")).toBe(false);
  });
});

describe("number candidates", () => {
  it("leave out a year written as a time (\"in 1996\") from a count or a price", () => {
    const passage = "Friends bought a zoo sponsorship for him in 1996. It cost 300 pounds.";
    expect(candidates("How much did the sponsorship cost?", passage)).toEqual(["300 pounds"]);
  });

  it("count only what the question counts when the number names what it counts", () => {
    const passage = "The guild gives each brewer one chance to appeal. Ada won 300 votes, and 12 of them came from Leeds.";
    expect(candidates("how many votes did Ada win", passage)).toEqual(["300 votes", "12"]);
  });

  it("read 'how long can X be' as a length, not a time", () => {
    expect(candidates("how long can the reference be", "Your own reference, up to 35 characters.")).toEqual(["35 characters"]);
    expect(candidates("how long does a brew take", "A brew takes up to 35 characters of input and four minutes.")).toEqual(["four minutes"]);
    // A length is stated with a number; a time may be stated in words.
    expect(statesMeasure(parseQuestion("how long can the reference be"), "The reference is your own, shown on every label.")).toBe(false);
    expect(statesMeasure(parseQuestion("how long does heapify take"), "It runs in linear time.")).toBe(true);
  });

  it("take a time spelt out, which wink tags a duration, and read it across a line break", () => {
    expect(candidates("how many days can i carry over", "Employees may carry over up to five days of unused leave into the next leave year.")).toEqual(["five days"]);
    expect(candidates("how long should the tea steep", "Steep the leaves for two\nminutes, then lift them out.")).toEqual(["two minutes"]);
  });

  it("count what the question counts through the nouns before it, and a range as one", () => {
    expect(candidates("how many cubes can i load", "Take up to 3 cargo cubes of one colour.")).toEqual(["3 cargo cubes"]);
    expect(candidates("how many contract cards are there", "Deal 40 contract cards face down.")).toEqual(["40 contract cards"]);
    expect(candidates("how many players", "Harbour is a game for 2 to 5 players, aged 10 and up.")).toEqual(["2 to 5 players", "10"]);
    expect(candidates("how many minutes", "A game lasts between 30 and 45 minutes.")).toEqual(["between 30 and 45 minutes"]);
  });

  it("give no percentage for a count (\"how many\")", () => {
    const passage = "A poll puts Ada ahead with 36% of members. Four candidates are standing.";
    expect(candidates("how many candidates are standing", passage)).toEqual(["Four candidates"]);
    expect(candidates("what percentage of members back Ada", passage)).toEqual(["36%"]);
  });

  it("leave out a release number (\"version 3.11\") from a count, and a sentence with only one states no count", () => {
    const passage = "Changed in version 3.11: the kettle now limits the number of brews to 12.";
    expect(candidates("what is the maximum number of brews", passage)).toEqual(["12"]);
    const q = parseQuestion("what is the maximum number of brews allowed");
    expect(statesMeasure(q, "Changed in version 3.11: the kettle now limits the brews it runs.")).toBe(false);
    expect(statesMeasure(q, "The kettle runs at most 12 brews.")).toBe(true);
  });

  it("take no \"one\" that counts nothing: a pronoun, a label, or a determiner before a noun not asked about", () => {
    const passage = "Each new recipe replaces the previous one. The tasting list has room for one guest. Brewers start at level one, one pouring and the other tasting.";
    expect(candidates("what is the maximum number of brews", passage)).toEqual([]);
    expect(candidates("how many cups can the kettle brew at once", "The kettle brews one cup at a time.")).toEqual(["one cup"]);
    expect(candidates("maximum steeping time", "Never steep for more than one minute.")).toEqual(["one minute"]);
  });

  it("take no date written with dashes (\"2021-11-27\") for an amount", () => {
    expect(candidates("how many brews can the kettle run", "Since 2021-11-27 the kettle runs 12 brews a day.")).toEqual(["12"]);
  });

  it("fit a number written as the bound asked (\"at most 12\" for a maximum) above another", () => {
    const fits = (question: string, passage: string): Record<string, number> =>
      Object.fromEntries(findCandidates(analyse(passage).tokens, parseQuestion(question)).map((c) => [c.text, c.fit]));
    const passage = "A session usually runs 3 brews, and the kettle runs at most 12 brews a day. It needs at least 2 brews to warm up.";
    const most = fits("max brews per day", passage);
    expect(most["12"]).toBeGreaterThan(most["3"] as number);
    expect(most["12"]).toBeGreaterThan(most["2"] as number);
    const least = fits("minimum number of brews", passage);
    expect(least["2"]).toBeGreaterThan(least["12"] as number);
  });

  it("take no round plural that only says 'many' (\"hundreds of\") for an amount", () => {
    const passage = "The kettle logo has hundreds of variations. Friends bought a zoo sponsorship for the kettle in 1996.";
    expect(candidates("kettle zoo sponsorship cost", passage)).toEqual([]);
    expect(candidates("kettle zoo sponsorship cost", "The sponsorship cost 300 pounds.")).toEqual(["300 pounds"]);
  });

  it("take no open lower bound ('one or more') and no manual page's section ('pty(4)') for an amount", () => {
    const q = "what is the maximum number of cups a kettle can pour";
    expect(candidates(q, "Each kettle may pour one or more cups; see the cup(7) manual page.")).toEqual([]);
    expect(candidates(q, "Each kettle may pour up to 12 cups (see cup(7))")).toEqual(["12 cups"]);
  });

  it("find no price stated in a sentence that gives only a year", () => {
    const q = parseQuestion("kettle zoo sponsorship cost");
    expect(statesMeasure(q, "Friends bought a zoo sponsorship for the kettle in 1996.")).toBe(false);
    expect(statesMeasure(q, "The sponsorship was free.")).toBe(true);
    expect(statesMeasure(q, "A sponsorship cost £300 in 1996.")).toBe(true);
  });

  it("answer 'what port' with the number, its unit a word or a symbol, never a name on a command line", () => {
    const passage = "Connect with kettle -p 8642 potname to the server. It listens on 8642 by default and waits 90 seconds, or 500 ms, for a pot.";
    expect(parseQuestion("what port does the kettle server listen on").kind).toBe("number");
    expect(candidates("what port does the kettle server listen on", passage)).toContain("8642");
    expect(candidates("what port does the kettle server listen on", passage)).not.toContain("8642 potname");
    expect(candidates("how long does the server wait for a pot", passage)).toEqual(expect.arrayContaining(["90 seconds", "500 ms"]));
  });

  it("read no count in a manual page's section ('pty(4)')", () => {
    const q = parseQuestion("how many lids can a kettle have");
    expect(statesMeasure(q, "A kettle may have lids of several shapes (the lid(4) manual page shows them).")).toBe(false);
    expect(statesMeasure(q, "A kettle may have 2 lids (see lid(4)).")).toBe(true);
  });

  it("keep a unit of data or rate in mixed case with its number (\"512kB\", \"4 MiB\", \"54 Mbps\")", () => {
    const passage = "The kettle's log buffer was 512kB until firmware 2.1, and is 4 MiB now; the radio sends at 54 Mbps.";
    const found = candidates("what was the largest log buffer size of the kettle", passage);
    expect(found).toEqual(expect.arrayContaining(["512kB", "4 MiB", "54 Mbps"]));
    expect(found).not.toContain("512");
  });

  it("keep a year-like count that no time word introduces (\"is 1600\")", () => {
    expect(candidates("how many columns can a table have", "The maximum number of columns for a table is 1600.")).toEqual(["1600"]);
  });
});

describe("organisation candidates", () => {
  it("take no name the question wrote in lower case, but keep a body named with a question word", () => {
    const passage = "Brewer Tom Quillfeather was fined by the Kettle Guild in March.";
    expect(candidates("which organisation fined quillfeather", passage)).toEqual(["Kettle Guild"]);
    expect(candidates("which organisation of the guild fined the brewer", passage)).toContain("Kettle Guild");
  });
});

describe("person candidates", () => {
  it("take no pronoun with its verb (\"I'm\", which wink tags a proper noun) for a person", () => {
    expect(candidates("who wrote the kettle guide", "I'm glad Ada Park wrote the kettle guide, and I've read it twice.")).toEqual(["Ada Park"]);
  });

  it("take no title made of the question's own words for a person (\"Kettle Guide Archive\")", () => {
    const passage = "See the Kettle Guide Archive for old copies. The guide is kept by Ada Quill.";
    expect(candidates("who keeps the kettle guide", passage)).toEqual(["Ada Quill"]);
  });

  it("keep a name whole across a particle in lower case (\"van\", \"von der\")", () => {
    const passage = "The kettle protocol was written by Maria van Houten, and the teapot driver by Ada von der Lind.";
    const found = findCandidates(analyse(passage).tokens, parseQuestion("Who wrote the kettle protocol?"));
    expect(found.map((c) => c.text)).toEqual(expect.arrayContaining(["Maria van Houten", "Ada von der Lind"]));
  });

  it("count a run that ends in a word for a work or a body (\"Library\", \"Project\") less than a person", () => {
    const passage = "Maria Houten wrote the first parser; the Tea Brewing Library and the Kettle Project came later.";
    const found = findCandidates(analyse(passage).tokens, parseQuestion("Who wrote the parser?"));
    const fit = (text: string): number => found.find((c) => c.text === text)?.fit ?? 0;
    expect(fit("Maria Houten")).toBeGreaterThan(fit("Tea Brewing Library"));
    expect(fit("Maria Houten")).toBeGreaterThan(fit("Kettle Project"));
  });
});
