/**
 * Discord Markdown for quoted corpus text. Every character Discord could read as formatting, a
 * mention or a link is backslash-escaped, so the quote renders exactly as written; the only marks
 * we add are `**` around highlighted words. Removing those marks and the escapes gives back the text.
 */

const SPECIAL = /[\\*_~`|<>#\-[\]()@:]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (ch) => `\\${ch}`);
}

/** `text` escaped, with the given [start, end) ranges in bold. Ranges must not overlap. */
export function highlightMarkdown(text: string, ranges: ReadonlyArray<readonly [number, number]> = []): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start || end > text.length) continue;
    out += escapeMarkdown(text.slice(at, start)) + `**${escapeMarkdown(text.slice(start, end))}**`;
    at = end;
  }
  return out + escapeMarkdown(text.slice(at));
}

/** Markdown block quote: every line starts with "> ". */
export function blockQuote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
