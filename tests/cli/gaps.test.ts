import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runGaps } from "../../src/cli/gaps.js";
import { openStore } from "../../src/store/store.js";

const USER = "123456789012345678";
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "verbatim-gaps-"));
  const store = openStore({ dir });
  for (const text of ["What is the capital of Mongolia?", "what's the capital of Mongolia"]) {
    store.recordQuestion({ text, via: "dm", userId: USER, answered: false, confidence: 0, docs: [] });
  }
  const answered = store.recordQuestion({ text: "Who is Ian Murray?", via: "slash", userId: "other", answered: true, confidence: 0.9, docs: ["a.md"] });
  store.vote(answered, USER, 1);
  store.close();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runGaps(argv, { DATA_DIR: dir }, (t) => (out += `${t}\n`), (t) => (err += `${t}\n`));
  return { code, out, err };
}

describe("runGaps", () => {
  it("prints the gaps of DATA_DIR's store", () => {
    const { code, out } = run();
    expect(code).toBe(0);
    expect(out).toMatch(/^2 questions in the last 30 days were refused or voted down, asking 1 different things:/);
    expect(out).toMatch(/capital of Mongolia.* — asked 2×, 2 refused/);
  });

  it("prints the usage summary with --stats", () => {
    expect(run("--stats", "--days", "7").out).toContain("Last 7 days: 3 questions, 1 answered (33%); votes: 1 helpful, 0 not helpful (100% helpful).");
  });

  it("forgets a user's questions and votes with --forget-user", () => {
    expect(run("--forget-user", USER).out).toBe(`Deleted 2 questions and 1 votes of user ${USER} from ${join(dir, "verbatim.db")}.\n`);
    expect(run().out).toBe("No refused or voted-down questions in the last 30 days.\n");
    expect(run("--stats").out).toContain("1 questions, 1 answered");
  });

  it("refuses a bad --days or user id with exit code 2 and the usage", () => {
    expect(run("--days", "0")).toMatchObject({ code: 2, err: expect.stringMatching(/--days must be a whole number/) });
    expect(run("--forget-user", "bob")).toMatchObject({ code: 2, err: expect.stringMatching(/Discord user id/) });
    expect(run("--nope")).toMatchObject({ code: 2, err: expect.stringMatching(/usage: npm run gaps/) });
  });
});
