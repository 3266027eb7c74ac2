/**
 * The stand-in's REST v10 routes, answering as Discord does: the gateway URL, interaction
 * callbacks, the original response and follow-ups, channel messages, command registration.
 * Message bodies over Discord's limits are refused (400, code 50035); bodies that could ping
 * anyone are flagged.
 */
import { InteractionResponseType } from "discord.js";
import { choiceViolations, limitViolations, pingsNoOne } from "./discord-rules.js";
import { type Ids, type World, makeSentMessage, makeUser } from "./payloads.js";

/** One REST call the bot made. `path` is decoded and relative to `/api/v10`. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | unknown[] | null;
  /** Position in arrival order. */
  seq: number;
}

/** What an interaction is: each kind allows its own response types. */
export type InteractionKind = "command" | "autocomplete" | "component";

/** The response types Discord accepts per kind of interaction. */
const ALLOWED_RESPONSES: Record<InteractionKind, readonly number[]> = {
  command: [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource],
  autocomplete: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  component: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

export interface RestResponse {
  status: number;
  /** JSON body; none for 204. */
  json?: unknown;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** Needs `Authorization: Bot <token>` (interaction routes are authorised by their token instead). */
  auth: boolean;
  handle: (request: RecordedRequest, params: string[]) => RestResponse;
}

/** An interaction the stand-in sent. */
export interface InteractionState {
  channelId: string;
  acknowledged: boolean;
  kind: InteractionKind;
  /** When it was dispatched, by the stand-in's clock, ms. */
  sentAt: number;
}

/** What the routes read and change. */
export interface RestState {
  world: World;
  ids: Ids;
  /** `host:port`, for the gateway URL. */
  origin: () => string;
  /** Interactions sent to the bot, by token. */
  interactions: Map<string, InteractionState>;
  /** The DM channel id with a user, created on first use. */
  dmChannel: (userId: string) => string;
  isKnownChannel: (channelId: string) => boolean;
  problem: (text: string) => void;
  /** Discord's acknowledgement window, ms. */
  ackWindowMs: number;
  now: () => number;
  /** Counted on each callback. */
  acknowledgements: { inTime: number; late: number; delaysMs: number[] };
}

type Json = Record<string, unknown>;

const UNKNOWN_INTERACTION: RestResponse = { status: 404, json: { message: "Unknown interaction", code: 10062 } };
const UNKNOWN_WEBHOOK: RestResponse = { status: 404, json: { message: "Unknown Webhook", code: 10015 } };

export function discordRoutes(state: RestState): Route[] {
  const { world, ids } = state;
  const app = world.applicationId;
  const route = (method: string, pattern: RegExp, auth: boolean, handle: Route["handle"]): Route => ({ method, pattern, auth, handle });

  /** Refuses a message body Discord would refuse, and flags one that could ping. */
  const checkMessage = (request: RecordedRequest, body: Json): RestResponse | undefined => {
    const where = `${request.method} ${request.path}`;
    if (!pingsNoOne(body)) state.problem(`${where} sent without allowed_mentions { parse: [] }: ${JSON.stringify(body.allowed_mentions)}`);
    const violations = limitViolations(body);
    if (violations.length === 0) return undefined;
    state.problem(`${where} over Discord's limits: ${violations.join("; ")}`);
    return { status: 400, json: { message: "Invalid Form Body", code: 50035, errors: violations } };
  };

  const callback = (request: RecordedRequest, token: string): RestResponse => {
    const interaction = state.interactions.get(token);
    if (!interaction) return UNKNOWN_INTERACTION;
    if (!interaction.acknowledged) {
      const delay = state.now() - interaction.sentAt;
      state.acknowledgements.delaysMs.push(delay);
      if (delay > state.ackWindowMs) {
        state.acknowledgements.late++;
        state.interactions.delete(token);
        state.problem(`interaction ${token} acknowledged ${delay} ms after it was sent (Discord allows ${state.ackWindowMs})`);
        return UNKNOWN_INTERACTION;
      }
      state.acknowledgements.inTime++;
    }
    if (interaction.acknowledged) {
      state.problem(`interaction ${token} acknowledged twice`);
      return { status: 400, json: { message: "Interaction has already been acknowledged.", code: 40060 } };
    }
    const body = (request.body ?? {}) as Json;
    if (typeof body.type !== "number" || !ALLOWED_RESPONSES[interaction.kind].includes(body.type)) {
      state.problem(`unexpected response type ${String(body.type)} to a ${interaction.kind} interaction`);
      return { status: 400, json: { message: "Invalid Form Body", code: 50035 } };
    }
    if (body.type === InteractionResponseType.ChannelMessageWithSource || body.type === InteractionResponseType.UpdateMessage) {
      const refused = checkMessage(request, (body.data ?? {}) as Json);
      if (refused) return refused;
    }
    if (body.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      const violations = choiceViolations((body.data ?? {}) as Json);
      if (violations.length > 0) {
        state.problem(`autocomplete answer refused: ${violations.join("; ")}`);
        return { status: 400, json: { message: "Invalid Form Body", code: 50035, errors: violations } };
      }
    }
    interaction.acknowledged = true;
    if (request.query.with_response === "true") return { status: 200, json: { interaction: { id: token, type: 2 }, resource: { type: body.type } } };
    return { status: 204 };
  };

  const webhookMessage = (request: RecordedRequest, token: string, kind: string): RestResponse => {
    const interaction = state.interactions.get(token);
    if (!interaction?.acknowledged) {
      state.problem(`${kind} for interaction ${token} before it was acknowledged`);
      return UNKNOWN_WEBHOOK;
    }
    const body = (request.body ?? {}) as Json;
    return checkMessage(request, body) ?? {
      status: 200,
      json: makeSentMessage(world, { id: ids.next(), channelId: interaction.channelId, body, viaInteraction: true }),
    };
  };

  const channelMessage = (request: RecordedRequest, channelId: string): RestResponse => {
    if (!state.isKnownChannel(channelId)) return { status: 404, json: { message: "Unknown Channel", code: 10003 } };
    const body = (request.body ?? {}) as Json;
    return checkMessage(request, body) ?? { status: 200, json: makeSentMessage(world, { id: ids.next(), channelId, body }) };
  };

  const original = new RegExp(`^/webhooks/${app}/([^/]+)/messages/@original$`);
  return [
    route("GET", /^\/gateway\/bot$/, true, () => ({
      status: 200,
      json: {
        url: `ws://${state.origin()}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      },
    })),
    route("GET", /^\/users\/@me$/, true, () => ({ status: 200, json: world.bot })),
    route("POST", /^\/users\/@me\/channels$/, true, (r) => {
      const recipient = String((r.body as Json | null)?.recipient_id ?? "");
      return { status: 200, json: { id: state.dmChannel(recipient), type: 1, recipients: [makeUser(recipient, "reader")] } };
    }),
    route("POST", /^\/interactions\/\d+\/([^/]+)\/callback$/, false, (r, [token]) => callback(r, token!)),
    route("PATCH", original, false, (r, [token]) => webhookMessage(r, token!, "edit")),
    route("DELETE", original, false, (_r, [token]) => (state.interactions.get(token!)?.acknowledged ? { status: 204 } : UNKNOWN_WEBHOOK)),
    route("POST", new RegExp(`^/webhooks/${app}/([^/]+)$`), false, (r, [token]) => webhookMessage(r, token!, "follow-up")),
    route("POST", /^\/channels\/(\d+)\/messages$/, true, (r, [channelId]) => channelMessage(r, channelId!)),
    route("POST", /^\/channels\/(\d+)\/typing$/, true, () => ({ status: 204 })),
    route("PUT", new RegExp(`^/applications/${app}/(?:guilds/\\d+/)?commands$`), true, (r) => ({
      status: 200,
      json: ((Array.isArray(r.body) ? r.body : []) as Json[]).map((command) => ({ ...command, id: ids.next(), application_id: app, version: "1" })),
    })),
  ];
}
