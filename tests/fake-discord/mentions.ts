// Mention parsing and Discord's allowed_mentions rules: which users/roles a message really notifies.
import type { Pings } from './types.ts';

export interface MentionScan {
  users: string[];
  roles: string[];
  everyone: boolean;
}

export function scanMentions(content: string): MentionScan {
  const users = new Set<string>();
  const roles = new Set<string>();
  for (const match of content.matchAll(/<@!?(\d{15,25})>/g)) users.add(match[1] ?? '');
  for (const match of content.matchAll(/<@&(\d{15,25})>/g)) roles.add(match[1] ?? '');
  return { users: [...users], roles: [...roles], everyone: /@(everyone|here)\b/.test(content) };
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/**
 * Applies allowed_mentions to the mentions in content. Without allowed_mentions Discord parses
 * everything (and pings the author of a replied-to message); with it, only what it allows.
 * Roles are treated as mentionable.
 */
export function resolvePings(content: string, allowedMentions: unknown, isReply: boolean): Pings {
  const scan = scanMentions(content);
  if (allowedMentions === undefined || allowedMentions === null || typeof allowedMentions !== 'object') {
    return { users: scan.users, roles: scan.roles, everyone: scan.everyone, repliedUser: isReply };
  }
  const allowed = allowedMentions as Record<string, unknown>;
  const parse = stringArray(allowed['parse']) ?? [];
  const allowedUsers = stringArray(allowed['users']) ?? [];
  const allowedRoles = stringArray(allowed['roles']) ?? [];
  return {
    users: scan.users.filter((id) => parse.includes('users') || allowedUsers.includes(id)),
    roles: scan.roles.filter((id) => parse.includes('roles') || allowedRoles.includes(id)),
    everyone: scan.everyone && parse.includes('everyone'),
    repliedUser: isReply && allowed['replied_user'] === true,
  };
}
