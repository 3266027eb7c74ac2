import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/corpus/frontmatter.js";

describe("parseFrontMatter", () => {
  it("reads title, source and date and says where the body starts", () => {
    const text = "---\ntitle: Garden report\nsource: The Allotment News\ndate: 2021-05-01\n---\nBody text.\n";
    const { meta, bodyStart } = parseFrontMatter(text);
    expect(meta).toEqual({ title: "Garden report", source: "The Allotment News", date: "2021-05-01" });
    expect(text.slice(bodyStart)).toBe("Body text.\n");
  });

  it("gives no metadata and a body starting at 0 when there is no front matter", () => {
    expect(parseFrontMatter("Just text.\n---\ntitle: not front matter\n---\n")).toEqual({ meta: {}, bodyStart: 0 });
    expect(parseFrontMatter("")).toEqual({ meta: {}, bodyStart: 0 });
  });

  it("ignores a block that does not open on the first line", () => {
    expect(parseFrontMatter("\n---\ntitle: Late\n---\nBody\n")).toEqual({ meta: {}, bodyStart: 0 });
  });

  it("ignores an opening --- that is never closed", () => {
    expect(parseFrontMatter("---\ntitle: Unclosed\nBody goes on\n")).toEqual({ meta: {}, bodyStart: 0 });
  });

  it("accepts url and link for the source, published for the date, in any letter case", () => {
    expect(parseFrontMatter("---\nURL: https://example.org/a\nPublished: 4 April 2020\n---\n").meta).toEqual({
      source: "https://example.org/a",
      date: "4 April 2020",
    });
    expect(parseFrontMatter("---\nlink: https://example.org/b\n---\n").meta).toEqual({ source: "https://example.org/b" });
  });

  it("keeps the first of source/url/link and of date/published", () => {
    const { meta } = parseFrontMatter("---\nsource: First\nurl: https://second.example\ndate: 2020\npublished: 2021\n---\n");
    expect(meta).toEqual({ source: "First", date: "2020" });
  });

  it("unquotes values, keeps colons inside them and trims spaces", () => {
    const { meta } = parseFrontMatter(`---\ntitle: "Labour: the contest"  \nsource: 'BBC News'\ndate:   2017-11-23   \n---\n`);
    expect(meta).toEqual({ title: "Labour: the contest", source: "BBC News", date: "2017-11-23" });
  });

  it("ignores unknown keys, list items, comments and empty values", () => {
    const text = "---\nlayout: post\ntags:\n  - politics\n  - labour\n# a YAML comment\ntitle:\ndate: ''\n---\nBody\n";
    const { meta, bodyStart } = parseFrontMatter(text);
    expect(meta).toEqual({});
    expect(text.slice(bodyStart)).toBe("Body\n");
  });

  it("handles Windows line endings, a byte order mark and a ... closer", () => {
    const crlf = "---\r\ntitle: Windows\r\n---\r\nBody\r\n";
    expect(parseFrontMatter(crlf).meta).toEqual({ title: "Windows" });
    expect(crlf.slice(parseFrontMatter(crlf).bodyStart)).toBe("Body\r\n");

    const bom = "\uFEFF---\ntitle: With BOM\n---\nBody";
    expect(parseFrontMatter(bom).meta).toEqual({ title: "With BOM" });
    expect(bom.slice(parseFrontMatter(bom).bodyStart)).toBe("Body");

    const dots = "---\ntitle: Dotted\n...\nBody";
    expect(parseFrontMatter(dots).meta).toEqual({ title: "Dotted" });
    expect(dots.slice(parseFrontMatter(dots).bodyStart)).toBe("Body");
  });

  it("reads front matter that closes at the very end of the file", () => {
    const text = "---\ntitle: Only metadata\n---";
    expect(parseFrontMatter(text)).toEqual({ meta: { title: "Only metadata" }, bodyStart: text.length });
  });

  it("reads empty front matter", () => {
    const text = "---\n---\nBody";
    expect(parseFrontMatter(text)).toEqual({ meta: {}, bodyStart: 8 });
  });

  it("reads the block as YAML: comments are not values, lists and maps are skipped", async () => {
    const text = await readFile(join(import.meta.dirname, "fixtures/front-matter.md"), "utf8");
    const { meta, bodyStart } = parseFrontMatter(text);
    expect(meta).toEqual({ title: "Release notes", source: "https://docs.example.org/release-notes", date: "2024-03-01" });
    expect(text.slice(bodyStart)).toMatch(/^\n# Release notes/);
  });

  it("keeps a \"#\" that is part of a value and reads a block YAML rejects line by line", () => {
    expect(parseFrontMatter("---\ntitle: C# in depth # a book\n---\n").meta).toEqual({ title: "C# in depth" });
    expect(parseFrontMatter("---\ntitle: Tabs\there: yes # note\n\tbad: [\n---\n").meta).toEqual({ title: "Tabs\there: yes" });
  });
});
