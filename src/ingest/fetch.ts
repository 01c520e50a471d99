import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { SourceError } from './found.ts';

export interface FetchOptions {
  /** Which resolved addresses may be connected to (isPublicAddress); without it, any. */
  allowAddress?: (address: string) => boolean;
  /** Content types (without parameters) accepted; others are refused. */
  accept: (contentType: string) => boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

export interface Fetched {
  /** Where the body came from, after redirects. */
  url: string;
  contentType: string;
  /** The charset the server named, if any. */
  charset?: string;
  bytes: Uint8Array;
}

export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 5;

/**
 * GETs an http(s) URL within limits: at most 10 MB in 15 s, 5 redirects. With `allowAddress`, every
 * host (the first and each redirect's) is resolved first and refused before any connection when one
 * of its addresses is not public; the connection then goes to the address that was checked, so a
 * second DNS answer cannot point it elsewhere.
 */
export async function fetchSource(url: string, options: FetchOptions): Promise<Fetched> {
  const deadline = Date.now() + (options.timeoutMs ?? FETCH_TIMEOUT_MS);
  let current = parseHttpUrl(url);
  for (let redirects = 0; ; redirects++) {
    const address = await resolve(current, options.allowAddress);
    const response = await get(current, address, options, deadline);
    if ('fetched' in response) return response.fetched;
    if (redirects === MAX_REDIRECTS) throw new SourceError(`too many redirects (more than ${MAX_REDIRECTS})`);
    current = parseHttpUrl(new URL(response.redirect, current).href);
  }
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SourceError('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SourceError('only http and https URLs can be read');
  return url;
}

interface Address {
  address: string;
  family: 4 | 6;
}

async function resolve(url: URL, allowAddress: ((address: string) => boolean) | undefined): Promise<Address> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  let addresses: Address[];
  if (literal) addresses = [{ address: host, family: literal as 4 | 6 }];
  else {
    try {
      addresses = (await lookup(host, { all: true })) as Address[];
    } catch {
      throw new SourceError(`the host ${host} could not be found`);
    }
  }
  if (allowAddress) {
    const refused = addresses.find((a) => !allowAddress(a.address));
    if (refused) throw new SourceError(`${host} is not a public address (${refused.address}): the bot only reads public web pages`);
  }
  const first = addresses[0];
  if (!first) throw new SourceError(`the host ${host} could not be found`);
  return first;
}

/**
 * Loopback, private, link-local (cloud metadata), shared, documentation, multicast and reserved ranges.
 * Two lists: BlockList checks an IPv4 address against IPv6 rules too, as IPv4-mapped.
 */
const NOT_PUBLIC_V4 = new BlockList();
const NOT_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) NOT_PUBLIC_V4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  // ::ffff:0:0/96 (IPv4-mapped) and 64:ff9b::/96 (NAT64) can carry any IPv4 address, private ones too.
  ['::', 96], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) NOT_PUBLIC_V6.addSubnet(network, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? !NOT_PUBLIC_V4.check(address, 'ipv4') : !NOT_PUBLIC_V6.check(address, 'ipv6');
}

type Response = { redirect: string } | { fetched: Fetched };

function get(url: URL, address: Address, options: FetchOptions, deadline: number): Promise<Response> {
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolvePromise, reject) => {
    const request = client.get(url, {
      headers: { 'user-agent': 'dossier-bot (report ingestion)', accept: 'text/html, application/xhtml+xml, application/pdf;q=0.9, */*;q=0.1' },
      // Connect to the address that was checked, never to a second lookup's answer.
      lookup: (_host, lookupOptions, callback) => {
        if (lookupOptions.all) (callback as (e: null, a: Address[]) => void)(null, [address]);
        else (callback as (e: null, a: string, f: number) => void)(null, address.address, address.family);
      },
    });
    // Every way out clears the timer, here only.
    const succeed = (response: Response) => {
      clearTimeout(timer);
      resolvePromise(response);
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new SourceError(`the server did not answer in ${Math.round((options.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000)} s`)), Math.max(0, deadline - Date.now()));
    request.on('error', (error) => fail(error instanceof SourceError ? error : new SourceError(`could not be fetched (${(error as NodeJS.ErrnoException).code ?? error.message})`)));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        succeed({ redirect: response.headers.location });
        return;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return fail(new SourceError(`the server answered ${status} ${response.statusMessage ?? ''}`.trim()));
      }
      const [type = '', ...parameters] = (response.headers['content-type'] ?? '').split(';').map((part) => part.trim());
      const contentType = type.toLowerCase();
      if (!options.accept(contentType)) {
        return fail(new SourceError(`not a web page or a PDF (content type ${contentType || 'not given'})`));
      }
      const tooLarge = () => new SourceError(`larger than ${maxBytes / 1024 / 1024} MB`);
      if (Number(response.headers['content-length'] ?? 0) > maxBytes) return fail(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail(tooLarge());
        else chunks.push(chunk);
      });
      response.on('end', () => {
        if (size > maxBytes) return;
        const charset = parameters.find((p) => /^charset=/i.test(p))?.slice(8).replace(/"/g, '');
        succeed({ fetched: { url: url.href, contentType, ...(charset ? { charset } : {}), bytes: new Uint8Array(Buffer.concat(chunks)) } });
      });
      response.on('error', (error) => fail(new SourceError(`the download broke off (${error.message})`)));
    });
  });
}
