/**
 * Passages of real-world Markdown (fixtures written after Node's API pages, Python's FAQ, a
 * package README and a docs site's front matter): what each passage quotes, and where.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cutDocument, type PassageDraft } from "../../src/search/passages.js";

const FIXTURES = join(import.meta.dirname, "../corpus/fixtures");
const fixture = (name: string): Promise<string> => readFile(join(FIXTURES, name), "utf8");

/** Each passage as [heading, quote], after checking that its offsets are those of the quote. */
function quoted(text: string): Array<[string | undefined, string]> {
  const { passages } = cutDocument(text, "markdown");
  let previousEnd = 0;
  for (const p of passages) {
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    expect(text.slice(p.start, p.end)).toBe(text.slice(p.start, p.end).trim());
    previousEnd = p.end;
  }
  return passages.map((p) => [p.heading, text.slice(p.start, p.end)]);
}

const passageWith = (text: string, words: string): PassageDraft => {
  const found = cutDocument(text, "markdown").passages.find((p) => text.slice(p.start, p.end).includes(words));
  if (!found) throw new Error(`no passage holds ${JSON.stringify(words)}`);
  return found;
};

describe("cutDocument over Markdown", () => {
  describe("an API reference page", () => {
    it("keeps a definition-style item with its Default: line, and a method's items with their nested ones", async () => {
      const text = await fixture("api-reference.md");
      const quotes = quoted(text).map(([, q]) => q);
      expect(quotes).toContain(
        "* `timeout` {number} Milliseconds of inactivity before the socket times out.\n  **Default:** `5000`.\n* `callback` {Function} Optional callback function.",
      );
      expect(quotes).toContain(
        [
          "* `options` {Object} Required. Supports the following properties:",
          "  * `port` {number} The port to listen on.",
          "  * `host` {string} The host name or address.",
          "  * `backlog` {number} Common parameter of `server.listen()` functions.",
          "* `callback` {Function}",
          "* Returns: {net.Server}",
        ].join("\n"),
      );
    });

    it("keeps a second, short \"Returns:\" item: only whole blocks of real length are deduplicated", async () => {
      const text = await fixture("api-reference.md");
      const returns = quoted(text).filter(([, q]) => q.includes("* Returns: {net.Server}"));
      expect(returns.map(([h]) => h)).toEqual(["server.listen(options[, callback])", "server.close([callback])"]);
    });

    it("never ends a sentence inside inline code", async () => {
      const text = await fixture("api-reference.md");
      expect(quoted(text).map(([, q]) => q)).toContain(
        "Sets the socket to time out after `timeout` milliseconds of inactivity on the socket.\nBy default `net.Socket` do not have a timeout. Call `socket.end()` or `socket.destroy()`\nto end the connection.\n\nType: integer",
      );
    });

    it("reads \"Type: integer\" as text of its section, not as a heading", async () => {
      const text = await fixture("api-reference.md");
      expect(passageWith(text, "Type: integer").heading).toBe("socket.setTimeout(timeout[, callback])");
    });

    it("keeps a YAML history block as a searchable passage of its section, and drops other HTML comments", async () => {
      const text = await fixture("api-reference.md");
      const history = passageWith(text, "added: v0.1.90");
      expect(history.heading).toBe("Class: net.Server");
      expect(text.slice(history.start, history.end)).toBe("added: v0.1.90\nchanges:\n  - version: v15.0.0\n    description: The `signal` option is supported.");
      expect(history.terms).toEqual(expect.arrayContaining(["add", "v15"]));
      const terms = cutDocument(text, "markdown").passages.flatMap((p) => p.terms);
      expect(terms).not.toContain("introduced_in");
      expect(terms.join(" ")).not.toMatch(/introduce/);
    });

    it("quotes a lead-in ending in \":\" with the code block it introduces, fences and all", async () => {
      const text = await fixture("api-reference.md");
      const p = passageWith(text, "To listen on port 8080");
      expect(text.slice(p.start, p.end)).toBe("To listen on port 8080 on all interfaces, call:\n\n```js\nconst server = net.createServer();\nserver.listen(8080);\n```");
      expect(p.start).toBe(text.indexOf("To listen on port 8080"));
      expect(p.end).toBe(text.lastIndexOf("```") + 3);
    });
  });

  describe("an FAQ chapter", () => {
    it("gives one passage per answer, under its question, links and code kept whole", async () => {
      const text = await fixture("faq.md");
      expect(quoted(text)).toEqual([
        [
          "How do I find the current module name?",
          "A module can find out its own module name by looking at the predefined global variable\n`__name__`. If this has the value `'__main__'`, the program is running as a script. Many\nmodules that are usually used by importing them also provide a command-line interface.",
        ],
        [
          "Why does os.path.join() drop the first part?",
          'When a component is an absolute path, such as `/etc/hosts`, all previous components are thrown\naway and joining continues from the absolute path component. See the documentation of\n[`os.path.join()`](https://docs.python.org/3/library/os.path.html#os.path.join "os.path.join")\nfor details.',
        ],
        [
          'Is there an equivalent of C\'s "?:" ternary operator?',
          "Yes.\n\nThe syntax is as follows:\n\n    [on_true] if [expression] else [on_false]\n\n    x, y = 50, 25\n    small = x if x < y else y",
        ],
        [
          "How do I convert a string to a number?",
          "For integers, use the built-in `int()` type constructor, e.g. `int('144') == 144`. Similarly,\n`float()` converts to floating point, e.g. `float('144') == 144.0`. Python 3.11.2 and later\nalso accept underscores, as in `int('1_000')`.",
        ],
      ]);
    });

    it("does not index a link's destination", async () => {
      const text = await fixture("faq.md");
      expect(cutDocument(text, "markdown").passages.flatMap((p) => p.terms)).not.toContain("docs.python.org");
      expect(cutDocument(text, "markdown").passages.flatMap((p) => p.terms)).not.toContain("library");
    });
  });

  describe("a README with a table and nested lists", () => {
    it("quotes the lead-ins with their code, table and list, nested items in their parent", async () => {
      const text = await fixture("readme.md");
      expect(quoted(text)).toEqual([
        ["fastqueue", "fastqueue is a small job queue for Node.js, written in TypeScript. Version 1.4.2 added retries."],
        ["Installation", "Install it from npm:\n\n```sh\nnpm install fastqueue\n```"],
        [
          "Options",
          "Options are read from `fastqueue.config.json` in the project root:\n\n| Option | Type | Default | Description |\n| --- | --- | --- | --- |\n| `concurrency` | number | `4` | How many jobs run at the same time. |\n| `retries` | number | `3` | How often a failed job is tried again before it is dropped. |\n| `timeoutMs` | number | `30000` | How long a job may run before it is stopped. |",
        ],
        [
          "Options",
          '| `backoff` | string | `"exponential"` | How the wait between two tries grows: `"fixed"` or `"exponential"`. |\n| `store` | string | `"memory"` | Where jobs are kept: `"memory"`, `"redis"` or `"sqlite"`. |',
        ],
        [
          "Supported platforms",
          "fastqueue runs on:\n\n- Linux\n  - Debian 12 and Ubuntu 22.04 or later\n  - Alpine 3.19 (musl)\n- macOS 13 or later\n- Windows 10 with WSL 2",
        ],
        ["License", "MIT, see LICENSE.md for the full text."],
      ]);
    });

    it("makes a table row searchable with its header and lead-in", async () => {
      const text = await fixture("readme.md");
      const row = passageWith(text, "`backoff`");
      expect(text.slice(row.start, row.end)).not.toContain("Description");
      expect(row.terms).toEqual(expect.arrayContaining(["backoff", "default", "description", "fastqueue", "config"]));
    });

    it("leaves badge images and HTML comments out of the passages", async () => {
      const text = await fixture("readme.md");
      const terms = cutDocument(text, "markdown").passages.flatMap((p) => p.terms);
      expect(terms).not.toContain("badge");
      expect(terms).not.toContain("todo");
      expect(terms).not.toContain("rewrite");
    });
  });

  it("leaves front matter, comments included, out of the passages", async () => {
    const text = await fixture("front-matter.md");
    expect(quoted(text)).toEqual([["Release notes", "Version 2.0 removes the deprecated `queue.drain()` method; use `queue.close()` instead."]]);
  });

  it("carries a list's lead-in sentence to a passage of it that does not quote it", () => {
    const items = Array.from({ length: 12 }, (_, i) => `- Item number ${i} describes one more widget of the catalogue in some detail.`);
    const text = `# Widgets\n\nEvery zanzibar option is listed below.\n\n${items.join("\n")}\n`;
    const last = passageWith(text, "Item number 11");
    expect(text.slice(last.start, last.end)).not.toContain("zanzibar");
    expect(last.terms).toContain("zanzibar");
  });

  it("reads a .txt file by the plain-text rules: a short caption line is a heading there", () => {
    const text = "Angela Rayner\n\nThe shadow education secretary is the frontrunner in the deputy leadership contest.\n";
    expect(cutDocument(text, "text").passages[0]?.heading).toBe("Angela Rayner");
    expect(cutDocument(text, "markdown").passages[0]?.heading).toBeUndefined();
  });
});
