/**
 * `npm start`'s supervisor: runs the bot in a child process and starts it again when it dies by
 * a signal it was not sent (the stall watchdog's SIGKILL, the kernel's out-of-memory killer) or
 * a crash code (2 and above). A child that exits 0 (stopped) or 1 (a bad setting, a rejected
 * token, a gateway closed for good: starting again cannot help) ends the supervisor with the
 * same code. SIGINT and SIGTERM are passed on to the child, which finishes its replies first.
 *
 * A question the watchdog caught stalling the bot is passed to every later child
 * (`VERBATIM_REFUSED`), which refuses it instead of stalling again on each retry.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { StallReport } from "../watchdog.js";

/** Set in the child's environment: it is supervised, and reports stalls on this file descriptor. */
export const SUPERVISED_ENV = "VERBATIM_SUPERVISED";
/** Set in the child's environment: the questions it must refuse, as a JSON array. */
export const REFUSED_ENV = "VERBATIM_REFUSED";
/** The child's file descriptor for stall reports (0-2 are its standard streams, 3 the IPC channel). */
export const REPORT_FD = 4;

export interface SuperviseOptions {
  /** The script the child runs. */
  script: string;
  /** Node.js options for the child. Default: this process's own (tsx's loader under `npm start`). */
  execArgv?: string[];
  /** One line for the operator, to standard error. */
  log: (line: string) => void;
  /** Waits before the n-th restart in a row (1-based), ms. Default: 1 s doubling to 60 s. */
  delayMs?: (restart: number) => number;
  /** A child that ran this long before dying resets the count of restarts in a row, ms. Default 10 min. */
  healthyMs?: number;
  /** Restarts in a row after which the supervisor gives up and exits 1. Default 5. */
  maxRestarts?: number;
}

/**
 * Why these: a bot that dies at once again and again (a stall on every start, a broken build)
 * should stop and say so within a few minutes rather than retry forever, and one that ran for ten
 * minutes had a good start, so its next death is counted afresh. Judgements, not fitted on data.
 */
const DEFAULT_HEALTHY_MS = 10 * 60_000;
const DEFAULT_MAX_RESTARTS = 5;
const defaultDelay = (restart: number): number => Math.min(60_000, 1000 * 2 ** (restart - 1));

/** Runs the child until it stops for good; resolves with the exit code the supervisor should end with. */
export async function supervise({ script, execArgv = process.execArgv, log, delayMs = defaultDelay, healthyMs = DEFAULT_HEALTHY_MS, maxRestarts = DEFAULT_MAX_RESTARTS }: SuperviseOptions): Promise<number> {
  const refused: string[] = [];
  let child: ChildProcess | undefined;
  let stopping: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    stopping = signal;
    if (child?.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    for (let restarts = 0; ; ) {
      const started = Date.now();
      const running = spawn(process.execPath, [...execArgv, script], {
        env: { ...process.env, [SUPERVISED_ENV]: "1", [REFUSED_ENV]: JSON.stringify(refused) },
        stdio: ["inherit", "inherit", "inherit", "ipc", "pipe"],
      });
      child = running;
      const reports = running.stdio[REPORT_FD];
      if (reports && "on" in reports) {
        createInterface({ input: reports as NodeJS.ReadableStream }).on("line", (line) => {
          const report = parseReport(line);
          if (report?.stalled && !refused.includes(report.stalled)) refused.push(report.stalled);
        });
      }
      // ("close", not "exit": by then the reports sent just before a SIGKILL have been read.)
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => running.once("close", (c, s) => resolve([c, s])));
      if (stopping) return code ?? 1;
      if (code === 0 || code === 1) return code;
      restarts = Date.now() - started >= healthyMs ? 1 : restarts + 1;
      if (restarts > maxRestarts) {
        log(`the bot died ${maxRestarts + 1} times in a row (last: ${signal ?? `exit code ${code}`}); giving up`);
        return 1;
      }
      const wait = delayMs(restarts);
      log(`the bot died (${signal ?? `exit code ${code}`}); starting it again in ${Math.round(wait / 1000)} s${refused.length ? ` (refusing ${refused.length} question${refused.length === 1 ? "" : "s"} that stalled it)` : ""}`);
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (stopping) return 0;
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** A report line, or undefined when it is not one. */
function parseReport(line: string): StallReport | undefined {
  try {
    const value = JSON.parse(line) as Partial<StallReport>;
    return typeof value === "object" && value !== null && (typeof value.stalled === "string" || value.stalled === null) ? (value as StallReport) : undefined;
  } catch {
    return undefined;
  }
}
