import { sentenceRanges } from '../search/sentences.ts';

/** A verbatim piece of a paragraph, with the highlights that fall inside it (offsets into `text`). */
export interface Excerpt {
  text: string;
  highlights: Array<[number, number]>;
}

export const ELLIPSIS = '[…]';

/**
 * Fits a paragraph into `maxChars` (as measured by `measure`, which renders an excerpt list) by
 * keeping the sentences that hold highlights, in order; the gaps are marked with […]. When even one
 * sentence is too long it is cut at a word boundary and marked too. Returns the excerpts and whether
 * anything was left out.
 */
export function shorten(
  text: string,
  highlights: ReadonlyArray<readonly [number, number]>,
  maxChars: number,
  measure: (excerpts: Excerpt[]) => number,
): { excerpts: Excerpt[]; shortened: boolean } {
  const whole = [excerpt(text, highlights, 0, text.length)];
  if (measure(whole) <= maxChars) return { excerpts: whole, shortened: false };

  const sentences = sentenceRanges(text);
  const marked = sentences.filter(([s, e]) => highlights.some(([hs, he]) => hs < e && he > s));
  const wanted = marked.length > 0 ? marked : sentences.slice(0, 1);

  const kept: Excerpt[] = [];
  for (const [start, end] of wanted) {
    const next = [...kept, excerpt(text, highlights, start, end)];
    if (measure(next) > maxChars) break;
    kept.push(next[next.length - 1]!);
  }
  if (kept.length > 0) return { excerpts: kept, shortened: true };

  // One sentence alone is too long: cut it at word boundaries until it fits.
  const [start, end] = wanted[0] ?? [0, text.length];
  let cut = end;
  let piece = excerpt(text, highlights, start, cut);
  while (cut > start && measure([piece]) > maxChars) {
    const space = text.lastIndexOf(' ', Math.max(start, cut - Math.max(1, Math.floor((cut - start) / 10))));
    cut = space > start ? space : start + Math.floor((cut - start) / 2);
    piece = excerpt(text, highlights, start, cut);
  }
  return { excerpts: [piece], shortened: true };
}

function excerpt(
  text: string,
  highlights: ReadonlyArray<readonly [number, number]>,
  start: number,
  end: number,
): Excerpt {
  return {
    text: text.slice(start, end),
    highlights: highlights
      .filter(([hs, he]) => hs >= start && he <= end)
      .map(([hs, he]): [number, number] => [hs - start, he - start]),
  };
}
