// A tiny path router: patterns like '/channels/:channelId/messages' matched segment by segment.
import type { DiscordError } from './http.ts';
import type { Pings, RecordedFile } from './types.ts';

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  headers: Record<string, string>;
  /** Set by interaction/webhook handlers so the record can be found by waitForResponse. */
  interactionId?: string;
}

export interface RouteReply {
  status: number;
  json?: unknown;
  pings?: Pings;
}

export type RouteOutcome = RouteReply | DiscordError;

export interface RouteDef {
  method: string;
  pattern: string;
  handle: (request: RouteRequest) => RouteOutcome;
}

export function route(method: string, pattern: string, handle: (request: RouteRequest) => RouteOutcome): RouteDef {
  return { method, pattern, handle };
}

export function matchRoute(routes: RouteDef[], method: string, path: string): { route: RouteDef; params: Record<string, string> } | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const parts = candidate.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (matches) return { route: candidate, params };
  }
  return undefined;
}

export const json = (json: unknown, status = 200): RouteReply => ({ status, json });
export const noContent = (): RouteReply => ({ status: 204 });
