/**
 * Replies about the bot itself: what a reindex changed, what the corpus holds, how to ask.
 * Pure functions of engine data; every corpus-derived string is escaped and every reply fits.
 */
import type { IndexStats, ReindexReport } from "../types.js";
import { suggestQuestions } from "./examples.js";
import { MAX_CONTENT_CHARS, MAX_EMBED_DESCRIPTION_CHARS, fitRendered, joinWithin } from "./limits.js";
import { escapeInline } from "./markdown.js";
import type { Reply } from "./render-answer.js";

/** Why: a line listing file names is a summary; beyond this it would push the counts off screen. */
const MAX_LIST_LINE_CHARS = 400;
/** Why: one skipped file's reason fits on a line; longer reasons are cut. */
const MAX_SKIP_LINE_CHARS = 200;

const INFO_COLOR = 0x5865f2;

/** A command as `/help` lists it. */
export interface CommandSummary {
  name: string;
  description: string;
}

/** "Reindexed in 1.4 s: 1 added, 0 changed, 0 removed · 57 passages", then the names and skips. */
export function renderReindex(report: ReindexReport): Reply {
  const { added, changed, removed, skipped } = report;
  const lines = [
    `**Reindexed** in ${formatDuration(report.durationMs)}: ${added.length} added, ${changed.length} changed, ` +
      `${removed.length} removed · ${report.passages} passages.`,
  ];
  for (const [label, names] of [
    ["Added", added],
    ["Changed", changed],
    ["Removed", removed],
  ] as const) {
    if (names.length > 0) lines.push(`${label}: ${fitRendered(names.join(", "), MAX_LIST_LINE_CHARS, escapeInline)}`);
  }
  if (skipped.length > 0) {
    lines.push(`Skipped ${plural(skipped.length, "file")}:`);
    for (const skip of skipped) {
      lines.push(`• ${fitRendered(`${skip.path} — ${skip.reason}`, MAX_SKIP_LINE_CHARS, escapeInline)}`);
    }
  }
  return { content: joinWithin(lines, MAX_CONTENT_CHARS) };
}

/** The documents being served, with dates and passage counts, and when the index was built. */
export function renderSources(stats: IndexStats): Reply {
  const indexedAt = Math.floor(stats.indexedAt.getTime() / 1000);
  const header =
    `${plural(stats.documents.length, "document")} · ${plural(stats.passages, "passage")} · indexed <t:${indexedAt}:R>` +
    (stats.skipped.length > 0 ? ` · ${plural(stats.skipped.length, "file")} skipped` : "");
  const lines = stats.documents.map((doc) => {
    const title = fitRendered(doc.title || doc.path, MAX_SKIP_LINE_CHARS, escapeInline);
    const date = doc.date ? ` · ${escapeInline(doc.date)}` : "";
    return `• **${title}**${date} · ${plural(doc.passages, "passage")} · ${fitRendered(doc.path, MAX_SKIP_LINE_CHARS, escapeInline)}`;
  });
  const body = lines.length > 0 ? lines : ["The corpus folder holds no readable documents yet."];
  return {
    embeds: [
      {
        title: "Sources",
        description: `${header}\n\n${joinWithin(body, MAX_EMBED_DESCRIPTION_CHARS - header.length - 2)}`,
        color: INFO_COLOR,
      },
    ],
  };
}

/** How to ask, with example questions drawn from the corpus, and the commands. */
export function renderHelp(stats: IndexStats, commands: readonly CommandSummary[]): Reply {
  const examples = suggestQuestions(stats.documents);
  const sections = [
    `Ask a question in plain words: I answer from ${plural(stats.documents.length, "document")} and quote them ` +
      "verbatim, with the words that matched your question in **bold**.",
    ["**Where to ask**", "• `/ask` with your question, in a server or here", "• a direct message to me", "• a message that mentions me"].join("\n"),
    "Under each answer, 👍 and 👎 tell the moderators whether it helped (only you see your vote), and " +
      "**More passages** shows you the next quotes.",
  ];
  if (examples.length > 0) sections.push(["**Try**", ...examples.map((q) => `• ${escapeInline(q)}`)].join("\n"));
  if (commands.length > 0) {
    sections.push(["**Commands**", ...commands.map((c) => `• \`/${c.name}\` — ${escapeInline(c.description)}`)].join("\n"));
  }
  return {
    embeds: [
      {
        title: "How to ask Verbatim",
        // Bounded: three short examples and a handful of commands (descriptions are <= 100 characters).
        description: sections.join("\n\n"),
        color: INFO_COLOR,
      },
    ],
  };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
