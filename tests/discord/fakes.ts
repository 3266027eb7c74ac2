/**
 * Thin stand-ins for per-command tests: an interaction that records what a command does with it
 * and follows discord.js's state rules (deferred / replied / ephemeral), and a scripted engine.
 */
import { type ChatInputCommandInteraction, MessageFlags, PermissionsBitField } from "discord.js";
import { vi } from "vitest";
import type { Command, CommandContext } from "../../src/discord/command.js";
import { createLogger } from "../../src/discord/logger.js";
import type { Engine } from "../../src/engine.js";
import type { IndexStats, ReindexReport } from "../../src/types.js";
import { answer } from "./answers.js";

export interface FakeInteractionOptions {
  commandName?: string;
  options?: Record<string, string | boolean>;
  userId?: string;
  /** Omit for a direct message. */
  guild?: { permissions: bigint; roles: string[] | { cache: Map<string, unknown> } };
}

/** One recorded call: the method and its (first) argument. */
export interface Call {
  method: string;
  arg?: unknown;
}

export class FakeInteraction {
  readonly calls: Call[] = [];
  deferred = false;
  replied = false;
  ephemeral: boolean | null = null;
  readonly commandName: string;
  readonly user: { id: string };
  readonly memberPermissions: Readonly<PermissionsBitField> | null;
  readonly member: { roles: string[] | { cache: Map<string, unknown> } } | null;
  readonly options: { getString(name: string, required?: boolean): string | null; getBoolean(name: string, required?: boolean): boolean | null };

  constructor(init: FakeInteractionOptions = {}) {
    this.commandName = init.commandName ?? "ask";
    this.user = { id: init.userId ?? "42" };
    this.memberPermissions = init.guild ? new PermissionsBitField(init.guild.permissions) : null;
    this.member = init.guild ? { roles: init.guild.roles } : null;
    const values = init.options ?? {};
    this.options = {
      getString: (name, required) => {
        const value = values[name];
        if (value === undefined && required) throw new Error(`missing option ${name}`);
        return typeof value === "string" ? value : null;
      },
      getBoolean: (name) => {
        const value = values[name];
        return typeof value === "boolean" ? value : null;
      },
    };
  }

  isChatInputCommand(): boolean {
    return true;
  }
  isAutocomplete(): boolean {
    return false;
  }
  isButton(): boolean {
    return false;
  }
  inGuild(): boolean {
    return this.member !== null;
  }
  async deferReply(options: { flags?: number } = {}): Promise<void> {
    this.#record("deferReply", options);
    this.deferred = true;
    this.ephemeral = Boolean((options.flags ?? 0) & MessageFlags.Ephemeral);
  }
  async reply(options: { flags?: number }): Promise<void> {
    this.#record("reply", options);
    this.replied = true;
    this.ephemeral = Boolean((options.flags ?? 0) & MessageFlags.Ephemeral);
  }
  async editReply(options: unknown): Promise<void> {
    this.#record("editReply", options);
    this.replied = true;
  }
  async followUp(options: unknown): Promise<void> {
    this.#record("followUp", options);
    this.replied = true;
  }
  async deleteReply(): Promise<void> {
    this.#record("deleteReply");
  }

  /** This fake, typed as what commands receive. */
  get asInteraction(): ChatInputCommandInteraction {
    return this as unknown as ChatInputCommandInteraction;
  }

  #record(method: string, arg?: unknown): void {
    if ((method === "reply" || method === "deferReply") && (this.deferred || this.replied)) {
      throw new Error(`${method} on an interaction already acknowledged`);
    }
    if ((method === "editReply" || method === "followUp" || method === "deleteReply") && !this.deferred && !this.replied) {
      throw new Error(`${method} before the interaction was acknowledged`);
    }
    this.calls.push({ method, ...(arg !== undefined && { arg }) });
  }
}

export const STATS: IndexStats = {
  corpusDir: "/srv/verbatim/corpus",
  documents: [{ path: "lewis.txt", title: "Ivan Lewis quits Labour Party", passages: 16 }],
  passages: 16,
  skipped: [],
  indexedAt: new Date("2024-05-01T12:00:00Z"),
  buildMs: 40,
};

export const REPORT: ReindexReport = { added: ["new.md"], changed: [], removed: [], passages: 20, skipped: [], durationMs: 90 };

/** An engine that answers from `answers.ts` and reindexes with `REPORT`. */
export function fakeEngine(overrides: Partial<Engine> = {}): Engine {
  return {
    answer: (question) => answer({ question }),
    search: () => [],
    excerpts: () => [],
    topics: () => [],
    reindex: vi.fn(async () => REPORT),
    stats: () => STATS,
    ...overrides,
  };
}

export function fakeContext(overrides: Partial<CommandContext> = {}): CommandContext & { logs: string[] } {
  const logs: string[] = [];
  return {
    engine: fakeEngine(),
    logger: createLogger({ level: "debug", write: (line) => logs.push(line) }),
    commands: new Map<string, Command>(),
    logs,
    ...overrides,
  };
}
