import { describe, expect, it } from "vitest";
import { createLogger, redactSecrets } from "../../src/discord/logger.js";

const TOKEN = ["t".repeat(24), "u".repeat(6), "v".repeat(27)].join(".");

function capture(level?: "debug" | "info" | "warn" | "error") {
  const lines: string[] = [];
  const logger = createLogger({ ...(level && { level }), secrets: [TOKEN], write: (l) => lines.push(l), now: () => new Date(0) });
  return { lines, logger };
}

describe("createLogger", () => {
  it("writes timestamped, leveled lines", () => {
    const { lines, logger } = capture();
    logger.info("ready");
    expect(lines).toEqual(["1970-01-01T00:00:00.000Z INFO  ready"]);
  });

  it("drops lines below its level", () => {
    const { lines, logger } = capture("warn");
    logger.debug("a");
    logger.info("b");
    logger.warn("c");
    logger.error("d");
    expect(lines.map((l) => l.slice(-1))).toEqual(["c", "d"]);
  });

  it("logs an error's stack", () => {
    const { lines, logger } = capture();
    logger.error("failed", new Error("boom"));
    expect(lines[0]).toMatch(/ERROR failed\nError: boom\n\s+at /);
  });

  it("never prints the token, in messages or stacks", () => {
    const { lines, logger } = capture("debug");
    logger.debug(`login with ${TOKEN}`);
    logger.error("failed", new Error(`bad token ${TOKEN}`));
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines[0]).toContain("login with [redacted]");
  });
});

describe("redactSecrets", () => {
  it("hides a token's leading parts, which discord.js prints when it masks only the last", () => {
    const [id, time] = TOKEN.split(".");
    expect(redactSecrets(`Provided token: ${id}.${time}.*****`, [TOKEN])).toBe("Provided token: [redacted].*****");
  });

  it("also hides anything shaped like a bot token", () => {
    const other = ["M".repeat(26), "G1".repeat(3), "k".repeat(38)].join(".");
    expect(redactSecrets(`token=${other}`)).toBe("token=[redacted]");
  });
});
