// A local fake Discord (REST over node:http + Gateway over ws on 127.0.0.1) that the real discord.js
// Client logs into: new Client({ intents, rest: { api: fake.apiUrl } }). It records and validates every
// REST call the bot makes, and dispatches interactions and messages with complete payloads.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIAttachment, APIUser } from 'discord.js';
import { Attachments, type AttachmentInput } from './attachments.ts';
import { EventSender } from './events.ts';
import { FaultInjector } from './faults.ts';
import { Gateway } from './gateway.ts';
import { buildAutocomplete, buildButton, buildSlashCommand } from './interactions.ts';
import { DEFAULT_TIMEOUT_MS, RequestLog, summarize } from './recorder.ts';
import { channelRoutes } from './rest-channels.ts';
import { commandRoutes } from './rest-commands.ts';
import { interactionIdForPath, interactionRoutes } from './rest-interactions.ts';
import { miscRoutes } from './rest-misc.ts';
import { createRestHandler } from './rest.ts';
import type {
  AutocompleteInput,
  ButtonInput,
  FailNextOptions,
  FakeDiscordOptions,
  FakeInteraction,
  FakeUserInput,
  IdentifyInfo,
  MessageInput,
  RecordedRequest,
  SlashCommandInput,
  StoredCommand,
  WaitOptions,
} from './types.ts';
import { ChangeNotifier } from './waiter.ts';
import { World, type InteractionState, type StoredMessage } from './world.ts';

export type * from './types.ts';
export type { StoredMessage } from './world.ts';

const isOk = (request: RecordedRequest): boolean => request.status >= 200 && request.status < 300;

/**
 * Default for waitForResponse: the user can see an answer. An accepted callback that is not a
 * deferral (type 5/6), or, after a deferral, an accepted edit or follow-up.
 */
function hasVisibleAnswer(_request: RecordedRequest, all: RecordedRequest[]): boolean {
  const callback = all.find((request) => isOk(request) && request.path.endsWith('/callback'));
  if (!callback) return false;
  const type = (callback.body as { type?: unknown } | undefined)?.type;
  if (type !== 5 && type !== 6) return true;
  return all.some((request) => isOk(request) && request.seq > callback.seq && request.path.startsWith('/webhooks/') && request.method !== 'GET');
}

export class FakeDiscord {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  private readonly world: World;
  private readonly gateway: Gateway;
  private readonly events: EventSender;
  private readonly notifier: ChangeNotifier;
  private readonly log: RequestLog;
  private readonly faults: FaultInjector;
  private readonly server: Server;
  private readonly attachments: Attachments;

  private constructor(parts: { world: World; gateway: Gateway; notifier: ChangeNotifier; log: RequestLog; faults: FaultInjector; server: Server; port: number; attachments: Attachments }) {
    this.world = parts.world;
    this.gateway = parts.gateway;
    this.events = new EventSender(parts.world, parts.gateway);
    this.notifier = parts.notifier;
    this.log = parts.log;
    this.faults = parts.faults;
    this.server = parts.server;
    this.attachments = parts.attachments;
    this.apiUrl = `http://127.0.0.1:${parts.port}/api`;
    this.gatewayUrl = parts.gateway.url;
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const world = new World(options);
    const notifier = new ChangeNotifier();
    let port = 0;
    const gateway = new Gateway(world, notifier, { heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250, baseUrl: () => `ws://127.0.0.1:${port}` });
    const log = new RequestLog(notifier);
    const faults = new FaultInjector();
    const routes = [
      ...miscRoutes(world, { gatewayUrl: () => gateway.url, shards: options.shards ?? 1 }),
      ...interactionRoutes(world),
      ...channelRoutes(world),
      ...commandRoutes(world),
    ];
    const handle = createRestHandler(routes, log, faults, (path) => interactionIdForPath(world, path), world.token);
    const attachments = new Attachments(() => `http://127.0.0.1:${port}`);
    world.attachments = attachments;
    const server = createServer((request, response) => {
      if (attachments.serve(request, response)) return;
      handle(request, response).catch((error: unknown) => {
        log.violations.push(`fake-discord internal error on ${request.method ?? ''} ${request.url ?? ''}: ${String(error)}`);
        if (!response.headersSent) response.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"fake-discord internal error","code":0}');
      });
    });
    server.on('upgrade', (request, socket, head: Buffer) => gateway.handleUpgrade(request, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    return new FakeDiscord({ world, gateway, notifier, log, faults, server, port, attachments });
  }

  // ---------- identity and fixtures ----------

  get token(): string {
    return this.world.token;
  }
  get botUser(): APIUser {
    return this.world.botUser;
  }
  get applicationId(): string {
    return this.world.applicationId;
  }
  /** A normal (non-bot) guild member used by the helpers when no user is given. */
  get testUser(): APIUser {
    return this.world.testUser;
  }
  get guildId(): string {
    return this.world.guild().id;
  }
  get channelId(): string {
    const channel = this.world.guild().channels[0];
    if (!channel) throw new Error('fake-discord: the first guild has no text channel');
    return channel.id;
  }
  get threadId(): string {
    const thread = this.world.guild().threads[0];
    if (!thread) throw new Error('fake-discord: the first guild has no thread');
    return thread.id;
  }
  /** All guilds with their channels, threads, roles and members (live objects; treat as read-only). */
  get guilds(): World['guilds'] {
    return this.world.guilds;
  }
  roleId(name: string, guildId?: string): string {
    return this.world.resolveRoles(this.world.guild(guildId), [name])[0] ?? '';
  }
  /** Adds a user who is a member of every guild. */
  createUser(input: FakeUserInput = {}): APIUser {
    return this.world.user(input);
  }

  // ---------- recording ----------

  get requests(): RecordedRequest[] {
    return this.log.requests;
  }
  /** Everything Discord would have rejected, as readable lines. Tests assert this stays []. */
  get violations(): string[] {
    return this.log.violations;
  }
  /** Requests no route matched (answered 404), as "METHOD /path". */
  get unknownRoutes(): string[] {
    return this.log.requests.filter((request) => request.unknownRoute).map((request) => `${request.method} ${request.path}`);
  }
  get commands(): { global: StoredCommand[]; guilds: Record<string, StoredCommand[]> } {
    return this.world.commands;
  }
  /** Messages the fake knows (sent by users via sendMessage or by the bot), by id. */
  message(id: string): StoredMessage | undefined {
    return this.world.messages.get(id);
  }
  get identifyCount(): number {
    return this.gateway.identifyCount;
  }
  get resumeCount(): number {
    return this.gateway.resumeCount;
  }
  /** Max ms between dispatching an interaction and its initial callback (0 disables). */
  get interactionDeadlineMs(): number {
    return this.world.settings.interactionDeadlineMs;
  }
  set interactionDeadlineMs(value: number) {
    this.world.settings.interactionDeadlineMs = value;
  }
  get pendingFaults(): number {
    return this.faults.pending;
  }

  /** Forget recorded requests, violations and pending faults (state like commands and messages stays). */
  reset(): void {
    this.log.clear();
    this.faults.clear();
  }

  responsesFor(interactionId: string): RecordedRequest[] {
    return this.log.forInteraction(interactionId);
  }

  /**
   * Resolves with every callback/webhook request of the interaction once one satisfies `predicate`
   * (default: an accepted answer the user can see; after deferReply, the edit or follow-up).
   */
  waitForResponse(
    interactionId: string,
    predicate: (request: RecordedRequest, all: RecordedRequest[]) => boolean = hasVisibleAnswer,
    options: WaitOptions = {},
  ): Promise<RecordedRequest[]> {
    return this.notifier.waitFor(
      () => {
        const all = this.log.forInteraction(interactionId);
        return all.some((request) => predicate(request, all)) ? all : undefined;
      },
      () => this.log.describe(`fake-discord: waitForResponse(${interactionId}): no matching response.`, this.log.forInteraction(interactionId)),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  /** Resolves with the first recorded request (past or future) matching the predicate. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, options: WaitOptions = {}): Promise<RecordedRequest> {
    return this.log.waitForRequest(predicate, options);
  }

  failNext(options: FailNextOptions): void {
    this.faults.add(options);
  }

  // ---------- gateway ----------

  /** Resolves once the shard (any shard if omitted) has identified; immediately if it already has. */
  waitForIdentify(shardId?: number, options: WaitOptions = {}): Promise<IdentifyInfo> {
    return this.notifier.waitFor(
      () => [...this.gateway.identifies].reverse().find((info) => shardId === undefined || info.shardId === shardId),
      () => `fake-discord: waitForIdentify(${shardId ?? 'any'}): identifies so far: ${JSON.stringify(this.gateway.identifies)}`,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  /** Resolves with resumeCount once a RESUME succeeded after the last dropConnections(). */
  waitForResume(options: WaitOptions = {}): Promise<number> {
    return this.notifier.waitFor(
      () => (this.gateway.resumeCount > this.gateway.resumeCountAtDrop ? this.gateway.resumeCount : undefined),
      () => `fake-discord: waitForResume: no RESUME since dropConnections() (resumeCount ${this.gateway.resumeCount}, identifyCount ${this.gateway.identifyCount})`,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  /**
   * Closes every gateway socket (default code 4000, resumable); the client reconnects and RESUMEs.
   * With invalidateSessions the RESUME is refused (op 9) and the client IDENTIFYs again.
   */
  dropConnections(code = 4000, options: { invalidateSessions?: boolean } = {}): void {
    this.gateway.dropConnections(code, options.invalidateSessions ?? false);
  }

  /** Resolves once identifyCount reaches `count` (e.g. identifyCount + 1 after invalidating sessions). */
  waitForIdentifyCount(count: number, options: WaitOptions = {}): Promise<number> {
    return this.notifier.waitFor(
      () => (this.gateway.identifyCount >= count ? this.gateway.identifyCount : undefined),
      () => `fake-discord: waitForIdentifyCount(${count}): identifyCount is ${this.gateway.identifyCount}, resumeCount ${this.gateway.resumeCount}`,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  /** Heartbeats received (each answered with an ACK). */
  get heartbeatCount(): number {
    return this.gateway.heartbeatCount;
  }

  /** Resolves once heartbeatCount reaches `count`. */
  waitForHeartbeats(count: number, options: WaitOptions = {}): Promise<number> {
    return this.notifier.waitFor(
      () => (this.gateway.heartbeatCount >= count ? this.gateway.heartbeatCount : undefined),
      () => `fake-discord: waitForHeartbeats(${count}): only ${this.gateway.heartbeatCount} heartbeats`,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  /**
   * An uploaded file, for an attachment option (type 11) whose value is the returned id: the
   * interaction's resolved.attachments carries it, and its url serves the bytes.
   */
  createAttachment(input: AttachmentInput, channelId = this.channelId): APIAttachment {
    return this.attachments.add(channelId, input);
  }

  /** Ids of the attachments downloaded so far, in order. */
  get attachmentDownloads(): string[] {
    return this.attachments.downloads;
  }

  // ---------- dispatch helpers ----------

  private dispatchInteraction(state: InteractionState): FakeInteraction {
    this.events.interaction(state);
    return { id: state.id, token: state.token, type: state.type, channelId: state.channelId, guildId: state.guildId, user: state.user, payload: state.payload };
  }

  sendSlashCommand(input: SlashCommandInput): FakeInteraction {
    return this.dispatchInteraction(buildSlashCommand(this.world, input));
  }

  sendAutocomplete(input: AutocompleteInput): FakeInteraction {
    return this.dispatchInteraction(buildAutocomplete(this.world, input));
  }

  sendButton(input: ButtonInput): FakeInteraction {
    return this.dispatchInteraction(buildButton(this.world, input));
  }

  /**
   * MESSAGE_CREATE from a user (not a bot unless author.bot). Delivered only with the GuildMessages /
   * DirectMessages intent; content is blanked without MessageContent unless the bot is mentioned.
   */
  sendMessage(input: MessageInput): StoredMessage & { delivered: boolean } {
    const { message, delivered } = this.events.userMessage(input);
    return { ...message, delivered };
  }

  async close(): Promise<void> {
    this.notifier.abortAll('fake-discord was closed');
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** One line per recorded request; handy in assertion messages. */
  describeRequests(): string {
    return this.log.requests.map(summarize).join('\n');
  }
}

export function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}
