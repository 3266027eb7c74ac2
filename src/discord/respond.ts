/**
 * The only way the bot answers an interaction: whatever state the interaction is in (fresh,
 * deferred, already replied), with pings disabled on every message.
 */
import { type MessageMentionOptions, MessageFlags, type RepliableInteraction } from "discord.js";
import type { Reply } from "./render-answer.js";
import { redactReply } from "./secrets.js";

/**
 * Mentions parse nothing: a quoted "@everyone", `<@&role>` or `<@user>` pings no one, and a
 * reply does not ping the person it answers.
 */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

export interface RespondOptions {
  /** Only the user sees it. Ignored when editing a deferred reply, which keeps its deferral's visibility. */
  ephemeral?: boolean;
}

/** Sends `reply`: a first reply, the edit of a deferred one, or a follow-up; the bot's token and token-shaped strings redacted. */
export async function respond(interaction: RepliableInteraction, raw: Reply, options: RespondOptions = {}): Promise<void> {
  const reply = redactReply(raw, secretsOf(interaction));
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply({ ...reply, allowedMentions: NO_MENTIONS });
  } else if (interaction.replied) {
    await interaction.followUp({ ...reply, allowedMentions: NO_MENTIONS, ...(flags && { flags }) });
  } else {
    await interaction.reply({ ...reply, allowedMentions: NO_MENTIONS, ...(flags && { flags }) });
  }
}

/**
 * Shows `text` to the user alone. A reply deferred in public is deleted first, so the error does
 * not sit in the channel for everyone.
 */
export async function respondPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const reply = redactReply({ content: text }, secretsOf(interaction));
  if (interaction.deferred && !interaction.replied && !interaction.ephemeral) {
    await interaction.deleteReply();
    await interaction.followUp({ ...reply, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
    return;
  }
  await respond(interaction, reply, { ephemeral: true });
}

/** The token the client logged in with, which no reply may carry (none for a test's fake). */
export function secretsOf(source: { client?: { token?: string | null } }): string[] {
  const token = source.client?.token;
  return typeof token === "string" ? [token] : [];
}
