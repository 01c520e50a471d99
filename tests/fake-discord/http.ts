// HTTP plumbing for the REST fake: reading and parsing bodies (JSON or multipart with payload_json),
// and Discord-shaped errors.
import type { IncomingMessage } from 'node:http';
import type { RecordedFile } from './types.ts';
import { formatPath, toDiscordErrors, type Issue } from './validate.ts';

/** A response Discord would give to a request it rejects; `violation` marks it as the bot's fault. */
export class DiscordError {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly message: string,
    readonly issues: Issue[] = [],
    readonly violation = true,
    /** Extra explanation for fake.violations (not sent to the client). */
    readonly hint?: string,
  ) {}

  toJSON(): Record<string, unknown> {
    return this.issues.length > 0
      ? { message: this.message, code: this.code, errors: toDiscordErrors(this.issues) }
      : { message: this.message, code: this.code };
  }

  /** Human-readable lines for fake.violations. */
  describe(method: string, path: string): string[] {
    if (this.issues.length === 0) {
      return [`${method} ${path}: ${this.status} ${this.message} (code ${this.code})${this.hint ? `: ${this.hint}` : ''}`];
    }
    return this.issues.map((issue) => `${method} ${path}: ${formatPath(issue.path)}: ${issue.message} [${issue.code}]`);
  }
}

export function invalidFormBody(issues: Issue[]): DiscordError {
  // An empty message has its own top-level code on Discord.
  if (issues.length > 0 && issues.every((issue) => issue.code === 'EMPTY_MESSAGE')) {
    return new DiscordError(400, 50006, 'Cannot send an empty message', [], true, 'no content, embeds, components, files, stickers or poll');
  }
  return new DiscordError(400, 50035, 'Invalid Form Body', issues);
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
  error?: DiscordError;
}

/**
 * discord.js sends JSON, or multipart/form-data when files are attached: then the JSON is the
 * `payload_json` field and files are `files[n]`. undici's Request parses multipart for us.
 */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake.local/', { method: 'POST', headers: { 'content-type': contentType ?? '' }, body: new Uint8Array(raw) }).formData();
    const files: RecordedFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') {
          try {
            body = JSON.parse(value);
          } catch {
            return { body: value, files, error: new DiscordError(400, 50109, 'The request body contains invalid JSON.') };
          }
        }
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, filename: value.name, contentType: value.type, size: data.length, data });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [], error: new DiscordError(400, 50109, 'The request body contains invalid JSON.') };
  }
}

export function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
