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

/** Each block quote of a description (runs of "> " lines), unformatted: the quoted corpus texts. */
export function quotedTexts(description: string): string[] {
  const quotes: string[] = [];
  let current: string[] = [];
  for (const line of [...description.split('\n'), '']) {
    if (line.startsWith('> ')) current.push(line);
    else if (current.length) {
      quotes.push(unformatQuote(current.join('\n')));
      current = [];
    }
  }
  return quotes;
}
