/**
 * Fits the ranker of answer sentences (src/answer/sentence.ts) on the `tune` split of the
 * evaluation suite and writes src/answer/sentence-model.json:
 *
 *   npx tsx eval/fit-sentences.ts
 *
 * For every answerable tune question, each candidate sentence of its best passages is labelled
 * by whether it holds one of the question's answers (an alias of the answer, or of a list
 * member), the eval's normalisation applied to both. Questions none (or all) of whose candidates
 * hold an answer teach nothing about ranking and are left out. The ranker is fitted listwise
 * (src/eval/listwise.ts): each question weighs the same, however many candidates it has. The
 * `test` split is never read here.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { SENTENCE_FEATURES, sentenceCandidates, sentenceScore } from "../src/answer/sentence.js";
import { fitListwise } from "../src/eval/listwise.js";
import type { Example } from "../src/eval/logistic.js";
import { normalise } from "../src/eval/metrics.js";
import { tuneDrafts } from "../src/eval/tune.js";

const ROOT = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const examples: Array<Example<(typeof SENTENCE_FEATURES)[number]>> = [];
  const groups: Array<{ from: number; to: number }> = [];
  for await (const { item, draft } of tuneDrafts(path.join(ROOT, "eval"), (s) => s.kind !== "unanswerable")) {
    const aliases = (item.kind === "factoid" ? item.answers : item.kind === "list" ? item.members.flat() : []).map(normalise).filter(Boolean);
    const candidates = sentenceCandidates(draft.q, draft.readings);
    const labels = candidates.map((c) => {
      const text = normalise(c.r.doc.text.slice((c.r.body.tokens[c.first] as { start: number }).start, (c.r.body.tokens[c.last] as { end: number }).end));
      return aliases.some((a) => text.includes(a));
    });
    const positives = labels.filter(Boolean).length;
    if (positives === 0 || positives === labels.length) continue;
    const from = examples.length;
    candidates.forEach((c, i) => examples.push({ x: c.features, y: labels[i] as boolean }));
    groups.push({ from, to: examples.length });
  }
  // How often the top-scored candidate holds an answer, among questions where one does.
  const topRight = (model?: Parameters<typeof sentenceScore>[1]): number =>
    groups.filter(({ from, to }) => {
      const group = examples.slice(from, to);
      return group.reduce((a, b) => (sentenceScore(b.x, model) > sentenceScore(a.x, model) ? b : a)).y;
    }).length;
  const before = topRight();
  const candidateGroups = groups.map(({ from, to }) => ({ candidates: examples.slice(from, to).map(({ x, y }) => ({ x, y })) }));
  const model = { bias: 0, weights: fitListwise(candidateGroups, SENTENCE_FEATURES) };
  const out = { fittedOn: `eval tune split: ${groups.length} answerable questions with an answer among ${examples.length} candidate sentences`, ...model };
  writeFileSync(path.join(ROOT, "src/answer/sentence-model.json"), `${JSON.stringify(out, null, 2)}\n`);
  console.log(JSON.stringify(out, null, 2));
  console.log(`top sentence holds an answer: ${topRight(model)} of ${groups.length} questions (${before} with the model before)`);
}

await main();
