/** The store on a real SQLite file in a temporary DATA_DIR. */
import { spawn, execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../../src/store/migrations.js";
import { type QuestionRecord, STORE_FILE, type Store, StoreError, openStore } from "../../src/store/store.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = pathToFileURL(createRequire(join(ROOT, "package.json")).resolve("tsx")).href;
const DAY = 86_400_000;
const USER = "123456789012345678";

let root: string;
const open: Store[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "verbatim-store-"));
});

afterEach(async () => {
  for (const store of open.splice(0)) store.close();
  await rm(root, { recursive: true, force: true });
});

function storeIn(dir: string, options: { retentionDays?: number; now?: () => number } = {}): Store {
  const store = openStore({ dir, ...options });
  open.push(store);
  return store;
}

function question(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return { text: "Who is standing for deputy leader?", via: "slash", guildId: "1", channelId: "2", userId: USER, answered: true, confidence: 0.9, docs: ["a.md", "b.md"], ...overrides };
}

describe("openStore", () => {
  it("creates the folder and the file from nothing and migrates it to the current schema, in WAL mode", () => {
    const dir = join(root, "nested", "data");
    const store = storeIn(dir);
    expect(store.file).toBe(join(dir, STORE_FILE));
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.journalMode).toBe("wal");
    expect(store.questionsSince(new Date(0))).toEqual([]);
  });

  it("keeps questions, votes and the salt across a close and reopen", () => {
    const first = storeIn(root);
    const id = first.recordQuestion(question());
    first.vote(id, USER, 1);
    const key = first.memberKey(USER);
    first.close();
    const again = storeIn(root);
    expect(again.question(id)).toMatchObject({ text: "Who is standing for deputy leader?", up: 1, down: 0, docs: ["a.md", "b.md"], guildId: "1" });
    expect(again.memberKey(USER)).toBe(key);
  });

  it("never writes a member's raw id into the file", async () => {
    const store = storeIn(root);
    const id = store.recordQuestion(question());
    store.vote(id, "987654321098765432", -1);
    store.close();
    const bytes = Buffer.concat([await readFile(join(root, STORE_FILE)), await readFile(join(root, `${STORE_FILE}-wal`)).catch(() => Buffer.alloc(0))]);
    expect(bytes.includes(USER)).toBe(false);
    expect(bytes.includes("987654321098765432")).toBe(false);
    expect(bytes.includes("deputy leader")).toBe(true);
  });

  it("refuses a file with a newer schema, naming it", () => {
    const db = new Database(join(root, STORE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => storeIn(root)).toThrow(/has schema \d+, newer than this Verbatim's/);
  });

  it("gives a clear StoreError for a read-only DATA_DIR", async (ctx) => {
    const dir = join(root, "readonly");
    await mkdir(dir);
    const undo = await makeReadOnly(dir);
    if (!undo) return ctx.skip("this machine cannot make a folder read-only for this process");
    try {
      let caught: unknown;
      try {
        storeIn(dir);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(StoreError);
      expect((caught as Error).message).toContain(`cannot open ${join(dir, STORE_FILE)}`);
      expect((caught as Error).message).toMatch(/DATA_DIR must be a folder Verbatim can/);
    } finally {
      await undo();
    }
  });
});

describe("Store.vote", () => {
  it("keeps one vote per member per answer, and lets them change it", () => {
    const store = storeIn(root);
    const id = store.recordQuestion(question());
    expect(store.vote(id, "a", 1)).toEqual({ up: 1, down: 0 });
    expect(store.vote(id, "a", 1)).toEqual({ up: 1, down: 0 });
    expect(store.vote(id, "b", 1)).toEqual({ up: 2, down: 0 });
    expect(store.vote(id, "a", -1)).toEqual({ up: 1, down: 1 });
  });

  it("returns undefined for a question that does not exist", () => {
    expect(storeIn(root).vote(42, "a", 1)).toBeUndefined();
  });
});

describe("Store.prune", () => {
  it("deletes questions and votes older than the retention period, and expires their buttons first", () => {
    let now = Date.UTC(2026, 0, 1);
    const store = storeIn(root, { retentionDays: 30, now: () => now });
    const old = store.recordQuestion(question({ text: "old" }));
    store.vote(old, "a", 1);
    now += 20 * DAY;
    const recent = store.recordQuestion(question({ text: "recent" }));
    now += 15 * DAY; // old is 35 days old, recent 15
    expect(store.question(old)).toBeUndefined();
    expect(store.vote(old, "b", -1)).toBeUndefined();
    expect(store.prune()).toBe(1);
    expect(store.questionsSince(new Date(0)).map((q) => q.text)).toEqual(["recent"]);
    expect(store.question(recent)?.text).toBe("recent");
    expect(store.votes(old)).toEqual({ up: 0, down: 0 });
  });

  it("runs when the store is opened", () => {
    let now = Date.UTC(2026, 0, 1);
    const first = storeIn(root, { retentionDays: 10, now: () => now });
    first.recordQuestion(question());
    first.close();
    now += 11 * DAY;
    storeIn(root, { retentionDays: 10, now: () => now }).close();
    const db = new Database(join(root, STORE_FILE), { readonly: true });
    expect((db.prepare("SELECT count(*) AS n FROM questions").get() as { n: number }).n).toBe(0);
    db.close();
  });
});

describe("Store.forgetUser", () => {
  it("deletes a member's questions and votes and nobody else's", () => {
    const store = storeIn(root);
    const mine = store.recordQuestion(question({ userId: "me" }));
    const theirs = store.recordQuestion(question({ userId: "them" }));
    store.vote(theirs, "me", -1);
    store.vote(theirs, "them", 1);
    expect(store.forgetUser("me")).toEqual({ questions: 1, votes: 1 });
    expect(store.question(mine)).toBeUndefined();
    expect(store.question(theirs)).toMatchObject({ up: 1, down: 0 });
  });
});

describe("Store.helpfulQuestions", () => {
  it("lists answered questions voted helpful, most asked first", () => {
    const store = storeIn(root);
    for (const text of ["Who won?", "who won? ", "Who lost?", "Why?"]) {
      const id = store.recordQuestion(question({ text, answered: text !== "Why?" }));
      store.vote(id, "a", text === "Who lost?" ? -1 : 1);
    }
    expect(store.helpfulQuestions(10)).toEqual([{ text: "Who won?", asked: 2 }]);
  });
});

describe("concurrent writes", () => {
  it("loses none of the writes of several processes writing at once", async () => {
    const writers = 4;
    const each = 150;
    storeIn(root).close(); // migrated once, so the writers race on rows, not on the schema
    const codes = await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ["--import", TSX, join(ROOT, "tests/store/writer.ts"), root, `w${w}`, String(each)], { stdio: "inherit" });
          child.on("exit", resolve);
        }),
      ),
    );
    expect(codes).toEqual(Array(writers).fill(0));
    const store = storeIn(root);
    const all = store.questionsSince(new Date(0));
    expect(all).toHaveLength(writers * each);
    expect(all.every((q) => q.up === 1)).toBe(true);
  }, 60_000);

  it("keeps every vote of many interactions on one answer in one process", async () => {
    const store = storeIn(root);
    const id = store.recordQuestion(question());
    await Promise.all(Array.from({ length: 200 }, (_, i) => Promise.resolve().then(() => store.vote(id, `member-${i}`, i % 4 === 0 ? -1 : 1))));
    expect(store.votes(id)).toEqual({ up: 150, down: 50 });
  });
});

/**
 * Makes `dir` read-only for this process: permissions for an ordinary user; root ignores them, so
 * as root a read-only tmpfs is mounted over it. Returns how to undo it, or undefined when neither works here.
 */
async function makeReadOnly(dir: string): Promise<(() => Promise<void>) | undefined> {
  if (process.getuid?.() !== 0) {
    await chmod(dir, 0o555);
    return () => chmod(dir, 0o755);
  }
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", dir], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  return async () => {
    execFileSync("umount", [dir]);
  };
}
