/**
 * Quotations in a paragraph. Curly marks say which way they face; a straight mark ("…" or the
 * two apostrophes ''…'' some reports use) opens when a space or the paragraph's start is before it
 * and a word after it, and closes otherwise. News style leaves a quote open when the next sentence
 * or paragraph carries on with a new opening mark ("…choice. "Obviously …"): a mark that opens
 * while a quote is open ends that quote just before it, so the marks never pair up the wrong way.
 */
import type { Span } from './text.ts';

export interface Quote extends Span {
  /** False when no closing mark ends it: it runs on into the next quote or paragraph. */
  closed: boolean;
}

const MARK = /[“”"]|''/g;

export function quoteSpans(text: string): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  for (const m of text.matchAll(MARK)) {
    const at = m.index;
    const end = at + m[0].length;
    if (opens(text, m[0], at, end)) {
      if (open >= 0) quotes.push({ start: open, end: trimmedEnd(text, open, at), closed: false });
      open = at;
    } else if (open >= 0) {
      quotes.push({ start: open, end, closed: true });
      open = -1;
    }
  }
  if (open >= 0) quotes.push({ start: open, end: trimmedEnd(text, open, text.length), closed: false });
  return quotes;
}

function opens(text: string, mark: string, at: number, end: number): boolean {
  if (mark === '“') return true;
  if (mark === '”') return false;
  const before = text[at - 1];
  const after = text[end];
  return (before === undefined || /[\s(\[{—–-]/.test(before)) && after !== undefined && !/[\s.,;:!?)]/.test(after);
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}
