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
import { SENTENCE_FEATURES, sentenceCandidates, sentenceScore, type SentenceFeature, type SentenceModel } from "../src/answer/sentence.js";
import { fitListwise, type Group } from "../src/eval/listwise.js";
import { normalise } from "../src/eval/metrics.js";
import { tuneDrafts } from "../src/eval/tune.js";

const ROOT = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const groups: Array<Group<SentenceFeature>> = [];
  for await (const { item, draft } of tuneDrafts(path.join(ROOT, "eval"), (s) => s.kind !== "unanswerable")) {
    const aliases = (item.kind === "factoid" ? item.answers : item.kind === "list" ? item.members.flat() : []).map(normalise).filter(Boolean);
    const candidates = sentenceCandidates(draft.q, draft.readings).map((c) => ({ x: c.features, y: aliases.some((a) => normalise(c.text).includes(a)) }));
    const positives = candidates.filter((c) => c.y).length;
    if (positives > 0 && positives < candidates.length) groups.push({ candidates });
  }
  // How often the top-scored candidate holds an answer, among questions where one does.
  const topRight = (model?: SentenceModel): number =>
    groups.filter(({ candidates }) => candidates.reduce((a, b) => (sentenceScore(b.x, model) > sentenceScore(a.x, model) ? b : a)).y).length;
  const before = topRight();
  const model: SentenceModel = { bias: 0, weights: fitListwise(groups, SENTENCE_FEATURES) };
  const out = { fittedOn: `eval tune split: ${groups.length} answerable questions with an answer among ${groups.reduce((n, g) => n + g.candidates.length, 0)} candidate sentences`, ...model };
  writeFileSync(path.join(ROOT, "src/answer/sentence-model.json"), `${JSON.stringify(out, null, 2)}\n`);
  console.log(JSON.stringify(out, null, 2));
  console.log(`top sentence holds an answer: ${topRight(model)} of ${groups.length} questions (${before} with the model before)`);
}

await main();
