/** The period a report covers, and the document titles it names documents by. */
import type { IndexStats } from "../types.js";

/** Why: a month shows what changed since the documents were last edited, on a server asking a few questions a day. */
export const DEFAULT_REPORT_DAYS = 30;
/** Why: the longest retention `RETENTION_DAYS` allows; older rows are gone anyway. */
export const MAX_REPORT_DAYS = 3650;

/** The moment `days` days before `now`. */
export function sinceDaysAgo(days: number, now = Date.now()): Date {
  return new Date(now - days * 86_400_000);
}

/** Document titles by path. */
export function titlesOf(stats: Pick<IndexStats, "documents">): Map<string, string> {
  return new Map(stats.documents.map((d) => [d.path, d.title]));
}
