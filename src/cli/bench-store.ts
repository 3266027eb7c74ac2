/**
 * `npm run bench:store`: what recording an answer adds to answering it, in ms. Answers questions
 * over the default corpus with a store on a real SQLite file (a temporary DATA_DIR), and times
 * the two steps the Discord edge adds per answer: storing the question (`recordAnswer`) and
 * deciding the buttons (`withButtons`, one extra search), next to `answer()` itself; then a vote,
 * and one `/ask` autocomplete answer (popular questions from the store, topics from the index).
 *
 *   npm run bench:store -- [--answers N] [--corpus DIR]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { summarizeLatencies } from "../bench/stats.js";
import { completeQuestion, popularQuestions } from "../discord/autocomplete.js";
import { recordAnswer, withButtons } from "../discord/feedback.js";
import { createLogger } from "../discord/logger.js";
import { renderAnswer } from "../discord/render-answer.js";
import { createEngine } from "../engine.js";
import { openStore } from "../store/store.js";

const QUESTIONS = [
  "Who is standing for deputy leader?",
  "Why did Ivan Lewis quit the Labour Party?",
  "Who is Rosena Allin-Khan?",
  "What did Rosena Allin-Khan vow?",
  "When was Rosena Allin-Khan elected to parliament?",
  "Who won the deputy leadership election?",
  "What is the capital of Mongolia?",
  "Who is Ian Murray?",
];

const { values } = parseArgs({ options: { answers: { type: "string", default: "2000" }, corpus: { type: "string", default: "corpus" } } });
const n = Number(values.answers);
const engine = await createEngine({ corpusDir: values.corpus, cacheDir: null });
const dir = mkdtempSync(join(tmpdir(), "verbatim-bench-store-"));
const store = openStore({ dir });
const logger = createLogger({ level: "warn" });
const times = { answer: [] as number[], record: [] as number[], buttons: [] as number[], vote: [] as number[], suggest: [] as number[] };
try {
  for (let i = 0; i < n; i++) {
    const question = QUESTIONS[i % QUESTIONS.length] ?? "";
    let t = performance.now();
    const answer = engine.answer(question);
    times.answer.push(performance.now() - t);
    t = performance.now();
    const id = recordAnswer(store, logger, answer, { userId: String(100_000_000_000_000_000n + BigInt(i % 50)), via: "slash", guildId: "1", channelId: "2" });
    times.record.push(performance.now() - t);
    t = performance.now();
    withButtons(renderAnswer(answer), answer, id, engine);
    times.buttons.push(performance.now() - t);
    t = performance.now();
    if (id !== undefined) store.vote(id, String(i % 50), i % 3 === 0 ? -1 : 1);
    times.vote.push(performance.now() - t);
    t = performance.now();
    completeQuestion(question.slice(0, 1 + (i % 12)), popularQuestions(store), engine.topics());
    times.suggest.push(performance.now() - t);
  }
  const line = (name: string, ms: number[]): string => {
    const s = summarizeLatencies(ms.slice(Math.min(100, ms.length / 10))); // the first ones warm the JIT and SQLite's cache
    return `${name.padEnd(28)} mean ${s.mean.toFixed(3)}  p50 ${s.p50.toFixed(3)}  p95 ${s.p95.toFixed(3)}  p99 ${s.p99.toFixed(3)}  max ${s.max.toFixed(3)}`;
  };
  process.stdout.write(
    [
      `${n} answers over ${values.corpus} (${engine.stats().passages} passages), store ${store.file} (WAL), ms:`,
      line("answer() itself", times.answer),
      line("recordAnswer (1 INSERT)", times.record),
      line("withButtons (1 search)", times.buttons),
      line("vote (upsert + count)", times.vote),
      line("autocomplete (cached popular)", times.suggest),
      line(`popular questions, uncached (${n} rows)`, Array.from({ length: 200 }, () => {
        const t = performance.now();
        store.helpfulQuestions(25);
        return performance.now() - t;
      })),
      `one recorded answer costs recordAnswer + withButtons ≈ ${(mean(times.record) + mean(times.buttons)).toFixed(3)} ms on top of answer()`,
    ].join("\n") + "\n",
  );
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

function mean(ms: number[]): number {
  return ms.reduce((a, b) => a + b, 0) / ms.length;
}
