import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeJsonControls, readLines, stripControls } from "../../src/cli/terminal.js";

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe("stripControls", () => {
  it.each([
    ["an OSC 8 link", "see \u001b]8;;https://evil.example/\u0007here\u001b]8;;\u001b\\ now", "see here now"],
    ["a window title", "a\u001b]0;pwned\u0007b", "ab"],
    ["clear-screen and cursor moves", "\u001b[2J\u001b[1;1Htext\u001b[0m", "text"],
    ["a C1 CSI", "red\u009b31m text", "red text"],
    ["a bell, backspace and lone CR", "a\u0007b\bc\rd", "abcd"],
  ])("removes %s", (_, input, output) => {
    expect(stripControls(input)).toBe(output);
  });

  it("keeps newlines, tabs and every printable character", () => {
    expect(stripControls("a\tb\nc “quoted” — ünïcödé 😀")).toBe("a\tb\nc “quoted” — ünïcödé 😀");
  });

  it("never leaves a control character, whatever the input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => !CONTROLS.test(stripControls(s))));
  });
});

describe("escapeJsonControls", () => {
  it("escapes DEL and C1 so the line holds none, and parses to the same value", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const json = escapeJsonControls(JSON.stringify({ s }));
        return !CONTROLS.test(json) && (JSON.parse(json) as { s: string }).s === s;
      }),
    );
  });
});

describe("readLines", () => {
  it("splits at LF and CRLF only, keeping a lone CR, and yields a last line without LF", async () => {
    const lines: string[] = [];
    for await (const line of readLines(Readable.from(["one\r", "\ntwo\rstill two\n\nthr", "ee"]))) lines.push(line);
    expect(lines).toEqual(["one", "two\rstill two", "", "three"]);
  });
});
