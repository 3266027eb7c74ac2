/** `/ask question:<text>`: the short answer with verbatim quotes, and buttons to vote or see more passages. */
import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import { type Command, acknowledgeFirst, answerInTurn } from "../src/discord/command.js";
import { completeQuestion, popularQuestions } from "../src/discord/autocomplete.js";
import { recordAnswer, withButtons } from "../src/discord/feedback.js";
import { renderAnswer } from "../src/discord/render-answer.js";
import { respond } from "../src/discord/respond.js";

/** Why: a question is a sentence; this leaves room for a long one while keeping the reply's title readable. */
const MAX_QUESTION_CHARS = 300;

export default {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask a question about the documents; the answer quotes them verbatim.")
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) =>
      option
        .setName("question")
        .setDescription("Your question, in plain words")
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS)
        .setAutocomplete(true),
    ),
  countsAsQuestion: true,
  async execute(interaction, ctx) {
    const { engine, store, logger } = ctx;
    const question = interaction.options.getString("question", true);
    // Acknowledge within Discord's 3 seconds before any work; the answer then waits its turn.
    await acknowledgeFirst(ctx, () => interaction.deferReply());
    const answer = await answerInTurn(ctx, question);
    const id = recordAnswer(store, logger, answer, {
      userId: interaction.user.id,
      via: "slash",
      ...(interaction.guildId && { guildId: interaction.guildId, channelId: interaction.channelId }),
    });
    await respond(interaction, withButtons(renderAnswer(answer), answer, id, engine));
  },
  async autocomplete(interaction, { engine, store }) {
    const typed = interaction.options.getFocused();
    const popular = store ? popularQuestions(store) : [];
    await interaction.respond(completeQuestion(typed, popular, engine.topics()));
  },
} satisfies Command;
