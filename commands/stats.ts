/** `/stats [days]`: moderators see questions per day, answer rate, helpful rate and the documents quoted most. */
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { UserError } from "../src/discord/errors.js";
import { requireModerator } from "../src/discord/moderators.js";
import { renderStats } from "../src/discord/render-feedback.js";
import { respond } from "../src/discord/respond.js";
import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS, sinceDaysAgo, titlesOf } from "../src/report/period.js";
import { summarise } from "../src/report/stats.js";

export default {
  data: new SlashCommandBuilder()
    .setName("stats")
    .setDescription("How Verbatim is used: questions, answer rate, helpful votes (moderators only).")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((option) =>
      option.setName("days").setDescription(`How many days back to look (default ${DEFAULT_REPORT_DAYS})`).setMinValue(1).setMaxValue(MAX_REPORT_DAYS),
    ),
  async execute(interaction, { engine, store, moderatorRoleId }) {
    requireModerator(interaction, moderatorRoleId, "stats");
    if (!store) throw new UserError("Nothing is recorded on this bot, so there are no statistics to show.");
    const days = interaction.options.getInteger("days") ?? DEFAULT_REPORT_DAYS;
    const stats = summarise(store.questionsSince(sinceDaysAgo(days)));
    await respond(interaction, renderStats(stats, days, titlesOf(engine.stats())), { ephemeral: true });
  },
} satisfies Command;
