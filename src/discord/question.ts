/**
 * Which messages are questions for the bot: any message in a direct message channel, and a
 * server message that mentions the bot (Discord sends the text of those without the privileged
 * Message Content intent).
 */

/** The parts of a message that decide whether it is a question. */
export interface IncomingMessage {
  content: string;
  /** Sent in a direct message channel. */
  inDM: boolean;
  /** The bot's user is among the message's user mentions. */
  mentionsBot: boolean;
}

/**
 * The question a message asks the bot, without the bot's mention; `""` when it mentions the bot
 * with nothing else; `null` when the message is not for the bot.
 */
export function questionFrom(message: IncomingMessage, botUserId: string): string | null {
  if (!message.inDM && !message.mentionsBot) return null;
  return message.content.replace(new RegExp(`<@!?${botUserId}>`, "g"), " ").replace(/\s+/g, " ").trim();
}
