/** `/sources`: the documents being served, with dates, passage counts and when they were indexed. */
import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { renderSources } from "../src/discord/render-info.js";
import { respond } from "../src/discord/respond.js";

export default {
  data: new SlashCommandBuilder()
    .setName("sources")
    .setDescription("List the documents Verbatim answers from.")
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, { engine }) {
    await respond(interaction, renderSources(engine.stats()), { ephemeral: true });
  },
} satisfies Command;
