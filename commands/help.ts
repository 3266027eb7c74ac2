/** `/help`: how to ask, with example questions drawn from the corpus. */
import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { renderHelp } from "../src/discord/render-info.js";
import { respond } from "../src/discord/respond.js";

export default {
  data: new SlashCommandBuilder()
    .setName("help")
    .setDescription("How to ask Verbatim questions, with examples.")
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, { engine, commands }) {
    const summaries = [...commands.values()].map((command) => {
      const { name, description } = command.data.toJSON();
      return { name, description };
    });
    await respond(interaction, renderHelp(engine.stats(), summaries), { ephemeral: true });
  },
} satisfies Command;
