/** Answer → text for a terminal. */
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
