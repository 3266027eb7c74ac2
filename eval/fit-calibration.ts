/**
 * Fits the calibration models (src/answer/calibrate.ts) on the `tune` split of the evaluation
 * suite and writes src/answer/calibration.json:
 *
 *   npx tsx eval/fit-calibration.ts
 *
 * For every tune question, the pipeline's signals (draftAnswer) are labelled twice: whether the
 * documents answer it (not an unanswerable trap) and whether the drafted answer is right (the
 * eval's answer metric). Each model is an L2-regularised logistic regression fitted by gradient
 * descent, deterministic (zero start, fixed steps). The abstention threshold is the highest
 * probability that refuses at most MAX_FALSE_ABSTAIN of the answerable tune questions.
 * The `test` split is never read here.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { SIGNAL_NAMES, predict, type Calibration, type Logistic, type Signals } from "../src/answer/calibrate.js";
import { isRight } from "../src/eval/metrics.js";
import { tuneDrafts } from "../src/eval/tune.js";
import { fitLogistic } from "../src/eval/logistic.js";

const ROOT = path.resolve(import.meta.dirname, "..");
/** The share of answerable tune questions the threshold may refuse (the false-abstain bar). */
const MAX_FALSE_ABSTAIN = 0.1;
interface Labelled {
  x: Signals;
  answerable: boolean;
  right: boolean;
}

function fit(examples: Labelled[], label: (e: Labelled) => boolean): Logistic {
  return fitLogistic(examples.map((e) => ({ x: e.x, y: label(e) })), SIGNAL_NAMES);
}

async function main(): Promise<void> {
  const examples: Labelled[] = [];
  const corpora = new Set<string>();
  for await (const { item, draft } of tuneDrafts(path.join(ROOT, "eval"))) {
    corpora.add(item.corpus);
    const reply = { answer: draft.answer || null, excerpts: [] };
    examples.push({ x: draft.signals, answerable: item.kind !== "unanswerable", right: item.kind !== "unanswerable" && isRight(item, reply) });
  }
  const answerable = fit(examples, (e) => e.answerable);
  const right = fit(examples, (e) => e.right);
  // The threshold that abstains on the most traps while answerable questions are refused no more
  // than MAX_FALSE_ABSTAIN of the time (the bar); the rate of right answers breaks ties.
  const pos = examples.filter((e) => e.answerable), neg = examples.filter((e) => !e.answerable);
  let threshold = 0.05, best = -1;
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const refused = pos.filter((e) => predict(answerable, e.x) < t).length / pos.length;
    if (refused > MAX_FALSE_ABSTAIN) break;
    const rightAnswers = pos.filter((e) => e.right && predict(answerable, e.x) >= t).length / pos.length;
    const abstained = neg.filter((e) => predict(answerable, e.x) < t).length / neg.length;
    const score = abstained + rightAnswers / 100;
    if (score > best + 1e-9) [best, threshold] = [score, Math.round(t * 100) / 100];
  }
  const out: Calibration = {
    fittedOn: `eval tune split: ${examples.length} questions (${pos.length} answerable, ${neg.length} traps) over ${corpora.size} corpora`,
    answerable,
    right,
    threshold,
  };
  writeFileSync(path.join(ROOT, "src/answer/calibration.json"), `${JSON.stringify(out, null, 2)}\n`);
  console.log(JSON.stringify(out, null, 2));
  console.log(`threshold ${threshold} (score: trap abstain rate + right answer rate / 100 = ${best.toFixed(3)})`);
}

await main();
