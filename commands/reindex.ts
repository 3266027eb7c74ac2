/** `/reindex`: moderators rebuild the index from the corpus folder; questions keep being answered meanwhile. */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { ShrinkError } from "../src/engine.js";
import { UserError, redactPaths } from "../src/discord/errors.js";
import { isModerator } from "../src/discord/permissions.js";
import { renderReindex } from "../src/discord/render-info.js";
import { respond } from "../src/discord/respond.js";

export default {
  data: new SlashCommandBuilder()
    .setName("reindex")
    .setDescription("Rebuild the index from the corpus folder (moderators only).")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addBooleanOption((option) =>
      option.setName("force").setDescription("Accept a rebuild that drops over half of the documents").setRequired(false),
    ),
  async execute(interaction, { engine, moderatorRoleId, logger }) {
    if (!interaction.inGuild()) throw new UserError("/reindex works only in a server, for its moderators.");
    if (!isModerator(interaction, moderatorRoleId)) {
      throw new UserError("Only moderators can reindex: it needs the Manage Server permission or the moderator role.");
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let report;
    try {
      report = await engine.reindex({ force: interaction.options.getBoolean("force") ?? false });
    } catch (error) {
      logger.warn(`reindex requested by ${interaction.user.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof ShrinkError) {
        throw new UserError(
          `Reindex refused: ${error.vanished} of ${error.total} documents would vanish, more than one reindex may drop, ` +
            "so the previous index keeps answering. Check the corpus folder; if the removal is intended, run `/reindex force:true`.",
        );
      }
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
