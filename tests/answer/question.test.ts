import { describe, expect, it } from "vitest";
import { parseQuestion } from "../../src/answer/question.js";
import type { AnswerKind } from "../../src/types.js";

const termsOf = (question: string): string[] => parseQuestion(question).terms.map((t) => t.term);
const weightOf = (question: string, term: string): number | undefined => parseQuestion(question).terms.find((t) => t.term === term)?.weight;

describe("parseQuestion", () => {
  describe("tells which kind of answer is wanted", () => {
    const kinds: Array<[string, AnswerKind]> = [
      ["Who is standing for deputy leader?", "person"],
      // (Question words as chat misspells them.)
      ["whr are the kettles made", "place"],
      ["hw do i descale the kettle", "reason"],
      ["Whose case was referred to the committee?", "person"],
      ["Which MP resigned his Labour Party membership?", "person"],
      ["When was Ivan Lewis suspended from the party?", "date"],
      ["What time is the vote?", "date"],
      ["In which year was she elected?", "date"],
      ["How many anonymised stories did the dossier contain?", "number"],
      ["How much money was raised?", "number"],
      ["How old is Emily Thornberry?", "number"],
      ["What percentage of party members prefer Keir Starmer?", "number"],
      ["Where did Rosena Allin-Khan study medicine?", "place"],
      ["Which constituency does Rosena Allin-Khan represent?", "place"],
      ["Which seat does Emily Thornberry represent?", "place"],
      ["Which committee was Ivan Lewis's case referred to?", "organisation"],
      ["Which newspaper reported the allegations?", "organisation"],
      ["Why did Ivan Lewis quit?", "reason"],
      ["How does the complaints process work?", "reason"],
      ["Is Ian Murray standing?", "yesno"],
      ["Did Ivan Lewis resign?", "yesno"],
      ["Has Dawn Butler announced a bid?", "yesno"],
      ["What is antisemitism?", "definition"],
      ["What does factionalism mean?", "definition"],
      // Keywords: a noun that names a quantity or a time asks for one; other nouns do not type them.
      ["max number of heaters per server", "number"],
      ["kettle client release year", "date"],
      ["kettle token variable", "thing"],
      // … and one that names an option asks for the option by name.
      ["kettle brew skip full cups option", "code"],
      // "where" asks only before an auxiliary or at the end
      ["Mike Hill claims heard where", "place"],
      // "what is the <type noun> …": the noun after "is the" says what is wanted
      ["What is the percentage of members who vote?", "number"],
      ["what's the max size of a brew", "number"],
      ["where's the kettle's settings file kept", "place"],
      ["what happens if i run a delete with no where clause", "thing"],
      // A later "when" is a condition, not the question word.
      ["What does kettle.pour return when the kettle is empty?", "thing"],
      ["how do i stop the kettle when it boils", "reason"],
      ["and when does the kettle switch off", "date"],
      // … and so is "when" before a gerund, in keywords too.
      ["kettle option skip full cups when brewing", "code"],
      // An identifier wink splits into pieces is one name before the type noun.
      ["Which kettle_get_info field holds the water level?", "code"],
      ["which kettle option applies when descaling", "code"],
      // "What's X", "what is a X": what a thing is, even when X ends in a type noun.
      ["what's a grue", "definition"],
      ["What is a virtual pot package?", "definition"],
      ["What is the default pot package?", "code"],
      ["what is the default option", "code"],
      ["What is the Steeping field?", "definition"],
      ["what is the brew_level setting", "definition"],
      // … but not a clause with a verb of its own: that asks for a value.
      ["what is the largest cup a kettle can fill", "thing"],
      ["whats the max volume a kettle can hold", "number"],
      // A chat question that first says what happened asks in the clause after the break.
      ["the kettle tripped the fuse, did it break the heater", "yesno"],
      ["moved house last week - how do i pair the kettle again", "reason"],
      ["kettle firmware update failed; which version is installed now", "code"],
      // An if-clause typed without its comma ends at the auxiliary that opens the question.
      ["if the kettle is empty does it switch itself off", "yesno"],
      ["if i descale the kettle with no filter will the element crack", "yesno"],
      ["if it will not boil what should i check", "thing"],
      // "when" about code in the present asks in what case; in the past, or about no code, for a time.
      ["when does kettle.boil raise DryKettle", "condition"],
      ["When is the 'whistle' event emitted?", "condition"],
      ["when is __pour__ called", "condition"],
      ["when was kettle.boil added", "date"],
      ["when does the tasting close", "date"],
    ];
    it.each(kinds)("%s → %s", (question, kind) => {
      expect(parseQuestion(question).kind).toBe(kind);
    });
  });

  it("is not fooled by letter case", () => {
    expect(parseQuestion("WHEN WAS IVAN LEWIS SUSPENDED?").kind).toBe("date");
    expect(parseQuestion("who is standing?").kind).toBe("person");
  });

  it("wants one for \"X's only …\", \"its main …\"", () => {
    expect(parseQuestion("Who is the guild's only honorary member?").plurality).toBe("one");
    expect(parseQuestion("who is its main sponsor").plurality).toBe("one");
    expect(parseQuestion("Who are the guild's members?").plurality).toBe("many");
  });

  it("wants one number for keywords that ask for a number of something", () => {
    expect(parseQuestion("number of database connections").plurality).toBe("one");
    expect(parseQuestion("kettle settings files").plurality).toBe("many");
  });

  describe("tells whether one answer or several is wanted", () => {
    it.each([
      ["Who are the candidates?", "many"],
      ["Which candidates are standing?", "many"],
      ["Name all the candidates for deputy leader", "many"],
      ["Who is the frontrunner?", "one"],
      ["Which constituency does Rosena Allin-Khan represent?", "one"],
      ["What is the most common complaint?", "one"],
      ["list all kettle settings", "many"],
      ["when did the kettle club get suspended", "one"],
      // "list" as the task's verb of a how-question asks for a way, not a list.
      ["how to list all kettles on the network", "auto"],
    ] as const)("%s → %s", (question, plurality) => {
      expect(parseQuestion(question).plurality).toBe(plurality);
    });
  });

  it("keeps the words that matter, as normalised search terms, without question words or stop words", () => {
    expect(termsOf("Who is standing for deputy leader?")).toEqual(["stand", "deputy", "leader"]);
    expect(termsOf("When was Ivan Lewis suspended from the party?")).toEqual(["ivan", "lewis", "suspend", "party"]);
  });

  it("leaves out the measure 'how' asks for, which is no word of the answer", () => {
    expect(termsOf("how long does a brew take")).not.toContain("long");
    expect(termsOf("how old is the kettle")).toEqual(["kettle"]);
    // "long" asked about, not asked for, stays.
    expect(termsOf("why is the spout so long")).toContain("long");
  });

  it("lists each term once, in question order", () => {
    expect(termsOf("Lewis, Lewis or Lewis: which Lewis quit?")).toEqual(["lewis", "quit"]);
  });

  it("has no terms for a question of stop words only", () => {
    const q = parseQuestion("What is it that they were?");
    expect(q.terms).toEqual([]);
    expect(q.lemmas.size).toBe(0);
  });

  it("marks the names a question mentions: never their own answer, and the surname alone may stand for them", () => {
    const q = parseQuestion("Where did Rosena Allin-Khan study medicine?");
    expect([...q.names]).toEqual(["allin-khan"]);
    const nameTerms = q.terms.filter((t) => t.name).map((t) => [t.term, t.name]);
    expect(nameTerms).toEqual([
      ["rosena", "Rosena Allin-Khan"],
      ["allin", "Rosena Allin-Khan"],
      ["khan", "Rosena Allin-Khan"],
    ]);
    expect(q.terms.find((t) => t.term === "medicine")?.name).toBeUndefined();
  });

  it("weighs names and nouns fully, and the type noun after which/what lightly", () => {
    const question = "Which constituency does Rosena Allin-Khan represent?";
    expect(parseQuestion(question).typeNoun).toBe("constituency");
    expect(weightOf(question, "constituency")).toBeLessThan(0.5);
    expect(weightOf(question, "khan")).toBe(1);
    // An object question's verb is often paraphrased ("MP for Tooting"): it counts for little.
    expect(weightOf(question, "represent")).toBeLessThan(weightOf(question, "khan") ?? 0);
    expect(weightOf("Where did Rosena Allin-Khan study medicine?", "medicine")).toBe(1);
  });

  it("keeps every weight between 0 and 1", () => {
    for (const question of ["Who won the deputy leadership election?", "Why did Ivan Lewis quit quickly?", "Is the old process fair?"]) {
      for (const { weight } of parseQuestion(question).terms) {
        expect(weight).toBeGreaterThan(0);
        expect(weight).toBeLessThanOrEqual(1);
      }
    }
  });

  it("finds the relation a subject question asks about: the verb and its object", () => {
    const q = parseQuestion("Who won the deputy leadership election?");
    expect(q.relation).toEqual({ verb: "win", object: "election" });
    expect(weightOf("Who won the deputy leadership election?", "win")).toBe(1);
  });

  it("reads the relation past a verb that only carries another ('ended up winning', 'managed to win')", () => {
    expect(parseQuestion("who ended up winning the brewing cup").relation).toEqual({ verb: "win", object: "cup" });
    expect(parseQuestion("Who managed to brew the first pot?").relation).toEqual({ verb: "brew", object: "pot" });
  });

  it("finds no relation in a causative verb with a verb after its object: what it makes happen is asked, not 'make'", () => {
    expect(parseQuestion("Which option makes the kettle boil faster?").relation).toBeUndefined();
    expect(parseQuestion("which flag causes the kettle to stop early").relation).toBeUndefined();
    expect(parseQuestion("what setting lets the kettle skip the descaling step").relation).toBeUndefined();
    // (After a pronoun, the word wink may tag a noun is the verb: "lets me use".)
    expect(parseQuestion("what option lets me use the space bar to pause").relation).toBeUndefined();
    // Without a verb after its object, the verb is the relation.
    expect(parseQuestion("Which brewer won the kettle cup?").relation).toEqual({ verb: "win", object: "cup" });
  });

  it("finds no relation in an object question", () => {
    expect(parseQuestion("Which constituency does Rosena Allin-Khan represent?").relation).toBeUndefined();
    expect(parseQuestion("When was Ivan Lewis suspended from the party?").relation).toBeUndefined();
    // A count asks for no one who did something: "inserted rows" is what is counted.
    expect(parseQuestion("how many inserted rows does it take before the kettle boils").relation).toBeUndefined();
  });

  it("leaves out the words that say where the documents tell it ('named as', 'described in', 'given for')", () => {
    const named = parseQuestion("Which kettle is named as the quietest model?");
    expect(named.terms.map((t) => t.term)).not.toContain("name");
    expect(named.relation).toBeUndefined();
    expect(parseQuestion("Which kettles are described in the buying guide?").terms.map((t) => t.term)).toEqual(["kettle", "buying", "guide"]);
    expect(parseQuestion("What are the reasons given for why the pot cools?").terms.map((t) => t.term)).not.toContain("give");
    // Told of the thing itself, the verb stays: "named after" is what was done.
    expect(parseQuestion("Which kettle was named after its maker?").terms.map((t) => t.term)).toContain("name");
  });

  it("weighs every word of an identifier or a flag fully, whatever its part of speech", () => {
    expect(weightOf("when does steep_mean raise an error", "mean")).toBe(1);
    expect(weightOf("which values can i pass to --ignore-leaves", "ignore")).toBe(1);
    // Written apart, the verb is a verb.
    expect(weightOf("which values do kettles ignore", "ignore")).toBeLessThan(1);
  });

  it("reads 'what happened to X' as a question about X: 'happen' is no search word and no relation", () => {
    const q = parseQuestion("what happened to Ada Quill?");
    expect(q.terms.map((t) => t.term)).toEqual(["ada", "quill"]);
    expect(q.relation).toBeUndefined();
    expect(parseQuestion("what happens if i drop the kettle").terms.map((t) => t.term)).not.toContain("happen");
  });

  it("reads 'where does the word X come from' as asking for an origin, not a place", () => {
    expect(parseQuestion("where does the word kettle come from").kind).not.toBe("place");
    expect(parseQuestion("where does the brewer come from").kind).toBe("place");
  });

  it("reads 'who is' over nothing but a name as a question about that person", () => {
    expect(parseQuestion("who is Ada Quill?").kind).toBe("definition");
    expect(parseQuestion("Who was Tom Vane").kind).toBe("definition");
    expect(parseQuestion("who is ADQ?").kind).toBe("definition");
    expect(parseQuestion("who is quillfeather").kind).toBe("definition");
    expect(parseQuestion("who is the guild's treasurer?").kind).toBe("person");
    expect(parseQuestion("who is standing for the guild?").kind).toBe("person");
  });

  it("keeps the question text and the lemmas of every content word", () => {
    const q = parseQuestion("Which MP resigned his Labour Party membership?");
    expect(q.text).toBe("Which MP resigned his Labour Party membership?");
    expect([...q.lemmas]).toEqual(expect.arrayContaining(["mp", "resign", "membership"]));
    expect(q.lemmas.has("which")).toBe(false);
  });

  it("does not throw on odd input", () => {
    for (const text of ["", "???", "😀", "\u200b", "a".repeat(500), "<@123>", "‮txet"]) {
      expect(() => parseQuestion(text)).not.toThrow();
    }
  });
});

describe("parseQuestion on chat-typed contractions", () => {
  it("leaves out words that say nothing of what is asked ('actually', 'stuff', 'thx')", () => {
    const terms = parseQuestion("ok so who's actually running the kettle club and all that stuff, thx").terms.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(["run", "kettle", "club"]));
    for (const filler of ["ok", "actually", "stuff", "thx"]) expect(terms).not.toContain(filler);
    // A flag's letter is no filler.
    expect(parseQuestion("timeit -u unit options").terms.map((t) => t.term)).toContain("u");
    // "vs" only sets two things side by side.
    expect(parseQuestion("kettle boil vs steep").terms.map((t) => t.term)).toEqual(["kettle", "boil", "steep"]);
  });

  it("reads 'whats' and 'cant' as the words they stand for, never as search words", () => {
    const q = parseQuestion("whats the word for a queue that never empties");
    expect(q.kind).toBe("term");
    expect(q.terms.map((t) => t.term)).not.toContain("whats");
    expect(q.terms.map((t) => t.term)).toContain("queue");
    // The words that ask for a name are not words the answering passage holds.
    expect(q.terms.map((t) => t.term)).not.toContain("word");
    expect(parseQuestion("why cant games be setuid").terms.map((t) => t.term)).not.toContain("cant");
  });

  it("reads chat's short forms ('u', 'ur', 'w/o', 'b4') as the words they stand for, and a flag's letter as a flag", () => {
    const terms = parseQuestion("can u pick ur kettle w/o a lid b4 it boils").terms.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(["pick", "kettle", "lid", "boil"]));
    for (const short of ["u", "ur", "w", "o", "b4"]) expect(terms).not.toContain(short);
    expect(parseQuestion("kettle -u flag").terms.map((t) => t.term)).toContain("u");
  });

  it("leaves words that only look like contractions alone, and any inherited property name", () => {
    expect(parseQuestion("its well known that shell scripts run").terms.map((t) => t.term)).toContain("shell");
    expect(parseQuestion("constructor default value").terms.map((t) => t.term)).toContain("constructor");
  });
});

describe("parseQuestion on questions opened by an auxiliary", () => {
  it("reads them as yes/no whatever 'when' or 'who' they hold later, and an existential one by the thing it names", () => {
    expect(parseQuestion("does the server restart when the config file changes?").kind).toBe("yesno");
    expect(parseQuestion("is it true that members who leave get a refund").kind).toBe("yesno");
    expect(parseQuestion("is there a tool that warns when the disk fills up").kind).toBe("code");
  });
});
