/**
 * The stall watchdog, in real processes: a question that loops for good ends the process with a
 * line saying which question it was (on standard error and on the supervisor's report pipe); a
 * process whose answers end runs on and exits by itself, the watchdog holding nothing open.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const TSX = pathToFileURL(createRequire(join(ROOT, "package.json")).resolve("tsx")).href;
const STALL = join(ROOT, "tests", "fixtures", "processes", "stall.ts");

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  report: string;
}

function run(env: Record<string, string>): Promise<Ended> {
  const child = spawn(process.execPath, ["--import", TSX, STALL], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe", "ignore", "pipe"],
  });
  const out = { stdout: "", stderr: "", report: "" };
  child.stdout?.on("data", (d: Buffer) => (out.stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out.stderr += d.toString()));
  (child.stdio[4] as NodeJS.ReadableStream).on("data", (d: Buffer) => (out.report += d.toString()));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, ...out })));
}

describe("startWatchdog", () => {
  it("ends a process stalled in an answer, saying which question stalled it", async () => {
    const ended = await run({ STALL_MODE: "loop", STALL_MS: "500", STALL_REPORT: "1", STALL_QUESTION: 'which races can u pick "for" ur character' });
    expect(ended.signal).toBe("SIGKILL");
    expect(ended.stdout).toBe("");
    expect(ended.stderr).toMatch(/ERROR watchdog: the bot has not run for \d+ s while answering "which races can u pick \\"for\\" ur character"/);
    const report = JSON.parse(ended.report.trim()) as { stalled: string; ms: number };
    expect(report.stalled).toBe('which races can u pick "for" ur character');
    expect(report.ms).toBeGreaterThan(500);
  });

  it("leaves a process whose answers end alone, and does not keep it running", async () => {
    const ended = await run({ STALL_MODE: "answer", STALL_MS: "500", STALL_REPORT: "1" });
    expect(ended).toMatchObject({ code: 0, signal: null, stdout: "answered 1000000\n", report: "" });
    expect(ended.stderr).not.toContain("watchdog");
  });
});
