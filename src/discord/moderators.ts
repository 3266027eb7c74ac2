/** The guard every moderator command runs first: in a server, by a moderator. */
import type { ChatInputCommandInteraction } from "discord.js";
import { UserError } from "./errors.js";
import { isModerator } from "./permissions.js";

/**
 * Throws a {@link UserError} unless the interaction comes from a server member who is a moderator
 * (Manage Server, or the moderator role).
 */
export function requireModerator(interaction: ChatInputCommandInteraction, moderatorRoleId: string | undefined, name: string): void {
  if (!interaction.inGuild()) throw new UserError(`/${name} works only in a server, for its moderators.`);
  if (!isModerator(interaction, moderatorRoleId)) {
    throw new UserError(`Only moderators can use /${name}: it needs the Manage Server permission or the moderator role.`);
  }
}
