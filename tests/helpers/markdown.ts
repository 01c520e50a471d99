/** Undo what the formatter adds to a quote: "> " line prefixes, ** bold marks and backslash escapes. */
export function unformatQuote(markdown: string): string {
  const lines = markdown.split('\n').map((line) => line.replace(/^> /, ''));
  let out = '';
  const text = lines.join('\n');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      out += text[++i];
    } else if (text.startsWith('**', i)) {
      i++;
    } else {
      out += text[i];
    }
  }
  return out;
}

/** The block-quoted lines of an embed description (the quote), without the source line. */
export function quoteOf(description: string): string {
  return description
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .join('\n');
}
