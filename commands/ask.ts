/** `/ask question:<text>`: the short answer with verbatim quotes. */
import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import { type Command, acknowledgeFirst, answerInTurn } from "../src/discord/command.js";
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
        .setMaxLength(MAX_QUESTION_CHARS),
    ),
  async execute(interaction, ctx) {
    const question = interaction.options.getString("question", true);
    // Acknowledge within Discord's 3 seconds before any work; the answer then waits its turn.
    await acknowledgeFirst(ctx, () => interaction.deferReply());
    await respond(interaction, renderAnswer(await answerInTurn(ctx, question)));
  },
} satisfies Command;
