/**
 * `npm run ask -- "question"`: answers in a terminal.
 * `--json`: one JSON line per answer; with no question argument, one question per stdin line
 * (the contract of ../shared/eval/README.md). `--corpus DIR`: another folder.
 */
import { createEngine, type Engine } from "../engine.js";
import type { Answer } from "../types.js";
import { parseCliArgs } from "./args.js";
import { formatAnswer, formatProgress } from "./format.js";
import { escapeJsonControls, readLines, stripControls } from "./terminal.js";

const USAGE = `usage: npm run ask -- [--json] [--corpus DIR] "question"
       npm run ask -- --json [--corpus DIR] < questions.txt   (one question a line)`;

/** The JSON line of an answer: the eval contract plus the extra fields Verbatim knows. */
export function toJsonLine(reply: Answer): string {
  return escapeJsonControls(JSON.stringify({
    question: reply.question,
    answer: reply.answer,
    confidence: reply.confidence,
    kind: reply.kind,
    ...(reply.message ? { message: reply.message } : {}),
    excerpts: reply.excerpts,
    ...(reply.timing ? { timing: reply.timing } : {}),
  }));
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let engine: Engine;
  try {
    engine = await createEngine({
      corpusDir: args.corpusDir,
      cacheDir: args.cacheDir,
      ...(args.indexThreads !== undefined && { indexThreads: args.indexThreads }),
      onWarning: (m) => process.stderr.write(`warning: ${stripControls(m)}\n`),
      onProgress: (p) => process.stderr.write(`${formatProgress(p)}\n`),
    });
  } catch (err) {
    process.stderr.write(`${stripControls((err as Error).message)}\n`);
    return 1;
  }
  const print = (reply: Answer): void => {
    process.stdout.write(args.json ? `${toJsonLine(reply)}\n` : `${stripControls(formatAnswer(reply))}\n`);
  };
  if (args.positionals.length > 0) {
    print(engine.answer(args.positionals.join(" ")));
    return 0;
  }
  if (process.stdin.isTTY && !args.json) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  for await (const line of readLines(process.stdin)) {
    if (!args.json && !line.trim()) continue;
    print(engine.answer(line));
    if (!args.json) process.stdout.write("\n");
  }
  return 0;
}

process.exitCode = await main();
