/**
 * Fits the calibration models (src/answer/calibrate.ts) on the `tune` split of the evaluation
 * suite and writes src/answer/calibration.json:
 *
 *   npx tsx eval/fit-calibration.ts
 *
 * For every tune question, the pipeline's signals (draftAnswer) are labelled twice: whether the
 * documents answer it (not an unanswerable trap) and whether the drafted answer is right (the
 * eval's answer metric). Each model is an L2-regularised logistic regression fitted by gradient
 * descent, deterministic (zero start, fixed steps). The abstention threshold is the probability
 * that gets the most tune questions right (answered rightly, or a trap abstained on).
 * The `test` split is never read here.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { draftAnswer } from "../src/answer/compose.js";
import { SIGNAL_NAMES, predict, type Calibration, type Logistic, type Signals } from "../src/answer/calibrate.js";
import { loadCorpus } from "../src/corpus/load.js";
import { isRight } from "../src/eval/metrics.js";
import { corpusDirOf, loadSuite } from "../src/eval/suite.js";
import { buildIndexAsync } from "../src/engine.js";
import { fitLogistic } from "../src/eval/logistic.js";

const ROOT = path.resolve(import.meta.dirname, "..");
interface Labelled {
  x: Signals;
  answerable: boolean;
  right: boolean;
}

function fit(examples: Labelled[], label: (e: Labelled) => boolean): Logistic {
  return fitLogistic(examples.map((e) => ({ x: e.x, y: label(e) })), SIGNAL_NAMES);
}

async function main(): Promise<void> {
  const suite = (await loadSuite(path.join(ROOT, "eval"))).filter((s) => s.split === "tune");
  const examples: Labelled[] = [];
  for (const corpus of [...new Set(suite.map((s) => s.corpus))]) {
    const { docs } = await loadCorpus(corpusDirOf(path.join(ROOT, "eval"), corpus));
    const index = await buildIndexAsync(docs);
    for (const item of suite.filter((s) => s.corpus === corpus)) {
      const draft = draftAnswer(index, item.question);
      if (!("signals" in draft)) continue;
      const reply = { answer: draft.answer || null, excerpts: [] };
      examples.push({ x: draft.signals, answerable: item.kind !== "unanswerable", right: item.kind !== "unanswerable" && isRight(item, reply) });
    }
  }
  const answerable = fit(examples, (e) => e.answerable);
  const right = fit(examples, (e) => e.right);
  // The threshold that gets the most questions right on tune: answerable ones answered rightly,
  // traps abstained on (ties: the lower, which answers more).
  let threshold = 0.5, best = -1;
  const pos = examples.filter((e) => e.answerable), neg = examples.filter((e) => !e.answerable);
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const rightAnswers = pos.filter((e) => e.right && predict(answerable, e.x) >= t).length;
    const rightAbstentions = neg.filter((e) => predict(answerable, e.x) < t).length;
    const score = (rightAnswers + rightAbstentions) / examples.length;
    if (score > best + 1e-9) [best, threshold] = [score, Math.round(t * 100) / 100];
  }
  const out: Calibration = {
    fittedOn: `eval tune split: ${examples.length} questions (${pos.length} answerable, ${neg.length} traps) over ${new Set(suite.map((s) => s.corpus)).size} corpora`,
    answerable,
    right,
    threshold,
  };
  writeFileSync(path.join(ROOT, "src/answer/calibration.json"), `${JSON.stringify(out, null, 2)}\n`);
  console.log(JSON.stringify(out, null, 2));
  console.log(`questions right on tune at ${threshold}: ${(100 * best).toFixed(1)}%`);
}

await main();
