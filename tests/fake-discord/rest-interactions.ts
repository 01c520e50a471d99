// Interaction callbacks and the interaction webhook (follow-ups, @original edits), with Discord's state
// rules: one initial response, within the deadline, of a type that fits the interaction.
import { MessageFlags } from 'discord.js';
import { DiscordError, invalidFormBody } from './http.ts';
import { applyEdit, buildBotMessage } from './messages.ts';
import { json, noContent, route, type RouteDef, type RouteOutcome, type RouteRequest } from './router.ts';
import { validateInteractionCallback, validateWebhookEdit, validateWebhookExecute } from './validate.ts';
import type { InteractionState, StoredMessage, World } from './world.ts';

/** Initial response types Discord accepts per interaction type (2 command, 3 component, 4 autocomplete, 5 modal). */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  2: [4, 5, 9, 12],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

const isEphemeral = (message: StoredMessage): boolean => ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

function callbackType(body: unknown): number {
  return typeof body === 'object' && body !== null && 'type' in body ? Number((body as { type: unknown }).type) : NaN;
}

function callbackData(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'data' in body ? (body as { data: unknown }).data : undefined;
}

/** The interaction a path belongs to (callback or interaction webhook), also for injected faults. */
export function interactionIdForPath(world: World, path: string): string | undefined {
  const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
  if (callback) return world.interactions.get(callback[1] ?? '')?.id;
  const webhook = /^\/webhooks\/(\d+)\/([^/]+)/.exec(path);
  return webhook && webhook[1] === world.applicationId ? world.interactionsByToken.get(webhook[2] ?? '')?.id : undefined;
}

export function interactionRoutes(world: World): RouteDef[] {
  const unknownInteraction = (hint: string): DiscordError => new DiscordError(404, 10062, 'Unknown interaction', [], true, hint);

  function callback(request: RouteRequest): RouteOutcome {
    const state = world.interactions.get(request.params['id'] ?? '');
    if (!state || state.token !== request.params['token']) return unknownInteraction('no interaction with this id and token was dispatched');
    request.interactionId = state.id;
    if (state.callbackType !== null) return new DiscordError(400, 40060, 'Interaction has already been acknowledged.');
    const elapsed = performance.now() - state.createdAt;
    const deadlineMs = world.settings.interactionDeadlineMs;
    if (deadlineMs > 0 && elapsed > deadlineMs) {
      return unknownInteraction(`initial response came ${Math.round(elapsed)} ms after the interaction; Discord allows ${deadlineMs} ms (defer first)`);
    }
    const issues = validateInteractionCallback(request.body, request.files.length);
    if (issues.length > 0) return invalidFormBody(issues);
    const type = callbackType(request.body);
    if (!(ALLOWED_CALLBACKS[state.type] ?? []).includes(type)) {
      return invalidFormBody([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Callback type ${type} is not valid for interaction type ${state.type}.` }]);
    }

    state.callbackType = type;
    let message: StoredMessage | undefined;
    let pings;
    if (type === 4 || type === 5) {
      const built = buildBotMessage(world, {
        channelId: state.channelId,
        guildId: state.guildId,
        body: callbackData(request.body) ?? {},
        files: request.files,
        interaction: { id: state.id, type: state.type, user: state.user },
        loading: type === 5,
      });
      message = world.storeMessage(built.message);
      pings = type === 4 ? built.pings : undefined;
      state.originalMessageId = message.id;
      if (!isEphemeral(message)) world.emitMessageEvent('MESSAGE_CREATE', message);
    } else if ((type === 6 || type === 7) && state.componentMessageId) {
      state.originalMessageId = state.componentMessageId;
      const original = world.messages.get(state.componentMessageId);
      if (type === 7 && original) {
        const edited = applyEdit(world, original, callbackData(request.body), request.files);
        message = edited.message;
        pings = edited.pings;
        if (!isEphemeral(message)) world.emitMessageEvent('MESSAGE_UPDATE', message);
      }
    }

    if (request.query.get('with_response') !== 'true') return { status: 204, ...(pings ? { pings } : {}) };
    return {
      status: 200,
      ...(pings ? { pings } : {}),
      json: {
        interaction: {
          id: state.id,
          type: state.type,
          ...(message ? { response_message_id: message.id, response_message_loading: type === 5, response_message_ephemeral: isEphemeral(message) } : {}),
        },
        resource: { type, ...(message ? { message } : {}) },
      },
    };
  }

  /** The interaction behind /webhooks/{appId}/{token}; usable only after the initial response. */
  function webhookInteraction(request: RouteRequest): InteractionState | DiscordError {
    const state = request.params['appId'] === world.applicationId ? world.interactionsByToken.get(request.params['token'] ?? '') : undefined;
    if (!state) return new DiscordError(404, 10015, 'Unknown Webhook', [], true, 'no interaction has this token (or wrong application id)');
    request.interactionId = state.id;
    if (state.callbackType === null) return new DiscordError(404, 10015, 'Unknown Webhook', [], true, 'the interaction has no initial response yet (reply or defer first)');
    return state;
  }

  function webhookMessage(request: RouteRequest): { state: InteractionState; message: StoredMessage } | DiscordError {
    const state = webhookInteraction(request);
    if (state instanceof DiscordError) return state;
    const wanted = request.params['messageId'];
    const id = wanted === '@original' ? state.originalMessageId : wanted;
    const message = id && (id === state.originalMessageId || state.followupIds.includes(id)) ? world.messages.get(id) : undefined;
    if (!message) return new DiscordError(404, 10008, 'Unknown Message', [], true, `interaction ${state.id} has no message ${wanted ?? ''}`);
    return { state, message };
  }

  function followUp(request: RouteRequest): RouteOutcome {
    const state = webhookInteraction(request);
    if (state instanceof DiscordError) return state;
    const issues = validateWebhookExecute(request.body, request.files.length);
    if (issues.length > 0) return invalidFormBody(issues);
    const built = buildBotMessage(world, {
      channelId: state.channelId,
      guildId: state.guildId,
      body: request.body,
      files: request.files,
      interaction: { id: state.id, type: state.type, user: state.user, ...(state.originalMessageId ? { originalResponseId: state.originalMessageId } : {}) },
    });
    const message = world.storeMessage(built.message);
    state.followupIds.push(message.id);
    if (!isEphemeral(message)) world.emitMessageEvent('MESSAGE_CREATE', message);
    return request.query.get('wait') === 'true' ? { status: 200, json: message, pings: built.pings } : { status: 204, pings: built.pings };
  }

  function editMessage(request: RouteRequest): RouteOutcome {
    const found = webhookMessage(request);
    if (found instanceof DiscordError) return found;
    const issues = validateWebhookEdit(request.body, request.files.length);
    if (issues.length > 0) return invalidFormBody(issues);
    const { message, pings } = applyEdit(world, found.message, request.body, request.files);
    if (!isEphemeral(message)) world.emitMessageEvent('MESSAGE_UPDATE', message);
    return { status: 200, json: message, pings };
  }

  function deleteMessage(request: RouteRequest): RouteOutcome {
    const found = webhookMessage(request);
    if (found instanceof DiscordError) return found;
    world.messages.delete(found.message.id);
    if (found.state.originalMessageId === found.message.id) found.state.originalMessageId = null;
    found.state.followupIds = found.state.followupIds.filter((id) => id !== found.message.id);
    if (!isEphemeral(found.message)) world.emitMessageEvent('MESSAGE_DELETE', found.message);
    return noContent();
  }

  return [
    route('POST', '/interactions/:id/:token/callback', callback),
    route('POST', '/webhooks/:appId/:token', followUp),
    route('GET', '/webhooks/:appId/:token/messages/:messageId', (request) => {
      const found = webhookMessage(request);
      return found instanceof DiscordError ? found : json(found.message);
    }),
    route('PATCH', '/webhooks/:appId/:token/messages/:messageId', editMessage),
    route('DELETE', '/webhooks/:appId/:token/messages/:messageId', deleteMessage),
  ];
}
