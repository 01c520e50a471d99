import path from 'node:path';
import { z } from 'zod';
import { parseFrontMatter } from './front-matter.ts';
import type { Report } from './report.ts';

/** A report file that cannot be read; the loader adds the file name. */
export class ReportError extends Error {}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Ids are sent as Discord autocomplete values, which hold at most 100 characters. */
const MAX_ID_LENGTH = 100;
/** Combining marks (accents after NFKD), at module level like every \p{…} regex (see analysis.ts). */
const MARKS = /\p{M}+/gu;

const frontMatterSchema = z.object({
  id: z
    .string()
    .max(MAX_ID_LENGTH, `id must be at most ${MAX_ID_LENGTH} characters`)
    .regex(SLUG, 'id must be a slug: lower-case letters, digits and single hyphens'),
  title: z.string().trim().min(1, 'title is empty'),
  author: z.string().trim().min(1).optional(),
  outlet: z.string().trim().min(1).optional(),
  published: z.iso.date('published must be a date like 2024-03-31').optional(),
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) address' }).optional(),
});

const FRONT_MATTER = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/** Markdown with YAML front matter (id, title; author, outlet, published, url when known). */
export function parseMarkdownReport(file: string, text: string): Report {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new ReportError('no front matter: the file must start with a --- block giving id and title');
  let data: unknown;
  try {
    data = parseFrontMatter(match[1]!);
  } catch (error) {
    throw new ReportError(`bad front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw new ReportError(`bad front matter: ${reasons.join('; ')}`);
  }
  const paragraphs = splitParagraphs(text.slice(match[0].length));
  if (paragraphs.length === 0) throw new ReportError('no text: the report has no paragraphs');
  return { ...withoutUndefined(parsed.data), paragraphs, file };
}

/** A headline is short and has no closing full stop. */
const HEADLINE_MAX_CHARS = 150;
const BYLINE = /^(?:Author:\s*|By\s+)(\S.{0,80})$/;

/**
 * Plain text: paragraphs separated by blank lines. The first line is the title when it reads as a
 * headline, otherwise the title comes from the file name. A lone "Author: …" or "By …" line is the
 * byline, not a paragraph.
 */
export function parseTextReport(file: string, text: string): Report {
  const blocks = splitParagraphs(text);
  const first = blocks[0];
  const headline = first !== undefined && isHeadline(first) && blocks.length > 1 ? first : undefined;
  const body = headline === undefined ? blocks : blocks.slice(1);
  let author: string | undefined;
  const paragraphs = body.filter((block) => {
    const byline = BYLINE.exec(block);
    if (byline && author === undefined && !block.includes('\n')) {
      author = byline[1]!.trim();
      return false;
    }
    return true;
  });
  if (paragraphs.length === 0) throw new ReportError('no text: the report has no paragraphs');
  const name = path.basename(file, path.extname(file));
  const report: Report = { id: slugify(name), title: headline ?? titleFromFileName(name), paragraphs, file };
  if (author !== undefined) report.author = author;
  return report;
}

function isHeadline(block: string): boolean {
  return !block.includes('\n') && block.length <= HEADLINE_MAX_CHARS && !/[.…]["'”’]?$/.test(block);
}

/**
 * Paragraphs are separated by blank lines. Lines inside one paragraph are joined by a space (a
 * Markdown soft break); the text is otherwise kept exactly as written.
 */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter((block) => block.length > 0);
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_ID_LENGTH)
    .replace(/^-+|-+$/g, '');
  if (!slug) throw new ReportError('the file name gives no usable id: rename it with letters or digits');
  return slug;
}

function titleFromFileName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
