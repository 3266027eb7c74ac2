import { describe, expect, it } from "vitest";
import { ELLIPSIS } from "../src/answer/excerpt.js";
import { rankedExcerpts, topicsOf } from "../src/excerpts.js";
import { buildIndex } from "../src/search/build.js";
import type { Doc } from "../src/types.js";

const doc = (path: string, title: string, text: string): Doc => ({ path, title, text, fingerprint: path, stamp: "1:1" });

const HUSTINGS = [
  "# Hustings",
  "",
  "The first hustings for the deputy leadership is in Tooting on Monday.",
  "",
  "A second hustings for the deputy leadership is in Leeds on Wednesday.",
  "",
  "# Results",
  "",
  "The deputy leadership result is announced in April.",
  "",
  "Ballots for the deputy leadership close in March.",
  "",
  "Members vote for the deputy leadership online.",
].join("\n");
const index = buildIndex([doc("notice.md", "Branch notice", HUSTINGS), doc("other.md", "Other", "# Gardening\n\nThe allotment opens in May.\n")]);

describe("rankedExcerpts", () => {
  it("quotes more than three passages, best first, each a verbatim slice of its file", () => {
    const excerpts = rankedExcerpts(index, "When is the deputy leadership hustings?", 10);
    expect(excerpts.length).toBeGreaterThan(3);
    expect(excerpts.map((e) => e.score)).toEqual([...excerpts.map((e) => e.score)].sort((a, b) => b - a));
    for (const e of excerpts) {
      for (const piece of e.text.split(ELLIPSIS).filter(Boolean)) expect(HUSTINGS).toContain(piece);
      expect(e).toMatchObject({ doc: "notice.md", title: "Branch notice" });
    }
    expect(excerpts[0]?.text).toMatch(/hustings/);
    expect(excerpts[0]?.highlights).toEqual(expect.arrayContaining(["hustings"]));
    expect(excerpts[0]?.heading).toBe("Hustings");
  });

  it("returns at most `limit`", () => {
    expect(rankedExcerpts(index, "deputy leadership", 2)).toHaveLength(2);
  });
});

describe("topicsOf", () => {
  it("lists document titles, then headings, each once", () => {
    expect(topicsOf(index)).toEqual(["Branch notice", "Other", "Hustings", "Results", "Gardening"]);
  });
});
