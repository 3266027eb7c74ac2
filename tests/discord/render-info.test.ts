import { describe, expect, it } from "vitest";
import { renderHelp, renderReindex, renderSources } from "../../src/discord/render-info.js";
import type { IndexStats, ReindexReport } from "../../src/types.js";
import { limitViolations } from "./stand-in/discord-rules.js";

const report = (overrides: Partial<ReindexReport> = {}): ReindexReport => ({
  added: [],
  changed: [],
  removed: [],
  passages: 75,
  skipped: [],
  durationMs: 1432,
  ...overrides,
});

const stats = (overrides: Partial<IndexStats> = {}): IndexStats => ({
  corpusDir: "/srv/secret/corpus",
  documents: [
    { path: "lewis.txt", title: "Ivan Lewis quits Labour Party as sex harassment row drags on", passages: 16 },
    { path: "deputy.md", title: "Labour deputy leadership hopeful Rosena Allin-Khan vows", date: "2020-01-08", passages: 59 },
  ],
  passages: 75,
  skipped: [],
  indexedAt: new Date("2024-05-01T12:00:00Z"),
  buildMs: 80,
  ...overrides,
});

describe("renderReindex", () => {
  it("sums up what changed", () => {
    const { content } = renderReindex(report({ added: ["new.md"], removed: ["old_notes.md"] }));
    expect(content).toBe(
      "**Reindexed** in 1.4 s: 1 added, 0 changed, 1 removed · 75 passages.\nAdded: new.md\nRemoved: old\\_notes.md",
    );
  });

  it("lists skipped files with their reasons", () => {
    const { content } = renderReindex(report({ durationMs: 80, skipped: [{ path: "scan.pdf", reason: "unsupported file type" }] }));
    expect(content).toContain("in 80 ms");
    expect(content).toContain("Skipped 1 file:\n• scan.pdf — unsupported file type");
  });

  it("stays within 2000 characters for thousands of files", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `folder/document-${i}.md`);
    const skipped = many.map((path) => ({ path, reason: "too large" }));
    const reply = renderReindex(report({ added: many, changed: many, skipped }));
    expect(limitViolations({ ...reply })).toEqual([]);
    expect(reply.content).toMatch(/…and \d+ more$/);
  });
});

describe("renderSources", () => {
  it("lists documents with dates and passage counts, and when they were indexed", () => {
    const description = renderSources(stats()).embeds?.[0]?.description ?? "";
    expect(description).toContain("2 documents · 75 passages · indexed <t:1714564800:R>");
    expect(description).toContain("• **Labour deputy leadership hopeful Rosena Allin-Khan vows** · 2020-01-08 · 59 passages · deputy.md");
    expect(description).not.toContain("/srv/secret");
  });

  it("says so when the corpus is empty", () => {
    expect(renderSources(stats({ documents: [], passages: 0 })).embeds?.[0]?.description).toContain("no readable documents");
  });

  it("fits thousands of documents", () => {
    const documents = Array.from({ length: 3000 }, (_, i) => ({ path: `d${i}.md`, title: `Document number ${i}`, passages: 3 }));
    const reply = renderSources(stats({ documents }));
    expect(limitViolations({ ...reply })).toEqual([]);
    expect(reply.embeds?.[0]?.description).toMatch(/…and \d+ more$/);
  });
});

describe("renderHelp", () => {
  it("explains where to ask, with examples from the corpus and the commands", () => {
    const description = renderHelp(stats(), [{ name: "ask", description: "Ask a question" }]).embeds?.[0]?.description ?? "";
    expect(description).toContain("2 documents");
    expect(description).toContain("a direct message to me");
    expect(description).toContain("**More passages** shows you the next quotes");
    expect(description).toContain("• Who is Ivan Lewis?");
    expect(description).toContain("• Who is Rosena Allin-Khan?");
    expect(description).toContain("• `/ask` — Ask a question");
  });
});
