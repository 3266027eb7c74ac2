/**
 * The one place where Discord events become work: slash commands, their autocomplete requests and
 * button clicks are routed to their module, questions in direct messages and mentions go to the
 * engine, questions (and only questions) pass the per-user rate limit, and every failure is
 * sorted (see `errors.ts`) and answered.
 */
import { DiscordAPIError, type Interaction, type Message, type RepliableInteraction } from "discord.js";
import { handleButton } from "./buttons.js";
import { type Command, type CommandContext, answerInTurn } from "./command.js";
import { GENERIC_FAILURE, UserError } from "./errors.js";
import type { Logger } from "./logger.js";
import { recordAnswer, withButtons } from "./feedback.js";
import { questionFrom } from "./question.js";
import type { RateLimiter } from "./rate-limiter.js";
import { type Reply, renderAnswer } from "./render-answer.js";
import { NO_MENTIONS, respondPrivately, secretsOf } from "./respond.js";
import { redactReply } from "./secrets.js";

export interface DispatcherOptions {
  commands: ReadonlyMap<string, Command>;
  context: CommandContext;
  limiter: RateLimiter;
  logger: Logger;
}

export interface Dispatcher {
  /** Runs the slash command, autocomplete or button click an interaction carries; other kinds are ignored. */
  handleInteraction(interaction: Interaction): Promise<void>;
  /** Answers a message if it is a question for the bot (see `questionFrom`). */
  handleMessage(message: Message, botUserId: string): Promise<void>;
  /** Stops taking new work and resolves once every reply in flight has been sent (or failed). */
  drain(): Promise<void>;
  /** Requests being handled right now. */
  readonly inFlight: number;
}

const emptyMentionReply = (botUserId: string): string =>
  `Ask me a question after the mention, like <@${botUserId}> who signed the letter? (or try \`/help\`).`;
const EMPTY_DM_REPLY = "Type a question and I'll answer it from the documents, like: who signed the letter? (or try `/help`).";
const ATTACHMENT_REPLY = "I can't read attached files: type your question as text, and I'll answer it from the documents.";

/**
 * Discord's refusals that happen in normal running (an interaction that expired: 10062; a
 * message or channel deleted meanwhile: 10008, 10003; permissions taken away: 50001, 50013):
 * logged as one warning, not as a bug with its stack.
 */
const EXPECTED_API_CODES = new Set([10003, 10008, 10062, 50001, 50013]);

function expectedRefusal(error: unknown): string | undefined {
  if (!(error instanceof DiscordAPIError) || !EXPECTED_API_CODES.has(Number(error.code))) return undefined;
  return `Discord refused a request: ${error.message} (code ${error.code})`;
}

/** Builds the dispatcher; wire its handlers to the client's events. */
export function createDispatcher({ commands, context, limiter, logger }: DispatcherOptions): Dispatcher {
  const pending = new Set<Promise<void>>();
  let draining = false;

  const track = (work: () => Promise<void>): Promise<void> => {
    if (draining) return Promise.resolve();
    const job = work().finally(() => pending.delete(job));
    pending.add(job);
    return job;
  };

  const checkRate = (userId: string): void => {
    const verdict = limiter.take(userId);
    if (!verdict.allowed) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
      throw new UserError(`You're asking faster than I can keep up with. Please try again in ${seconds} s.`);
    }
  };

  /** Tells the user about a failure: a UserError as is, anything else logged and answered generically. */
  const reportFailure = async (interaction: RepliableInteraction, what: string, error: unknown): Promise<void> => {
    const userFacing = error instanceof UserError;
    const refusal = expectedRefusal(error);
    if (refusal) logger.warn(`${what}: ${refusal} (user ${interaction.user.id})`);
    else if (!userFacing) logger.error(`${what} failed (user ${interaction.user.id})`, error);
    try {
      await respondPrivately(interaction, userFacing ? error.message : GENERIC_FAILURE);
    } catch (replyError) {
      // An expired interaction cannot be told anything: already logged once above.
      if (!refusal) logger.warn(`${what}: could not tell the user about a failure: ${String(replyError)}`);
    }
  };

  const runCommand = async (interaction: Interaction): Promise<void> => {
    if (interaction.isAutocomplete()) {
      const name = interaction.commandName;
      try {
        await commands.get(name)?.autocomplete?.(interaction, context);
      } catch (error) {
        // Suggestions are a nicety: Discord shows none, and the member types on.
        logger.warn(`/${name} autocomplete failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      return;
    }
    if (interaction.isButton()) {
      try {
        await handleButton(interaction, context);
      } catch (error) {
        await reportFailure(interaction, `button ${interaction.customId}`, error);
      }
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    const name = interaction.commandName;
    try {
      const command = commands.get(name);
      if (!command) throw new UserError(`I don't know /${name}: it may have been removed. Try /help.`);
      if (command.countsAsQuestion) checkRate(interaction.user.id);
      await command.execute(interaction, context);
    } catch (error) {
      await reportFailure(interaction, `/${name}`, error);
    }
  };

  const answerMessage = async (message: Message, botUserId: string): Promise<void> => {
    if (message.author.bot || message.system || message.webhookId) return;
    const question = questionFrom(
      { content: message.content, inDM: !message.inGuild(), mentionsBot: message.mentions.users.has(botUserId) },
      botUserId,
    );
    if (question === null) return;
    const reply = async (payload: Reply): Promise<void> => {
      await message.reply({ ...redactReply(payload, secretsOf(message)), allowedMentions: NO_MENTIONS });
    };
    try {
      checkRate(message.author.id);
      if (question === "") {
        if (message.attachments.size > 0) await reply({ content: ATTACHMENT_REPLY });
        else await reply({ content: message.inGuild() ? emptyMentionReply(botUserId) : EMPTY_DM_REPLY });
        return;
      }
      const answer = await answerInTurn(context, question);
      const inGuild = message.inGuild();
      const id = recordAnswer(context.store, logger, answer, {
        userId: message.author.id,
        via: inGuild ? "mention" : "dm",
        ...(inGuild && { guildId: message.guildId, channelId: message.channelId }),
      });
      await reply(withButtons(renderAnswer(answer), answer, id, context.engine));
    } catch (error) {
      const userFacing = error instanceof UserError;
      const refusal = expectedRefusal(error);
      if (refusal) logger.warn(`message ${message.id}: ${refusal} (user ${message.author.id})`);
      else if (!userFacing) logger.error(`question in message ${message.id} failed (user ${message.author.id})`, error);
      await reply({ content: userFacing ? error.message : GENERIC_FAILURE }).catch((replyError: unknown) =>
        logger.warn(`message ${message.id}: could not reply: ${String(replyError)}`),
      );
    }
  };

  return {
    handleInteraction: (interaction) => track(() => runCommand(interaction)),
    handleMessage: (message, botUserId) => track(() => answerMessage(message, botUserId)),
    async drain() {
      draining = true;
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    get inFlight() {
      return pending.size;
    },
  };
}
