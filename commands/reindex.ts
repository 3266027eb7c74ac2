/** `/reindex`: moderators rebuild the index from the corpus folder; questions keep being answered meanwhile. */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { UserError, redactPaths } from "../src/discord/errors.js";
import { isModerator } from "../src/discord/permissions.js";
import { renderReindex } from "../src/discord/render-info.js";
import { respond } from "../src/discord/respond.js";

export default {
  data: new SlashCommandBuilder()
    .setName("reindex")
    .setDescription("Rebuild the index from the corpus folder (moderators only).")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),
  async execute(interaction, { engine, moderatorRoleId, logger }) {
    if (!interaction.inGuild()) throw new UserError("/reindex works only in a server, for its moderators.");
    if (!isModerator(interaction, moderatorRoleId)) {
      throw new UserError("Only moderators can reindex: it needs the Manage Server permission or the moderator role.");
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let report;
    try {
      report = await engine.reindex();
    } catch (error) {
      logger.warn(`reindex requested by ${interaction.user.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      const why = error instanceof Error ? redactPaths(error.message) : "unknown error";
      throw new UserError(`Reindex failed, so the previous index keeps answering. Reason: ${why}`);
    }
    logger.info(
      `reindex by ${interaction.user.id}: +${report.added.length} ~${report.changed.length} -${report.removed.length}, ` +
        `${report.passages} passages, ${report.durationMs} ms`,
    );
    await respond(interaction, renderReindex(report));
  },
} satisfies Command;
