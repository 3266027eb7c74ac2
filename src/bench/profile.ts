/**
 * Where does `answer()` spend its time? Profiles only the question loop (not the build) with the
 * V8 CPU profiler, on a size the benchmark has already prepared:
 *
 *   npm run bench:profile -- 100k [answer|search|build]
 *
 * Writes `.cache/bench-run/<size>/<what>.cpuprofile` (open it in Chrome DevTools or VS Code) and
 * prints the functions with the most self time and the most total time.
 */
import { promises as fs } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Question } from "./questions.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

/** Self and total time per function (by name + file + line), ms, from a V8 CPU profile. */
export function summarizeProfile(profile: CpuProfile, root: string): { name: string; selfMs: number; totalMs: number }[] {
  const totalHits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0) || 1;
  const msPerHit = (profile.endTime - profile.startTime) / 1000 / totalHits;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const keyOf = (n: ProfileNode): string => {
    const file = n.callFrame.url.replace(/^file:\/\//, "").replace(`${root}/`, "");
    return `${n.callFrame.functionName || "(anonymous)"} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  // total time counts a function once per stack, even when it recurses
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    const key = keyOf(node);
    let hits = node.hitCount ?? 0;
    self.set(key, (self.get(key) ?? 0) + hits);
    const seen = onStack.has(key);
    if (!seen) onStack.add(key);
    for (const child of node.children ?? []) hits += walk(child, onStack);
    if (!seen) {
      onStack.delete(key);
      total.set(key, (total.get(key) ?? 0) + hits);
    }
    return hits;
  };
  const first = profile.nodes[0];
  if (first) walk(first.id, new Set());
  return [...total.keys()].map((name) => ({
    name,
    selfMs: (self.get(name) ?? 0) * msPerHit,
    totalMs: (total.get(name) ?? 0) * msPerHit,
  }));
}

async function main(): Promise<void> {
  const label = process.argv[2] ?? "100k";
  const what = process.argv[3] === "search" || process.argv[3] === "build" ? process.argv[3] : "answer";
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const corpusDir = path.join(root, ".cache", "bench-corpus", label);
  const runDir = path.join(root, ".cache", "bench-run", label);
  let questions: Question[];
  try {
    questions = JSON.parse(await fs.readFile(path.join(runDir, "data", "questions.json"), "utf8")) as Question[];
  } catch {
    throw new Error(`bench:profile: no questions for ${label}; run \`npm run bench -- --sizes ${label}\` first`);
  }
  let run: () => void;
  let count: number;
  if (what === "build") {
    const { loadCorpus } = await import("../corpus/load.js");
    const { buildIndex } = await import("../search/build.js");
    const { docs } = await loadCorpus(corpusDir);
    run = () => void buildIndex(docs);
    count = docs.length;
  } else {
    const { createEngine } = await import("../engine.js");
    const engine = await createEngine({ corpusDir });
    const ask = what === "search" ? (q: string) => void engine.search(q, 10) : (q: string) => void engine.answer(q);
    for (const q of questions.slice(0, 20)) ask(q.text);
    run = () => {
      for (const q of questions) ask(q.text);
    };
    count = questions.length;
  }

  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  const started = performance.now();
  run();
  const elapsed = performance.now() - started;
  const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
  session.disconnect();

  const out = path.join(runDir, `${what}.cpuprofile`);
  await fs.writeFile(out, JSON.stringify(profile));
  const rows = summarizeProfile(profile, root);
  const show = (title: string, key: "selfMs" | "totalMs", n: number, only?: RegExp): void => {
    console.log(`\n${title}`);
    const picked = rows.filter((r) => !only || only.test(r.name));
    for (const r of picked.sort((a, b) => b[key] - a[key]).slice(0, n)) {
      console.log(`${r[key].toFixed(0).padStart(7)} ms  ${((r[key] / elapsed) * 100).toFixed(1).padStart(5)} %  ${r.name}`);
    }
  };
  const unit = what === "build" ? "documents" : "questions";
  console.log(
    `${what}() over ${count} ${unit}: ${elapsed.toFixed(0)} ms (${(elapsed / count).toFixed(2)} ms mean); profile: ${path.relative(root, out)}`,
  );
  show("Self time (top 25)", "selfMs", 25);
  show("Total time, Verbatim's own functions (top 30)", "totalMs", 30, / src\//);
  show("Total time, libraries (top 15)", "totalMs", 15, /node_modules/);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
