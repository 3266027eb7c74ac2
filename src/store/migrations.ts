/**
 * The store's schema, as numbered migrations: migration `i` brings a database from
 * `PRAGMA user_version = i` to `i + 1`. Append only; never edit one that has shipped.
 */

/** Each entry is one step of SQL, run in a transaction with the version bump. */
export const MIGRATIONS: readonly string[] = [
  // 1: questions asked, votes on their answers, and the store's own settings (the member salt).
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,
    text TEXT NOT NULL,
    via TEXT NOT NULL,
    guild_id TEXT,
    channel_id TEXT,
    member TEXT NOT NULL,
    answered INTEGER NOT NULL,
    confidence REAL NOT NULL,
    docs TEXT NOT NULL
  );
  CREATE INDEX questions_asked_at ON questions (asked_at);
  CREATE INDEX questions_member ON questions (member);
  CREATE TABLE votes (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    member TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    voted_at INTEGER NOT NULL,
    PRIMARY KEY (question_id, member)
  );
  CREATE INDEX votes_member ON votes (member);
  `,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
