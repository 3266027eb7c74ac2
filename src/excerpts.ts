/**
 * Quotes beyond an answer's three, and the topics a question may be about: two reads of the
 * serving index for the Discord edge's "More passages" button and `/ask` suggestions. Built on
 * `SearchIndex.search` and the answer stage's own excerpt helper, so a quote here is cut and
 * highlighted exactly as in an answer.
 */
import { makeExcerpt } from "./answer/excerpt.js";
import { analyse, termOf } from "./nlp/analyse.js";
import type { SearchIndex } from "./search/build.js";
import type { Excerpt } from "./types.js";

/** The best `limit` passages for `question` as verbatim quotes, best first (by retrieval score, not re-read). */
export function rankedExcerpts(index: SearchIndex, question: string, limit: number): Excerpt[] {
  const excerpts: Excerpt[] = [];
  for (const hit of index.search(question, limit)) {
    const doc = index.docs.get(hit.passage.doc);
    if (!doc) continue;
    const { start, end } = hit.passage;
    const { tokens } = analyse(doc.text.slice(start, end), start, { entities: false });
    excerpts.push(makeExcerpt(doc, hit.passage, hit.score, { tokens, terms: tokens.map(termOf) }, new Set(hit.terms)));
  }
  return excerpts;
}

/** Document titles, then section headings, each once (case aside), in corpus order. */
export function topicsOf(index: SearchIndex): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  const add = (text: string | undefined): void => {
    const topic = text?.replace(/\s+/g, " ").trim();
    if (!topic || seen.has(topic.toLowerCase())) return;
    seen.add(topic.toLowerCase());
    topics.push(topic);
  };
  for (const doc of index.docs.values()) add(doc.title);
  for (const passage of index.passages) add(passage.heading);
  return topics;
}
