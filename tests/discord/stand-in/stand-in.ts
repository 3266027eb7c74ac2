/**
 * A small Discord on loopback, enough for the real discord.js client: REST v10 (`rest.ts`) and
 * gateway v10 (`gateway.ts`, JSON) on one port.
 *
 * It records every request; an unknown route, a reply over Discord's limits or a reply that could
 * ping anyone is answered the way Discord would (404 / 400) and listed in `problems`, which the
 * tests check is empty. Interactions and messages are pushed to the bot as gateway dispatches.
 *
 * @example
 * const discord = await DiscordStandIn.start({ token });
 * // new Client({ rest: { api: discord.apiBase } }).login(token)
 * const ask = discord.slashCommand("ask", { question: "Who?" }, discord.member(discord.newUser()));
 * const edit = await discord.waitFor((r) => r.method === "PATCH" && r.path === ask.originalPath);
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type APIMessage, type APIUser, GatewayDispatchEvents, PermissionFlagsBits } from "discord.js";
import { FakeGateway } from "./gateway.js";
import {
  Ids,
  MEMBER_PERMISSIONS,
  type Place,
  type World,
  makeAutocomplete,
  makeButtonClick,
  makeInteractionMember,
  makeMessageCreate,
  makeSentMessage,
  makeSlashCommand,
  makeUser,
} from "./payloads.js";
import { type InteractionKind, type InteractionState, type RecordedRequest, type RestResponse, type Route, discordRoutes } from "./rest.js";

export type { RecordedRequest } from "./rest.js";

/** A slash command the stand-in sent to the bot, with the paths of the requests that answer it. */
export interface SentInteraction {
  id: string;
  token: string;
  callbackPath: string;
  /** The original response (`@original`). */
  originalPath: string;
  followUpPath: string;
}

export interface StandInOptions {
  /** The only token the stand-in accepts. */
  token: string;
  /** Gateway heartbeat interval, ms. Default 41 250 (Discord's). */
  heartbeatIntervalMs?: number;
  /**
   * Close every IDENTIFY with this code instead of READY, as Discord does for a token revoked
   * since REST accepted it (4004) or intents not enabled for the application (4014).
   */
  refuseIdentifyWith?: number;
  /**
   * How long after an interaction is sent its acknowledgement may arrive, ms. Default 3000, as
   * Discord: a later one is refused with 404 "Unknown interaction" (code 10062) and recorded.
   */
  ackWindowMs?: number;
  /** Clock, ms. Default `Date.now`. */
  now?: () => number;
  /** Called with every REST request as it arrives (for benchmarks that time replies). */
  onRequest?: (request: RecordedRequest) => void;
}

/** How the bot kept Discord's acknowledgement window. */
export interface Acknowledgements {
  inTime: number;
  late: number;
  /** From dispatch to callback, ms, in arrival order. */
  delaysMs: number[];
}

/** A member with Manage Server. */
export const MANAGE_SERVER = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;

/** Why: long enough for a slow CI machine, short enough that a missing reply fails in seconds, not at the test timeout. */
const WAIT_TIMEOUT_MS = 15_000;
const API_PREFIX = "/api/v10";

interface Waiter {
  match: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
  reject: (error: Error) => void;
}

export class DiscordStandIn {
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** What Discord would have refused or what the bot must never do; tests expect none. */
  readonly problems: string[] = [];
  readonly world: World;
  readonly #ids = new Ids();
  readonly #token: string;
  readonly #server: Server;
  readonly #gateway: FakeGateway;
  readonly #routes: Route[];
  readonly #interactions = new Map<string, InteractionState>();
  readonly #now: () => number;
  readonly #onRequest: ((request: RecordedRequest) => void) | undefined;
  /** Acknowledgements counted against Discord's window (see `StandInOptions.ackWindowMs`). */
  readonly acknowledgements: Acknowledgements = { inTime: 0, late: 0, delaysMs: [] };
  readonly #dmChannels = new Map<string, string>();
  readonly #waiters = new Set<Waiter>();
  #held: (() => void)[] = [];
  #holdMatch: ((request: RecordedRequest) => boolean) | undefined;
  #seq = 0;

  private constructor({ token, heartbeatIntervalMs = 41_250, refuseIdentifyWith, ackWindowMs = 3000, now = Date.now, onRequest }: StandInOptions) {
    this.#token = token;
    this.#now = now;
    this.#onRequest = onRequest;
    const applicationId = this.#ids.next();
    this.world = {
      applicationId,
      bot: makeUser(applicationId, "Verbatim", true),
      guildId: this.#ids.next(),
      channelId: this.#ids.next(),
      moderatorRoleId: this.#ids.next(),
    };
    const origin = (): string => this.#origin;
    const problem = (text: string): void => this.#problem(text);
    this.#server = createServer((req, res) => void this.#onHttp(req, res));
    this.#gateway = new FakeGateway({
      server: this.#server,
      world: this.world,
      token,
      heartbeatIntervalMs,
      origin,
      problem,
      ...(refuseIdentifyWith !== undefined && { refuseIdentifyWith }),
    });
    this.#routes = discordRoutes({
      world: this.world,
      ids: this.#ids,
      origin,
      interactions: this.#interactions,
      dmChannel: (userId) => this.dmChannelOf(userId),
      isKnownChannel: (id) => id === this.world.channelId || [...this.#dmChannels.values()].includes(id),
      problem,
      ackWindowMs,
      now,
      acknowledgements: this.acknowledgements,
    });
  }

  /** Starts listening on an ephemeral loopback port. */
  static async start(options: StandInOptions): Promise<DiscordStandIn> {
    const standIn = new DiscordStandIn(options);
    await new Promise<void>((resolve) => standIn.#server.listen(0, "127.0.0.1", resolve));
    return standIn;
  }

  /** Value for `DISCORD_API_BASE`. */
  get apiBase(): string {
    return `http://${this.#origin}/api`;
  }

  /** Intents sent with each IDENTIFY. */
  get identifies(): readonly number[] {
    return this.#gateway.identifies;
  }

  get heartbeats(): number {
    return this.#gateway.heartbeats;
  }

  /** Resolves once the client has sent a heartbeat (and been acknowledged). */
  whenHeartbeat(): Promise<void> {
    return this.#gateway.whenHeartbeat();
  }

  /** Ends every gateway session with a close `code` (4004: the token was reset). */
  closeGateway(code: number): void {
    this.#gateway.closeConnections(code);
  }

  /** A new user, distinct from every other. */
  newUser(name = "reader"): APIUser {
    const id = this.#ids.next();
    return makeUser(id, `${name}${id.slice(-4)}`);
  }

  /** `user` as a member of the server: ordinary permissions unless given, and optional roles. */
  member(user: APIUser, options: { permissions?: bigint; roles?: string[] } = {}): Place {
    return { guild: makeInteractionMember(user, options.permissions ?? MEMBER_PERMISSIONS, options.roles) };
  }

  /** `user` writing from a direct message. */
  dm(user: APIUser): Place {
    return { dm: user };
  }

  /** The DM channel id between the bot and `userId`. */
  dmChannelOf(userId: string): string {
    let id = this.#dmChannels.get(userId);
    if (!id) {
      id = this.#ids.next();
      this.#dmChannels.set(userId, id);
    }
    return id;
  }

  /** Dispatches a slash command interaction (INTERACTION_CREATE). Whole-number options are sent as INTEGER options, booleans as BOOLEAN ones. */
  slashCommand(name: string, options: Record<string, string | number | boolean>, place: Place): SentInteraction {
    return this.#interaction(place, "command", (spec) => makeSlashCommand(this.world, { ...spec, name, options }));
  }

  /** Dispatches an autocomplete request for option `focused` of `/name`, as Discord does while a member types. */
  autocomplete(name: string, options: Record<string, string>, focused: string, place: Place): SentInteraction {
    return this.#interaction(place, "autocomplete", (spec) => makeAutocomplete(this.world, { ...spec, name, options, focused }));
  }

  /**
   * Dispatches a click on the button `customId` of the message the bot sent with `sent` (the body
   * of its POST or PATCH), as `place` clicks it.
   */
  clickButton(customId: string, sent: RecordedRequest, place: Place): SentInteraction {
    const body = (sent.body ?? {}) as Record<string, unknown>;
    const channelId = "dm" in place ? this.dmChannelOf(place.dm.id) : this.world.channelId;
    const message: APIMessage = makeSentMessage(this.world, { id: this.#ids.next(), channelId, body, viaInteraction: sent.path.startsWith("/webhooks/") });
    return this.#interaction(place, "component", (spec) => makeButtonClick(this.world, { ...spec, customId, message }));
  }

  #interaction(place: Place, kind: InteractionKind, make: (spec: { id: string; token: string; place: Place; dmChannelId: string }) => unknown): SentInteraction {
    const id = this.#ids.next();
    const token = `interaction-token-${id}`;
    const dmChannelId = "dm" in place ? this.dmChannelOf(place.dm.id) : "";
    const state: InteractionState = { channelId: dmChannelId || this.world.channelId, acknowledged: false, kind, sentAt: this.#now() };
    this.#interactions.set(token, state);
    // Discord's 3 s run from when the interaction reaches the bot's session, not from a wait for one.
    this.#gateway.dispatch(GatewayDispatchEvents.InteractionCreate, make({ id, token, place, dmChannelId }), () => {
      state.sentAt = this.#now();
    });
    const app = this.world.applicationId;
    return {
      id,
      token,
      callbackPath: `/interactions/${id}/${token}/callback`,
      originalPath: `/webhooks/${app}/${token}/messages/@original`,
      followUpPath: `/webhooks/${app}/${token}`,
    };
  }

  /**
   * Dispatches a message (MESSAGE_CREATE) from `author`, in a direct message or in the server's
   * channel; `mentionBot` puts the bot's mention in front of the text, as Discord's client does.
   */
  message(author: APIUser, text: string, options: { dm?: boolean; mentionBot?: boolean; attachments?: string[] } = {}): { id: string; channelId: string } {
    const id = this.#ids.next();
    const channelId = options.dm ? this.dmChannelOf(author.id) : this.world.channelId;
    const content = options.mentionBot ? `<@${this.world.bot.id}> ${text}` : text;
    const mentions = options.mentionBot ? [this.world.bot] : [];
    this.#gateway.dispatch(
      GatewayDispatchEvents.MessageCreate,
      makeMessageCreate(this.world, { id, channelId, author, content, mentions, inGuild: !options.dm, ...(options.attachments && { attachments: options.attachments }) }),
    );
    return { id, channelId };
  }

  /** Resolves with the first request (past or future) that `match` accepts; rejects on a problem. */
  waitFor(match: (request: RecordedRequest) => boolean, what = "matching request"): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    if (this.problems.length > 0) return Promise.reject(new Error(`stand-in problems: ${this.problems.join("; ")}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const log = this.requests.map((r) => `${r.method} ${r.path}`).join("\n  ");
        reject(new Error(`stand-in: no ${what} within ${WAIT_TIMEOUT_MS} ms; requests so far:\n  ${log}`));
      }, WAIT_TIMEOUT_MS);
      const waiter: Waiter = {
        match,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  /** Requests about one interaction (its callback, original response and follow-ups), in order. */
  requestsFor(interaction: SentInteraction): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${interaction.token}`));
  }

  /** Returns the problems recorded so far and forgets them, so one test's failure does not leak into the next. */
  takeProblems(): string[] {
    return this.problems.splice(0);
  }

  /**
   * Holds the responses to requests that `match` accepts until `release()`, as a slow Discord
   * would; such requests are still recorded (and waiters resolved) on arrival.
   */
  hold(match: (request: RecordedRequest) => boolean): { release: () => void } {
    this.#holdMatch = match;
    return {
      release: () => {
        this.#holdMatch = undefined;
        for (const release of this.#held.splice(0)) release();
      },
    };
  }

  /** Closes every connection and the server. Destroy the client first. */
  async stop(): Promise<void> {
    for (const release of this.#held.splice(0)) release();
    await this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  get #origin(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  async #onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await this.#record(req);
    const versioned = (req.url ?? "").startsWith(`${API_PREFIX}/`);
    const response = this.#route(request, versioned, req.headers.authorization);
    this.#onRequest?.(request);
    for (const waiter of [...this.#waiters]) {
      if (waiter.match(request)) {
        this.#waiters.delete(waiter);
        waiter.resolve(request);
      }
    }
    if (this.#holdMatch?.(request)) await new Promise<void>((release) => this.#held.push(release));
    if (response.json === undefined) res.writeHead(response.status).end();
    else res.writeHead(response.status, { "content-type": "application/json" }).end(JSON.stringify(response.json));
  }

  async #record(req: IncomingMessage): Promise<RecordedRequest> {
    const url = new URL(req.url ?? "/", `http://${this.#origin}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: RecordedRequest["body"] = null;
    try {
      body = raw ? (JSON.parse(raw) as RecordedRequest["body"]) : null;
    } catch {
      this.#problem(`${req.method} ${url.pathname} sent a body that is not JSON`);
    }
    // Decoded per segment, as Discord routes "%40original" to "@original".
    const path = url.pathname.startsWith(API_PREFIX)
      ? url.pathname.slice(API_PREFIX.length).split("/").map(decodeURIComponent).join("/")
      : url.pathname;
    const request = { method: req.method ?? "GET", path, query: Object.fromEntries(url.searchParams), body, seq: this.#seq++ };
    this.requests.push(request);
    return request;
  }

  #route(request: RecordedRequest, versioned: boolean, authorization: string | undefined): RestResponse {
    for (const route of versioned ? this.#routes : []) {
      const match = route.method === request.method ? route.pattern.exec(request.path) : null;
      if (!match) continue;
      if (route.auth && authorization !== `Bot ${this.#token}`) return { status: 401, json: { message: "401: Unauthorized", code: 0 } };
      return route.handle(request, match.slice(1));
    }
    this.#problem(`unknown route ${request.method} ${request.path}`);
    return { status: 404, json: { message: "404: Not Found", code: 0 } };
  }

  #problem(text: string): void {
    this.problems.push(text);
    for (const waiter of this.#waiters) waiter.reject(new Error(`stand-in: ${text}`));
    this.#waiters.clear();
  }
}
