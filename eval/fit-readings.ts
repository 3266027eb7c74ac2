/**
 * Fits the correction of the passages' hand-made rank (src/answer/rerank.ts) on the `tune` split
 * of the evaluation suite and writes src/answer/reading-model.json:
 *
 *   npx tsx eval/fit-readings.ts [--dry]
 *
 * For every answerable tune question, each passage read closely is labelled by whether its
 * excerpt holds one of the question's evidence strings (the eval's hit@3 test, normalisation
 * applied to both). Questions none (or all) of whose passages hold one teach nothing about
 * ranking and are left out. The ranker is fitted listwise (src/eval/listwise.ts) on the reading
 * features, the log of the hand-made rank among them; its weights over that one's are the
 * correction (rank = hand-made rank × exp(Σ w·x): the same order as the fitted scores).
 *
 * Before writing, it reports hit@3 of the whole pipeline per corpus three ways: with the
 * hand-made rank, with the model fitted on all tune corpora, and leave-one-corpus-out (the
 * model fitted on the other five corpora's tune questions, scored on the held-out one's): the
 * model is kept only if it does better out of corpus too. `--dry` reports without writing.
 * The `test` split is never read here.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { composeAnswer, draftAnswer } from "../src/answer/compose.js";
import { makeExcerpt } from "../src/answer/excerpt.js";
import { READING_FEATURES, type ReadingFeature, type ReadingModel } from "../src/answer/rerank.js";
import { loadCorpus } from "../src/corpus/load.js";
import { buildIndexAsync } from "../src/engine.js";
import { fitListwise, type Group } from "../src/eval/listwise.js";
import { normalise } from "../src/eval/metrics.js";
import { corpusDirOf, loadSuite, type SuiteItem } from "../src/eval/suite.js";
import type { SearchIndex } from "../src/search/build.js";

const ROOT = path.resolve(import.meta.dirname, "..");

type Answerable = Exclude<SuiteItem, { kind: "unanswerable" }>;
interface Corpus {
  name: string;
  index: SearchIndex;
  items: Answerable[];
}

/** The question's evidence strings, normalised. */
const evidenceOf = (item: Answerable): string[] => item.evidence.map(normalise).filter(Boolean);

/** One group per question whose passages tell right from wrong: each passage's features and label. */
function groupsOf(corpora: Corpus[]): Array<Group<ReadingFeature>> {
  const groups: Array<Group<ReadingFeature>> = [];
  for (const { index, items } of corpora) {
    for (const item of items) {
      const draft = draftAnswer(index, item.question);
      if (!("signals" in draft)) continue;
      const evidence = evidenceOf(item);
      const candidates = draft.readings.map((r) => {
        const text = normalise(makeExcerpt(r.doc, r.hit.passage, r.hit.score, r.body, draft.q.lemmas).text);
        return { x: r.features, y: evidence.some((e) => text.includes(e)) };
      });
      const positives = candidates.filter((c) => c.y).length;
      if (positives > 0 && positives < candidates.length) groups.push({ candidates });
    }
  }
  return groups;
}

/** The correction fitted on `groups`: the listwise weights over the hand-made rank's. */
function fit(groups: Array<Group<ReadingFeature>>): ReadingModel {
  // fitListwise's defaults (L2 0.001, 3000 steps), as for the sentence ranker: not tuned here.
  const w = fitListwise(groups, READING_FEATURES);
  if (w.hand <= 0) throw new Error(`the fit gives the hand-made rank no weight (${w.hand})`);
  return { weights: Object.fromEntries(READING_FEATURES.filter((f) => f !== "hand").map((f) => [f, Math.round((w[f] / w.hand) * 1000) / 1000])) };
}

/** Questions of `corpus` with an evidence string in one of the first three excerpts. */
function hits(corpus: Corpus, model: ReadingModel): number {
  return corpus.items.filter((item) => {
    const evidence = evidenceOf(item);
    return composeAnswer(corpus.index, item.question, { readingModel: model }).excerpts.slice(0, 3).some((e) => evidence.some((ev) => normalise(e.text).includes(ev)));
  }).length;
}

async function main(): Promise<void> {
  const suiteDir = path.join(ROOT, "eval");
  const suite = (await loadSuite(suiteDir)).filter((s): s is SuiteItem & Answerable => s.split === "tune" && s.kind !== "unanswerable");
  const corpora: Corpus[] = [];
  for (const name of [...new Set(suite.map((s) => s.corpus))]) {
    const { docs } = await loadCorpus(corpusDirOf(suiteDir, name));
    corpora.push({ name, index: await buildIndexAsync(docs), items: suite.filter((s) => s.corpus === name) });
  }
  const groups = groupsOf(corpora);
  const model = fit(groups);
  const rows = corpora.map((c) => {
    const held = fit(groupsOf(corpora.filter((o) => o !== c)));
    return { corpus: c.name, n: c.items.length, hand: hits(c, { weights: {} }), fitted: hits(c, model), heldOut: hits(c, held), held };
  });
  console.log("| corpus | answerable | hand-made | fitted on all | fitted on the other five |\n|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.corpus} | ${r.n} | ${r.hand} | ${r.fitted} | ${r.heldOut} |`);
  const sum = (k: "n" | "hand" | "fitted" | "heldOut"): number => rows.reduce((s, r) => s + r[k], 0);
  console.log(`| **all** | ${sum("n")} | ${sum("hand")} | ${sum("fitted")} | ${sum("heldOut")} |`);
  for (const r of rows) console.log(`held out ${r.corpus}: ${JSON.stringify(r.held.weights)}`);
  const out = { fittedOn: `eval tune split: ${groups.length} answerable questions with evidence among ${groups.reduce((n, g) => n + g.candidates.length, 0)} passages read`, ...model };
  console.log(JSON.stringify(out, null, 2));
  if (!process.argv.includes("--dry")) writeFileSync(path.join(ROOT, "src/answer/reading-model.json"), `${JSON.stringify(out, null, 2)}\n`);
}

await main();
