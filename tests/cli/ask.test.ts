import { spawn } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDirs, writeFiles } from "../support/corpus.js";

const newDir = tempDirs();
/** Saved indexes go to a temporary folder, not the repository's `.cache/index`. */
const cacheDir = await newDir();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx src/cli/ask.ts …args` from the repository root, feeding `stdin`. */
function ask(args: string[], stdin = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    // The default corpus is `corpus/` unless CORPUS_DIR says otherwise: make sure it does not.
    const env: NodeJS.ProcessEnv = { ...process.env, INDEX_CACHE_DIR: cacheDir };
    delete env.CORPUS_DIR;
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/ask.ts", ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** The lines a command printed, without the final newline. */
const linesOf = (out: string): string[] => out.replace(/\n$/, "").split("\n");

/** Checks one JSON line against the eval contract and returns it. */
function expectContract(line: string): { question: string; answer: string | null; confidence: number; excerpts: Array<Record<string, unknown>> } {
  const reply = JSON.parse(line) as Record<string, unknown>;
  expect(typeof reply.question).toBe("string");
  expect(reply.answer === null || typeof reply.answer === "string").toBe(true);
  expect(typeof reply.confidence).toBe("number");
  expect(reply.confidence).toBeGreaterThanOrEqual(0);
  expect(reply.confidence).toBeLessThanOrEqual(1);
  expect(Array.isArray(reply.excerpts)).toBe(true);
  for (const e of reply.excerpts as Array<Record<string, unknown>>) {
    expect(typeof e.doc).toBe("string");
    expect(typeof e.title).toBe("string");
    expect(typeof e.text).toBe("string");
    expect(typeof e.score).toBe("number");
  }
  return reply as ReturnType<typeof expectContract>;
}

/** A Node stack frame or an error class name: what a user must never see. */
const STACK = /^\s+at |\b(TypeError|ReferenceError|RangeError)\b|node:internal/m;

const RESIGNED = "Which MP resigned his Labour Party membership?";
const STDIN_QUESTIONS = ["When was Ivan Lewis suspended from the party?", "", "What is the capital of France?"];
const BAD_QUESTIONS = ["?!?!", "@everyone", "why ".repeat(2499) + "why?", "😀🎉"];
/** A document whose text drives a terminal: an OSC 8 link, a title change, clear-screen, a C1 CSI, a bell, a lone CR. */
const HOSTILE =
  "# Terminal tricks\n\nThe caretaker \u001b]8;;https://evil.example/\u0007unlocks\u001b]8;;\u0007 the hall at seven\u001b]0;pwned\u0007 " +
  "every \u001b[2J\u001b[Hmorning\u009b31m and rings\u0007 the bell;\rOVERWRITTEN\tthen leaves.\n";
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const GARDEN = "---\ntitle: Allotment news\n---\nOur allotment society elected Margaret Thornbury as head gardener in March 2021.\n";

/**
 * Every run the tests read, started together: each one is a Node process that loads the corpus,
 * so running them side by side keeps this file fast.
 */
let runs: Record<
  "stdin" | "crlf" | "otherCorpus" | "text" | "abstain" | "empty" | "badStdin" | "missing" | "badFlag" | "loneCr" | "hostileText" | "hostileJson",
  Run
>;
let missingDir: string;

beforeAll(async () => {
  const corpus = await newDir();
  await writeFiles(corpus, { "notes/allotment.md": GARDEN });
  const hostile = await newDir();
  await writeFiles(hostile, { "tricks.md": HOSTILE, "esc\u001b[2Jname.md": "" });
  const caretaker = "When does the caretaker unlock the hall?";
  missingDir = join(await newDir(), "no-such-corpus");
  const [stdin, crlf, otherCorpus, text, abstain, empty, badStdin, missing, badFlag, loneCr, hostileText, hostileJson] = await Promise.all([
    ask(["--json"], STDIN_QUESTIONS.join("\n") + "\n"),
    ask(["--json"], `${RESIGNED}\r\nWhat is the capital of France?`),
    ask(["--json", "--corpus", corpus, "Who was elected head gardener of the allotment society?"]),
    ask([RESIGNED]),
    ask(["What is the capital of France?"]),
    ask([""]),
    ask([], BAD_QUESTIONS.join("\n") + "\n"),
    ask(["--corpus", missingDir, "Who is standing?"]),
    ask(["--no-such-flag", "Who is standing?"]),
    ask(["--json"], `Which MP resigned\rhis Labour Party membership?\n${RESIGNED}\n`),
    ask(["--corpus", hostile, caretaker]),
    ask(["--json", "--corpus", hostile, caretaker]),
  ]);
  runs = { stdin, crlf, otherCorpus, text, abstain, empty, badStdin, missing, badFlag, loneCr, hostileText, hostileJson };
}, 60_000);

describe("ask --json", () => {
  it("answers one question a stdin line with exactly one JSON line each, empty lines included", () => {
    const run = runs.stdin;
    expect(run.code).toBe(0);
    const lines = linesOf(run.stdout);
    expect(lines).toHaveLength(3);
    const replies = lines.map(expectContract);
    expect(replies.map((r) => r.question)).toEqual(STDIN_QUESTIONS);

    expect(replies[0]?.answer).toContain("November 2017");
    expect(replies[0]?.confidence).toBeGreaterThan(0);
    expect(replies[0]?.excerpts.length).toBeGreaterThan(0);

    expect(replies[1]).toMatchObject({ answer: null, confidence: 0, excerpts: [] });
    expect(replies[2]).toMatchObject({ answer: null, confidence: 0 });
    expect(run.stderr).not.toMatch(STACK);
  });

  it("reads Windows line endings and a last line without a newline", () => {
    const replies = linesOf(runs.crlf.stdout).map(expectContract);
    expect(replies.map((r) => r.question)).toEqual([RESIGNED, "What is the capital of France?"]);
    expect(replies[0]?.answer).toBe("Ivan Lewis");
  });

  it("does not split a question at a lone CR: only LF (or CRLF) ends a line", () => {
    const replies = linesOf(runs.loneCr.stdout).map(expectContract);
    expect(replies.map((r) => r.question)).toEqual(["Which MP resigned\rhis Labour Party membership?", RESIGNED]);
  });

  it("keeps the corpus's control characters, escaped by JSON", () => {
    const run = runs.hostileJson;
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(CONTROLS);
    const [reply] = linesOf(run.stdout).map(expectContract);
    expect(reply!.excerpts[0]?.text).toContain("\u001b]8;;https://evil.example/\u0007unlocks");
  });

  it("answers over another folder with --corpus", () => {
    expect(runs.otherCorpus.code).toBe(0);
    // A question given as an argument gets exactly one JSON line.
    const lines = linesOf(runs.otherCorpus.stdout);
    expect(lines).toHaveLength(1);
    const reply = expectContract(lines[0] ?? "");
    expect(reply.answer).toContain("Margaret Thornbury");
    expect(reply.excerpts[0]).toMatchObject({ doc: "notes/allotment.md", title: "Allotment news" });
  });
});

describe("ask (text)", () => {
  it("strips control characters and escape sequences from what it prints, keeping the words, newlines and tabs", () => {
    const run = runs.hostileText;
    expect(run.code).toBe(0);
    for (const out of [run.stdout, run.stderr]) expect(out).not.toMatch(CONTROLS);
    expect(run.stdout).not.toContain("pwned");
    expect(run.stdout).not.toContain("evil.example");
    expect(run.stdout).toMatch(/unlocks the hall at seven every morning and rings the bell;OVERWRITTEN\tthen leaves/);
    expect(run.stderr).toContain("skipped escname.md");
  });

  it("prints a readable answer with its quotes and sources", () => {
    const run = runs.text;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Answer: Ivan Lewis$/m);
    expect(run.stdout).toMatch(/^Confidence: \d+%$/m);
    expect(run.stdout).toContain("> MP Ivan Lewis has resigned his Labour Party membership");
    expect(run.stdout).toContain("ivan-lewis-quits-labour.txt");
  });

  it("says plainly when the documents do not answer", () => {
    expect(runs.abstain.code).toBe(0);
    expect(runs.abstain.stdout).toMatch(/don't answer/);
    expect(runs.abstain.stdout).not.toContain("Answer:");
  });

  it("gives an empty question a clear line, exit 0 and no stack trace", () => {
    expect(runs.empty.code).toBe(0);
    expect(linesOf(runs.empty.stdout)).toEqual([expect.stringMatching(/^[A-Z].{10,120}\.$/)]);
    expect(runs.empty.stdout + runs.empty.stderr).not.toMatch(STACK);
  });

  it("gives each bad question on stdin (punctuation, @everyone, 10,000 characters, emoji) a clear line, exit 0 and no stack trace", () => {
    const run = runs.badStdin;
    expect(run.code).toBe(0);
    const replies = linesOf(run.stdout).filter((line) => line.trim() !== "");
    expect(replies).toHaveLength(BAD_QUESTIONS.length);
    for (const line of replies) expect(line).toMatch(/^[A-Z].{10,120}\.$/);
    expect(replies.some((line) => line.includes("10,000"))).toBe(true);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
  });

  it("gives a missing corpus folder a one-line error and exit 1", () => {
    const run = runs.missing;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = linesOf(run.stderr.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(missingDir);
    expect(run.stderr).not.toMatch(STACK);
  });

  it("refuses an unknown option with the usage, exit 2 and no stack trace", () => {
    const run = runs.badFlag;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("--no-such-flag");
    expect(run.stderr).toMatch(/^usage: /m);
    expect(run.stderr).not.toMatch(STACK);
  });
});
