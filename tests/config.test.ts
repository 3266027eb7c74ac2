import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_RATE_LIMIT_PER_MINUTE, loadConfig } from "../src/config.js";

/** Shaped like a bot token, plainly fake. */
const TOKEN = ["a".repeat(24), "b".repeat(6), "c".repeat(27)].join(".");
const CLIENT_ID = "123456789012345678";
const MINIMAL = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID };

function problemsOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("fills defaults from a minimal environment", () => {
    expect(loadConfig(MINIMAL)).toEqual({
      token: TOKEN,
      clientId: CLIENT_ID,
      corpusDir: "corpus",
      cacheDir: ".cache/index",
      rateLimit: { perMinute: DEFAULT_RATE_LIMIT_PER_MINUTE },
      logLevel: "info",
      dataDir: ".data",
      retentionDays: 90,
    });
  });

  it("reads DATA_DIR and RETENTION_DAYS, refusing a retention that is not 1 to 3650 days", () => {
    const config = loadConfig({ ...MINIMAL, DATA_DIR: "/var/lib/verbatim", RETENTION_DAYS: "30" });
    expect(config).toMatchObject({ dataDir: "/var/lib/verbatim", retentionDays: 30 });
    for (const bad of ["0", "-3", "thirty", "1.5", "4000"]) {
      expect(() => loadConfig({ ...MINIMAL, RETENTION_DAYS: bad })).toThrow(/RETENTION_DAYS must be a whole number of days from 1 to 3650/);
    }
  });

  it("reads INDEX_CACHE_DIR, and 'off' keeps no index on disk", () => {
    expect(loadConfig({ ...MINIMAL, INDEX_CACHE_DIR: "/var/cache/verbatim" }).cacheDir).toBe("/var/cache/verbatim");
    expect(loadConfig({ ...MINIMAL, INDEX_CACHE_DIR: "off" }).cacheDir).toBeNull();
  });

  it("reads INDEX_THREADS, refusing what is not a small whole number", () => {
    expect(loadConfig(MINIMAL).indexThreads).toBeUndefined();
    expect(loadConfig({ ...MINIMAL, INDEX_THREADS: "0" }).indexThreads).toBe(0);
    expect(loadConfig({ ...MINIMAL, INDEX_THREADS: "2" }).indexThreads).toBe(2);
    for (const bad of ["-1", "two", "1.5", "99"]) {
      expect(() => loadConfig({ ...MINIMAL, INDEX_THREADS: bad })).toThrow(/INDEX_THREADS must be a whole number from 0/);
    }
  });

  it("reads every optional setting", () => {
    const config = loadConfig({
      ...MINIMAL,
      DISCORD_GUILD_ID: "223456789012345678",
      CORPUS_DIR: "docs/",
      DISCORD_API_BASE: "http://127.0.0.1:9999/api/",
      MODERATOR_ROLE_ID: "323456789012345678",
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "DEBUG",
    });
    expect(config).toMatchObject({
      guildId: "223456789012345678",
      corpusDir: "docs/",
      apiBase: "http://127.0.0.1:9999/api",
      moderatorRoleId: "323456789012345678",
      rateLimit: { perMinute: 0 },
      logLevel: "debug",
    });
  });

  it("treats empty and blank values as unset, as a copied .env.example leaves them", () => {
    const config = loadConfig({ ...MINIMAL, DISCORD_GUILD_ID: "", CORPUS_DIR: "  ", LOG_LEVEL: "" });
    expect(config.guildId).toBeUndefined();
    expect(config.corpusDir).toBe("corpus");
    expect(config.logLevel).toBe("info");
  });

  it("accepts a token pasted with the 'Bot ' prefix", () => {
    expect(loadConfig({ ...MINIMAL, DISCORD_TOKEN: `Bot ${TOKEN}` }).token).toBe(TOKEN);
  });

  it("names DISCORD_TOKEN when it is missing, and points at .env.example and npm run ask", () => {
    const error = problemsOf({ DISCORD_CLIENT_ID: CLIENT_ID });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain("DISCORD_TOKEN is not set");
    expect(error.message).toContain(".env.example");
    expect(error.message).toContain("npm run ask");
  });

  it("names a malformed DISCORD_TOKEN without ever repeating it", () => {
    const secret = "this-is-a-client-secret-not-a-token";
    const error = problemsOf({ ...MINIMAL, DISCORD_TOKEN: secret });
    expect(error.message).toContain("DISCORD_TOKEN does not look like a bot token");
    expect(error.message).not.toContain(secret);
    expect(error.stack ?? "").not.toContain(secret);
  });

  it("lists every problem at once", () => {
    const error = problemsOf({
      DISCORD_CLIENT_ID: "my-app",
      DISCORD_GUILD_ID: "12",
      DISCORD_API_BASE: "https://discord.com/api/v10",
      RATE_LIMIT_PER_MINUTE: "-3",
      LOG_LEVEL: "loud",
    });
    const names = ["DISCORD_TOKEN", "DISCORD_CLIENT_ID", "DISCORD_GUILD_ID", "DISCORD_API_BASE", "RATE_LIMIT_PER_MINUTE", "LOG_LEVEL"];
    expect(error.problems).toHaveLength(names.length);
    for (const [i, name] of names.entries()) expect(error.problems[i]).toMatch(new RegExp(`^${name}\\b`));
  });

  it.each([
    ["not a URL", "discord"],
    ["another scheme", "ftp://example.com/api"],
  ])("rejects a DISCORD_API_BASE that is %s", (_, value) => {
    expect(problemsOf({ ...MINIMAL, DISCORD_API_BASE: value }).problems[0]).toMatch(/^DISCORD_API_BASE must be/);
  });

  it("is pure: it reads only the object it is given", () => {
    const env = { ...MINIMAL };
    loadConfig(env);
    expect(env).toEqual(MINIMAL);
  });
});
