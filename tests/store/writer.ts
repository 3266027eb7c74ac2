/**
 * A separate process that writes to a store while others do: `node --import tsx writer.ts DIR NAME COUNT`.
 * Each write is a question and a vote on it, as one answered interaction makes.
 */
import { openStore } from "../../src/store/store.js";

const [dir, name, count] = process.argv.slice(2);
const store = openStore({ dir: dir ?? "" });
for (let i = 0; i < Number(count); i++) {
  const id = store.recordQuestion({ text: `${name} question ${i}`, via: "slash", userId: `${name}`, answered: true, confidence: 0.9, docs: ["a.md"] });
  store.vote(id, `${name}-voter`, 1);
  // Hand the lock to the other writers now and then, as interactions arriving over time would.
  if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
}
store.close();
