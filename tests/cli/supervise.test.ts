/**
 * `npm start`'s supervisor over real child processes (tests/fixtures/processes/stall.ts): a bot
 * the watchdog ended is started again and told to refuse the question that stalled it; a bot that
 * stops (0) or cannot start (1) is not; one that keeps crashing is given up on.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { supervise } from "../../src/cli/supervise.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = pathToFileURL(createRequire(join(ROOT, "package.json")).resolve("tsx")).href;
const STALL = join(ROOT, "tests", "fixtures", "processes", "stall.ts");

let dir: string | undefined;
const saved = { ...process.env };
afterEach(async () => {
  process.env = { ...saved };
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function superviseStall(env: Record<string, string>, maxRestarts = 5): Promise<{ code: number; log: string[]; runs: string[] }> {
  dir = await mkdtemp(join(tmpdir(), "verbatim-supervise-"));
  const runs = join(dir, "runs");
  Object.assign(process.env, { STALL_RUNS: runs, STALL_MS: "400", ...env });
  const log: string[] = [];
  const code = await supervise({ script: STALL, execArgv: ["--import", TSX], log: (line) => log.push(line), delayMs: () => 10, maxRestarts });
  const lines = (await readFile(runs, "utf8").catch(() => "")).split("\n").filter(Boolean);
  return { code, log, runs: lines };
}

describe("supervise", () => {
  it("starts a stalled bot again, telling it to refuse the question that stalled it", async () => {
    const { code, log, runs } = await superviseStall({ STALL_MODE: "loop", STALL_QUESTION: "which races can u pick" });
    expect(code).toBe(0);
    expect(runs).toEqual([JSON.stringify(["which races can u pick"])]);
    expect(log).toEqual([expect.stringMatching(/^the bot died \(SIGKILL\); starting it again in 0 s \(refusing 1 question that stalled it\)$/)]);
  });

  it("passes on a bot's own exit, 0 or 1, without starting it again", async () => {
    for (const exit of [0, 1]) {
      const { code, log, runs } = await superviseStall({ STALL_MODE: `exit:${exit}` });
      expect(code).toBe(exit);
      expect(log).toEqual([]);
      expect(runs).toEqual([]);
      await rm(dir as string, { recursive: true, force: true });
    }
  });

  it("gives up with exit code 1 on a bot that crashes at every start", async () => {
    // (STALL_RUNS unset: every run crashes.)
    dir = await mkdtemp(join(tmpdir(), "verbatim-supervise-"));
    Object.assign(process.env, { STALL_MODE: "exit:3" });
    delete process.env.STALL_RUNS;
    const log: string[] = [];
    const code = await supervise({ script: STALL, execArgv: ["--import", TSX], log: (line) => log.push(line), delayMs: () => 10, maxRestarts: 2 });
    expect(code).toBe(1);
    expect(log).toEqual([
      "the bot died (exit code 3); starting it again in 0 s",
      "the bot died (exit code 3); starting it again in 0 s",
      "the bot died 3 times in a row (last: exit code 3); giving up",
    ]);
  });
});
