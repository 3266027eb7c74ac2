/**
 * What Verbatim remembers between restarts: each question asked (its text, where, when, whether it
 * was answered, how confidently, which documents were quoted) and each vote on an answer, in one
 * SQLite file (`better-sqlite3`, WAL mode). Members are kept only as a salted hash of their id;
 * rows older than the retention period are pruned. No discord.js here: the edges hand in plain ids.
 *
 * @example
 * const store = openStore({ dir: ".data", retentionDays: 90 });
 * const id = store.recordQuestion({ text: "Who won?", via: "slash", userId, answered: true, confidence: 0.9, docs: ["a.md"] });
 * store.vote(id, userId, 1); // { up: 1, down: 0 }
 */
import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { DEFAULT_RETENTION_DAYS } from "../config.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";

/** The file inside `DATA_DIR`. */
export const STORE_FILE = "verbatim.db";
/** Why: another process (a second `npm run gaps`, the bot) may hold the write lock for a moment; wait for it rather than fail. */
const BUSY_TIMEOUT_MS = 5_000;
const DAY_MS = 86_400_000;

/** How a question reached the bot. */
export type QuestionVia = "slash" | "dm" | "mention";

/** A question as the edges report it. `userId` is hashed before it is stored. */
export interface QuestionRecord {
  text: string;
  via: QuestionVia;
  /** Server and channel; absent in direct messages. */
  guildId?: string;
  channelId?: string;
  /** The asker's Discord id (or any stable id); only its salted hash is stored. */
  userId: string;
  answered: boolean;
  /** 0-1. */
  confidence: number;
  /** Paths of the documents quoted, best first. */
  docs: readonly string[];
}

/** Helpful and not-helpful votes on one answer. */
export interface VoteCounts {
  up: number;
  down: number;
}

/** A stored question with its votes. */
export interface StoredQuestion extends VoteCounts {
  id: number;
  askedAt: Date;
  text: string;
  via: QuestionVia;
  guildId?: string;
  channelId?: string;
  answered: boolean;
  confidence: number;
  docs: string[];
}

export interface StoreOptions {
  /** Folder of the SQLite file, created if missing; `null` keeps everything in memory (tests, no `DATA_DIR`). */
  dir: string | null;
  /** Rows older than this many days are pruned and their buttons expire. Default {@link DEFAULT_RETENTION_DAYS}. */
  retentionDays?: number;
  /** Clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
}

/** The store cannot be opened or migrated. The message names the file and what to do. */
export class StoreError extends Error {
  override readonly name = "StoreError";
}

interface QuestionRow {
  id: number;
  asked_at: number;
  text: string;
  via: QuestionVia;
  guild_id: string | null;
  channel_id: string | null;
  answered: number;
  confidence: number;
  docs: string;
  up: number;
  down: number;
}

const SELECT_QUESTION = `
  SELECT q.*, count(v.vote) FILTER (WHERE v.vote = 1) AS up, count(v.vote) FILTER (WHERE v.vote = -1) AS down
  FROM questions q LEFT JOIN votes v ON v.question_id = q.id`;

/** Opens (creating and migrating) the store. @throws {StoreError} when the folder or file cannot be used. */
export function openStore(options: StoreOptions): Store {
  return new Store(options);
}

export class Store {
  /** The SQLite file, or `":memory:"`. */
  readonly file: string;
  readonly retentionDays: number;
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #salt: string;

  constructor({ dir, retentionDays = DEFAULT_RETENTION_DAYS, now = Date.now }: StoreOptions) {
    if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError(`store: retentionDays must be a whole number >= 1, got ${retentionDays}`);
    this.retentionDays = retentionDays;
    this.#now = now;
    this.file = dir === null ? ":memory:" : join(dir, STORE_FILE);
    try {
      if (dir !== null) mkdirSync(dir, { recursive: true });
      this.#db = new Database(this.file, { timeout: BUSY_TIMEOUT_MS });
    } catch (error) {
      throw new StoreError(`store: cannot open ${this.file}: ${reason(error)}. DATA_DIR must be a folder Verbatim can create and write to.`);
    }
    try {
      this.#db.pragma("journal_mode = WAL");
      // In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut may lose the last
      // questions, never corrupt the file; an answer no longer waits for the disk.
      this.#db.pragma("synchronous = NORMAL");
      this.#db.pragma("foreign_keys = ON");
      this.#migrate();
      this.#db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)").run(randomBytes(32).toString("hex"));
      this.#salt = (this.#db.prepare("SELECT value FROM meta WHERE key = 'salt'").get() as { value: string }).value;
      this.prune();
    } catch (error) {
      this.#db.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`store: cannot use ${this.file}: ${reason(error)}. DATA_DIR must be a folder Verbatim can write to.`);
    }
  }

  /** Records a question; returns its id (for the answer's buttons). */
  recordQuestion(record: QuestionRecord): number {
    const result = this.#db
      .prepare(
        `INSERT INTO questions (asked_at, text, via, guild_id, channel_id, member, answered, confidence, docs)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.#now(),
        record.text,
        record.via,
        record.guildId ?? null,
        record.channelId ?? null,
        this.memberKey(record.userId),
        record.answered ? 1 : 0,
        record.confidence,
        JSON.stringify(record.docs),
      );
    return Number(result.lastInsertRowid);
  }

  /** The question `id` with its votes; undefined when it was never stored, was pruned, or is past the retention period. */
  question(id: number): StoredQuestion | undefined {
    const row = this.#db.prepare(`${SELECT_QUESTION} WHERE q.id = ? AND q.asked_at >= ? GROUP BY q.id`).get(id, this.#cutoff()) as QuestionRow | undefined;
    return row && toQuestion(row);
  }

  /**
   * Records `userId`'s vote (1 helpful, -1 not helpful) on the answer to question `id`, replacing
   * their earlier vote. Returns the new counts, or undefined when the question has expired.
   */
  vote(id: number, userId: string, vote: 1 | -1): VoteCounts | undefined {
    return this.#db.transaction((): VoteCounts | undefined => {
      if (!this.question(id)) return undefined;
      this.#db
        .prepare(
          `INSERT INTO votes (question_id, member, vote, voted_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (question_id, member) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
        )
        .run(id, this.memberKey(userId), vote, this.#now());
      return this.votes(id);
    }).immediate();
  }

  /** The votes on question `id` (zeros when there are none). */
  votes(id: number): VoteCounts {
    const row = this.#db
      .prepare("SELECT count(*) FILTER (WHERE vote = 1) AS up, count(*) FILTER (WHERE vote = -1) AS down FROM votes WHERE question_id = ?")
      .get(id) as VoteCounts;
    return { up: row.up, down: row.down };
  }

  /** Questions asked since `since` (within the retention period), oldest first, with their votes. */
  questionsSince(since: Date): StoredQuestion[] {
    const from = Math.max(since.getTime(), this.#cutoff());
    return (this.#db.prepare(`${SELECT_QUESTION} WHERE q.asked_at >= ? GROUP BY q.id ORDER BY q.asked_at, q.id`).all(from) as QuestionRow[]).map(toQuestion);
  }

  /**
   * Answered questions voted helpful more than not, by how often their text was asked (case and
   * spacing aside), most first: suggestions for `/ask`.
   */
  helpfulQuestions(limit: number): Array<{ text: string; asked: number }> {
    const rows = this.#db
      .prepare(
        `SELECT min(q.text) AS text, count(DISTINCT q.id) AS asked
         FROM questions q LEFT JOIN votes v ON v.question_id = q.id
         WHERE q.asked_at >= ? AND q.answered = 1
         GROUP BY lower(trim(q.text)) HAVING coalesce(sum(v.vote), 0) > 0 ORDER BY asked DESC, text LIMIT ?`,
      )
      .all(this.#cutoff(), limit) as Array<{ text: string; asked: number }>;
    return rows.map(({ text, asked }) => ({ text, asked }));
  }

  /** Deletes questions and votes older than the retention period; returns the questions deleted. */
  prune(): number {
    const cutoff = this.#cutoff();
    return this.#db.transaction(() => {
      this.#db.prepare("DELETE FROM votes WHERE voted_at < ?").run(cutoff);
      return this.#db.prepare("DELETE FROM questions WHERE asked_at < ?").run(cutoff).changes;
    })();
  }

  /** Deletes everything a member asked and every vote they cast. */
  forgetUser(userId: string): { questions: number; votes: number } {
    const member = this.memberKey(userId);
    return this.#db.transaction(() => {
      const votes = this.#db.prepare("DELETE FROM votes WHERE member = ?").run(member).changes;
      const questions = this.#db.prepare("DELETE FROM questions WHERE member = ?").run(member).changes;
      return { questions, votes };
    })();
  }

  /** The salted hash a member's id is stored as (HMAC-SHA-256 with this store's random salt). */
  memberKey(userId: string): string {
    return createHmac("sha256", this.#salt).update(userId).digest("hex").slice(0, 32);
  }

  /** The schema version of the open file. */
  get schemaVersion(): number {
    return this.#db.pragma("user_version", { simple: true }) as number;
  }

  /** SQLite's journal mode (`"wal"` for a file). */
  get journalMode(): string {
    return this.#db.pragma("journal_mode", { simple: true }) as string;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #cutoff(): number {
    return this.#now() - this.retentionDays * DAY_MS;
  }

  #migrate(): void {
    const version = this.#db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreError(`store: ${this.file} has schema ${version}, newer than this Verbatim's ${SCHEMA_VERSION}: update Verbatim or set DATA_DIR elsewhere.`);
    }
    for (let v = version; v < SCHEMA_VERSION; v++) {
      this.#db.transaction(() => {
        this.#db.exec(MIGRATIONS[v] ?? "");
        this.#db.pragma(`user_version = ${v + 1}`);
      }).immediate();
    }
  }
}

function toQuestion(row: QuestionRow): StoredQuestion {
  return {
    id: row.id,
    askedAt: new Date(row.asked_at),
    text: row.text,
    via: row.via,
    ...(row.guild_id !== null && { guildId: row.guild_id }),
    ...(row.channel_id !== null && { channelId: row.channel_id }),
    answered: row.answered === 1,
    confidence: row.confidence,
    docs: JSON.parse(row.docs) as string[],
    up: row.up,
    down: row.down,
  };
}

function reason(error: unknown): string {
  if (error instanceof Error) return "code" in error && typeof error.code === "string" ? `${error.code} (${error.message})` : error.message;
  return String(error);
}
