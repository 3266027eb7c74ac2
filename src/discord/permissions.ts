/**
 * Who counts as a moderator: the runtime check behind `/reindex`'s default member permissions,
 * which server admins can loosen in their settings.
 */
import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";

/**
 * True when the member has Manage Server (Administrator implies it) or the configured moderator
 * role. Only meaningful in a server.
 */
export function isModerator(interaction: ChatInputCommandInteraction<"cached" | "raw">, moderatorRoleId?: string): boolean {
  if (interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!moderatorRoleId) return false;
  const { roles } = interaction.member;
  return Array.isArray(roles) ? roles.includes(moderatorRoleId) : roles.cache.has(moderatorRoleId);
}
