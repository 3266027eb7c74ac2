/** Runs the entry points (`npm start`, `npm run deploy-commands`) as child processes, as users do. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = pathToFileURL(createRequire(join(ROOT, "package.json")).resolve("tsx")).href;

export interface Running {
  child: ChildProcess;
  /** Standard output and error so far, interleaved. */
  output(): string;
  /** Resolves when the output matches `pattern`; rejects if the process exits first. */
  waitForOutput(pattern: RegExp): Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * Runs `src/cli/<script>.ts` under tsx with only `env` (plus PATH and HOME), from an empty
 * temporary folder so no developer's `.env` is read.
 */
export async function runScript(script: "start" | "deploy-commands", env: Record<string, string>): Promise<Running> {
  const cwd = await mkdtemp(join(tmpdir(), "verbatim-cwd-"));
  const child = spawn(process.execPath, ["--import", TSX, join(ROOT, "src", "cli", `${script}.ts`)], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? cwd, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code))).then(async (code) => {
    await rm(cwd, { recursive: true, force: true });
    return code;
  });
  return {
    child,
    output: () => output,
    exited,
    waitForOutput: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(output)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
        void exited.then((code) => {
          if (!pattern.test(output)) reject(new Error(`${script} exited (${code}) before printing ${pattern}:\n${output}`));
        });
      }),
  };
}
