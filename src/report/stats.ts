/**
 * How the bot is used: questions per day, how many were answered, how many answers were voted
 * helpful, and the documents quoted most. Pure: it reads the stored questions it is handed.
 */
import { type FormatOptions, nameOf } from "./gaps.js";

/** A stored question as the summary needs it (a `StoredQuestion` fits). */
export interface CountedQuestion {
  askedAt: Date;
  answered: boolean;
  docs: readonly string[];
  up: number;
  down: number;
}

export interface UsageStats {
  questions: number;
  answered: number;
  /** answered / questions; null with no questions. */
  answerRate: number | null;
  /** Votes cast, and helpful votes over all votes (null with no votes). */
  helpful: number;
  notHelpful: number;
  helpfulRate: number | null;
  /** Days (UTC, "2026-11-28") that had questions, oldest first. */
  perDay: Array<{ day: string; questions: number; answered: number }>;
  /** Documents by how many answers quoted them, most first (at most {@link TOP_DOCS}). */
  topDocs: Array<{ doc: string; quoted: number }>;
}

/** Why: five documents name the corpus's workhorses without turning the summary into a listing. */
export const TOP_DOCS = 5;

/** Summarises `questions`. */
export function summarise(questions: readonly CountedQuestion[]): UsageStats {
  const days = new Map<string, { questions: number; answered: number }>();
  const docs = new Map<string, number>();
  let answered = 0;
  let helpful = 0;
  let notHelpful = 0;
  for (const q of questions) {
    const day = q.askedAt.toISOString().slice(0, 10);
    const counts = days.get(day) ?? { questions: 0, answered: 0 };
    counts.questions++;
    helpful += q.up;
    notHelpful += q.down;
    if (q.answered) {
      counts.answered++;
      answered++;
      for (const doc of new Set(q.docs)) docs.set(doc, (docs.get(doc) ?? 0) + 1);
    }
    days.set(day, counts);
  }
  const votes = helpful + notHelpful;
  return {
    questions: questions.length,
    answered,
    answerRate: questions.length > 0 ? answered / questions.length : null,
    helpful,
    notHelpful,
    helpfulRate: votes > 0 ? helpful / votes : null,
    perDay: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, c]) => ({ day, ...c })),
    topDocs: [...docs]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_DOCS)
      .map(([doc, quoted]) => ({ doc, quoted })),
  };
}

/** "83%", or "—" for no data. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** The summary as plain text for a terminal. */
export function formatStats(stats: UsageStats, { days, titles }: FormatOptions): string {
  if (stats.questions === 0) return `No questions in the last ${days} days.`;
  const lines = [
    `Last ${days} days: ${stats.questions} questions, ${stats.answered} answered (${percent(stats.answerRate)}); ` +
      `votes: ${stats.helpful} helpful, ${stats.notHelpful} not helpful (${percent(stats.helpfulRate)} helpful).`,
    "",
    "Questions per day:",
    ...stats.perDay.map((d) => `  ${d.day}  ${String(d.questions).padStart(4)} asked, ${String(d.answered).padStart(4)} answered`),
  ];
  if (stats.topDocs.length > 0) {
    lines.push("", "Documents quoted most:");
    stats.topDocs.forEach((d, i) => lines.push(`  ${i + 1}. ${nameOf(d.doc, titles)} — ${d.quoted} answers`));
  }
  return lines.join("\n");
}
