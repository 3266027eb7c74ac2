/** Answer → text for a terminal. */
import type { IndexProgress } from "../engine.js";
import type { Answer } from "../types.js";

/** A readable answer: the short answer (or why there is none), then each quote with its source. */
export function formatAnswer(reply: Answer): string {
  const lines: string[] = [];
  if (reply.answer !== null) {
    lines.push(`Answer: ${reply.answer}`, `Confidence: ${Math.round(reply.confidence * 100)}%`);
  } else {
    lines.push(reply.message ?? "The documents don't answer that.");
  }
  reply.excerpts.forEach((e, i) => {
    const source = [e.title, e.heading && e.heading !== e.title ? `“${e.heading}”` : "", e.date, e.source].filter(Boolean).join(" · ");
    lines.push("", `[${i + 1}] ${source}`, `    ${e.doc}`);
    for (const line of e.text.split("\n")) lines.push(`  > ${line}`);
  });
  return lines.join("\n");
}

/** One progress line: "indexing: 120/1,007 files, 12,345 passages, 9,800 passages/s". */
export function formatProgress(p: IndexProgress): string {
  const n = (x: number): string => Math.round(x).toLocaleString("en");
  const rate = p.elapsedMs > 0 ? (p.passages * 1000) / p.elapsedMs : 0;
  return `indexing: ${n(p.files)}/${n(p.totalFiles)} files, ${n(p.passages)} passages, ${n(rate)} passages/s`;
}
