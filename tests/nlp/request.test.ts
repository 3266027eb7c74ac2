import { describe, expect, it } from "vitest";
import { withoutRequest } from "../../src/nlp/request.js";

describe("withoutRequest", () => {
  it("takes off a request to explain or tell, leaving the question in a question's order", () => {
    expect(withoutRequest("Can you explain how I cancel a booking?")).toBe("how do I cancel a booking?");
    expect(withoutRequest("could you please tell me who won the tasting")).toBe("who won the tasting");
    expect(withoutRequest("tell me about the spout")).toBe("the spout");
    expect(withoutRequest("Please explain why tastings are on Thursdays")).toBe("why tastings are on Thursdays");
  });

  it("reads 'do you know if', 'I was wondering whether' and 'is it true that' as yes/no questions", () => {
    expect(withoutRequest("do you know if the club opens in August")).toBe("does the club opens in August");
    expect(withoutRequest("I was wondering whether the lid locks")).toBe("does the lid locks");
    expect(withoutRequest("Is it true that members can bring guests?")).toBe("does members can bring guests?");
  });

  it("takes off what a chat message opens with, and reads 'I need to X, what should I do' as how to X", () => {
    expect(withoutRequest("hey quick question, whats the default port")).toBe("whats the default port");
    expect(withoutRequest("Hi there! I need help: how do I cancel a booking?")).toBe("how do I cancel a booking?");
    expect(withoutRequest("so like, how do i cancel a booking")).toBe("how do i cancel a booking");
    expect(withoutRequest("I'm trying to figure out how to descale the kettle")).toBe("how to descale the kettle");
    expect(withoutRequest("I need to cancel a booking, what should I do?")).toBe("how do i cancel a booking?");
    // (Words that may name what is asked stay unless a stop follows them.)
    expect(withoutRequest("help output of the kettle cli")).toBe("help output of the kettle cli");
    expect(withoutRequest("like operator wildcards")).toBe("like operator wildcards");
  });

  it("takes off where the documents as a whole tell it ('in its manual page', 'according to the docs'), not a part of them or who tells it", () => {
    expect(withoutRequest("Who is listed as the author of the kettle in its manual page?")).toBe("Who is listed as the author of the kettle?");
    expect(withoutRequest("How is the lid locked, according to the documentation?")).toBe("How is the lid locked?");
    expect(withoutRequest("In the docs, what is the first brew called?")).toBe("what is the first brew called?");
    expect(withoutRequest("Which kettles are described in the buying guide?")).toBe("Which kettles are described in the buying guide?");
    expect(withoutRequest("what did she find in the tasting room according to her")).toBe("what did she find in the tasting room according to her");
    // (A question's own "if" stays when only the documents' name was taken off.)
    expect(withoutRequest("if i unplug it, does it stay warm, according to the docs?")).toBe("if i unplug it, does it stay warm?");
  });

  it("reads 'where is X described' as asking about X", () => {
    expect(withoutRequest("Where is the descaling cycle documented?")).toBe("the descaling cycle?");
  });

  it("leaves a question with no wrapping, a bare 'explain' that may name a command, and a request with nothing after it", () => {
    expect(withoutRequest("how do i cancel a booking")).toBe("how do i cancel a booking");
    expect(withoutRequest("explain analyze output columns")).toBe("explain analyze output columns");
    expect(withoutRequest("can you explain?")).toBe("can you explain?");
    // (A question that opens with its own condition is no "do you know if …".)
    expect(withoutRequest("if i unplug the kettle how long does it stay warm")).toBe("if i unplug the kettle how long does it stay warm");
  });
});
