/**
 * What a click on an answer's buttons does. Votes are recorded (one per member per answer, the
 * latest counts) and acknowledged privately; "More passages" shows the next page privately, with
 * a button to the page after it. Every reply is ephemeral: a click never posts in the channel.
 */
import { type ButtonInteraction, MessageFlags } from "discord.js";
import { forgetPopularQuestions } from "./autocomplete.js";
import type { CommandContext } from "./command.js";
import { UserError } from "./errors.js";
import { MAX_RANKED_PASSAGES, formatVotes, pageButtons, parseCustomId, passagePage } from "./feedback.js";
import { renderPassagePage } from "./render-feedback.js";
import { respond } from "./respond.js";

/** The reply to a button whose answer is no longer stored. */
export function expiredMessage(retentionDays: number): string {
  return `This answer is more than ${retentionDays} days old, so its buttons no longer work. Ask again with /ask to get fresh ones.`;
}

/** Handles a click on one of Verbatim's buttons. */
export async function handleButton(interaction: ButtonInteraction, { store, engine, logger }: CommandContext): Promise<void> {
  const action = parseCustomId(interaction.customId);
  if (!action) throw new UserError("This button belongs to an older version of Verbatim and no longer works. Ask again with /ask.");
  if (!store) throw new UserError("Feedback is switched off on this bot, so its buttons do nothing.");
  const question = store.question(action.id);
  if (!question) throw new UserError(expiredMessage(store.retentionDays));

  if (action.kind === "vote") {
    let counts;
    try {
      counts = store.vote(action.id, interaction.user.id, action.vote);
    } catch (error) {
      logger.warn(`store: could not record a vote on question ${action.id}: ${error instanceof Error ? error.message : String(error)}`);
      throw new UserError("Your vote could not be saved just now. Please try again in a moment.");
    }
    if (!counts) throw new UserError(expiredMessage(store.retentionDays));
    forgetPopularQuestions(store);
    const said = action.vote === 1 ? "helpful" : "not helpful";
    await respond(interaction, { content: `Thanks: you marked this answer ${said}. ${formatVotes(counts)}. Click the other button to change your vote.` }, { ephemeral: true });
    return;
  }

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const shown = engine.answer(question.text).excerpts;
  const { excerpts, last } = passagePage(shown, engine.excerpts(question.text, MAX_RANKED_PASSAGES), action.page);
  const reply = renderPassagePage(question.text, excerpts, action.page);
  await respond(interaction, excerpts.length > 0 ? { ...reply, components: pageButtons(action.id, action.page, last) } : reply);
}
