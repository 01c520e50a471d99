// Application command registration (global and per guild): bulk overwrite, create, list, delete.
// Commands keep their id across overwrites when name and type match, as on Discord.
import { DiscordError, invalidFormBody } from './http.ts';
import { json, noContent, route, type RouteDef, type RouteOutcome, type RouteRequest } from './router.ts';
import { snowflake } from './snowflake.ts';
import type { StoredCommand } from './types.ts';
import { validateCommand, validateCommandList } from './validate.ts';
import type { World } from './world.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function commandRoutes(world: World): RouteDef[] {
  /** The command list a request addresses, or why it may not. */
  function target(request: RouteRequest): { list: StoredCommand[]; guildId?: string } | DiscordError {
    if (request.params['appId'] !== world.applicationId) {
      return new DiscordError(403, 50001, 'Missing Access', [], true, `application id ${request.params['appId'] ?? ''} is not the bot's (${world.applicationId})`);
    }
    const guildId = request.params['guildId'];
    if (guildId === undefined) return { list: world.commands.global };
    if (!world.guilds.some((guild) => guild.id === guildId)) {
      return new DiscordError(403, 50001, 'Missing Access', [], true, `the bot is not in guild ${guildId}`);
    }
    world.commands.guilds[guildId] ??= [];
    return { list: world.commands.guilds[guildId], guildId };
  }

  function store(body: Record<string, unknown>, existing: StoredCommand[], guildId?: string): StoredCommand {
    const type = typeof body['type'] === 'number' ? body['type'] : 1;
    const previous = existing.find((command) => command.name === body['name'] && command.type === type);
    return {
      default_member_permissions: null,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      description: '',
      ...body,
      type,
      id: previous?.id ?? snowflake(),
      application_id: world.applicationId,
      version: snowflake(),
      ...(guildId ? { guild_id: guildId } : {}),
    } as StoredCommand;
  }

  function overwrite(request: RouteRequest): RouteOutcome {
    const found = target(request);
    if (found instanceof DiscordError) return found;
    const issues = validateCommandList(request.body);
    if (issues.length > 0) return invalidFormBody(issues);
    const bodies = (request.body as unknown[]).filter(isRecord);
    const stored = bodies.map((body) => store(body, found.list, found.guildId));
    found.list.splice(0, found.list.length, ...stored);
    return json(stored);
  }

  function create(request: RouteRequest): RouteOutcome {
    const found = target(request);
    if (found instanceof DiscordError) return found;
    const issues = validateCommand(request.body);
    if (issues.length > 0 || !isRecord(request.body)) return invalidFormBody(issues);
    const command = store(request.body, found.list, found.guildId);
    const index = found.list.findIndex((existing) => existing.id === command.id);
    if (index >= 0) found.list[index] = command;
    else found.list.push(command);
    return json(command, index >= 0 ? 200 : 201);
  }

  function one(request: RouteRequest): { list: StoredCommand[]; index: number } | DiscordError {
    const found = target(request);
    if (found instanceof DiscordError) return found;
    const index = found.list.findIndex((command) => command.id === request.params['commandId']);
    return index >= 0 ? { list: found.list, index } : new DiscordError(404, 10063, 'Unknown application command');
  }

  const routes: RouteDef[] = [];
  for (const base of ['/applications/:appId/commands', '/applications/:appId/guilds/:guildId/commands']) {
    routes.push(
      route('GET', base, (request) => {
        const found = target(request);
        return found instanceof DiscordError ? found : json(found.list);
      }),
      route('PUT', base, overwrite),
      route('POST', base, create),
      route('GET', `${base}/:commandId`, (request) => {
        const found = one(request);
        return found instanceof DiscordError ? found : json(found.list[found.index]);
      }),
      route('DELETE', `${base}/:commandId`, (request) => {
        const found = one(request);
        if (found instanceof DiscordError) return found;
        found.list.splice(found.index, 1);
        return noContent();
      }),
    );
  }
  return routes;
}
