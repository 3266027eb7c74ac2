/**
 * What the documents fail to answer: the questions that were refused or voted down, grouped when
 * they ask the same thing, with how often, when last, and the document nearest to them. Pure: it
 * reads the stored questions it is handed.
 *
 * @example
 * const groups = findGaps(store.questionsSince(since));
 * console.log(formatGaps(groups, { days: 30 }));
 */
import { termsOf } from "../nlp/analyse.js";

/** A stored question as the report needs it (a `StoredQuestion` fits). */
export interface AskedQuestion {
  text: string;
  askedAt: Date;
  answered: boolean;
  /** Documents quoted, best first: for a refused question, the nearest passages' documents. */
  docs: readonly string[];
  up: number;
  down: number;
}

/** Questions that ask the same thing the documents did not answer well. */
export interface Gap {
  /** The wording asked most often (the latest of equals). */
  question: string;
  /** Other wordings, most recent first (at most {@link MAX_OTHER_WORDINGS}). */
  others: string[];
  /** Times asked in all. */
  count: number;
  /** Of those, refused (no answer) and answered but voted down. */
  refused: number;
  votedDown: number;
  lastAsked: Date;
  /** The document quoted most often for these questions (the nearest one when refused). */
  nearestDoc?: string;
}

/**
 * Why: two questions ask the same thing when at least half of their combined search terms
 * (lemmas, stop words out) are shared: "Who is the Labour leader?" and "Who is the leader of the
 * Labour Party?" group, "Is Keir Starmer standing for leader?" does not join them. Chosen by hand
 * on the closing note's 50 questions over the default corpus, against two alternatives: half of
 * the shorter question's terms (joined every question about the deputy leadership) and terms
 * weighted by rarity (split "leader" from "Labour leader" pairs).
 */
export const SAME_QUESTION_SIMILARITY = 0.5;
export const MAX_OTHER_WORDINGS = 3;

/** True when the documents did not serve this question: refused, or voted down more than up. */
export function isGap(q: Pick<AskedQuestion, "answered" | "up" | "down">): boolean {
  return !q.answered || q.down > q.up;
}

/** The gaps among `questions`, most asked first (then most recent). Questions without search words are left out. */
export function findGaps(questions: readonly AskedQuestion[]): Gap[] {
  const groups: Array<{ terms: Set<string>; members: AskedQuestion[] }> = [];
  const newestFirst = questions.filter(isGap).sort((a, b) => b.askedAt.getTime() - a.askedAt.getTime());
  for (const q of newestFirst) {
    const terms = new Set(termsOf(q.text));
    if (terms.size === 0) continue;
    const group = groups.find((g) => similarity(g.terms, terms) >= SAME_QUESTION_SIMILARITY);
    if (group) group.members.push(q);
    else groups.push({ terms, members: [q] });
  }
  return groups.map(({ members }) => summarise(members)).sort((a, b) => b.count - a.count || b.lastAsked.getTime() - a.lastAsked.getTime());
}

/** Jaccard similarity of two term sets. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** `members` newest first. */
function summarise(members: AskedQuestion[]): Gap {
  const wordings = new Map<string, { text: string; count: number }>();
  const docs = new Map<string, number>();
  for (const q of members) {
    // The same wording, case, spacing and punctuation aside.
    const key = q.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const seen = wordings.get(key);
    if (seen) seen.count++;
    else wordings.set(key, { text: q.text.trim(), count: 1 });
    const doc = q.docs[0];
    if (doc !== undefined) docs.set(doc, (docs.get(doc) ?? 0) + 1);
  }
  // Map order is newest first; a stable sort keeps it among equals.
  const ranked = [...wordings.values()].sort((a, b) => b.count - a.count);
  const nearestDoc = [...docs].sort((a, b) => b[1] - a[1])[0]?.[0];
  const refused = members.filter((q) => !q.answered).length;
  return {
    question: ranked[0]?.text ?? "",
    others: ranked.slice(1, 1 + MAX_OTHER_WORDINGS).map((w) => w.text),
    count: members.length,
    refused,
    votedDown: members.length - refused,
    lastAsked: members[0]?.askedAt ?? new Date(0),
    ...(nearestDoc !== undefined && { nearestDoc }),
  };
}

/** Options for the text forms of the reports. */
export interface FormatOptions {
  /** The period the report covers, days. */
  days: number;
  /** Document titles by path, to name the nearest document. */
  titles?: ReadonlyMap<string, string>;
  /** At most this many gaps are listed. Default 20. */
  limit?: number;
}

/** The gaps as plain text for a terminal, one block per gap. */
export function formatGaps(gaps: readonly Gap[], { days, titles, limit = 20 }: FormatOptions): string {
  if (gaps.length === 0) return `No refused or voted-down questions in the last ${days} days.`;
  const asked = gaps.reduce((n, g) => n + g.count, 0);
  const lines = [`${asked} questions in the last ${days} days were refused or voted down, asking ${gaps.length} different things:`, ""];
  gaps.slice(0, limit).forEach((gap, i) => {
    lines.push(`${i + 1}. "${gap.question}" — ${describeGap(gap)}`);
    if (gap.others.length > 0) lines.push(`   also: ${gap.others.map((o) => `"${o}"`).join(", ")}`);
    if (gap.nearestDoc) lines.push(`   nearest document: ${nameOf(gap.nearestDoc, titles)}`);
  });
  if (gaps.length > limit) lines.push("", `…and ${gaps.length - limit} more.`);
  return lines.join("\n");
}

/** "asked 3×, 2 refused, 1 voted down, last 2026-11-28 10:41 UTC". */
export function describeGap(gap: Gap): string {
  const parts = [`asked ${gap.count}×`];
  if (gap.refused > 0) parts.push(`${gap.refused} refused`);
  if (gap.votedDown > 0) parts.push(`${gap.votedDown} voted down`);
  parts.push(`last ${formatTime(gap.lastAsked)}`);
  return parts.join(", ");
}

/** "Title (path)" when the title is known and differs, else the path. */
export function nameOf(path: string, titles?: ReadonlyMap<string, string>): string {
  const title = titles?.get(path);
  return title && title !== path ? `${title} (${path})` : path;
}

/** "2026-11-28 10:41 UTC". */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
