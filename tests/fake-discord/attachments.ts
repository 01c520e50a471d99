// Uploaded files for attachment options: Discord sends their metadata in an interaction's
// resolved.attachments and serves the bytes from its CDN; the fake serves them from its own server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIAttachment } from 'discord.js';
import { snowflake } from './snowflake.ts';

export interface AttachmentInput {
  filename: string;
  data: Uint8Array | string;
  /** Default: guessed from the file name, as Discord does. */
  contentType?: string;
}

const TYPES: Record<string, string> = { txt: 'text/plain; charset=utf-8', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf' };
const PATH = /^\/attachments\/(\d+)\/(\d+)\/[^/]+$/;

export class Attachments {
  private readonly stored = new Map<string, { attachment: APIAttachment; data: Buffer }>();
  /** Every attachment download, by attachment id. */
  readonly downloads: string[] = [];

  constructor(private readonly baseUrl: () => string) {}

  add(channelId: string, input: AttachmentInput): APIAttachment {
    const id = snowflake();
    const data = Buffer.from(input.data);
    const contentType = input.contentType ?? TYPES[input.filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
    const url = `${this.baseUrl()}/attachments/${channelId}/${id}/${encodeURIComponent(input.filename)}`;
    const attachment: APIAttachment = { id, filename: input.filename, size: data.length, url, proxy_url: url, content_type: contentType };
    this.stored.set(id, { attachment, data });
    return attachment;
  }

  get(id: string): APIAttachment | undefined {
    return this.stored.get(id)?.attachment;
  }

  /** Answers GET /attachments/…; returns false for other paths. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const match = PATH.exec(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!match) return false;
    const stored = this.stored.get(match[2]!);
    if (!stored || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return true;
    }
    this.downloads.push(stored.attachment.id);
    response.writeHead(200, { 'content-type': stored.attachment.content_type ?? 'application/octet-stream', 'content-length': stored.data.length }).end(stored.data);
    return true;
  }
}
