/** What a source gave, before the moderator's overrides: metadata where it has it, and the paragraphs. */
export interface Found {
  title?: string;
  author?: string;
  outlet?: string;
  /** YYYY-MM-DD */
  published?: string;
  url?: string;
  paragraphs: string[];
  warnings: string[];
}

/** A source that cannot become a report; the message is shown to the moderator as it is. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}

/** Runs of white space (newlines, tabs, no-break spaces) as one space, trimmed. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The date part of an ISO date or date-time ("2015-07-24T05:36:09+01:00" -> "2015-07-24"), as written. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const written = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  if (written) return written;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** One plural warning: "3 paragraphs look like navigation". */
export function countWarning(count: number, what: string): string[] {
  return count === 0 ? [] : [`${count} paragraph${count === 1 ? '' : 's'} ${what}`];
}
