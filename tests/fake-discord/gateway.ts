// The Gateway: a `ws` server speaking Discord's protocol (HELLO, heartbeat ACKs, IDENTIFY -> READY +
// GUILD_CREATE, RESUME with replay -> RESUMED), with sessions that outlive their socket so a dropped
// client can resume, and per-shard routing of dispatches by guild id.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { guildCreatePayload, readyPayload } from './payloads.ts';
import { randomToken, shardForGuild } from './snowflake.ts';
import type { IdentifyInfo } from './types.ts';
import type { ChangeNotifier } from './waiter.ts';
import type { World } from './world.ts';

export interface Session {
  id: string;
  shardId: number;
  shardCount: number;
  intents: number;
  seq: number;
  /** Sent dispatches, replayed on RESUME (Discord replays what the client missed). */
  log: { s: number; frame: string }[];
  socket: WebSocket | null;
}

const REPLAY_LOG_LIMIT = 1000;

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** ws://127.0.0.1:PORT, known only once the server listens. */
  baseUrl: () => string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Gateway {
  identifyCount = 0;
  resumeCount = 0;
  heartbeatCount = 0;
  readonly identifies: IdentifyInfo[] = [];
  /** resumeCount when dropConnections() was last called, so waitForResume waits for a new one. */
  resumeCountAtDrop = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly sessions = new Map<string, Session>();
  /** The live session of each shard id (the latest IDENTIFY wins). */
  private readonly byShard = new Map<number, Session>();

  constructor(
    private readonly world: World,
    private readonly notifier: ChangeNotifier,
    private readonly options: GatewayOptions,
  ) {}

  get url(): string {
    return `${this.options.baseUrl()}/gateway`;
  }

  private get resumeUrl(): string {
    return `${this.options.baseUrl()}/resume`;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(request.url ?? '/', 'ws://localhost').pathname.replace(/\/+$/, '');
    if (path !== '/gateway' && path !== '/resume') {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws));
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    let session: Session | null = null;
    ws.on('close', () => {
      this.sockets.delete(ws);
      if (session && session.socket === ws) session.socket = null;
    });
    ws.on('message', (data: RawData) => {
      let payload: unknown;
      try {
        payload = JSON.parse(data.toString());
      } catch {
        ws.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      if (!isRecord(payload)) {
        ws.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      const d = payload['d'];
      switch (payload['op']) {
        case GatewayOpcodes.Heartbeat:
          // Without the ACK @discordjs/ws declares the connection a zombie and reconnects.
          this.send(ws, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
          this.heartbeatCount += 1;
          this.notifier.notify();
          return;
        case GatewayOpcodes.Identify:
          if (session) {
            ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
            return;
          }
          session = this.identify(ws, d);
          return;
        case GatewayOpcodes.Resume:
          session = this.resume(ws, d);
          return;
        case GatewayOpcodes.RequestGuildMembers:
          if (session) this.sendMemberChunk(session, d);
          return;
        case GatewayOpcodes.PresenceUpdate:
        case GatewayOpcodes.VoiceStateUpdate:
        case GatewayOpcodes.RequestSoundboardSounds:
          return;
        default:
          ws.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
      }
    });
    this.send(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  private identify(ws: WebSocket, d: unknown): Session | null {
    if (!isRecord(d) || typeof d['token'] !== 'string' || typeof d['intents'] !== 'number') {
      ws.close(GatewayCloseCodes.DecodeError, 'IDENTIFY needs token and intents.');
      return null;
    }
    if (d['token'] !== this.world.token) {
      ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return null;
    }
    const shard = Array.isArray(d['shard']) ? d['shard'] : [0, 1];
    const [shardId, shardCount] = [Number(shard[0]), Number(shard[1])];
    if (!Number.isInteger(shardId) || !Number.isInteger(shardCount) || shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      ws.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return null;
    }
    const session: Session = { id: randomToken('session'), shardId, shardCount, intents: d['intents'], seq: 0, log: [], socket: ws };
    const previous = this.byShard.get(shardId);
    if (previous) this.sessions.delete(previous.id);
    this.sessions.set(session.id, session);
    this.byShard.set(shardId, session);

    const guilds = this.world.guilds.filter((guild) => shardForGuild(guild.id, shardCount) === shardId);
    this.dispatch(session, 'READY', readyPayload({
      user: this.world.botUser,
      guildIds: guilds.map((guild) => guild.id),
      sessionId: session.id,
      resumeUrl: this.resumeUrl,
      shard: [shardId, shardCount],
      applicationId: this.world.applicationId,
    }));
    // Sent right away so the client need not wait waitGuildTimeout for "unavailable" guilds.
    for (const guild of guilds) this.dispatch(session, 'GUILD_CREATE', guildCreatePayload(guild, null));

    this.identifyCount += 1;
    this.identifies.push({ shardId, shardCount, intents: session.intents, sessionId: session.id });
    this.notifier.notify();
    return session;
  }

  private resume(ws: WebSocket, d: unknown): Session | null {
    const session = isRecord(d) && typeof d['session_id'] === 'string' ? this.sessions.get(d['session_id']) : undefined;
    if (!session || !isRecord(d)) {
      // Not resumable: the client must IDENTIFY again.
      this.send(ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return null;
    }
    if (session.socket && session.socket !== ws) session.socket.close(GatewayCloseCodes.SessionTimedOut, 'Session resumed elsewhere.');
    session.socket = ws;
    const seq = typeof d['seq'] === 'number' ? d['seq'] : 0;
    for (const entry of session.log) if (entry.s > seq) ws.send(entry.frame);
    this.dispatch(session, 'RESUMED', {});
    this.resumeCount += 1;
    this.notifier.notify();
    return session;
  }

  private sendMemberChunk(session: Session, d: unknown): void {
    if (!isRecord(d) || typeof d['guild_id'] !== 'string') return;
    const guild = this.world.guilds.find((candidate) => candidate.id === d['guild_id']);
    if (!guild) return;
    const ids = Array.isArray(d['user_ids']) ? d['user_ids'].map(String) : null;
    const query = typeof d['query'] === 'string' ? d['query'].toLowerCase() : '';
    const members = guild.members.filter((member) => (ids ? ids.includes(member.user.id) : member.user.username.toLowerCase().startsWith(query)));
    this.dispatch(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: ids ? ids.filter((id) => !members.some((member) => member.user.id === id)) : [],
      ...(d['nonce'] === undefined ? {} : { nonce: d['nonce'] }),
    });
  }

  /** Sends (or, while the client is disconnected, only logs for replay) one dispatch. */
  dispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
    session.log.push({ s: session.seq, frame });
    if (session.log.length > REPLAY_LOG_LIMIT) session.log.shift();
    const socket = session.socket;
    if (socket && socket.readyState === socket.OPEN) socket.send(frame);
  }

  /** The session that receives events of a guild (Discord's shard formula); DMs go to shard 0. */
  sessionFor(guildId: string | null): Session | undefined {
    for (const session of this.byShard.values()) {
      const shard = guildId === null ? 0 : shardForGuild(guildId, session.shardCount);
      if (session.shardId === shard) return session;
    }
    return undefined;
  }

  /** Like sessionFor, but explains the likely test mistake instead of returning undefined. */
  requireSession(guildId: string | null): Session {
    const session = this.sessionFor(guildId);
    if (!session) {
      throw new Error(
        `fake-discord: no gateway session receives ${guildId ? `guild ${guildId}` : 'DMs'} ` +
          `(identified shards: ${[...this.byShard.values()].map((s) => `${s.shardId}/${s.shardCount}`).join(', ') || 'none'}). ` +
          'Log the client in and wait for Events.ClientReady first.',
      );
    }
    return session;
  }

  hasIntent(session: Session, intent: GatewayIntentBits): boolean {
    return (session.intents & intent) === intent;
  }

  /** Closes every gateway socket with `code`; sessions stay resumable unless invalidated. */
  dropConnections(code: number, invalidateSessions: boolean): void {
    this.resumeCountAtDrop = this.resumeCount;
    if (invalidateSessions) {
      // The client's RESUME then gets op 9 (invalid session) and it must IDENTIFY again.
      this.sessions.clear();
      this.byShard.clear();
    }
    for (const ws of this.sockets) ws.close(code, 'fake-discord: connection dropped');
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    this.wss.close();
  }
}
