// Login-time and lookup routes: gateway info, the bot user and application, users, guilds, members, DMs.
import { DiscordError } from './http.ts';
import { guildCreatePayload } from './payloads.ts';
import { json, route, type RouteDef, type RouteRequest } from './router.ts';
import type { GuildState, World } from './world.ts';

export interface MiscRouteOptions {
  gatewayUrl: () => string;
  shards: number;
}

export function miscRoutes(world: World, options: MiscRouteOptions): RouteDef[] {
  function guild(request: RouteRequest): GuildState | DiscordError {
    const found = world.guilds.find((candidate) => candidate.id === request.params['guildId']);
    return found ?? new DiscordError(403, 50001, 'Missing Access', [], true, `the bot is not in guild ${request.params['guildId'] ?? ''}`);
  }

  return [
    route('GET', '/gateway/bot', () =>
      json({
        url: options.gatewayUrl(),
        shards: options.shards,
        // remaining must cover the shard count; max_concurrency >= shards lets all shards IDENTIFY at
        // once (@discordjs/ws waits 5 s between identifies that share a bucket).
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: Math.max(16, options.shards) },
      }),
    ),
    route('GET', '/gateway', () => json({ url: options.gatewayUrl() })),
    route('GET', '/users/@me', () => json(world.botUser)),
    route('GET', '/applications/@me', () =>
      json({
        id: world.applicationId,
        name: world.botUser.username,
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot: world.botUser,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        owner: world.testUser,
        team: null,
        approximate_guild_count: world.guilds.length,
        integration_types_config: { '0': {} },
      }),
    ),
    route('POST', '/users/@me/channels', (request) => {
      const recipientId = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>)['recipient_id'] : undefined;
      const user = typeof recipientId === 'string' ? world.users.get(recipientId) : undefined;
      return user ? json(world.dmChannel(user)) : new DiscordError(400, 50007, 'Cannot send messages to this user');
    }),
    route('GET', '/users/:userId', (request) => {
      const user = world.users.get(request.params['userId'] ?? '');
      return user ? json(user) : new DiscordError(404, 10013, 'Unknown User');
    }),
    route('GET', '/guilds/:guildId', (request) => {
      const found = guild(request);
      if (found instanceof DiscordError) return found;
      // The REST guild object has no GUILD_CREATE-only fields (channels, members, threads, ...).
      const { joined_at: _j, large: _l, unavailable: _u, member_count: _m, voice_states: _v, members: _ms, channels: _c, threads: _t, presences: _p, stage_instances: _s, guild_scheduled_events: _g, soundboard_sounds: _sb, ...rest } =
        guildCreatePayload(found);
      return json(rest);
    }),
    route('GET', '/guilds/:guildId/channels', (request) => {
      const found = guild(request);
      return found instanceof DiscordError ? found : json(found.channels);
    }),
    route('GET', '/guilds/:guildId/roles', (request) => {
      const found = guild(request);
      return found instanceof DiscordError ? found : json(found.roles);
    }),
    route('GET', '/guilds/:guildId/members/:userId', (request) => {
      const found = guild(request);
      if (found instanceof DiscordError) return found;
      const member = found.members.find((candidate) => candidate.user.id === request.params['userId']);
      return member ? json(member) : new DiscordError(404, 10007, 'Unknown Member');
    }),
  ];
}
