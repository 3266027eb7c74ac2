/**
 * What a slash command module is: `export default { data, execute } satisfies Command;`, the
 * shape of discord.js's official TypeScript starter, plus the shared context every command gets.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Engine } from "../engine.js";
import type { Store } from "../store/store.js";
import type { Answer } from "../types.js";
import type { AnswerQueue } from "./answer-queue.js";
import type { Logger } from "./logger.js";

/** Everything a command may use, handed in rather than imported, so tests can swap any of it. */
export interface CommandContext {
  /** The one answer engine, shared by every edge. */
  engine: Engine;
  /** Role whose members may run moderator commands besides those with Manage Server. */
  moderatorRoleId?: string;
  logger: Logger;
  /** Every loaded command by name (for `/help`). */
  commands: ReadonlyMap<string, Command>;
  /** Questions and votes; absent when nothing is recorded (answers then have no buttons). */
  store?: Store;
  /** Where answers wait their turn (see `answer-queue.ts`); without one, they are computed at once. */
  answers?: AnswerQueue;
}

/** One slash command. */
export interface Command {
  /** The registration payload, usually a `SlashCommandBuilder`. Its name routes interactions here. */
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /**
   * Handles one use of the command. Throw a `UserError` for a message the user should see;
   * anything else thrown is logged and answered with a generic line.
   */
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  /** True for commands that ask a question: only those count against the per-user rate limit. Default false. */
  countsAsQuestion?: boolean;
  /** Answers an autocomplete request for one of the command's options (within Discord's 3 s). */
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}

/** `engine.answer(question)`, in the answer queue's turn when there is one (rejects with `BusyError` when it is full). */
export async function answerInTurn({ engine, answers }: Pick<CommandContext, "engine" | "answers">, question: string): Promise<Answer> {
  return answers ? answers.run(() => engine.answer(question)) : engine.answer(question);
}

/** Sends an acknowledgement (`() => interaction.deferReply()`) ahead of the answers waiting in the queue, when there is one. */
export async function acknowledgeFirst<T>({ answers }: Pick<CommandContext, "answers">, send: () => Promise<T>): Promise<T> {
  return answers ? answers.acknowledge(send) : send();
}

/** Checks, at load time, that a module's default export is a {@link Command}. */
export function isCommand(value: unknown): value is Command {
  if (typeof value !== "object" || value === null) return false;
  const { data, execute } = value as Partial<Record<keyof Command, unknown>>;
  return (
    typeof execute === "function" &&
    typeof data === "object" &&
    data !== null &&
    typeof (data as { name?: unknown }).name === "string" &&
    typeof (data as { toJSON?: unknown }).toJSON === "function"
  );
}
