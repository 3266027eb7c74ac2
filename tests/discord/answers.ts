/** Hand-built `Answer`s for rendering tests (the renderer must not depend on the engine). */
import type { Answer, Excerpt } from "../../src/types.js";

export function excerpt(overrides: Partial<Excerpt> = {}): Excerpt {
  return {
    doc: "news/deputy.md",
    title: "Labour deputy leadership race",
    date: "2020-01-08",
    source: "https://www.independent.co.uk/news/deputy",
    text: "Shadow education secretary Angela Rayner has joined the contest for deputy leadership of the party.",
    start: 100,
    end: 199,
    score: 12.5,
    highlights: ["deputy", "Rayner"],
    ...overrides,
  };
}

export function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "Who is standing for deputy leader?",
    answer: "Angela Rayner",
    confidence: 0.82,
    kind: "person",
    excerpts: [excerpt()],
    ...overrides,
  };
}
