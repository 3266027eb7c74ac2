/**
 * `npx tsx src/bench/gaps-demo.ts`: 50 questions from 12 members over the default corpus (a
 * temporary store), some voted on, then `/gaps` and `/stats` as a moderator sees them and the
 * `npm run gaps` text. The closing note of issue 11 pastes its output.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEngine } from "../engine.js";
import { openStore } from "../store/store.js";
import { recordAnswer } from "../discord/feedback.js";
import { createLogger } from "../discord/logger.js";
import { renderGaps, renderStats } from "../discord/render-feedback.js";
import { findGaps, formatGaps } from "../report/gaps.js";
import { summarise } from "../report/stats.js";
import { titlesOf } from "../report/period.js";

// [question, vote: 1 helpful, -1 not helpful, 0 none]
const QUESTIONS: Array<[string, number]> = [
  ["Who is standing for deputy leader?", 1], ["Who is standing for deputy leader?", 1], ["who is running for deputy leader", 0],
  ["Why did Ivan Lewis quit Labour?", 1], ["Why did Ivan Lewis resign from the Labour Party?", 1], ["When was Ivan Lewis suspended?", 0],
  ["Who is Rosena Allin-Khan?", 1], ["What did Rosena Allin-Khan vow?", 1], ["Where does Rosena Allin-Khan work as a doctor?", 0],
  ["When was Rosena Allin-Khan elected to parliament?", 1], ["Who is Ian Murray?", 0], ["Who is the frontrunner for deputy leader?", -1],
  ["Who won the deputy leadership election?", 0], ["who won the deputy leadership election", 0], ["Who won the deputy leadership contest?", 0],
  ["When is the deputy leadership result announced?", 0], ["When will the deputy leader result be announced?", 0],
  ["How do I vote in the deputy leadership election?", 0], ["How can members vote for deputy leader?", 0], ["how do i vote for the deputy leader", 0],
  ["Who is the Labour leader?", -1], ["Who is the leader of the Labour Party?", -1], ["who leads labour", 0],
  ["What is Labour's policy on sexual harassment complaints?", 0], ["How does Labour handle sexual harassment complaints?", -1],
  ["How do I report sexual harassment in the party?", 0], ["how to report harassment in labour", 0],
  ["What did Jeremy Corbyn say about Ivan Lewis?", 0], ["What did Corbyn say about Ivan Lewis resigning?", 0],
  ["What is the anti-Semitism row?", -1], ["What is the antisemitism row about?", 0],
  ["Who is Keir Starmer?", -1], ["Is Keir Starmer standing for leader?", 0],
  ["What is Angela Rayner's background?", 0], ["Who is Angela Rayner?", -1],
  ["When are the hustings?", 0], ["Where are the deputy leadership hustings?", 0],
  ["Which constituency does Ivan Lewis represent?", 0], ["What seat is Ivan Lewis MP for?", 0],
  ["What is the capital of Mongolia?", 0], ["what's the capital of mongolia", 0],
  ["How many nominations does a deputy leadership candidate need?", 0], ["How many MP nominations do deputy leader candidates need?", 0],
  ["When did Dawn Butler enter the race?", 0], ["Who is Richard Burgon?", 1], ["Who is Khalid Mahmood?", 1],
  ["What is the Labour Party?", 0], ["Can you help me?", 0], ["hello", 0], ["Who is Emily Thornberry?", 0],
];
if (QUESTIONS.length !== 50) throw new Error(`${QUESTIONS.length} questions`);

const engine = await createEngine({ corpusDir: "corpus", cacheDir: null });
const dir = mkdtempSync(join(tmpdir(), "verbatim-demo-"));
const store = openStore({ dir });
const logger = createLogger({ level: "warn" });
let answered = 0;
QUESTIONS.forEach(([q, vote], i) => {
  const answer = engine.answer(q);
  if (answer.answer !== null) answered++;
  const id = recordAnswer(store, logger, answer, { userId: String(300_000_000_000_000_000n + BigInt(i % 12)), via: i % 5 === 0 ? "dm" : "slash", guildId: "1", channelId: "2" });
  if (id !== undefined && vote !== 0) store.vote(id, String(i % 7), vote as 1 | -1);
});
process.stderr.write(`${answered}/50 answered\n`);
const asked = store.questionsSince(new Date(0));
const titles = titlesOf(engine.stats());
const show = (reply: ReturnType<typeof renderGaps>): string => {
  const [e] = reply.embeds ?? [];
  if (!e) return reply.content ?? "";
  return [`## ${e.title}`, e.description ?? "", ...(e.fields ?? []).flatMap((f) => [`**${f.name}**`, f.value])].join("\n");
};
console.log("===== /gaps (Discord embed, ephemeral) =====");
console.log(show(renderGaps(findGaps(asked), 30, titles)));
console.log("\n===== /stats =====");
console.log(show(renderStats(summarise(asked), 30, titles)));
console.log("\n===== npm run gaps =====");
console.log(formatGaps(findGaps(asked), { days: 30, titles }));
store.close();
rmSync(dir, { recursive: true, force: true });
