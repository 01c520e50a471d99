// Channel routes: sending, fetching, editing and deleting messages, typing, reactions.
import { DiscordError, invalidFormBody } from './http.ts';
import { applyEdit, buildBotMessage } from './messages.ts';
import { json, noContent, route, type RouteDef, type RouteOutcome, type RouteRequest } from './router.ts';
import { validateChannelMessageCreate, validateChannelMessageEdit } from './validate.ts';
import type { ChannelRecord, StoredMessage, World } from './world.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function channelRoutes(world: World): RouteDef[] {
  function channel(request: RouteRequest): ChannelRecord | DiscordError {
    const record = world.channels.get(request.params['channelId'] ?? '');
    return record ?? new DiscordError(404, 10003, 'Unknown Channel', [], true, `no channel ${request.params['channelId'] ?? ''}`);
  }

  function message(request: RouteRequest): { record: ChannelRecord; message: StoredMessage } | DiscordError {
    const record = channel(request);
    if (record instanceof DiscordError) return record;
    const found = world.messages.get(request.params['messageId'] ?? '');
    if (!found || found.channel_id !== record.channel.id) return new DiscordError(404, 10008, 'Unknown Message', [], true, `no message ${request.params['messageId'] ?? ''} in channel ${record.channel.id}`);
    return { record, message: found };
  }

  function createMessage(request: RouteRequest): RouteOutcome {
    const record = channel(request);
    if (record instanceof DiscordError) return record;
    const issues = validateChannelMessageCreate(request.body, request.files.length);
    if (issues.length > 0) return invalidFormBody(issues);
    const body = isRecord(request.body) ? request.body : {};
    const reference = isRecord(body['message_reference']) ? body['message_reference'] : undefined;
    if (reference && reference['fail_if_not_exists'] !== false && (reference['type'] ?? 0) === 0) {
      const referenced = world.messages.get(String(reference['message_id']));
      if (!referenced || referenced.channel_id !== record.channel.id) {
        return invalidFormBody([{ path: ['message_reference'], code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }]);
      }
    }
    const built = buildBotMessage(world, { channelId: record.channel.id, guildId: record.guildId, body, files: request.files });
    const stored = world.storeMessage(built.message);
    world.emitMessageEvent('MESSAGE_CREATE', stored);
    return { status: 200, json: stored, pings: built.pings };
  }

  function editMessage(request: RouteRequest): RouteOutcome {
    const found = message(request);
    if (found instanceof DiscordError) return found;
    if (found.message.author.id !== world.botUser.id) {
      return new DiscordError(403, 50005, 'Cannot edit a message authored by another user');
    }
    const issues = validateChannelMessageEdit(request.body, request.files.length);
    if (issues.length > 0) return invalidFormBody(issues);
    const edited = applyEdit(world, found.message, request.body, request.files);
    world.emitMessageEvent('MESSAGE_UPDATE', edited.message);
    return { status: 200, json: edited.message, pings: edited.pings };
  }

  return [
    route('GET', '/channels/:channelId', (request) => {
      const record = channel(request);
      return record instanceof DiscordError ? record : json(record.channel);
    }),
    route('POST', '/channels/:channelId/messages', createMessage),
    route('GET', '/channels/:channelId/messages', (request) => {
      const record = channel(request);
      if (record instanceof DiscordError) return record;
      const limit = Math.min(Number(request.query.get('limit') ?? 50), 100);
      const list = [...world.messages.values()]
        .filter((candidate) => candidate.channel_id === record.channel.id)
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
        .slice(0, limit);
      return json(list);
    }),
    route('GET', '/channels/:channelId/messages/:messageId', (request) => {
      const found = message(request);
      return found instanceof DiscordError ? found : json(found.message);
    }),
    route('PATCH', '/channels/:channelId/messages/:messageId', editMessage),
    route('DELETE', '/channels/:channelId/messages/:messageId', (request) => {
      const found = message(request);
      if (found instanceof DiscordError) return found;
      world.messages.delete(found.message.id);
      world.emitMessageEvent('MESSAGE_DELETE', found.message);
      return noContent();
    }),
    route('POST', '/channels/:channelId/typing', (request) => {
      const record = channel(request);
      return record instanceof DiscordError ? record : noContent();
    }),
    route('PUT', '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', (request) => {
      const found = message(request);
      return found instanceof DiscordError ? found : noContent();
    }),
    route('DELETE', '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', (request) => {
      const found = message(request);
      return found instanceof DiscordError ? found : noContent();
    }),
  ];
}
