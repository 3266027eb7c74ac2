/** `/gaps [days]`: moderators see the questions the documents did not answer, grouped, most asked first. */
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { UserError } from "../src/discord/errors.js";
import { requireModerator } from "../src/discord/moderators.js";
import { renderGaps } from "../src/discord/render-feedback.js";
import { respond } from "../src/discord/respond.js";
import { findGaps } from "../src/report/gaps.js";
import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS, sinceDaysAgo, titlesOf } from "../src/report/period.js";

export default {
  data: new SlashCommandBuilder()
    .setName("gaps")
    .setDescription("Questions the documents did not answer or answered badly (moderators only).")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((option) =>
      option.setName("days").setDescription(`How many days back to look (default ${DEFAULT_REPORT_DAYS})`).setMinValue(1).setMaxValue(MAX_REPORT_DAYS),
    ),
  async execute(interaction, { engine, store, moderatorRoleId }) {
    requireModerator(interaction, moderatorRoleId, "gaps");
    if (!store) throw new UserError("Nothing is recorded on this bot, so there are no gaps to show.");
    const days = interaction.options.getInteger("days") ?? DEFAULT_REPORT_DAYS;
    const gaps = findGaps(store.questionsSince(sinceDaysAgo(days)));
    await respond(interaction, renderGaps(gaps, days, titlesOf(engine.stats())), { ephemeral: true });
  },
} satisfies Command;
