import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, decodeReportText, parseReport } from '../corpus/load.ts';
import { ReportError, slugify } from '../corpus/parse.ts';
import type { Report } from '../corpus/report.ts';
import { fetchSource, isPublicAddress, MAX_SOURCE_BYTES, type Fetched } from './fetch.ts';
import { SourceError, type Found } from './found.ts';
import { extractHtml } from './html.ts';
import { extractPdf } from './pdf.ts';

export { SourceError } from './found.ts';

/** A file on this machine (the CLI), an http(s) URL, or a Discord attachment (downloaded from Discord's URL). */
export type Source = { file: string } | { url: string } | { attachment: { url: string; name: string } };

/** What a moderator gave to replace what the source says. */
export interface Overrides {
  title?: string;
  author?: string;
  outlet?: string;
  published?: string;
}

export interface IngestOptions {
  /** Ids already in the corpus, so the new one is unique (or replaces one, with `replace`). */
  existingIds: ReadonlySet<string>;
  replace?: boolean;
  overrides?: Overrides;
  /** Lift the public-address rule for URLs: for tests against a local server only. */
  allowPrivateUrls?: boolean;
  timeoutMs?: number;
}

/** A report ready to write, what to tell the moderator about it, and the report it replaces. */
export interface Ingested {
  report: Report;
  warnings: string[];
  /** The id of the report it replaces (with `replace`, when the id exists). */
  replaces?: string;
}

type Kind = 'md' | 'txt' | 'html' | 'pdf';

const KIND_OF_EXTENSION: Record<string, Kind> = { '.md': 'md', '.txt': 'txt', '.html': 'html', '.htm': 'html', '.pdf': 'pdf' };
/** A URL must give a web page or a PDF. */
const KIND_OF_TYPE: Record<string, Kind> = { 'text/html': 'html', 'application/xhtml+xml': 'html', 'application/pdf': 'pdf' };

/**
 * The one ingestion path, for Discord and the CLI alike: a source becomes a Report ready to write,
 * with warnings. Writes nothing. Throws SourceError with a reason to show when the source is refused.
 */
export async function ingest(source: Source, options: IngestOptions): Promise<Ingested> {
  const { name, kind, bytes, charset, url } = await read(source, options);
  const found = await extract(name, kind, bytes, charset, url);
  // A PDF read from a URL has no canonical address of its own.
  if (url && !found.url) found.url = url;
  return toReport(found, kind === 'md' ? found.id : undefined, options);
}

interface Read {
  name: string;
  kind: Kind;
  bytes: Uint8Array;
  charset?: string;
  url?: string;
}

async function read(source: Source, options: IngestOptions): Promise<Read> {
  if ('file' in source) {
    const kind = kindOfFile(path.basename(source.file));
    let bytes: Buffer;
    try {
      bytes = await readFile(source.file);
    } catch (error) {
      throw new SourceError(`${source.file} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    if (bytes.length > MAX_SOURCE_BYTES) throw new SourceError(`${path.basename(source.file)} is larger than 10 MB`);
    return { name: path.basename(source.file), kind, bytes };
  }
  if ('attachment' in source) {
    const kind = kindOfFile(source.attachment.name);
    // Discord's own URL, not one a member typed: the public-address rule is for members' URLs.
    const fetched = await fetchSource(source.attachment.url, { accept: () => true, ...limits(options) });
    return { name: source.attachment.name, kind, bytes: fetched.bytes, ...charsetOf(fetched) };
  }
  const fetched = await fetchSource(source.url, { ...(options.allowPrivateUrls ? {} : { allowAddress: isPublicAddress }), accept: (type) => Object.hasOwn(KIND_OF_TYPE, type), ...limits(options) });
  const kind = KIND_OF_TYPE[fetched.contentType]!;
  return { name: fetched.url, kind, bytes: fetched.bytes, url: fetched.url, ...charsetOf(fetched) };
}

function kindOfFile(name: string): Kind {
  const kind = KIND_OF_EXTENSION[path.extname(name).toLowerCase()];
  if (!kind) throw new SourceError(`${name}: only .md, .txt, .html and .pdf files can be added`);
  return kind;
}

function limits(options: IngestOptions) {
  return options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
}

function charsetOf(fetched: Fetched): { charset?: string } {
  return fetched.charset ? { charset: fetched.charset } : {};
}

async function extract(name: string, kind: Kind, bytes: Uint8Array, charset: string | undefined, url: string | undefined): Promise<Found & { id?: string }> {
  if (kind === 'pdf') return extractPdf(bytes);
  if (kind === 'html') return extractHtml(decodeHtml(bytes, charset), url);
  // Markdown and text: the loader's rules, so what /reindex would refuse is refused with its reason.
  let report: Report;
  try {
    report = parseReport(name, `.${kind}`, decodeReportText(name, bytes));
  } catch (error) {
    if (error instanceof CorpusError) throw new SourceError(`${name}: ${error.reason}`);
    throw error;
  }
  const { file: _file, ...found } = report;
  return { ...found, warnings: [] };
}

/** The charset the server named, else a <meta charset> near the top, else UTF-8. */
function decodeHtml(bytes: Uint8Array, charset: string | undefined): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const label = charset ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function toReport(found: Found, givenId: string | undefined, options: IngestOptions): Ingested {
  const overrides = Object.fromEntries(Object.entries(options.overrides ?? {}).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v)) as Overrides;
  if (overrides.published && !(DATE.test(overrides.published) && !Number.isNaN(Date.parse(overrides.published)))) {
    throw new SourceError('published must be a date like 2024-03-31');
  }
  const title = overrides.title ?? found.title;
  if (!title) throw new SourceError('no title found: give one with the title option');
  let id: string;
  try {
    id = givenId ?? slugify(title);
  } catch (error) {
    if (error instanceof ReportError) throw new SourceError('the title gives no usable id: give a title with letters or digits');
    throw error;
  }
  const warnings = [...found.warnings];
  let replaces: string | undefined;
  if (options.existingIds.has(id)) {
    if (options.replace) replaces = id;
    else {
      const unique = uniqueId(id, options.existingIds);
      warnings.push(`this id exists (${id}): use replace to replace that report; otherwise this one is added as ${unique}`);
      id = unique;
    }
  }
  const report: Report = { id, title, paragraphs: found.paragraphs, file: `${id}.md` };
  for (const key of ['author', 'outlet', 'published', 'url'] as const) {
    const value = key === 'url' ? found.url : (overrides[key] ?? found[key]);
    if (value) report[key] = value;
  }
  if (!report.author) warnings.push('no author found');
  if (!report.published) warnings.push('no date found');
  return { report, warnings, ...(replaces ? { replaces } : {}) };
}

function uniqueId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${id.slice(0, 95)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
