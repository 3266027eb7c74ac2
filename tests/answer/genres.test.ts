/**
 * Answers over documents that are not news: an API reference and a FAQ written for these tests,
 * asked the way people ask (documents' words, chat, keywords). Each expectation names the answer
 * itself, so a stub that always abstains fails, and so does one that returns the top passage's
 * first sentence.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { composeAnswer, draftAnswer, givesDefault } from "../../src/answer/compose.js";
import { withAskedEntryPassages, withEntryPassages } from "../../src/answer/describe.js";
import { parseQuestion } from "../../src/answer/question.js";
import { READ_FIRST } from "../../src/answer/rerank.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex, type SearchIndex } from "../../src/search/build.js";
import type { Answer } from "../../src/types.js";
import { indexOfLines, indexOver, tempDirs } from "../support/corpus.js";

const newDir = tempDirs();
const FIXTURES = join(import.meta.dirname, "../fixtures/docs");
let index: SearchIndex;
beforeAll(async () => {
  const { docs } = await loadCorpus(FIXTURES);
  index = buildIndex(docs);
});
const ask = (q: string): Answer => composeAnswer(index, q);

describe("composeAnswer on an API reference", () => {
  it("answers a default with the value after **Default:**", () => {
    expect(ask("What is the default timeout?").answer).toMatch(/^`?30`?$/);
    expect(ask("default retries kettle").answer).toMatch(/3/);
  });

  it("answers keywords that ask for a number with the number", () => {
    expect(ask("max number of heaters pool_size can be raised to").answer).toMatch(/\b8\b|eight/);
  });

  it("answers with the path whose parts are the question's words when two stand equally near", () => {
    expect(ask("where does the kettle client keep its settings").answer).toBe("~/.config/kettle/settings.toml");
  });

  it("answers about a setting from its own entry, not from another entry that mentions it", () => {
    expect(ask("pool_size default").answer).toMatch(/\b2\b/);
    expect(ask("what is the default pool_size?").answer).toMatch(/two/);
  });

  it("answers a which-variable question with the identifier, not the sentence", () => {
    const reply = ask("which environment variable holds the token");
    expect(reply.answer).toBe("KETTLE_TOKEN");
  });

  it("answers a list question with the items of the list its lead-in introduces", () => {
    const reply = ask("What are the status values of a brew?");
    for (const item of ["queued", "heating", "steeping", "done"]) expect(reply.answer).toContain(item);
  });

  it("answers a list question from the sentence that lists, when a better-matching one only names the thing", () => {
    const reply = ask("what values can the log level take");
    for (const item of ["debug", "info", "warning", "error"]) expect(reply.answer).toContain(item);
  });

  it("adds the next sentence when it goes on about the same thing and holds the word asked about", () => {
    expect(ask("what is the boiling time of the kettle element").answer).toMatch(/four minutes/);
  });

  it("adds the next sentence, whatever it opens with, when it holds a word asked about and both fit a short answer", async () => {
    const manual = await indexOfLines(newDir, "gauge.md", [
      "# Water gauge",
      "",
      "The kettle has no separate water gauge on its side. Instead, the water level is shown by the lights, from one (low) to three (full).",
      "",
      "# Lid",
      "",
      "The lid opens with the button on the handle.",
    ]);
    expect(composeAnswer(manual, "kettle separate water gauge level").answer).toMatch(/one \(low\) to three \(full\)/);
  });

  it("answers keywords that ask for a thing with the sentence that names one as code (\"KETTLE_ABORT\"), over one that holds more of the words", async () => {
    const reference = await indexOfLines(newDir, "brew.md", [
      "# One-step brewing",
      "",
      "The kettle_brew() interface runs zero or more brew steps passed into its second argument, one after another, and calls the callback given in its third argument with the result of each step.",
      "",
      "If a callback returns non-zero, the kettle_brew() routine returns KETTLE_ABORT without invoking the callback again and without running any later steps.",
      "",
      "# Pouring",
      "",
      "The kettle pours when tilted.",
    ]);
    expect(composeAnswer(reference, "kettle_brew callback non-zero result").answer).toMatch(/KETTLE_ABORT/);
  });

  it("answers a list question from a sentence that lists at length, whole, past a single sentence's length", async () => {
    const faq = await indexOfLines(newDir, "check.md", [
      "# Kettle FAQ",
      "",
      "## How does the kettle check a brew?",
      "",
      "There are three parts to the kettle's brew check: checking that the water in the pot has come fully to the boil before any of it is poured out; checking that the leaves have steeped for long enough in the pot for the chosen tea; and checking that the pot's temperature sensor agrees with the lid's.",
    ]);
    expect(composeAnswer(faq, "What are the three parts of the kettle's brew check?").answer).toMatch(/boil.*steeped.*temperature sensor agrees/);
  });

  it("answers which option with the one the answer sentence names, not one written more often near the question's words", async () => {
    const faq = await indexOfLines(newDir, "flush.md", [
      "# Kettle FAQ",
      "",
      "## O14. The kettle no longer pours oversized cups with --flush.",
      "",
      "The `--flush` option used to pour oversized cups as well as empty the tank. Since release 2.0, `--flush` only empties the tank, so that a cup left over from a failed brew is not poured by accident.",
      "",
      "Use `--cupflush` (available since release 2.0) to pour oversized cups along with the `--cup` option.",
    ]);
    expect(composeAnswer(faq, "Which option should be used to pour oversized cups along with the --cup option?").answer).toBe("--cupflush");
  });

  it("keeps the block a long lead-in introduces whole, giving up the lead-in's start instead", async () => {
    const faq = await indexOfLines(newDir, "tls.md", [
      "# Kettle FAQ",
      "",
      "## How can I tell the kettle not to use its radio if the base station offers it?",
      "",
      "In order to prevent kettle 6.4.0 and newer versions from trying radio negotiation with the base station, and only as a last resort because it exposes every brew to anyone listening nearby, you could add this option:",
      "",
      "    radioproto ''",
      "",
      "## Why is the kettle slow?",
      "",
      "Descale it.",
    ]);
    const answer = composeAnswer(faq, "base station offers radio but it is broken, how do i make the kettle stop trying radio").answer ?? "";
    expect(answer).toMatch(/you could add this option: radioproto ''$/);
    expect(answer.length).toBeLessThanOrEqual(220);
  });

  it("answers a why question with the sentence that gives the reason", () => {
    const reply = ask("why can't I pause a brew while steeping");
    expect(reply.answer).toMatch(/over-extract/);
  });
});

describe("composeAnswer on what an identifier of a reference does", () => {
  it("answers with the first sentence of the identifier's own entry, without its signature", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", [
      "# kettle — pots and pouring",
      "",
      "kettle.fill(*cup*, *amount=None*)  ",
      "Fill the kettle from the tap, up to *amount* millilitres. The tap must be open.",
      "",
      "kettle.pour(*cup*, *amount=None*, *\\**, *spout=None*)  ",
      "Pour tea into *cup*, up to *amount* millilitres. Raises `EmptyKettle` when the kettle holds none. The arguments have the same meaning as in `fill()`, and a pour is quicker through a wide spout.",
      "",
      "kettle.brew(*leaves*, *water*, *temperature=100*, *steep_minutes=4*, *pot=None*, *strainer=None*, *cosy=False*, *timer=None*)  ",
      "Brew *leaves* in *water* at *temperature* degrees. Loose leaves need a strainer, and a cosy keeps the pot warm while it steeps.",
      "",
    ]);
    expect(composeAnswer(reference, "what does kettle.pour do").answer).toMatch(/^Pour tea into \*cup\*, up to \*amount\* millilitres\.$/);
    expect(composeAnswer(reference, "what is kettle.fill?").answer).toMatch(/^Fill the kettle from the tap/);
    // A signature longer than a short term line is still one.
    expect(composeAnswer(reference, "what does kettle.brew do").answer).toBe("Brew *leaves* in *water* at *temperature* degrees.");
  });

  it("answers what arguments an identifier takes, and a default only its signature gives, from the signature", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", [
      "# kettle — pots and pouring",
      "",
      "Brewing is the heart of the module: every brew takes leaves and water, and a timer may stop it early.",
      "",
      "kettle.brew(*leaves*, *water*, *\\**, *temperature=100*, *steep_minutes=4*, *pot=None*, *strainer=None*, *cosy=False*, *timer=None*, *\\*\\*extra*)  ",
      "Brew *leaves* in *water* at *temperature* degrees. Loose leaves need a strainer, and a cosy keeps the pot warm while it steeps.",
      "",
      "kettle.fill(*amount*)  ",
      "Fill the kettle from the tap, up to *amount* millilitres.",
      "",
    ]);
    expect(composeAnswer(reference, "what arguments does kettle.brew take").answer).toBe("leaves, water, temperature, steep_minutes, pot, strainer, cosy, timer and extra");
    expect(composeAnswer(reference, "what is the default steep_minutes for kettle.brew").answer).toBe("4");
  });

  it("answers what an identifier returns from its own entry, not from an example that calls it", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", [
      "# kettle — pots and pouring",
      "",
      "Boiling in a loop, and returning what the kettle gives back:",
      "",
      "```",
      ">>> import kettle",
      ">>> def warm(pot):",
      "...     return kettle.boil(pot.seconds) + pot.extra",
      "```",
      "",
      "kettle.boil(*seconds*)  ",
      "Heat the water for *seconds*. The element clicks off at a hundred degrees. Return the temperature reached, in degrees.",
      "",
    ]);
    expect(composeAnswer(reference, "what does kettle.boil return").answer).toBe("Return the temperature reached, in degrees.");
  });

  it("answers from an entry under a heading of its own, past its parameter list and stability note", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", [
      "# Kettle",
      "",
      "### `kettle.pour(cup[, options], callback)`",
      "",
      "<!-- YAML",
      "added: v0.4.0",
      "-->",
      "",
      "> Stability: 1 - Experimental",
      "",
      "* `cup` {Cup} The cup to pour into.",
      "* `options` {Object}",
      "  * `amount` {integer} Millilitres to pour. **Default:** `250`.",
      "* `callback` {Function}",
      "* Returns: {boolean} `true` when the cup is full.",
      "",
      "Pours tea into `cup`, up to `amount` millilitres. The callback gets an error when the kettle is empty.",
      "",
      "### `kettle.fill(amount)`",
      "",
      "* `amount` {integer} Millilitres to fill.",
      "",
      "Fills the kettle from the tap. The tap must be open first.",
      "",
    ]);
    expect(composeAnswer(reference, "what does kettle.pour do").answer).toBe("Pours tea into `cup`, up to `amount` millilitres.");
    expect(composeAnswer(reference, "what does kettle.fill do").answer).toBe("Fills the kettle from the tap.");
    // Software is dated by its versions.
    expect(composeAnswer(reference, "when was kettle.pour added").answer).toBe("v0.4.0");
    // One item of a list whose items end without a full stop, its marker left out.
    expect(composeAnswer(reference, "what does kettle.pour return").answer).toBe("Returns: {boolean} `true` when the cup is full.");
  });

  it("lists the variables an entry names in the order it gives them, one named like a question word included", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", [
      "# kettle — pots and pouring",
      "",
      "kettle.heatdir()  ",
      "Return the name of the directory the kettle keeps its warm water in.",
      "",
      "Kettle searches a standard list of directories to find one it can write to. The list is:",
      "",
      "1. The directory named by the `WARMDIR` environment variable.",
      "2. The directory named by the `WARM` environment variable.",
      "3. The directory named by the `WRM` environment variable.",
      "4. The kettle's own directory.",
      "",
      "kettle.pour(*cup*)  ",
      "Pour tea into *cup*.",
    ]);
    // "WARM" is no word of "warming": the question does not name it.
    expect(composeAnswer(reference, "Which environment variables does kettle.heatdir() check, in order, when looking for the warming directory?").answer).toBe("WARMDIR, WARM, WRM");
  });

  it("answers about an identifier from the paragraphs under its entry's term line, which do not name it", async () => {
    // Every entry raises the same error, so the paragraph that says when descale raises it has
    // only the error's name to be found by; it is descale's because of the term line above it.
    const reference = await indexOfLines(newDir, "kettle.md", [
      "# kettle — pots and pouring",
      "",
      "kettle.fill(*data*)  ",
      "Fill the kettle from the tap, up to *amount* millilitres.",
      "",
      "Raises a [`KettleError`](#kettle.KettleError \"kettle.KettleError\") if the tap is closed.",
      "",
      "kettle.pour(*data*)  ",
      "Pour tea into *cup*, up to *amount* millilitres.",
      "",
      "Raises a [`KettleError`](#kettle.KettleError \"kettle.KettleError\") if the kettle is empty.",
      "",
      "kettle.boil(*data*)  ",
      "Boil the water in the kettle for *seconds*.",
      "",
      "Raises a [`KettleError`](#kettle.KettleError \"kettle.KettleError\") if the kettle holds no water.",
      "",
      "kettle.steep(*data*)  ",
      "Steep *leaves* in the pot for *minutes*.",
      "",
      "Raises a [`KettleError`](#kettle.KettleError \"kettle.KettleError\") if the pot holds no water.",
      "",
      "kettle.strain(*data*)  ",
      "Strain the leaves from the pot into the sink.",
      "",
      "Raises a [`KettleError`](#kettle.KettleError \"kettle.KettleError\") if the pot holds no leaves.",
      "",
      "kettle.descale(*data*)  ",
      "Descale the kettle: convert the scale in it to a soft powder and rinse it out with vinegar.",
      "",
      "Descaling uses the product of acid and heat (as opposed to scrubbing which uses force).",
      "",
      "Raises a [`KettleError`](#kettle.KettleError \"kettle.KettleError\") if the kettle is hot, if it holds water, or if it holds no vinegar. The *data* may be any mapping.",
      "",
      "No special efforts are made to keep the kettle shiny.",
      "",
      "## Exceptions",
      "",
      "*exception* kettle.KettleError  ",
      "Subclass of `ValueError` for errors of the kettle.",
      "",
    ]);
    expect(composeAnswer(reference, "when does kettle.descale throw KettleError").answer).toBe("Raises a `KettleError` if the kettle is hot, if it holds water, or if it holds no vinegar.");
  });
});

describe("composeAnswer on a FAQ", () => {
  it("leads a yes/no answer with yes or no, and quotes the deciding sentence", () => {
    const guests = ask("can members bring guests");
    expect(guests.answer).toMatch(/^Yes\b/);
    expect(guests.answer).toMatch(/two guests/);
    const august = ask("is the club open in august?");
    expect(august.answer).toMatch(/^No\b/);
  });

  it("answers a question wrapped in a request ('can you explain how …', 'do you know if …') as the question itself", () => {
    expect(ask("can you explain how i cancel a booking").answer).toBe("Send a message to the secretary at least 48 hours before the evening.");
    expect(ask("do you know if the club is open in august").answer).toMatch(/^No\b.*repainted/);
    expect(ask("is it true that members can bring guests?").answer).toMatch(/^Yes\b.*two guests/);
    expect(ask("Hi there! I need to cancel a booking, what should I do?").answer).toBe("Send a message to the secretary at least 48 hours before the evening.");
    expect(ask("what is the best way to cancel a booking").answer).toBe("Send a message to the secretary at least 48 hours before the evening.");
  });

  it("answers a chat question that writes a compound closed ('spacebar') and asks what lets it do something", async () => {
    const manual = await indexOver(newDir, {
      "options.txt": [
        "Kettle options\n",
        "Set options in kettle.conf, one per line. Each option below lets you change how the kettle behaves; use \"name:value\" to set one.\n",
        "   beep_on_boil\n        Beep when the water boils (default on).\n",
        "   keep_warm\n        Keep the water warm for ten minutes after it boils (default off).\n",
        "   pause_on_space\n        Make the space bar pause the boil (default off).\n",
        "   spout_light\n        Light the spout while the kettle pours (default on).\n",
      ].join("\n"),
    });
    expect(composeAnswer(manual, "what option lets me use the spacebar to pause").answer).toBe("pause_on_space");
  });

  it("abstains on a question about a name in capitals the documents never write, and answers it about one they do", async () => {
    const manual = await indexOver(newDir, {
      "connect.md": "# Kettle connections\n\nThe kettle connects to your phone over Bluetooth. Pair it from the app: hold the lid button for five seconds until the light blinks blue.\n\nThe kettle does not connect to Wi-Fi networks.\n",
    });
    // (Without the rule: "Yes. The kettle connects to your phone over Bluetooth." and "No. … Wi-Fi networks.")
    expect(composeAnswer(manual, "does the kettle connect to my phone over Zigbee").answer).toBeNull();
    expect(composeAnswer(manual, "does the kettle connect to Zigbee networks").answer).toBeNull();
    expect(composeAnswer(manual, "does the kettle connect over Bluetooth").answer).toMatch(/^Yes\b.*Bluetooth/);
    expect(composeAnswer(manual, "does the kettle connect over Bluetoth").answer).toMatch(/^Yes\b.*Bluetooth/);
  });

  it("reads chat's short forms as the words they stand for ('u', 'ur', 'w/'), not as words to search for", () => {
    expect(ask("can u bring guests w/ u").answer).toMatch(/^Yes\. Each member may bring up to two guests/);
  });

  it("finds the answer under a question heading when asked in other words", () => {
    expect(ask("how do i call off my booking").answer).toMatch(/48 hours/);
    expect(ask("thursday tastings reason").answer).toMatch(/cheaply|fee/);
  });

  it("abstains on a question whose words the documents never use", () => {
    expect(ask("What is the parking policy for motorbikes?").answer).toBeNull();
  });

  it("says no when the deciding sentence denies with nothing, none or nobody", async () => {
    const rules = await indexOfLines(newDir, "scoring.md", [
      "# Scoring",
      "",
      "A delivered order scores the points printed on its card, and a full set of three orders scores five more.",
      "",
      "Leftover tea leaves are worth nothing when the season ends.",
      "",
    ]);
    expect(composeAnswer(rules, "are leftover tea leaves worth points").answer).toBe("No. Leftover tea leaves are worth nothing when the season ends.");
  });

  it("answers from a FAQ that sets its questions in bold at the start of each answer", async () => {
    const faq = await indexOfLines(newDir, "rules.md", [
      "# Kettle Club rules",
      "",
      "Members brew in turns, and the member who brews also washes the cups afterwards.",
      "",
      "## Frequently asked questions",
      "",
      "**Can I look at the other members' tasting notes?** No. Tasting notes stay sealed until the end of the season.",
      "",
      "**Can two kettles share a socket?** Yes, any number of kettles may share a socket through a plug board.",
      "",
    ]);
    expect(composeAnswer(faq, "can i look at the tasting notes of other members").answer).toBe("No. Tasting notes stay sealed until the end of the season.");
    expect(composeAnswer(faq, "can kettles share a socket").answer).toBe("Yes, any number of kettles may share a socket through a plug board.");
  });

  it("answers 'how do i …', asked anywhere in the question, with the sentence that tells a way, over one that restates the problem", async () => {
    const faq = await indexOfLines(newDir, "faq.md", [
      "# Kettle app FAQ",
      "",
      "## How can I tell whether a brew recipe is unfinished or broken?",
      "",
      "Sometimes you want to act like the kettle's own console, which asks for more when what you typed is unfinished (you left out the water or did not close a step), but shows an error at once when it is broken.",
      "",
      "In the app you can use the `recipecheck` module, which checks a recipe closely enough. The editor uses this, for example.",
      "",
      "The easiest way to do it from the firmware is to call `kettle_check_loop()` and let the kettle handle the recipe for you.",
      "",
      "## Why does my kettle app take so long to start?",
      "",
      "The app reads every recipe in the recipe folder when it starts.",
    ]);
    expect(composeAnswer(faq, "how do i tell if a recipe i typed is just unfinished vs actually broken, like the editor does").answer).toBe("In the app you can use the `recipecheck` module, which checks a recipe closely enough.");
  });
});

describe("composeAnswer over manual pages in plain text", () => {
  it("answers which command with the manual page a list names for it (\"kettle-pour(1) to pour …\"), not the sentence", async () => {
    const manual = await indexOfLines(newDir, "kettle-everyday.txt", [
      "KETTLE-EVERYDAY(7)",
      "",
      "NAME",
      "       kettle-everyday - a useful minimum set of commands for everyday kettle use",
      "",
      "DESCRIPTION",
      "       Everyday kettle use falls into a few roles.",
      "",
      "   Brewer",
      "       - kettle-fill(1) to fill the kettle from the tap.",
      "",
      "       - kettle-pour(1) to pour the boiled water into cups for your guests.",
      "",
      "       - kettle.conf(5) to keep your settings.",
    ]);
    expect(composeAnswer(manual, "guests are coming, whats the command to pour the water into their cups").answer).toBe("kettle-pour");
  });
});

describe("composeAnswer over a guide's list of keys", () => {
  it("answers which command with the key chord its line opens with (\"^S\"), not the line", async () => {
    const guide = await indexOfLines(newDir, "guide.txt", [
      "KETTLE GUIDE",
      "",
      "5. Commands",
      "",
      "   The kettle's console takes one-key commands.",
      "",
      "   / Tell what a light on the panel means.",
      "",
      "   ^S Display the water level and temperature of your kettle.",
      "",
      "   ^P Pour one cup.",
    ]);
    expect(composeAnswer(guide, "Which command displays the water level and temperature of your kettle?").answer).toBe("^S");
  });
});

describe("composeAnswer over a plain-text reference of entries", () => {
  const status = (intro: string[]): string[] => [
    "* Kettle status lines",
    "",
    "** General status lines",
    ...intro,
    "*** BOILING [<minutes>]",
    "    Is issued right before the water comes to the boil.  This is",
    "    useful to warm the cups in time.",
    "",
    "*** POURED <cups>",
    "    Is issued after the kettle has poured.  CUPS is the number of",
    "    cups filled.",
    "",
    "*** EMPTY",
    "    Is issued when the tank runs dry during a brew.",
  ];

  it("answers which thing with the entry a subjectless description is under (\"BOILING\"), not the description", async () => {
    const reference = await indexOfLines(newDir, "kettle-status.txt", status(["", "   These lines are printed for every brew.", ""]));
    expect(composeAnswer(reference, "which status line is issued right before the water comes to the boil").answer).toBe("BOILING");
  });

  it("reads the entry's name past the heading it is joined to when that heading has no text of its own", async () => {
    const reference = await indexOfLines(newDir, "kettle-status.txt", status([]));
    expect(composeAnswer(reference, "which status line is issued right before the water comes to the boil").answer).toBe("BOILING");
  });
});

describe("composeAnswer over a glossary in plain text", () => {
  it("reads a term over an indented definition as the heading of its definition", async () => {
    const glossary = await indexOver(newDir, { "glossary.txt": "Glossary of brewing words\n\nsteep\n n.\n\n    To soak leaves in hot water until the flavour is drawn out of them.\n\nkettle\n n.\n\n    A vessel in which water is boiled, usually with a spout and a lid.\n" });
    const reply = composeAnswer(glossary, "what does steep mean");
    expect(reply.answer).toMatch(/soak leaves/);
    expect(reply.excerpts[0]?.heading).toBe("steep");
  });

  it("never answers with a sentence that only points to other entries", async () => {
    const glossary = await indexOver(newDir, { "glossary.md": "# Glossary\n\n## overbrew\n\nSee {stewed tea}, {tannin bite}, and {overbrew limit}.\nAn overbrewed pot has been left on the leaves past its time, so the tea turns bitter.\n\n## stewed tea\n\nTea kept hot for an hour or more.\n" });
    const reply = composeAnswer(glossary, "what does overbrew mean");
    expect(reply.answer).toMatch(/left on the leaves past its time/);
  });

  it("defines a phrase only from passages that write it, not from its words apart", async () => {
    const glossary = await indexOver(newDir, { "glossary.txt": "Glossary of brewing words\n\nleaf grade\n n.\n\n    The size of the tea leaves in a blend, from whole leaf to dust.\n\nbroken pekoe\n n.\n\n    A leaf grade of broken leaves. Its flavour is strong and its grade is set by the sieve.\n" });
    expect(composeAnswer(glossary, "leaf grade meaning").answer).toMatch(/size of the tea leaves/);
    expect(composeAnswer(glossary, "flavour grade meaning").answer).toBeNull();
  });
});

describe("composeAnswer on defaults as settings references state them", () => {
  it("answers 'how many … by default' with the number stated as the default, not another near the question's words", async () => {
    const settings = await indexOfLines(newDir, "settings.md", [
      "# Kettle settings",
      "",
      "`boil_cup_threshold` (`integer`)  ",
      "Specifies the number of poured cups needed to trigger a boil in any one kettle. The default is 12 cups. If -1 is specified, the kettle will not trigger a boil based on the number of cups poured.",
      "",
      "`boil_scale_factor` (`floating point`)  ",
      "Specifies a fraction of the kettle size to add to `boil_cup_threshold` when deciding whether to trigger a boil. The default is 0.2 (20% of kettle size).",
    ]);
    expect(composeAnswer(settings, "how many poured cups does it take before the kettle triggers a boil, by default?").answer).toBe("12");
  });

  let settings: SearchIndex;
  beforeAll(async () => {
    settings = await indexOfLines(newDir, "settings.md", [
      "# Server settings",
      "",
      "`listen_port` (`integer`)  ",
      "The TCP port the kettle server listens on; `8642` by default.",
      "",
      "`steep_buffers` (`integer`)  ",
      "Sets the memory kept for brews being steeped. The default is typically 64 kilobytes (`64kB`), but might be less on small kettles.",
      "",
      "`brew_limit` (`integer`)  ",
      "The most brews run at once. The default is the value of `pool_size`.",
      "",
      "`brew_mode` (`enum`)  ",
      "How brews are queued. By default, the `brewd` server will use the `fifo` mode for single pots, and `batch` for urns.",
      "",
      "`steep_timeout` (`integer`)  ",
      "How long a brew waits on `pour_delay` before it is cancelled. The default is `30s`.",
      "",
    ]);
  });

  it("takes a value stated before \"by default\"", () => {
    expect(composeAnswer(settings, "what port does the kettle server listen on by default").answer).toMatch(/8642/);
  });

  it("takes the value after \"the default is typically\", one value for an identifier that ends in s", () => {
    expect(composeAnswer(settings, "default steep_buffers").answer).toBe("64 kilobytes (`64kB`)");
  });

  it("takes the value a clause opened by \"By default,\" gives, not the subject in code before it", () => {
    expect(composeAnswer(settings, "what is the default brew mode").answer).toBe("fifo");
  });

  it("never takes the first word of a phrase (\"the default is the value of …\") for the value", () => {
    expect(composeAnswer(settings, "brew_limit default").answer).not.toMatch(/^the$/i);
  });

  it("does not answer for a setting the documents never name, from the entry of one with a similar name", () => {
    expect(composeAnswer(settings, "what is the default steep_buffers").answer).toMatch(/64/);
    expect(composeAnswer(settings, "what is the default steep_limit").answer).toBeNull();
  });

  it("does not take a default stated in a passage that does not name the setting asked about", async () => {
    const guide = await indexOfLines(newDir, "guide.md", [
      "# Setting up cold brews",
      "",
      "To enable cold brews, set the `chill_level` setting to `deep` or higher, and restart the kettle server.",
      "",
      "# Waiting for the pour",
      "",
      "When the brew watches the pot, the `wait_for_pour` setting (which defaults to true) makes the kettle server wait until the pot is poured before it reports the brew done.",
      "",
    ]);
    expect(composeAnswer(guide, "What is the default setting of the chill_level parameter?").answer).toBeNull();
    expect(composeAnswer(guide, "What is the default setting of the wait_for_pour parameter?").answer).toMatch(/true/);
  });

  it("does not take the default stated in the entry of another setting than the one asked about", () => {
    expect(composeAnswer(settings, "steep_timeout default").answer).toMatch(/30s/);
    expect(composeAnswer(settings, "what is the default pour_delay").answer).toBeNull();
  });
});

describe("composeAnswer on who said or did something", () => {
  let guild: SearchIndex;
  beforeAll(async () => {
    guild = await indexOver(newDir, { "sayings.md": "# Sayings of the tea room\n\n## The second-pot rule\n\n“The second pot is always better than the first.” Attributed to Mary Fenwick of the Leeds Tea Guild, and made popular by Arthur Pell's column in The Brewing Times in 1961.\n\n## Pell's law\n\nArthur Pell wrote that every kettle boils slower when watched, a saying he took from his aunt Ada Pell.\n" });
  });

  it("takes the name after \"attributed to\" for a person, not only names after other words", () => {
    // first, as the nearest name to "attributed" (the heading holds the question's words, so
    // every name under it stays in the running: an "auto" question may have several answers)
    expect(composeAnswer(guild, "To whom is the second-pot rule attributed?").answer).toMatch(/^Mary Fenwick\b/);
  });

  it("answers a year question with a year, never with a date that names none", async () => {
    const history = await indexOver(newDir, { "history.md": "# The guild\n\nThe Leeds Tea Guild met this week to mark its founding. It was founded in 1887 by Mary Fenwick.\n" });
    expect(composeAnswer(history, "Leeds Tea Guild founding year").answer).toMatch(/1887/);
    expect(composeAnswer(history, "Leeds Tea Guild founding year").answer).not.toMatch(/this week/);
  });

  it("answers how old and what year only with a number the passage writes as one, else abstains", async () => {
    const people = await indexOver(newDir, {
      "people.md": "# The guild's people\n\nMary Fenwick keeps two kettles and one teapot in the guild kitchen, and she brews for every meeting of the Leeds Tea Guild.\n\nArthur Pell, aged 71, still writes a weekly column for The Brewing Times about the Leeds Tea Guild.\n",
    });
    expect(composeAnswer(people, "How old is Arthur Pell?").answer).toMatch(/^71\b/);
    expect(composeAnswer(people, "How old is Mary Fenwick?").answer).toBeNull();
    expect(composeAnswer(people, "Mary Fenwick guild joining year").answer).toBeNull();
  });

  it("never answers a who-question with the person it asks about, however the name is written", () => {
    expect(composeAnswer(guild, "who did pell take his saying from").answer).not.toMatch(/Arthur/);
  });
});

describe("composeAnswer over a handbook's prose", () => {
  let handbook: SearchIndex;
  beforeAll(async () => {
    handbook = await indexOver(newDir, {
      "allotment.md": [
        "# Allotment handbook",
        "",
        "## Soil",
        "",
        "Plot holders may improve their soil with organic matter such as leaf mould, well-rotted manure, and garden compost. Peat is not allowed on the site.",
        "",
        "## Watering",
        "",
        "Hoses are banned between June and August. The borehole pump cannot keep up with more than a few hoses at once, and the lower plots then run dry.",
        "",
        "Water butts fill in about 40 minutes during a heavy storm. Plants grown close together to shade out weeds are known as *living mulch* by the committee.",
        "",
        "## Sheds",
        "",
        "Every shed needs a gutter and a water butt. A shed must be no taller than two metres.",
        "",
        "## Fires",
        "",
        "Plot holders used to burn their prunings in small bonfires on their plots. However, the council no longer permits bonfires anywhere on the site.",
      ].join("\n"),
      "words.md": "# Words used on the site\n\n## chitting\n\nLetting seed potatoes sprout in a cool, light place before they are planted.\n\n## earthing up\n\nDrawing soil up around the stems of a crop as it grows.\n",
    });
  });
  const askHandbook = (q: string): Answer => composeAnswer(handbook, q);

  it("answers a list written in a sentence with its members", () => {
    const reply = askHandbook("what organic matter can plot holders add to their soil?");
    expect(reply.answer).toMatch(/leaf mould/);
    expect(reply.answer).toMatch(/manure/);
    expect(reply.answer).toMatch(/compost/);
    expect(reply.answer).not.toMatch(/Plot holders/);
  });

  it("answers a why question with the sentence after the one that only says what is asked about", () => {
    expect(askHandbook("Why are hoses banned in summer?").answer).toMatch(/borehole pump/);
  });

  it("answers a naming question with the name, from the sentence or the heading", () => {
    expect(askHandbook("What are plants grown close together to shade out weeds called?").answer).toBe("living mulch");
    expect(askHandbook("what's the word for letting seed potatoes sprout before planting").answer).toBe("chitting");
  });

  it("answers a yes/no question by the sentence that turns against the one before it", () => {
    const reply = askHandbook("can plot holders burn prunings in bonfires on their plots?");
    expect(reply.answer).toMatch(/^No\b/);
    expect(reply.answer).toMatch(/no longer permits/);
  });

  it("keeps a number's unit", () => {
    expect(askHandbook("how long does a water butt take to fill in a storm").answer).toMatch(/^(about )?40 minutes$/);
  });
});

describe("composeAnswer on a manual page in plain text", () => {
  const page = [
    "kettle-brew(1) Manual Page",
    "",
    "NAME",
    "",
    "kettle-brew - Brew a pot of tea in the kettle",
    "",
    "OPTIONS",
    "",
    "-s",
    "--steep-longer",
    "--no-steep-longer",
    "",
    "    Keep the leaves in the water for twice the usual steeping time, so the",
    "    tea comes out stronger and darker than an ordinary brew would.",
    "",
    "-q, --quiet",
    "",
    "    Print nothing while the water heats, not even the temperature readings",
    "    the element reports.",
    "",
    "-k",
    "",
    "    Skip cups that are already full instead of stopping with an error about",
    "    the cup that overflowed.",
    "",
    "--share <mugs>",
    "",
    "    Pour the brew into the given number of mugs, shared out evenly.",
    "",
    "NETWORK",
    "",
    "The kettle answers remote brew requests on port 7341 of the local host, so",
    "a second machine in the kitchen can start a brew as well.",
    "",
  ];

  it("answers which option does something with the option its entry is headed by", async () => {
    const manual = await indexOfLines(newDir, "kettle-brew.txt", page);
    // The entry's names, one or all: "-s, --steep-longer, --no-steep-longer" is one option.
    expect(composeAnswer(manual, "Which option of kettle-brew keeps the leaves in the water for twice the steeping time?").answer).toMatch(/^(?=.*--steep-longer)(?:(?:-s|--steep-longer|--no-steep-longer)(?:, |$))+$/);
    expect(composeAnswer(manual, "kettle brew skip full cups option").answer).toBe("-k");
    // Its names written on one line, with a comma between.
    expect(composeAnswer(manual, "which flag prints nothing while the water heats").answer).toMatch(/^(?:-q|--quiet|-q, --quiet)$/);
    // An option headed with the argument it takes.
    expect(composeAnswer(manual, "option to pour the brew evenly into several mugs").answer).toBe("--share <mugs>");
  });

  it("answers a default stated as the entry's own ('This is the default.'), as a flag, or with its unit", async () => {
    const manual = await indexOfLines(newDir, "kettle-steep.txt", [
      "--mild",
      "",
      "    Brew for half the usual steeping time, for a lighter cup. This is the",
      "    default.",
      "",
      "--strong",
      "",
      "    Brew for twice the usual steeping time, for a darker cup.",
      "",
      "--keep-warm",
      "",
      "    Keep the pot warm after brewing; the element switches itself off after",
      "    a while. The time defaults to 20 minutes, and --cup-size defaults to",
      "    --mug when no size is given.",
      "",
    ]);
    expect(composeAnswer(manual, "default steeping").answer).toBe("--mild");
    expect(composeAnswer(manual, "what does --cup-size default to").answer).toBe("--mug");
    expect(composeAnswer(manual, "keep-warm time default").answer).toBe("20 minutes");
  });

  it("answers 'is there an option to …' with no when the page says there is none", async () => {
    const manual = await indexOfLines(newDir, "kettle-descale.txt", [
      "kettle-descale(1) Manual Page",
      "",
      "DESCRIPTION",
      "",
      "Removes the scale that hard water leaves in the kettle. A kettle can be descaled",
      "by running kettle descale --full, which takes about ten minutes.",
      "",
      "There is no option to descale the kettle while it still holds water; empty it",
      "first, or the element may crack.",
      "",
      "CONFIGURATION",
      "",
      "descale.keepFilter",
      "",
      "    Leave the limescale filter in its place while the kettle is descaled, so",
      "    that the filter is cleaned along with the element.",
      "",
    ]);
    expect(composeAnswer(manual, "Is there an option to descale the kettle while it holds water?").answer).toMatch(/^No\b/);
    expect(composeAnswer(manual, "what command do I run to descale the kettle").answer).toBe("kettle descale --full");
    // An option named by an identifier heads its entry as a flag does.
    expect(composeAnswer(manual, "which option leaves the limescale filter in place").answer).toBe("descale.keepFilter");
  });

  it("says no to 'is there an option' from the sentence denying that very thing, wherever it ranks", async () => {
    const manual = await indexOfLines(newDir, "kettle-drain.txt", [
      "kettle-drain(1) Manual Page",
      "",
      "NAME",
      "",
      "kettle-drain - Empty the water from the kettle base and from its filter",
      "",
      "DESCRIPTION",
      "",
      "Empty the water from the kettle base, or from the kettle base and its filter. kettle drain will keep the water in the filter unless asked.",
      "Emptying the kettle base from the spout keeps the water in the filter; emptying it from the drain plug drains both.",
      "The kettle base must be cold before the water is emptied from the filter with kettle drain.",
      "",
      "(There is no option to drain the filter alone.)",
      "",
      "There is no lid on the base unit, so the filter is emptied from below.",
      "",
    ]);
    expect(composeAnswer(manual, "Is there an option to kettle drain to empty the filter alone and keep the water in the kettle base?").answer).toBe("No. (There is no option to drain the filter alone.)");
    // Said once, not "No. No. …".
    expect(composeAnswer(manual, "is there a lid on the kettle").answer).toBe("No. There is no lid on the base unit, so the filter is emptied from below.");
  });

  it("answers which port with the number written after the word", async () => {
    const manual = await indexOfLines(newDir, "kettle-brew.txt", page);
    expect(composeAnswer(manual, "On which port does the kettle answer remote brew requests?").answer).toBe("7341");
  });

  it("answers what a page's command does with its NAME line, and what a module is with its opening sentence", async () => {
    const pages = await indexOver(newDir, {
      "kettle-brew.txt": [...page, "EXAMPLES", "", "Brew a strong pot and keep it warm for the next kettle brew:", "", "    $ kettle brew --steep-longer --keep-warm", ""].join("\n"),
      "teapot.md": "---\ntitle: \"teapot — Pots and pouring\"\n---\n\n# teapot — Pots and pouring\n\n**Source code:** [Lib/teapot.py](https://example.org/teapot.py)\n\nThe `teapot` module keeps brewed tea warm and pours it into cups on request. It also counts the cups poured.\n\n## Pouring\n\nA teapot pours faster when it is full, and the teapot module slows the pour as the pot empties.\n",
    });
    expect(composeAnswer(pages, "what does kettle brew do").answer).toBe("Brew a pot of tea in the kettle");
    expect(composeAnswer(pages, "what is the teapot module").answer).toBe("The `teapot` module keeps brewed tea warm and pours it into cups on request.");
  });
});

describe("composeAnswer on a date said in a sentence of its own", () => {
  it("answers with the date the question's sentence gives, not a nearer one another sentence gives of something else", async () => {
    const notes = await indexOfLines(newDir, "club.md", [
      "# Notes",
      "",
      "In June 2004, after years of falling membership and two floods, the council closed the Kettle Club. The old hall, which members had used for decades, was repainted in March 2019.",
    ]);
    expect(composeAnswer(notes, "When did the council close the Kettle Club?").answer).toBe("June 2004");
    expect(composeAnswer(notes, "When was the old hall repainted?").answer).toBe("March 2019");
  });

  it("finds the verb a question's noun is made from ('suspension' → 'suspended')", async () => {
    const notes = await indexOfLines(newDir, "league.md", [
      "# League notes",
      "",
      "The Kettle Club was suspended from the league in May 2010 for unpaid fees. It rejoined two seasons later.",
      "",
      "The Teapot Club plays on Sundays at the old hall.",
    ]);
    expect(composeAnswer(notes, "kettle club suspension date").answer).toBe("May 2010");
  });
});

describe("composeAnswer on what a thing is", () => {
  it("answers from the glossary entry headed by the thing: its first sentence of prose, pronunciation and origin left out", async () => {
    const glossary = await indexOfLines(newDir, "glossary.md", [
      "# Tea-room glossary",
      "",
      "## grue",
      "",
      "/groo/, n.",
      "",
      "[from an old cave game] A monster that lurks in dark tea rooms. A grue is said to fear a lit kettle, and every grue story ends with someone who forgot the lamp.",
      "",
      "## lamp",
      "",
      "The light a grue fears. A grue will not come near a lamp, which is why every tea room keeps one lit.",
    ]);
    expect(composeAnswer(glossary, "what is a grue").answer).toBe("A monster that lurks in dark tea rooms.");
    // The entry's name opens what is asked, with more after it.
    expect(composeAnswer(glossary, "what's a grue supposed to be").answer).toBe("A monster that lurks in dark tea rooms.");
  });

  it("answers what a named field means from the entry headed by its name, and leaves a longer phrase to abstain", async () => {
    const manual = await indexOfLines(newDir, "fields.md", [
      "# Control fields",
      "",
      "## 5.1. Steeping",
      "",
      "This is a number field which gives the minutes a pot steeps before pouring. The kettle reads it once per brew.",
      "",
      "## 5.2. Spout",
      "",
      "The spout a pot pours through. A wide spout pours faster than a narrow one, and a steeping pot never pours.",
    ]);
    expect(composeAnswer(manual, "what does the Steeping field mean").answer).toBe("This is a number field which gives the minutes a pot steeps before pouring.");
    expect(composeAnswer(manual, "What is the Steeping field?").answer).toBe("This is a number field which gives the minutes a pot steeps before pouring.");
    // "spout cleaning" is not the entry "Spout".
    expect(composeAnswer(manual, "spout cleaning definition").answer).toBeNull();
  });

  it("answers a FAQ's own question with the first sentence of its answer", async () => {
    const faq = await indexOfLines(newDir, "care.md", [
      "# Care",
      "",
      "## How do I descale the kettle?",
      "",
      "Fill it with one part vinegar to two parts water and boil it twice.",
      "",
      "```",
      "kettle descale --boil 2",
      "```",
      "",
      "How often you descale the kettle depends on the water: in hard-water towns, descale the kettle every month.",
      "",
      "## How do I clean the spout?",
      "",
      "Run a brush through it once a week.",
    ]);
    expect(composeAnswer(faq, "How do I descale the kettle?").answer).toBe("Fill it with one part vinegar to two parts water and boil it twice.");
  });

  it("answers a FAQ's question from the entry headed by that question, however many passages name the thing", async () => {
    // Forty sections say "Kettle" more often, and in fewer words, than the one that says what it is.
    const verbs = ["install", "update", "remove", "start", "stop", "configure", "back up", "restore", "monitor", "secure"];
    const others = ["", " on Linux", " on a Mac", " at work"].flatMap((where) =>
      verbs.map((verb) => `## How do I ${verb} Kettle${where}?\n\nKettle: ${verb} Kettle with the Kettle tool; Kettle logs it.`),
    );
    const faq = await indexOver(newDir, {
      "general.md": ["# General", "", ...others.slice(0, 20), "", "## What is Kettle?", "", "Kettle is a small tea server for offices, written by three people who share one teapot. It has grown slowly since then, with features for brewing, pouring, and keeping track of who drank what and when, and a plug-in system that lets every office add its own recipes.", ""].join("\n\n"),
      "admin.md": ["# Administration", "", ...others.slice(20)].join("\n\n"),
    });
    expect(composeAnswer(faq, "What is Kettle?").answer).toBe("Kettle is a small tea server for offices, written by three people who share one teapot.");
  });

  it("answers with the sentence that says what the thing is when no heading names it", async () => {
    const manual = await indexOfLines(newDir, "pots.md", [
      "# Pots",
      "",
      "Each pot declares what it holds. A pot may also hold tea for another pot, as a virtual pot would; virtual pots are common in offices.",
      "",
      "A *virtual pot* is one which appears in the `Serves` field of another pot. Virtual pots cannot be brewed in directly.",
    ]);
    expect(composeAnswer(manual, "What is a virtual pot?").answer).toBe("A *virtual pot* is one which appears in the `Serves` field of another pot.");
  });
});

describe("composeAnswer on a default among options", () => {
  it("answers with the value a passage states as the default, not an option named beside the same words", async () => {
    const manual = await indexOver(newDir, {
      "brew.md": ["# brew", "", "## Options", "", "`-p port` `--port=port`", "Specifies the TCP port on which the kettle server is listening for connections. Defaults to the `KETTLE_PORT` setting."].join("\n"),
      "serve.md": ["# Server settings", "", "## Connection settings", "", "`port` (`integer`)", "The TCP port the kettle server listens on; 7070 by default. The same port number is used by every kettle client."].join("\n"),
      "pour.md": ["# pour", "", "## Options", "", "`-p port` `--port=port`", "Specifies the TCP port of the kettle server to pour from."].join("\n"),
    });
    expect(composeAnswer(manual, "what is the default port").answer).toBe("7070");
    expect(composeAnswer(manual, "kettle server default port").answer).toBe("7070");
  });

  it("does not answer the default of a named setting with a value no passage states as its default", async () => {
    const manual = await indexOver(newDir, {
      "serve.md": [
        "# Server settings",
        "",
        "To enable tea logging, set the `brew_level` configuration parameter to `steeped` or higher, and `log_mode` to `on`.",
        "",
        "When `brew_level` is `minimal`, some pours skip the log entirely.",
      ].join("\n"),
    });
    expect(composeAnswer(manual, "What is the default setting of the brew_level parameter?").answer).toBeNull();
    // Stated, it is the answer.
    const stated = await indexOfLines(newDir, "serve.md", ["# Server settings", "", "To enable tea logging, set the `log_mode` parameter to `on`. The `brew_level` parameter defaults to `plain`."]);
    expect(composeAnswer(stated, "What is the default setting of the brew_level parameter?").answer).toBe("plain");
  });
});

describe("composeAnswer on why something happened", () => {
  it("does not answer a why-question with the document's title line", async () => {
    const news = await indexOver(newDir, {
      "club.txt": [
        "---",
        "title: Kettle Club quits the league as fee row drags on",
        "---",
        "Kettle Club quits the league as fee row drags on",
        "The Kettle Club has left the tea league after two seasons.",
        "The club quit because the league doubled its fees without a vote.",
      ].join("\n"),
    });
    expect(composeAnswer(news, "why did the kettle club quit the league").answer).toBe("The club quit because the league doubled its fees without a vote.");
  });
});

describe("composeAnswer on an article with a gallery", () => {
  it("answers about the article's subject from her own passage, not from a caption about someone else", async () => {
    const news = await indexOver(newDir, {
      "ada.txt": [
        "---",
        "title: Ada Lovelace-Byron joins the race for kettle board chair",
        "---",
        "Ada Lovelace-Byron joins the race for kettle board chair",
        "The Teaford MP said she would brew for everyone, and that the board needs fresh leaves.",
        "Ms Lovelace-Byron still works shifts at a tea room when she can.",
        "Ms Lovelace-Byron, who was elected in 2016, was an unexpected entrant in the race.",
        "1/3 Mary Kettleworth",
        "Kettleworth's constituency neighbour and friend, Mary Kettleworth has represented the board on overseas visits.",
        "2/3 John Spout",
        "John Spout has chaired the board before and says he will again.",
      ].join("\n"),
    });
    expect(composeAnswer(news, "Which constituency does Lovelace-Byron represent?").answer).toBe("Teaford");
  });
});

describe("composeAnswer on plain-text manual pages", () => {
  /** A manual page as man(1) renders it: option terms indented over deeper-indented descriptions. */
  const PAGE = [
    "kettle-brew(1) Manual Page",
    "",
    "NAME",
    "",
    "kettle-brew - Brew a pot with the kettle client",
    "",
    "DESCRIPTION",
    "",
    "kettle brew [<mode>] [<pot>]",
    "",
    "    Brews the named pot, or the default pot when none is named. The brew",
    "    heats the water of the pot, steeps the leaves of the pot and pours the",
    "    pot when the brew is done. Brewing a pot that is already brewing",
    "    restarts the brew of the pot from the start. A brew of a cold pot takes",
    "    longer than a brew of a warm pot. The <mode> must be one of the",
    "    following:",
    "",
    "    --gentle",
    "",
    "        Heats slowly and keeps the leaves in for the whole steeping time.",
    "",
    "    --quick",
    "",
    "        Heats at full power and takes the leaves out early.",
    "",
    "    --iced",
    "",
    "        Brews at double strength over ice.",
    "",
    "OPTIONS",
    "",
    "--pot <name>",
    "",
    "    The pot to brew. Brewing a pot resets the brew timer of the pot.",
    "",
  ];

  it("answers a list question with the terms of an indented option list that a low-ranked lead-in introduces", async () => {
    const pages = await indexOfLines(newDir, "kettle-brew.txt", PAGE);
    const reply = composeAnswer(pages, "what are the different modes for kettle brew");
    for (const mode of ["--gentle", "--quick", "--iced"]) expect(reply.answer).toContain(mode);
  });
});

describe("composeAnswer on release notes in a reference", () => {
  const REFERENCE = [
    "# kettle — brewing helpers",
    "",
    "kettle.boil(*pot*)  ",
    "Boils the water of *pot* at full power.",
    "",
    "Deprecated since version 2.3: Use [`heat()`](#kettle.heat) instead; `boil()` heats past the boiling point.",
    "",
    "Removed in version 4.0: the `boil()` alias of `heat()`.",
    "",
    "kettle.steep(*pot*, *minutes=4*)  ",
    "Steeps the leaves of *pot* for *minutes*. Pass `strong=True` for a second steep.",
    "",
    "New in version 3.1.",
    "",
  ];

  it("answers a release question with the release whose label says what was asked (removed, not deprecated)", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", REFERENCE);
    expect(composeAnswer(reference, "in which kettle version will kettle.boil be removed").answer).toBe("4.0");
    expect(composeAnswer(reference, "which version deprecated kettle.boil").answer).toBe("2.3");
  });

  it("names a call by its name, not its whole signature, before the sentence that says what it does", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", REFERENCE);
    const reply = composeAnswer(reference, "how do i steep the leaves of a pot");
    expect(reply.answer).toBe("`kettle.steep()`: Steeps the leaves of *pot* for *minutes*.");
  });

  it("answers 'which version' with a release number, not with other code near the question's words", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", REFERENCE);
    expect(composeAnswer(reference, "which version of kettle removes boil").answer).toBe("4.0");
    expect(composeAnswer(reference, "which kettle version added kettle.steep").answer).toBe("3.1");
  });
});

describe("composeAnswer on a question about a person the documents name", () => {
  it("answers 'who is X' with what the documents say of X, not with the names beside X", async () => {
    const news = await indexOfLines(newDir, "brewers.txt", [
      "Kettle makers face a rash of complaints",
      "",
      "The guild has faced complaints over the past year, with brewers Ada Quill, Tom Vane and Mia Hart all fined over pots which they denied were faulty.",
      "",
      "Ada Quill, who runs the oldest forge in Leeds, said the fines were unfair.",
      "",
    ]);
    const reply = composeAnswer(news, "who is Ada Quill?");
    expect(reply.answer).toMatch(/Ada Quill/);
    expect(reply.answer).not.toMatch(/^(?:Tom Vane|Mia Hart)/);
    // "What happened to X?" is answered by what the documents tell of X.
    expect(composeAnswer(news, "what happened to Mia Hart?").answer).toMatch(/Mia Hart/);
    // Asked for someone by what they did, the answer is still a name.
    expect(composeAnswer(news, "who runs the oldest forge in Leeds?").answer).toBe("Ada Quill");
  });
});

describe("composeAnswer on a count the documents give as a list", () => {
  it("answers 'how many X are there' by counting the list a lead-in naming X introduces", async () => {
    const guide = await indexOfLines(newDir, "modes.md", [
      "# Brewing",
      "",
      "Each kettle brews in one of its modes. The following *brew modes* are recognized by the kettle:",
      "",
      "- `gentle`",
      "- `quick`",
      "- `iced`",
      "",
      "A kettle can hold one pot at a time.",
      "",
    ]);
    expect(composeAnswer(guide, "how many brew modes are there").answer).toBe("3: `gentle`, `quick` and `iced`");
  });
});

describe("composeAnswer on a who-question a manual does not answer", () => {
  it("does not answer with section titles for people", async () => {
    const manual = await indexOfLines(newDir, "server.md", [
      "# Server settings",
      "",
      "The settings of the kettle server fall into groups, written up in Background Writer, Memory Limits, Disk Usage and Kernel Resources.",
      "",
      "The background writer writes dirty pots to disk. The server writes its log to disk as well.",
      "",
    ]);
    expect(composeAnswer(manual, "who wrote the kettle server").answer).toBeNull();
  });

  it("still answers a who-question with names of people", async () => {
    const news = await indexOfLines(newDir, "team.txt", ["The kettle server was written by Ada Quillfeather and Tom Vaneborough, with Memory Disk Kernel as its first user.", ""]);
    expect(composeAnswer(news, "who wrote the kettle server").answer).toMatch(/Ada Quillfeather/);
  });
});

describe("composeAnswer on when code does something", () => {
  it("answers 'when does X raise E' with the sentence that says in what case, not a date from an example", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", [
      "# kettle — pots and pouring",
      "",
      "kettle.boil(*water*, *timeout=None*)  ",
      "Boil *water* and return the time it took. Raises `DryKettle` if the kettle holds less than a cup of water, and `SlowBoil` when *timeout* seconds pass first.",
      "",
      "    >>> kettle.boil(water)",
      "    Boiled on 3 Jan at 07:15 in 212 seconds",
      "",
      "kettle.pour(*cup*)  ",
      "Pour tea into *cup*. The spout was redesigned on 14 March 2021.",
      "",
    ]);
    expect(composeAnswer(reference, "when does kettle.boil raise DryKettle").answer).toMatch(/less than a cup of water/);
    expect(composeAnswer(reference, "When is `SlowBoil` raised?").answer).toMatch(/timeout\* seconds pass first/);
  });

  it("still answers when something happened with a date", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", [
      "# kettle — pots and pouring",
      "",
      "kettle.pour(*cup*)  ",
      "Pour tea into *cup*. The spout was redesigned on 14 March 2021.",
      "",
    ]);
    expect(composeAnswer(reference, "when was the spout redesigned").answer).toMatch(/14 March 2021/);
  });
});

describe("composeAnswer on how to do something, in a reference", () => {
  it("answers with the entry whose description does it, named, over another sentence with the same words", async () => {
    const reference = await indexOver(newDir, {
      "kettle.md": [
        "# kettle — pots and pouring",
        "",
        "kettle.descale(*pot*)  ",
        "Remove the scale from *pot* with a rinse of vinegar. If the pot is still warm, the rinse waits until it cools.",
        "",
        "Scale builds up in a warm pot faster than in a cold one, and a warm pot with scale on it pours slowly.",
        "",
        "kettle.fill(*cup*)  ",
        "Fill the kettle from the tap, up to the line on the side of the cup.",
        "",
      ].join("\n"),
      "spout.md": [
        "# Spouts",
        "",
        "### `spout.widen(ratio[, options])`",
        "",
        "<!-- YAML",
        "added: v1.2.0",
        "-->",
        "",
        "* `ratio` {number} How much wider.",
        "* `options` {Object}",
        "  * `gently` {boolean} **Default:** `true`",
        "",
        "Widens the spout of the kettle so that thick tea flows.",
        "",
        "Thick tea clogs a narrow spout, and a clogged spout of a kettle drips.",
        "",
      ].join("\n"),
    });
    expect(composeAnswer(reference, "how do i descale a warm pot").answer).toBe("`kettle.descale()`: Remove the scale from *pot* with a rinse of vinegar.");
    expect(composeAnswer(reference, "how to widen the spout of my kettle").answer).toBe("`spout.widen(ratio[, options])`: Widens the spout of the kettle so that thick tea flows.");
  });

  it("does not answer how something works with an entry's opening", async () => {
    const reference = await indexOfLines(newDir, "kettle.md", [
      "# kettle — pots and pouring",
      "",
      "kettle.descale(*pot*)  ",
      "Remove the scale from *pot*.",
      "",
      "The descaling of a pot works by soaking it in vinegar for an hour, then rinsing it twice.",
      "",
    ]);
    expect(composeAnswer(reference, "how does descaling a pot work").answer).toMatch(/^The descaling of a pot works by soaking/);
  });
});

describe("composeAnswer on a yes/no question a FAQ answers under 'why not'", () => {
  it("answers no under a heading that asks why something is not, from a sentence of prose, not a line of code", async () => {
    const faq = await indexOfLines(newDir, "faq.md", [
      "# Brewers' FAQ",
      "",
      "## Why isn't there a timer on the kettle?",
      "",
      "Brewers who want one can keep a sand glass beside the kettle and turn it when the water boils.",
      "",
      "    glass = SandGlass(minutes=4)",
      "    glass.turn()",
      "",
      "## Can the kettle boil milk?",
      "",
      "Yes, on the low setting, stirred.",
      "",
      "## Why can't I pour two cups at once?",
      "",
      "Starting with the twin-spout lid, you can! Fit the lid and tilt the kettle slowly.",
      "",
      "## Why does the copper kettle appear not to boil?",
      "",
      "The copper kettle boils like any other; its heavy lid keeps the steam in.",
      "",
    ]);
    const reply = composeAnswer(faq, "does the kettle have a timer");
    expect(reply.answer).toMatch(/^No\. Brewers who want one can keep a sand glass/);
    expect(composeAnswer(faq, "can the kettle boil milk").answer).toMatch(/^Yes\b/);
    // Unless the entry opens by saying that now it can.
    expect(composeAnswer(faq, "can i pour two cups at once").answer).toMatch(/^Yes\b/);
    // Nor does one that asks why it only seems not to be.
    expect(composeAnswer(faq, "does the copper kettle boil").answer).toMatch(/^Yes\b/);
  });
});

describe("composeAnswer on what a thing is, under a heading whose example comes first", () => {
  it("answers with a sentence of prose, not a lead-in and its code", async () => {
    const manual = await indexOver(newDir, {
      "spouts.md": [
        "# 3. Pouring",
        "",
        "## 3.3. Spout Guards",
        "",
        "A kettle with a spout guard would be declared like this:",
        "",
        "```",
        "CREATE KETTLE tall (spout guard mesh, lid glass);",
        "CREATE KETTLE short (spout guard none);",
        "```",
        "",
        "The behaviour of kettles can be tuned to your tea.",
        "",
      ].join("\n"),
      "parts.md": ["# Parts", "", "Every tall kettle has spout guards, steel meshes that keep leaves out of the cup.", ""].join("\n"),
    });
    expect(composeAnswer(manual, "what is a spout guard").answer).toBe("Every tall kettle has spout guards, steel meshes that keep leaves out of the cup.");
  });
});

describe("composeAnswer on a measure", () => {
  it("answers 'how big' with an amount in its unit, not a bare count or a count of the thing measured", async () => {
    const manual = await indexOfLines(newDir, "kettle.md", [
      "# The tall kettle",
      "",
      "The tall kettle is one of the largest kettles a brewer can buy, and its tank is the biggest part of it.",
      "",
      "Its tank holds 3 litres when full.",
      "",
    ]);
    expect(composeAnswer(manual, "how big is the tall kettle's tank").answer).toBe("3 litres");
  });
});

describe("composeAnswer on a question that names a number", () => {
  it("does not answer from passages that never write the number the question names", async () => {
    const reference = await indexOfLines(newDir, "pots.md", [
      "# pots — brewing pots",
      "",
      "pots.brew4() brews a pot of version 4 tea from loose leaves.",
      "",
      "pots.brew1() brews a pot of version 1 tea from a bag and the time of day.",
      "",
      "## History",
      "",
      "The pots module was rewritten 7 times.",
      "",
    ]);
    expect(composeAnswer(reference, "how do i brew a pot of version 4 tea").answer).toMatch(/loose leaves/);
    expect(composeAnswer(reference, "how do i brew a pot of version 7 tea").answer).toBeNull();
  });
});

describe("composeAnswer on a FAQ's own question and a web address", () => {
  it("answers a question a heading asks before more in brackets, and 'where' with the address a passage gives", async () => {
    const faq = await indexOfLines(newDir, "faq.md", [
      "# Brewers' FAQ",
      "",
      "## How do I descale a kettle? (And other cleaning questions…)",
      "",
      "Use `kettle.descale(pot)` or a cup of vinegar; for more, see the [`kettle`](kettle.html) module. `kettle.rinse(pot)` will run clean water through it afterwards.",
      "",
      "A warm kettle descales faster than a cold kettle, and how often to descale a kettle depends on how hard the water is.",
      "",
      "## Where do I report a leaking kettle?",
      "",
      "To report a leak or a broken spout, use the tracker at [https://kettles.example/issues](https://kettles.example/issues).",
      "",
    ]);
    expect(composeAnswer(faq, "how do i descale a kettle").answer).toMatch(/^Use `kettle\.descale\(pot\)` or a cup of vinegar/);
    expect(composeAnswer(faq, "where do i report a broken spout").answer).toBe("https://kettles.example/issues");
  });
});

describe("composeAnswer on a FAQ that points to another of its entries", () => {
  it("answers from the entry a 'See …' sentence links to, not with the pointer", async () => {
    const faq = await indexOfLines(newDir, "faq.md", [
      "# Brewers' FAQ",
      "",
      "## How do I brew loose leaf tea in the office?",
      "",
      "See [How can I brew loose leaf tea without a strainer?](#no-strainer) for a list of pots that brew loose leaf tea without one.",
      "",
      "## How can I brew loose leaf tea without a strainer?",
      "",
      "Any pot with a built-in filter does: the Brown Betty with a basket, the Yixing pot and the tetsubin all have one.",
      "",
    ]);
    const answer = composeAnswer(faq, "brew loose leaf tea office").answer;
    expect(answer).toMatch(/built-in filter|Yixing/);
    expect(answer).not.toMatch(/^See /);
  });
});

describe("composeAnswer on when software gained something", () => {
  it("answers 'when was X added' with the release its opening labels so, not a year the text mentions", async () => {
    const reference = await indexOver(newDir, {
      "teapot.md": [
        "# teapot — Brew tea in pots",
        "",
        "New in version 2.4.",
        "",
        "The teapot module brews tea in pots of any size, warming each pot before the leaves go in.",
        "",
        "As of 2019, the teapot module is believed to brew the strongest tea of any module a brewer can add.",
        "",
      ].join("\n"),
      "kettle.md": ["# kettle — Boil water", "", "The kettle module boils water. Changed in version 3.1: it whistles.", ""].join("\n"),
    });
    expect(composeAnswer(reference, "when was the teapot module added").answer).toBe("2.4");
  });
});

describe("composeAnswer on which exception named code raises", () => {
  it("answers with an exception's name from the documents that name the code, not a value from another's", async () => {
    const reference = await indexOver(newDir, {
      "cups.md": ["# cups — Cups", "", "cups.strict: when `True`, raise exception `CupError` on bad input to a pour. The default is `False`.", ""].join("\n"),
      "pots.md": [
        "# pots — Pots",
        "",
        "pots.pour(*cup*)  ",
        "Pour tea into *cup*. If the pot is empty, `DryPotError` comes up.",
        "",
      ].join("\n"),
    });
    expect(composeAnswer(reference, "what exception does pots.pour raise on bad input").answer).toBe("DryPotError");
  });
});

describe("composeAnswer on a glossary entry", () => {
  it("does not answer with the headword's pronunciation line", async () => {
    const glossary = await indexOfLines(newDir, "glossary.txt", [
      "glorpkettle",
      " /glorp·ket'l/, n.",
      "",
      "    [from the Glorp works in Leeds] A kettle that whistles before the water boils. Glorp kettles are sold in pairs.",
      "",
      "snorkettle",
      " /snor·ket'l/, n.",
      "",
      "    A kettle that never whistles at all. Compare glorpkettle.",
      "",
    ]);
    expect(composeAnswer(glossary, "glorpkettle").answer).toMatch(/A kettle that whistles before the water boils/);
  });
});

describe("composeAnswer on which constant an entry is headed by", () => {
  it("answers 'which signal' with the constant whose entry describes it", async () => {
    const manual = await indexOfLines(newDir, "stopping.md", [
      "# Stopping the kettle",
      "",
      "The kettle daemon stops in one of two ways, by the signal sent to it with `kill`.",
      "",
      "SIGHUSH  ",
      "This is the *Quiet Stop* mode. The kettle stops whistling and lets the water cool.",
      "",
      "SIGDRAIN  ",
      "This is the *Drain Stop* mode. The kettle empties its water into the tray and stops.",
      "",
    ]);
    expect(composeAnswer(manual, "Which signal requests the Quiet Stop mode of the kettle?").answer).toBe("SIGHUSH");
  });
});

describe("composeAnswer on a reference whose entries are events and calls with parameter lists", () => {
  const lines = [
    "# Teapot",
    "",
    "## Class: `teapot.Pot`",
    "",
    "A `Pot` holds water and leaves until the tea is poured.",
    "",
    "### Event: `'steeped'`",
    "",
    "The `'steeped'` event is emitted when the leaves have steeped for the full time.",
    "",
    "### Event: `'cold'`",
    "",
    "The `'cold'` event is emitted when the water drops below 60 degrees before the tea is poured.",
    "",
    "### `teapot.warm(pot[, degrees])`",
    "",
    "* `pot` {teapot.Pot}",
    "* `degrees` {number} **Default:** `40`.",
    "",
    "Warms an empty pot before a brew so the water keeps its heat.",
    "",
  ];

  it("answers which event with the name its heading gives, even when the question uses the word", async () => {
    const reference = await indexOfLines(newDir, "teapot.md", lines);
    expect(composeAnswer(reference, "which event is emitted when the leaves have steeped").answer).toBe("steeped");
  });

  it("answers how to do something with the entry's description, not a line of its parameter list", async () => {
    const reference = await indexOfLines(newDir, "teapot.md", lines);
    expect(composeAnswer(reference, "how do i warm a pot").answer).toBe("`teapot.warm(pot[, degrees])`: Warms an empty pot before a brew so the water keeps its heat.");
  });
});

describe("composeAnswer on when an option was added, from a change log", () => {
  it("answers with the release whose note names the option, not the release that added the call", async () => {
    const reference = await indexOfLines(newDir, "teapot.md", [
      "# Teapot",
      "",
      "### `pot.pour(cup[, options])`",
      "",
      "<!-- YAML",
      "added: v1.2.0",
      "changes:",
      "  - version: v2.0.0",
      "    description: The `options.spill` option was added.",
      "-->",
      "",
      "* `cup` {Cup} The cup to fill.",
      "* `options` {Object}",
      "  * `spill` {boolean} Whether overflow is allowed. **Default:** `false`.",
      "",
      "Pours tea from the pot into `cup`.",
      "",
    ]);
    expect(composeAnswer(reference, "when was the spill option added").answer).toBe("v2.0.0");
    expect(composeAnswer(reference, "when was pot.pour added").answer).toBe("v1.2.0");
  });
});

describe("composeAnswer on what a class of a reference is", () => {
  it("answers from the entry its 'Class:' heading names, not from metadata in a comment", async () => {
    const reference = await indexOfLines(newDir, "teapot.md", [
      "# Teapot",
      "",
      "<!--introduced_in=v1.0.0-->",
      "",
      "> Stability: 2 - Stable",
      "",
      "<!-- source_link=lib/teapot.js -->",
      "",
      "The `node:teapot` module brews tea in pots. To use it:",
      "",
      "```js",
      "const teapot = require('node:teapot');",
      "```",
      "",
      "## Class: `teapot.Pot`",
      "",
      "<!-- YAML",
      "added: v1.2.0",
      "-->",
      "",
      "* Extends: {EventEmitter}",
      "",
      "A `Pot` holds water and leaves until the tea is poured.",
      "",
      "### Event: `'steeped'`",
      "",
      "<!-- YAML",
      "added: v1.2.0",
      "-->",
      "",
      "The `'steeped'` event is emitted when the leaves have steeped for the full time.",
      "",
      "### Event: `'cold'`",
      "",
      "<!-- YAML",
      "added: v1.4.0",
      "-->",
      "",
      "The `'cold'` event is emitted when the water drops below 60 degrees before the tea is poured.",
      "",
      "### `pot.pour(cup[, options])`",
      "",
      "<!-- YAML",
      "added: v1.2.0",
      "changes:",
      "  - version: v2.0.0",
      "    description: The `options.spill` option was added.",
      "-->",
      "",
      "* `cup` {Cup} The cup to fill.",
      "* `options` {Object}",
      "  * `amount` {integer} Millilitres to pour. **Default:** `250`.",
      "  * `spill` {boolean} Whether overflow is allowed. **Default:** `false`.",
      "* Returns: {integer} The millilitres poured.",
      "",
      "Pours tea from the pot into `cup`. If the pot is empty, an `ERR_POT_EMPTY` error is thrown.",
      "",
      "### `teapot.warm(pot[, degrees])`",
      "",
      "<!-- YAML",
      "added: v1.3.0",
      "-->",
      "",
      "* `pot` {teapot.Pot}",
      "* `degrees` {number} **Default:** `40`.",
      "",
      "Warms an empty pot before a brew so the water keeps its heat.",
    ]);
    expect(composeAnswer(reference, "what is a Pot").answer).toBe("A `Pot` holds water and leaves until the tea is poured.");
  });
});

/** A club's FAQ as plain text, its questions numbered as a FAQ's chapters number them. */
const CLUB_FAQ = [
  "The Kettle Club FAQ",
  "",
  "Chapter 1. Definitions and overview",
  "",
  "1.1. What is this FAQ?",
  "",
  "This document answers questions frequently asked about the Kettle Club,",
  "a society of people who brew tea at home.",
  "",
  "1.2. What is the Kettle Club?",
  "",
  "The Kettle Club is a volunteer society founded in 1987 by Ada Brown and",
  "Tom Gray. Its members share recipes for loose leaf tea and repair each",
  "other's kettles.",
  "",
  "1.3. Who can join?",
  "",
  "Anyone over sixteen may join. Membership costs 12 pounds a year and",
  "includes the quarterly newsletter.",
  "",
  "Chapter 2. Brewing",
  "",
  "2.1. How do I brew green tea?",
  "",
  "Heat the water to 80 degrees, not to boiling, and steep the leaves for two",
  "minutes. Boiling water makes green tea bitter.",
  "",
  "2.2. Why is my tea bitter?",
  "",
  "Most often the water was too hot or the leaves steeped too long. Hard",
  "water can also make tea taste bitter.",
  "",
  "2.3. Can I use tea bags?",
  "",
  "Yes, but the club recommends loose leaves, which have more flavour.",
];

describe("composeAnswer on a plain-text FAQ with numbered questions", () => {
  it("answers 'what is X' with the entry a heading asks it in, whatever kind of thing X's noun names", async () => {
    const faq = await indexOfLines(newDir, "club-faq.txt", CLUB_FAQ);
    expect(composeAnswer(faq, "what is the kettle club").answer).toBe("The Kettle Club is a volunteer society founded in 1987 by Ada Brown and Tom Gray.");
  });

  it("answers how long something should take with a time, not another measure", async () => {
    const faq = await indexOfLines(newDir, "club-faq.txt", CLUB_FAQ);
    expect(composeAnswer(faq, "how long should green tea steep").answer).toMatch(/two minutes/);
  });

  it("answers who may do something with the entry that says so, a heading that leaves out the FAQ's subject", async () => {
    const faq = await indexOfLines(newDir, "club-faq.txt", CLUB_FAQ);
    expect(composeAnswer(faq, "who can join the club").answer).toBe("Anyone over sixteen may join.");
  });

  it("answers who with people named in full in English words", async () => {
    const faq = await indexOfLines(newDir, "club-faq.txt", CLUB_FAQ);
    expect(composeAnswer(faq, "who founded the club").answer).toBe("Ada Brown and Tom Gray");
  });
});

describe("composeAnswer on a term both a glossary and a manual's chapter head", () => {
  it("answers from the entry headed by the term itself, not by a chapter that only folds to it", async () => {
    const corpus = await indexOver(newDir, {
      "manual.md": ["# The spout manual", "", "## The spout", "", "We start with the most important part, the spout: spout first, spout last.", ""].join("\n"),
      "glossary.md": ["# Glossary", "", "## spout", "", "The narrow pipe the water pours through, at the front of the kettle.", ""].join("\n"),
    });
    expect(composeAnswer(corpus, "what's the spout").answer).toBe("The narrow pipe the water pours through, at the front of the kettle.");
  });
});

describe("composeAnswer over a game's rulebook", () => {
  let rules: SearchIndex;
  beforeAll(async () => {
    rules = await indexOfLines(newDir, "rules.md", [
      "# Teapot Trader — Rules",
      "",
      "Teapot Trader is a trading game for 2 to 5 players, aged 10 and up.",
      "",
      "## Components",
      "",
      "- 1 market board",
      "- 48 tea tins in four blends (green, black, oolong and white)",
      "- 30 order cards",
      "",
      "## Setup",
      "",
      "Each player takes a tray and 3 coins. Shuffle the order cards and deal 2 to each player.",
      "",
      "## Playing a turn",
      "",
      "On your turn, take up to 4 tea tins of one blend from the market, or deliver an order.",
      "",
      "## Scoring",
      "",
      "A player who delivers three orders of the same blend scores a bonus of 5 points.",
      "",
      "## End of the game",
      "",
      "The game ends at the end of the round in which a player reaches 30 points. The player with the most points wins. In case of a tie, the tied players share the victory.",
      "",
    ]);
  });

  it("answers how many with the count written with what it counts, a range whole", () => {
    expect(composeAnswer(rules, "how many players").answer).toBe("2 to 5 players");
    expect(composeAnswer(rules, "how many tins can i take per turn").answer).toBe("4 tea tins");
  });

  it("answers which ones with the series a list item writes after the question's words, not the whole list", () => {
    expect(composeAnswer(rules, "what blends are the tea tins").answer).toBe("green, black, oolong and white");
  });

  it("answers how much of something with the amount written as of it", async () => {
    const manual = await indexOfLines(newDir, "manual.txt", [
      "KETTLE 3000 - USER MANUAL",
      "",
      "PROGRAMMES",
      "",
      "GREEN 80 - Delicate green teas. Heats 1.2 litres of water and keeps it warm for 20 minutes.",
      "BLACK 100 - Strong black teas. Boils the water and keeps it warm for 40 minutes.",
      "",
    ]);
    expect(composeAnswer(manual, "how much water does green heat").answer).toBe("1.2 litres");
  });

  it("answers when with the sentence that says at what point, under a heading every sentence shares", () => {
    expect(composeAnswer(rules, "when does the game end").answer).toBe("The game ends at the end of the round in which a player reaches 30 points.");
  });

  it("takes a number the question writes in figures as held by the same number written as a word", () => {
    expect(composeAnswer(rules, "whats the bonus for 3 orders of the same blend").answer).toMatch(/bonus of 5 points/);
  });

  it("counts a light verb no passage holds ('start with' for 'takes') as less unknown than a noun", () => {
    const draft = draftAnswer(rules, "how many coins does each player start with");
    const noun = draftAnswer(rules, "how many coins does each player get as a bursary");
    expect("signals" in draft && "signals" in noun).toBe(true);
    if (!("signals" in draft) || !("signals" in noun)) return;
    expect(composeAnswer(rules, "how many coins does each player start with").answer).toBe("3 coins");
    expect(draft.signals.unknown).toBeLessThan(0.3);
    expect(noun.signals.unknown).toBeGreaterThan(draft.signals.unknown);
  });
});

describe("composeAnswer on a FAQ whose numbered entries are set in bold and answered in quotes", () => {
  let faq: SearchIndex;
  const lines = [
    "# Teapot Club FAQ",
    "",
    "**(1) Is the Teapot Club free to join?**",
    "",
    "> Money is a touchy subject, and we would rather talk about tea.",
    ">",
    "> The Teapot Club is free to join. Members pay only for the tea they drink at meetings.",
    "",
    "**(2) My teapot drips when I pour.**",
    "",
    "> A dripping spout is almost always a chipped rim. File the rim smooth with fine sandpaper.",
    "",
    "**(3) Does the club lend teapots?**",
    "",
    "> Since the spring of 2019, the club lends teapots to members in good standing, for up to four weeks at a time, from a collection of some sixty pots that former members left to the club in their wills, together with cosies, strainers and spare lids.",
    ">",
    "> Lent teapots must come back clean. A teapot the club lends is checked for chips when it comes back.",
    "",
    "**(4) Who keeps the list of teapots the club lends?**",
    "",
    "> The secretary keeps the list of teapots the club lends, and which member has each teapot.",
    "",
  ];
  beforeAll(async () => {
    faq = await indexOfLines(newDir, "faq.md", lines);
  });

  it("answers yes or no with the entry's first sentence that says the asked thing, past an aside", () => {
    expect(composeAnswer(faq, "is the teapot club free to join").answer).toBe("Yes. The Teapot Club is free to join.");
    expect(composeAnswer(faq, "Is the Teapot Club free to join?").answer).toBe("Yes. The Teapot Club is free to join.");
  });

  it("reads the opening of the entry whose heading asks the question, when retrieval left it out", () => {
    const q = parseQuestion("Does the club lend teapots?");
    const found = faq.searchTerms(q.terms, 24);
    const opening = found.find((h) => faq.docs.get(h.passage.doc)?.text.slice(h.passage.start, h.passage.end).includes("Since the spring"));
    expect(opening).toBeDefined();
    const left = found.filter((h) => h !== opening);
    const read = withAskedEntryPassages(faq, q, left).slice(0, READ_FIRST);
    expect(read.map((h) => h.passage.id)).toContain(opening?.passage.id);
    // A question no heading asks gains nothing.
    const other = parseQuestion("how long can I keep a teapot");
    const hits = faq.searchTerms(other.terms, 24);
    expect(withAskedEntryPassages(faq, other, hits)).toEqual(hits);
  });
});

describe("composeAnswer on a default asked in chat's words", () => {
  it("answers 'if i dont set it' and 'out of the box' with the value stated as the default, not another value near the words", async () => {
    const queue = await indexOfLines(newDir, "queue.md", [
      "# Kettle queue settings",
      "",
      "`brew_queue` (`integer`)  ",
      "The most brews a kettle holds in its queue while it boils. Raise it to 12 on a kettle that serves a large office, or lower it to 1 so that each brew waits for the one before it. 4 by default.",
      "",
      "`queue_wait` (`integer`)  ",
      "How long a queued brew waits before it is dropped, in minutes. 20 by default.",
    ]);
    expect(composeAnswer(queue, "how many brews will the kettle queue if i dont set brew_queue").answer).toBe("4");
    expect(composeAnswer(queue, "out of the box how many brews does the queue hold").answer).toBe("4");
  });
});

describe("composeAnswer on a default no passage states", () => {
  it("gives no code near the question's words as the default, and still names the option that sets it", async () => {
    const lamp = await indexOfLines(newDir, "lamp.md", [
      "# Kettle lamp",
      "",
      "The colour of the kettle's lamp and its brightness are set in the `lamp_style` option, and the `glow_timer` option says how long it stays lit after the boil.",
    ]);
    expect(composeAnswer(lamp, "what is the default colour of the kettle lamp").answer).toBeNull();
    expect(composeAnswer(lamp, "which option sets the colour of the kettle lamp").answer).toMatch(/^lamp_style\b/);
  });
});

describe("composeAnswer on a release no passage names", () => {
  it("answers 'which version added X' with a release, never with a sentence that names none", async () => {
    const vague = await indexOfLines(newDir, "firmware.md", ["# Kettle firmware", "", "Later firmware updates added a reminder to descale the kettle every month, and a louder alarm."]);
    expect(composeAnswer(vague, "which firmware version added the descaling reminder").answer).toBeNull();
    const dated = await indexOfLines(newDir, "firmware.md", ["# Kettle firmware", "", "Firmware 2.4 added a reminder to descale the kettle every month, and a louder alarm."]);
    expect(composeAnswer(dated, "which firmware version added the descaling reminder").answer).toBe("2.4");
  });
});

describe("composeAnswer on people asked for in keywords", () => {
  let club: SearchIndex;
  beforeAll(async () => {
    club = await indexOfLines(newDir, "club.md", [
      "# The kettle club",
      "",
      "## Committee",
      "",
      "The club's committee members are Ada Brown, Tom Gray and Lisa Park. Lisa Park keeps the minutes of every meeting.",
      "",
      "## Meetings",
      "",
      "The club meets on Tuesdays in the village hall, where members bring their own kettles and the committee judges the best brew.",
      "",
      "## Prizes",
      "",
      "Lisa Park won the spring brewing prize with a smoky black tea.",
    ]);
  });

  it("answers keywords ending in a noun for people with the people, not a sentence", () => {
    expect(composeAnswer(club, "spring brewing prize winner").answer).toBe("Lisa Park");
    expect(composeAnswer(club, "kettle club spring prize winners").answer).toBe("Lisa Park");
  });

  it("answers 'committee members list' with the members, 'list' read as asking for a list", () => {
    expect(composeAnswer(club, "kettle club committee members list").answer).toBe("Ada Brown, Tom Gray and Lisa Park");
  });

  it("takes no weekday for a person's name", () => {
    expect(composeAnswer(club, "who are on the committee").answer).toBe("Ada Brown, Tom Gray and Lisa Park");
  });
});

describe("composeAnswer on a lookup table ('- 2 :: Lid left open')", () => {
  const lines = [
    "-*- org -*-",
    "#+TITLE: Kettle status",
    "",
    "* Stop codes",
    "",
    "  The kettle reports why it stopped with one of these codes. A code means the kettle stopped for that reason:",
    "",
    "     - 0 :: No reason given",
    "     - 1 :: Water too low",
    "     - 2 :: Lid left open",
    "     - 3 :: Scale build-up detected",
    "     - 4 :: Power cut during the boil",
    "",
    "* Brewing",
    "",
    "  The kettle brews green tea at 80 degrees and black tea at 100 degrees.",
  ];
  let status: SearchIndex;
  beforeAll(async () => {
    status = await indexOfLines(newDir, "status.txt", lines);
  });

  it("answers a term the question names with what it means", () => {
    expect(composeAnswer(status, "kettle stop code 3").answer).toBe("Scale build-up detected");
  });

  it("answers a meaning the question gives with its term, 'means' being stated by the table", () => {
    expect(composeAnswer(status, "which stop code means the lid was left open").answer).toBe("2");
    // (No passage writes "means" with "power": the table's line says it.)
    expect(composeAnswer(status, "which code means a power cut").answer).toBe("4");
  });
});

describe("composeAnswer on operators in plain text", () => {
  it("answers 'which operator' with the operator the text sets apart by spaces, never 'e.g.'", async () => {
    const manual = await indexOfLines(newDir, "brewscript.txt", [
      "COMPARISONS",
      "",
      "       If you are coming from Python, Brewscript's <> is like Python's != - it tells two brews apart by",
      "       their leaves and water, e.g. two pots of different teas are unequal.",
    ]);
    expect(composeAnswer(manual, "Which Python operator is Brewscript's <> like?").answer).toBe("!=");
  });
});

describe("composeAnswer on a command written in running text", () => {
  it("answers with the command up to the clause's end, never a verb after 'the command'", async () => {
    const guide = await indexOfLines(newDir, "commands.md", ["# Kettle commands", "", "A command may be given by typing the keys the command is bound to. To boil water for tea, run kettle boil in a terminal."]);
    expect(composeAnswer(guide, "which command boils the water").answer).toBe("kettle boil");
  });
});

describe("composeAnswer on plain text quoted `like this'", () => {
  it("answers with what the quote holds, not the text up to the next backtick", async () => {
    const keys = await indexOfLines(newDir, "keys.txt", ["KETTLE KEYS", "", "     The command `i' lists the teas in your caddy, and the command `b' boils the water."]);
    expect(composeAnswer(keys, "which command lists the teas in your caddy").answer).toBe("i");
  });
});

describe("composeAnswer on text-speak", () => {
  it("reads 'r' as 'are' in a chat question over a corpus whose keys are r and u, and keeps the key asked about", async () => {
    const travel = await indexOfLines(newDir, "travel.md", [
      "# Travel kettle guide",
      "",
      "## Keys",
      "",
      "Press u to undo the last setting and r to repeat the last brew. Press s to start.",
      "",
      "## Cleaning",
      "",
      "Descalers are supposed to be rinsed out twice after use, or the next brew tastes of vinegar.",
    ]);
    expect(composeAnswer(travel, "how many times r descalers supposed to be rinsed out").answer).toMatch(/twice/);
    expect(composeAnswer(travel, "what does the r key do").answer).toMatch(/r to repeat the last brew/);
  });
});

describe("withEntryPassages on an entry whose description runs over several passages", () => {
  it("reads the entry's later passages with the first, when retrieval ranked them below the passages read closely", async () => {
    const others = ["steep_time", "pour_speed", "lid_lock", "cup_count", "spout_angle", "warm_plate", "tea_grade", "milk_first", "sugar_lumps", "cosy_size", "leaf_scoop", "water_hardness"];
    const settings = await indexOver(newDir, {
      "settings.md": [
        "# Kettle remote settings",
        "",
        "`boil_hosts` (`string`)  ",
        "Names the hosts whose kettles a remote may boil, as a list separated by commas. Each entry is a host name, an address, or a pattern " +
          "that stands for many hosts at once. The remote reads the list when it starts and again when it is told to reload, so an entry may be " +
          "added without stopping the brews under way. A warning is written to the log for every entry that cannot be read. Entries are tried in " +
          "the order written, and the first that answers goes first while the rest wait their turn. Requests that arrive while the remote restarts " +
          "are queued and served when it is back. Kettles that leave the list finish their brew before they are let go. The remote keeps a short " +
          "record of the requests it has served, which the status page shows. The default value is kitchen, which allows only the kettle in the " +
          "same room. An empty list turns the remote off altogether.",
        "",
      ].join("\n"),
      "pot-settings.md": ["# Teapot settings", "", ...others.flatMap((name, i) => [`## ${name}`, "", `The default value of ${name} is ${i + 2}, and a value of zero turns it off.`, ""])].join("\n"),
    });
    const q = parseQuestion("what is the default value of boil_hosts");
    const hits = settings.searchTerms(q.terms, 24);
    const states = (h: (typeof hits)[number]): boolean => settings.docs.get(h.passage.doc)?.text.slice(h.passage.start, h.passage.end).includes("The default value is kitchen") ?? false;
    // Retrieval ranks the passage that states it below the passages read closely …
    expect(hits.slice(0, READ_FIRST).some(states)).toBe(false);
    // … and the entry it continues brings it among them.
    expect(withEntryPassages(settings, q, hits).slice(0, READ_FIRST).some(states)).toBe(true);
    expect(composeAnswer(settings, "what is the default value of boil_hosts").answer).toMatch(/kitchen/);
  });
});

describe("composeAnswer on defaults stated of a named setting", () => {
  it("answers with the value the sentence states as the default of what the question names", async () => {
    const limits = await indexOfLines(newDir, "limits.md", [
      "# Kettle limits",
      "",
      "The kettle keeps a log of brews and a list of saved recipes. The log is trimmed at midnight. The default log size is 500 brews.",
      "",
      "1.  **Maximum number of recipes**",
      "",
      "    The KETTLE_MAX_RECIPES setting caps how many recipes a kettle saves. The default value of this limit is 250. Kettles have been seen to work with thousands of recipes, but a long list is slow to scroll on the kettle's small screen, and every saved recipe takes a little of the memory the kettle also needs for its log of brews and for the firmware updates that arrive over the air.",
      "",
      "2.  **Longest brew timer**",
      "",
      "    A brew timer stops at KETTLE_MAX_TIMER seconds, which defaults to 1,000,000, longer than anyone waits.",
      "",
    ]);
    expect(composeAnswer(limits, "What is the default maximum number of recipes?").answer).toBe("250");
    expect(composeAnswer(limits, "default max brew timer").answer).toBe("1,000,000");
    expect(composeAnswer(limits, "what's the default log size").answer).toMatch(/^500\b/);
  });
});

describe("composeAnswer on a manual page's defaults and sizes", () => {
  let page: SearchIndex;
  beforeAll(async () => {
    page = await indexOfLines(newDir, "kettle.txt", [
      "KETTLE(1)                  General Commands Manual                  KETTLE(1)",
      "",
      "DESCRIPTION",
      "     The kettle may be controlled from its remote by pressing a prefix key,",
      "     ‘K-a’ (Kettle-a) by default, followed by a command key.",
      "",
      "     A configurable log is kept of every brew.  By default, up to 300 brews",
      "     are kept; this can be altered with the log-limit option.",
      "",
      "POTS",
      "     Use the .pot command to list the open pots and to see which one is",
      "     current.  Each pot is identified by an integer between 0 and 9.  (There",
      "     can be at most 10 simultaneously open pots.)",
      "",
      "RECIPES",
      "     A recipe file names its tea, its water and its timers.  Recipe files",
      "     are read when the kettle starts and take 2 seconds each to load.",
      "",
      "     A recipe file is limited in size to 64 kilobytes, which is room enough",
      "     for every recipe a kettle can brew.",
      "",
    ]);
  });

  it("answers a default written in quotes before 'by default', or as an amount after 'By default,'", () => {
    expect(composeAnswer(page, "what is the default prefix key").answer).toBe("K-a");
    expect(composeAnswer(page, "kettle log brews kept by default").answer).toMatch(/^300\b/);
  });

  it("answers which option or signal with the name a manual page gives it, in plain text", async () => {
    const options = await indexOfLines(newDir, "kettle-options.txt", [
      "OPTIONS",
      "",
      "     keep-warm [on | off]",
      "             When on, the kettle is not switched off after the water boils; the",
      "             element holds it just below boiling until the pot is poured.",
      "",
      "     steep-style <style>",
      "             Set how the tea steeps.  See STYLES for what a style may be.",
      "",
      "SIGNALS",
      "     If the kettle's socket file is accidentally removed, the SIGUSR1 signal may be",
      "     sent to the kettle daemon process to recreate it (note that this will fail if",
      "     any parent directories are missing).  The -v flag logs what it does.",
      "",
    ]);
    expect(composeAnswer(options, "which option stops the kettle switching off after the water boils").answer).toBe("keep-warm");
    expect(composeAnswer(options, "Which signal recreates the kettle's socket file if it was removed?").answer).toBe("SIGUSR1");
  });

  it("answers which option with the code span a Markdown reference writes alone over its description", async () => {
    const reference = await indexOver(newDir, {
      "kettle-options.md": [
        "# Kettle options",
        "",
        "The kettle reads these options from its settings file.",
        "",
        "  `KETTLE_KEEPWARM`",
        "",
        "  Hold the water just below boiling after the kettle switches itself off.",
        "",
        "  `KETTLE_STEEP`",
        "",
        "  Set how many seconds the tea steeps before the basket lifts out of the pot.",
        "",
      ].join("\n"),
    });
    expect(composeAnswer(reference, "which option holds the water below boiling once the kettle switches off").answer).toBe("KETTLE_KEEPWARM");
    expect(composeAnswer(reference, "kettle option lift basket when steeping").answer).toBe("KETTLE_STEEP");
  });

  it("answers with the value of a reference's labelled field the question names, not with a label that runs on as prose", async () => {
    const reference = await indexOver(newDir, {
      "kettle.md": [
        "# Kettle",
        "",
        "> Stability: 2 - Stable",
        "",
        "The `node:kettle` module boils water and brews tea.",
        "",
        "## Class: `kettle.Kettle`",
        "",
        "* Extends: {EventEmitter}",
        "",
        "A `Kettle` holds water and heats it.",
        "",
        "### `kettle.capacity`",
        "",
        "* Type: {integer}",
        "",
        "The largest volume, in millilitres, the kettle can hold.",
        "",
        "## States",
        "",
        "-   Emptied kettle: A base, and a lid left open, but no",
        "    water in the pot; the element stays off until it is filled.",
        "",
      ].join("\n"),
    });
    expect(composeAnswer(reference, "which class does Kettle extend").answer).toBe("EventEmitter");
    expect(composeAnswer(reference, "what type is kettle.capacity").answer).toBe("integer");
    expect(composeAnswer(reference, "kettle module stability").answer).toBe("2 - Stable");
    expect(composeAnswer(reference, "what is the largest volume a kettle can hold").answer).toBe("The largest volume, in millilitres, the kettle can hold.");
    expect(composeAnswer(reference, "Which command empties a kettle?").answer ?? "").not.toMatch(/^A base, and a lid/);
  });

  it("answers when support for something began from a change log's note, and never with the quoted event the question names", async () => {
    const reference = await indexOver(newDir, {
      "kettle.md": [
        "# Kettle",
        "",
        "### `kettle.fill(volume[, options])`",
        "",
        "<!-- YAML",
        "added: v0.5.3",
        "changes:",
        "  - version: v18.0.0",
        "    description: The `signal` option is supported now.",
        "-->",
        "",
        "* `volume` {integer} Millilitres of water to pour in.",
        "* `signal` {AbortSignal} allows aborting an in-progress fill.",
        "",
        "Fills the kettle with the water poured in.",
        "",
        "### Event: `'boil'`",
        "",
        "Emitted when the water reaches the boiling point. The listener receives the",
        "temperature in degrees.",
        "",
      ].join("\n"),
    });
    expect(composeAnswer(reference, "when did kettle.fill start supporting signal").answer).toBe("v18.0.0");
    expect(composeAnswer(reference, "which event is emitted when the water reaches the boiling point").answer).toBe("boil");
    expect(composeAnswer(reference, "what arguments does the boil event listener get").answer).not.toBe("boil");
  });

  it("answers the default of the parameter the question names, from its own item of a parameter list", async () => {
    const reference = await indexOver(newDir, {
      "teapot.md": [
        "# Teapot",
        "",
        "## `new Teapot([options])`",
        "",
        "* `options` {Object}",
        "  * `size` {integer} Number of cups the pot holds. **Default:** `4`.",
        "  * `material` {string} One of `'china'`, `'glass'` or `'iron'`. **Default:** `'china'`.",
        "  * `warm` {boolean} Warm the pot with hot water before brewing. **Default:** `false`.",
        "",
        "Creates a new teapot.",
        "",
      ].join("\n"),
    });
    expect(composeAnswer(reference, "teapot warm option default").answer).toBe("false");
    expect(composeAnswer(reference, "default material of a teapot").answer).toBe("'china'");
    expect(composeAnswer(reference, "what is the default size of a teapot").answer).toBe("4");
  });

  it("answers which option with a flag an entry's heading spells two ways ('--keep-warm / -k')", async () => {
    const manual = await indexOver(newDir, {
      "kettle.txt": ["OPTIONS", "", "       ○   --keep-warm / -k:", "", "           Hold the water just below boiling after the kettle switches itself off.", "", "       ○   --steep-time:", "", "           Set how many minutes the tea steeps before the basket lifts out.", ""].join("\n"),
    });
    expect(composeAnswer(manual, "which option holds the water below boiling after the kettle switches off").answer).toMatch(/^--keep-warm\b/);
  });

  it("answers a default stated in brackets, quoted and of more than one word", async () => {
    const guide = await indexOver(newDir, {
      "guide.txt": [
        "OPTIONS",
        "",
        "          tea",
        "            Name a tea after something you enjoy drinking (for example",
        "            \"tea:sencha\") (default \"earl grey\").  The kettle shows it",
        "            on its display while the water boils.",
        "",
        "          volume",
        "            How loud the kettle whistles when the water boils, from 0 to 10.",
        "",
      ].join("\n"),
    });
    expect(composeAnswer(guide, "what is the default tea name").answer).toBe("earl grey");
  });

  it("answers with a name a hard-wrapped text hyphenates at a line's end, whole", async () => {
    const guide = await indexOver(newDir, {
      "guide.txt": "OPTIONS\n\n          Most kettles whistle when the water boils.  To keep a kettle quiet\n          at night, set the option whistle_at_night_disa-\n          bled in the settings file; the light still comes on.\n",
    });
    expect(composeAnswer(guide, "what is the option to keep the kettle quiet at night").answer).toBe("whistle_at_night_disabled");
  });

  it("answers how big with a size", () => {
    expect(composeAnswer(page, "how big can a recipe file get").answer).toBe("64 kilobytes");
  });
});

describe("composeAnswer on a long list the documents write", () => {
  it("answers with every member of a series or list, past the eight votes are kept to", async () => {
    const guide = await indexOfLines(newDir, "kettles.md", [
      "# Supported kettles",
      "",
      "The brewing service can be built to drive one of the following kettle controllers: Aga, Bosch, Breville, Delonghi, Dualit, Kenwood, Morphy, Russell (native UK), Smeg, Tefal (native FR), or Zojirushi. They all have their pros and cons.",
      "",
      "## Tea grades",
      "",
      "The following tea grades are recognized:",
      "",
      "- dust",
      "- fannings",
      "- broken",
      "- pekoe",
      "- orange pekoe",
      "- flowery pekoe",
      "- golden flowery pekoe",
      "- tippy golden flowery pekoe",
      "- finest tippy golden flowery pekoe",
      "- special finest tippy golden flowery pekoe",
      "",
    ]);
    const controllers = composeAnswer(guide, "Which kettle controllers can the brewing service be built to drive?").answer ?? "";
    for (const name of ["Aga", "Kenwood", "Smeg", "Tefal", "Zojirushi"]) expect(controllers).toContain(name);
    expect(composeAnswer(guide, "how many tea grades are recognized").answer).toMatch(/^10\b/);
  });
});

describe("composeAnswer on an API manual page with a DEFAULT section", () => {
  it("answers a default with the value its DEFAULT section opens with", async () => {
    const pages = await indexOver(newDir, {
      "KETTLEOPT_GREETING.3.txt": [
        "KETTLEOPT_GREETING(3)        kettle_setopt options        KETTLEOPT_GREETING(3)",
        "",
        "NAME",
        "       KETTLEOPT_GREETING - the tune the kettle sings when it boils",
        "",
        "DESCRIPTION",
        "       Pass a pointer to a string naming a tune. The kettle sings it once the",
        "       water boils, unless KETTLEOPT_QUIET(3) is set to a value of 1.",
        "",
        "DEFAULT",
        "       NULL, no greeting is sung by default.",
        "",
        "RETURN VALUE",
        "       Returns KETTLE_OK if the tune is known, KETTLE_BAD_TUNE if not.",
        "",
      ].join("\n"),
    });
    expect(composeAnswer(pages, "what's the default greeting the kettle sings").answer).toBe("NULL");
    expect(composeAnswer(pages, "KETTLEOPT_GREETING default value").answer).toBe("NULL");
  });
});

describe("composeAnswer on a default the documents never state", () => {
  it("refuses the default of a named flag with a sentence that states none", async () => {
    const guide = await indexOfLines(newDir, "kettle-guide.md", [
      "# Kettle guide",
      "",
      "The kettle option --keep-warm enables the warming plate under the pot, which makes it periodically check the water to make sure it is still hot.",
      "",
      "The brew buffer holds the recipe steps while the kettle reads them. This initializes a buffer for the recipe steps and it cannot fail.",
      "",
      "The --steep-time option sets how long the tea steeps. The default is 180 seconds.",
      "",
    ]);
    expect(composeAnswer(guide, "What is the default interval used by the --keep-warm option?").answer).toBeNull();
    expect(composeAnswer(guide, "what does --steep-time default to").answer).toMatch(/180 seconds/);
  });

  it("takes a sentence as a default's answer only when it says 'default' or, for a thing not named as code, a number", () => {
    const size = parseQuestion("What size does the kettle use by default for a brew buffer?");
    expect(givesDefault(size, "This initializes a buffer for the recipe steps and it cannot fail.")).toBe(false);
    expect(givesDefault(size, "A brew buffer holds 64 steps.")).toBe(true);
    expect(givesDefault(size, "The default is whatever the recipe asks for.")).toBe(true);
    const flag = parseQuestion("What is the default interval of --keep-warm?");
    expect(givesDefault(flag, "The --keep-warm option checks the water every 30 seconds.")).toBe(false);
    expect(givesDefault(parseQuestion("how often does --keep-warm check the water"), "It checks it often.")).toBe(true);
  });
});
