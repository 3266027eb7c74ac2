/**
 * Discord v10 payloads for the stand-in, typed with discord-api-types so their shape is Discord's,
 * not a guess: users, a server with a text channel and roles, READY, GUILD_CREATE, slash command
 * interactions, messages.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIEntitlement,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIRole,
  type APIUser,
  ChannelType,
  GatewayIntentBits,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  type GatewayReadyDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  ComponentType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type ApplicationFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
} from "discord.js";

const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;

/** Snowflakes in increasing order (a fixed epoch offset, so they decode to plausible dates). */
export class Ids {
  #next = 1_200_000_000_000_000_000n;
  next(): string {
    this.#next += 4_194_304n; // one millisecond later in snowflake time
    return this.#next.toString();
  }
}

/** The fixed cast of a stand-in: the application, its bot user, one server with one channel. */
export interface World {
  applicationId: string;
  bot: APIUser;
  guildId: string;
  channelId: string;
  moderatorRoleId: string;
}

/** Permissions an ordinary member has: read and write, nothing more. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory;

export function makeUser(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: "0", global_name: username, avatar: null, ...(bot && { bot: true }) };
}

function makeRole(id: string, name: string, permissions: bigint, position: number): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** A member as interactions carry it, with Discord's computed `permissions`. */
export function makeInteractionMember(user: APIUser, permissions: bigint, roles: string[] = []): APIInteractionGuildMember {
  return {
    user,
    roles,
    permissions: permissions.toString(),
    joined_at: "2020-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: NO_MEMBER_FLAGS,
  };
}

export function makeReady(world: World, sessionId: string, resumeUrl: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...world.bot, verified: true, mfa_enabled: false, flags: 0 as UserFlags },
    guilds: [{ id: world.guildId, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
  };
}

export function makeGuildCreate(world: World): GatewayGuildCreateDispatchData {
  const { guildId, channelId, bot } = world;
  return {
    id: guildId,
    name: "Verbatim test server",
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: "1",
    region: "",
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      makeRole(guildId, "@everyone", MEMBER_PERMISSIONS, 0),
      makeRole(world.moderatorRoleId, "Moderators", MEMBER_PERMISSIONS, 1),
    ],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishGB,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: "2020-01-01T00:00:00.000Z",
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [
      { user: bot, roles: [], joined_at: "2020-01-01T00:00:00.000Z", deaf: false, mute: false, flags: NO_MEMBER_FLAGS },
    ],
    channels: [
      { id: channelId, type: ChannelType.GuildText, guild_id: guildId, name: "questions", position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Where an interaction or message comes from: a server channel (as a member) or a direct message. */
export type Place = { guild: APIInteractionGuildMember } | { dm: APIUser };

export interface SlashCommandSpec {
  id: string;
  token: string;
  name: string;
  /** Option values: strings are STRING options, whole numbers INTEGER ones, booleans BOOLEAN ones. */
  options: Record<string, string | number | boolean>;
  place: Place;
  /** DM channel id, used when `place` is a DM. */
  dmChannelId: string;
}

/** What every interaction carries, and where it comes from (a server channel as a member, or a DM). */
function interactionBase(world: World, spec: Pick<SlashCommandSpec, "id" | "token" | "place" | "dmChannelId">) {
  const base = {
    id: spec.id,
    application_id: world.applicationId,
    token: spec.token,
    version: 1 as const,
    locale: Locale.EnglishGB,
    app_permissions: (MEMBER_PERMISSIONS | PermissionFlagsBits.EmbedLinks).toString(),
    entitlements: [] as APIEntitlement[],
    attachment_size_limit: 10_485_760,
  };
  if ("guild" in spec.place) {
    return {
      ...base,
      guild_id: world.guildId,
      guild: { id: world.guildId, locale: Locale.EnglishGB, features: [] },
      channel: { id: world.channelId, type: ChannelType.GuildText as const, guild_id: world.guildId, name: "questions" },
      channel_id: world.channelId,
      member: spec.place.guild,
      guild_locale: Locale.EnglishGB,
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: world.guildId },
      context: InteractionContextType.Guild,
    };
  }
  return {
    ...base,
    user: spec.place.dm,
    channel: { id: spec.dmChannelId, type: ChannelType.DM as const, recipients: [spec.place.dm] },
    channel_id: spec.dmChannelId,
    authorizing_integration_owners: {},
    context: InteractionContextType.BotDM,
  };
}

function commandOptions(options: Record<string, string | number | boolean>, focused?: string) {
  return Object.entries(options).map(([name, value]) =>
    typeof value === "number"
      ? { name, type: ApplicationCommandOptionType.Integer as const, value }
      : typeof value === "boolean"
        ? { name, type: ApplicationCommandOptionType.Boolean as const, value }
        : { name, type: ApplicationCommandOptionType.String as const, value, ...(name === focused && { focused: true }) },
  );
}

export function makeSlashCommand(world: World, spec: SlashCommandSpec): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionBase(world, spec),
    type: InteractionType.ApplicationCommand,
    data: { id: `${spec.name}-command`, name: spec.name, type: ApplicationCommandType.ChatInput, options: commandOptions(spec.options) },
  } as APIChatInputApplicationCommandInteraction;
}

/** A member typing in `spec.focused`, one of the command's options: Discord asks the bot for suggestions. */
export function makeAutocomplete(world: World, spec: SlashCommandSpec & { focused: string }): APIApplicationCommandAutocompleteInteraction {
  return {
    ...interactionBase(world, spec),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: `${spec.name}-command`, name: spec.name, type: ApplicationCommandType.ChatInput, options: commandOptions(spec.options, spec.focused) },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** A click on the button `customId` of `message`. */
export function makeButtonClick(
  world: World,
  spec: Pick<SlashCommandSpec, "id" | "token" | "place" | "dmChannelId"> & { customId: string; message: APIMessage },
): APIMessageComponentButtonInteraction {
  return {
    ...interactionBase(world, spec),
    type: InteractionType.MessageComponent,
    message: spec.message,
    data: { custom_id: spec.customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction;
}

export interface MessageSpec {
  id: string;
  channelId: string;
  author: APIUser;
  content: string;
  /** Users the message mentions (Discord fills this from `<@id>` in the content). */
  mentions: APIUser[];
  /** Sent in a server channel (else a DM). */
  inGuild: boolean;
  /** File names of attached files. Default none. */
  attachments?: string[];
}

export function makeMessageCreate(world: World, spec: MessageSpec): GatewayMessageCreateDispatchData {
  const message = {
    id: spec.id,
    channel_id: spec.channelId,
    author: spec.author,
    content: spec.content,
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: spec.mentions,
    mention_roles: [],
    attachments: (spec.attachments ?? []).map((filename, i) => ({
      id: `${spec.id}${i}`,
      filename,
      size: 1024,
      url: `https://cdn.discordapp.com/attachments/${spec.channelId}/${spec.id}/${filename}`,
      proxy_url: `https://media.discordapp.net/attachments/${spec.channelId}/${spec.id}/${filename}`,
    })),
    embeds: [],
    pinned: false,
    type: MessageType.Default,
  } satisfies APIMessage;
  if (spec.inGuild) {
    return {
      ...message,
      guild_id: world.guildId,
      member: { roles: [], joined_at: "2020-01-01T00:00:00.000Z", deaf: false, mute: false, flags: NO_MEMBER_FLAGS },
      channel_type: ChannelType.GuildText,
    } as GatewayMessageCreateDispatchData;
  }
  return { ...message, channel_type: ChannelType.DM } as GatewayMessageCreateDispatchData;
}

/** The message object Discord returns for a message the bot created or edited. */
export function makeSentMessage(
  world: World,
  init: { id: string; channelId: string; body: Record<string, unknown>; viaInteraction?: boolean },
): APIMessage {
  const { body } = init;
  return {
    id: init.id,
    channel_id: init.channelId,
    author: world.bot,
    content: typeof body.content === "string" ? body.content : "",
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body.embeds) ? (body.embeds as APIMessage["embeds"]) : [],
    ...(Array.isArray(body.components) && { components: body.components as APIMessage["components"] }),
    pinned: false,
    type: init.viaInteraction ? MessageType.ChatInputCommand : body.message_reference ? MessageType.Reply : MessageType.Default,
    flags: typeof body.flags === "number" ? body.flags : 0,
    ...(init.viaInteraction && { webhook_id: world.applicationId, application_id: world.applicationId }),
  };
}

/** The intents Verbatim must ask for: servers, server messages, direct messages. */
export const EXPECTED_INTENTS = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;
