// The REST request pipeline: strip /api/v10, parse the body, record the request, apply injected faults,
// route, and answer (a Discord error JSON for anything Discord would reject).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from './faults.ts';
import { DiscordError, headersOf, parseBody, readBody } from './http.ts';
import type { RequestLog } from './recorder.ts';
import { matchRoute, type RouteDef, type RouteOutcome, type RouteRequest } from './router.ts';
import type { RecordedRequest } from './types.ts';

function decodePath(rawPath: string): string {
  return rawPath
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export function createRestHandler(
  routes: RouteDef[],
  log: RequestLog,
  faults: FaultInjector,
  interactionIdFor: (path: string) => string | undefined,
  token: string,
) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const prefix = /^\/api(?:\/v\d+)?(\/.*)$/.exec(url.pathname);
    const rawPath = prefix?.[1] ?? url.pathname;
    const path = decodePath(rawPath);
    const parsed = await parseBody(await readBody(request), request.headers['content-type']);
    const record: RecordedRequest = {
      seq: log.seq(),
      method,
      path,
      rawPath,
      query: Object.fromEntries(url.searchParams),
      body: parsed.body,
      files: parsed.files,
      headers: headersOf(request),
      status: 0,
      failed: false,
      violations: [],
      unknownRoute: false,
    };
    const interactionId = interactionIdFor(path);
    if (interactionId) record.interactionId = interactionId;
    // Record before answering, so the request is visible by the time the client's promise settles.
    const finish = (status: number, body: unknown, headers?: Record<string, string>): void => {
      record.status = status;
      record.response = status === 204 ? undefined : body;
      log.add(record);
      send(response, status, body, headers);
    };

    // Like Discord: a request that carries a bot token must carry the right one.
    const authorization = request.headers.authorization;
    if (authorization !== undefined && authorization !== `Bot ${token}`) {
      finish(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    const fault = faults.take(method, path);
    if (fault) {
      record.failed = true;
      finish(fault.status, fault.json, fault.headers);
      return;
    }
    const matched = prefix ? matchRoute(routes, method, path) : undefined;
    if (!matched) {
      record.unknownRoute = true;
      finish(404, { message: '404: Not Found', code: 0 });
      return;
    }
    const routeRequest: RouteRequest = {
      method,
      path,
      params: matched.params,
      query: url.searchParams,
      body: parsed.body,
      files: parsed.files,
      headers: record.headers,
    };
    let outcome: RouteOutcome;
    try {
      outcome = parsed.error ?? matched.route.handle(routeRequest);
    } catch (error) {
      // A bug in the fake must fail the test, not hide behind a retried 500.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      record.violations.push(`fake-discord internal error on ${method} ${path}: ${message}`);
      outcome = new DiscordError(400, 0, 'fake-discord internal error', [], false);
    }
    if (routeRequest.interactionId) record.interactionId = routeRequest.interactionId;
    if (outcome instanceof DiscordError) {
      if (outcome.violation) record.violations.push(...outcome.describe(method, path));
      finish(outcome.status, outcome.toJSON());
      return;
    }
    if (outcome.pings) record.pings = outcome.pings;
    finish(outcome.status, outcome.json);
  };
}
