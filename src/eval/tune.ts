/**
 * The `tune` split's questions with the pipeline's draft for each (every stage but the decision
 * to answer), corpus by corpus: what the scripts that fit models on tune read
 * (eval/fit-sentences.ts, eval/fit-calibration.ts). The `test` split is never read here.
 */
import { draftAnswer, type Draft } from "../answer/compose.js";
import { loadCorpus } from "../corpus/load.js";
import { buildIndexAsync } from "../engine.js";
import { corpusDirOf, loadSuite, type SuiteItem } from "./suite.js";

/** Each tune question `keep` lets in that gets a draft, with its draft, in suite order per corpus. */
export async function* tuneDrafts(suiteDir: string, keep: (item: SuiteItem) => boolean = () => true): AsyncGenerator<{ item: SuiteItem; draft: Draft }> {
  const suite = (await loadSuite(suiteDir)).filter((s) => s.split === "tune" && keep(s));
  for (const corpus of [...new Set(suite.map((s) => s.corpus))]) {
    const { docs } = await loadCorpus(corpusDirOf(suiteDir, corpus));
    const index = await buildIndexAsync(docs);
    for (const item of suite.filter((s) => s.corpus === corpus)) {
      const draft = draftAnswer(index, item.question);
      if ("signals" in draft) yield { item, draft };
    }
  }
}

