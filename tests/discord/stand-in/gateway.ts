/**
 * The stand-in's gateway v10 (JSON, no compression): HELLO, IDENTIFY → READY and one
 * GUILD_CREATE per server in READY, heartbeat ACKs, and dispatches pushed by the tests.
 * What it checks is what Discord would refuse: another API version, an encoding or compression
 * other than JSON, a wrong token (close 4004).
 */
import type { IncomingMessage, Server } from "node:http";
import { GatewayDispatchEvents, GatewayOpcodes } from "discord.js";
import { WebSocket, WebSocketServer } from "ws";
import { EXPECTED_INTENTS, type World, makeGuildCreate, makeReady } from "./payloads.js";

export interface GatewayOptions {
  server: Server;
  world: World;
  token: string;
  heartbeatIntervalMs: number;
  /** `host:port` the gateway is reached at (for `resume_gateway_url`). */
  origin: () => string;
  /** Records something Discord would refuse. */
  problem: (text: string) => void;
  /** Close code every IDENTIFY gets instead of READY (see `StandInOptions.refuseIdentifyWith`). */
  refuseIdentifyWith?: number;
}

/** Discord's reasons for the close codes a stand-in may refuse an IDENTIFY with. */
const CLOSE_REASONS: Record<number, string> = { 4004: "Authentication failed.", 4013: "Invalid intent(s).", 4014: "Disallowed intent(s)." };

export class FakeGateway {
  /** Intents sent with each IDENTIFY. */
  readonly identifies: number[] = [];
  heartbeats = 0;
  readonly #options: GatewayOptions;
  readonly #server: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();
  readonly #identified = new WeakSet<WebSocket>();
  readonly #heartbeatWaiters = new Set<() => void>();
  #seq = 0;
  /** Dispatches made while no session was open. */
  readonly #waiting: { event: GatewayDispatchEvents; data: unknown; onSent?: () => void }[] = [];

  constructor(options: GatewayOptions) {
    this.#options = options;
    this.#server = new WebSocketServer({ server: options.server });
    this.#server.on("connection", (socket, req) => this.#onConnection(socket, req));
  }

  /** Resolves once a client has sent a heartbeat (and been acknowledged). */
  whenHeartbeat(): Promise<void> {
    if (this.heartbeats > 0) return Promise.resolve();
    return new Promise((resolve) => this.#heartbeatWaiters.add(resolve));
  }

  /**
   * Sends a dispatch to every identified connection. Between a dropped connection and the next
   * IDENTIFY (a slow machine misses a heartbeat and discord.js reconnects), dispatches wait and
   * go to the next session, as Discord delivers missed events; with no session ever, it throws.
   */
  dispatch(event: GatewayDispatchEvents, data: unknown, onSent?: () => void): void {
    const ready = [...this.#sockets].filter((s) => this.#identified.has(s) && s.readyState === WebSocket.OPEN);
    if (ready.length === 0) {
      if (this.identifies.length === 0) throw new Error("stand-in: no identified gateway connection to dispatch to (start the bot first)");
      this.#waiting.push({ event, data, ...(onSent && { onSent }) });
      return;
    }
    for (const socket of ready) this.#send(socket, event, data);
    onSent?.();
  }

  /** Closes every connection with `code`, as Discord does when it ends a session (a token reset: 4004). */
  closeConnections(code: number): void {
    for (const socket of this.#sockets) socket.close(code, CLOSE_REASONS[code] ?? "Closed.");
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onConnection(socket: WebSocket, req: IncomingMessage): void {
    this.#sockets.add(socket);
    socket.on("close", () => this.#sockets.delete(socket));
    const query = new URL(req.url ?? "/", "ws://stand-in").searchParams;
    if (query.get("v") !== "10" || query.get("encoding") !== "json" || query.has("compress")) {
      this.#options.problem(`gateway opened with ${req.url}: expected v=10, encoding=json, no compression`);
      socket.close(4012, "Invalid API version");
      return;
    }
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.#options.heartbeatIntervalMs }, s: null, t: null }));
    socket.on("message", (data) => this.#onMessage(socket, String(data)));
  }

  #onMessage(socket: WebSocket, text: string): void {
    const payload = JSON.parse(text) as { op: number; d: Record<string, unknown> | number | null };
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeats++;
        socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
        for (const resolve of this.#heartbeatWaiters) resolve();
        this.#heartbeatWaiters.clear();
        return;
      case GatewayOpcodes.Identify:
        this.#identify(socket, payload.d as Record<string, unknown>);
        return;
      case GatewayOpcodes.Resume:
        // Sessions are not kept: tell the client to identify afresh.
        socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
        return;
      default:
        return;
    }
  }

  #identify(socket: WebSocket, d: Record<string, unknown>): void {
    const { world, token, origin, problem, refuseIdentifyWith } = this.#options;
    if (d.token !== token) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    if (refuseIdentifyWith !== undefined) {
      socket.close(refuseIdentifyWith, CLOSE_REASONS[refuseIdentifyWith] ?? "Refused.");
      return;
    }
    const intents = Number(d.intents);
    if ((intents & EXPECTED_INTENTS) !== EXPECTED_INTENTS) problem(`IDENTIFY with intents ${intents}, missing some of ${EXPECTED_INTENTS}`);
    this.identifies.push(intents);
    this.#identified.add(socket);
    this.#send(socket, GatewayDispatchEvents.Ready, makeReady(world, `session-${this.identifies.length}`, `ws://${origin()}`));
    this.#send(socket, GatewayDispatchEvents.GuildCreate, makeGuildCreate(world));
    for (const { event, data, onSent } of this.#waiting.splice(0)) {
      this.#send(socket, event, data);
      onSent?.();
    }
  }

  #send(socket: WebSocket, event: GatewayDispatchEvents, data: unknown): void {
    socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: ++this.#seq, d: data }));
  }
}
