import { normalizeSpace, SourceError, type Found } from './found.ts';

/** A line of text on a page, in PDF units (y grows upwards). */
interface Line {
  text: string;
  page: number;
  x: number;
  /** Where the line ends on the right. */
  right: number;
  y: number;
  size: number;
}

/**
 * A PDF's text as paragraphs: pdf.js gives text with positions (the legacy build, which runs on
 * Node 20); paragraphs are rebuilt from the lines' positions by `paragraphsOf`.
 */
export async function extractPdf(bytes: Uint8Array): Promise<Found> {
  // Loaded on first use: pdf.js is large, and most bots never read a PDF.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document;
  try {
    // A copy: pdf.js transfers the buffer it is given to its worker.
    document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  } catch (error) {
    throw new SourceError(`not a readable PDF (${(error as Error).message})`);
  }
  try {
    const lines: Line[] = [];
    const widths: number[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const width = page.getViewport({ scale: 1 }).width;
      widths.push(width);
      const { items } = await page.getTextContent();
      lines.push(...readingOrder(linesOf(items.filter((item) => 'str' in item), number), width));
    }
    const info = (await document.getMetadata()).info as Record<string, unknown>;
    return paragraphsOf(lines, document.numPages, { title: infoText(info['Title']), author: infoText(info['Author']) });
  } finally {
    await document.destroy();
  }
}

function infoText(value: unknown): string | undefined {
  const text = typeof value === 'string' ? normalizeSpace(value) : '';
  // Converters put their own name or the source file's in Title ("Microsoft Word - x.docx").
  // and some write a Perl array's address ("ARRAY(0x2c7cf020)").
  return text && !/^(?:untitled|microsoft \w+ - |\w+\(0x[0-9a-f]+\)$|.*\.(?:docx?|pdf|tex|dvi)$)/i.test(text) ? text : undefined;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL: boolean;
}

/** Text items grouped into lines: an item on another baseline (beyond half a line) starts a new one. */
function linesOf(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let breakAfter = false;
  for (const item of items) {
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
    const size = Math.hypot(a, b);
    if (item.str.trim() === '') {
      if (current && item.str) current.text += ' ';
      breakAfter ||= item.hasEOL;
      continue;
    }
    const sameLine = current && !breakAfter && Math.abs(y - current.y) < current.size / 2 && x >= current.right - current.size;
    if (!current || !sameLine) {
      current = { text: item.str, page, x, right: x + item.width, y, size };
      lines.push(current);
    } else {
      // Items a space's width apart are words; closer ones are parts of one (kerning, superscripts).
      if (x - current.right > current.size * 0.15 && !current.text.endsWith(' ')) current.text += ' ';
      current.text += item.str;
      current.right = Math.max(current.right, x + item.width);
      // A superscript does not set the line's size or baseline.
      if (size > current.size) Object.assign(current, { size, y });
    }
    breakAfter = item.hasEOL;
  }
  // Control characters come from fonts without a Unicode map; they are not text.
  for (const line of lines) line.text = normalizeSpace(line.text.replace(/[\u0000-\u001f\u007f]/g, ' '));
  return lines.filter((line) => line.text);
}

/**
 * A page of two columns is read left column first: lines that start right of the middle come after
 * the others, each column top to bottom. A one-column page keeps the order the PDF draws it in.
 */
function readingOrder(lines: Line[], pageWidth: number): Line[] {
  const middle = pageWidth / 2;
  const right = lines.filter((line) => line.x >= middle - 2);
  const leftOnly = lines.filter((line) => line.right <= middle + 2);
  if (right.length < 3 || leftOnly.length < 3) return lines;
  const column = (line: Line) => (line.x >= middle - 2 ? 1 : 0);
  return [...lines].sort((p, q) => column(p) - column(q) || q.y - p.y);
}

/** "Page 3", "3", "- 3 -", "3 of 10", "iv". */
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * Paragraphs from lines in reading order. Dropped: page numbers, and running heads and footers
 * (the same text, digits aside, at the same height on most pages). A paragraph starts after a gap
 * wider than the usual line spacing, at an indented line, or at a change of type size; at a page
 * or column break at an indent, or after a short line that closes a sentence (startsParagraph).
 * A word hyphenated at a line end is joined ("guaran-" + "tees"); see joinLines.
 */
function paragraphsOf(lines: Line[], pageCount: number, info: { title?: string | undefined; author?: string | undefined } = {}): Found {
  const repeated = repeatedLines(lines, pageCount);
  const body = lines.filter((line) => !PAGE_NUMBER.test(line.text) && !repeated.has(lineKey(line)));
  const dropped = lines.length - body.length;
  const spacing = usualSpacing(body);

  const heading = headingOf(body);
  const title = info.title ?? (heading.length ? joinLines(heading) : undefined);
  const groups: Line[][] = [];
  let previous: Line | undefined;
  let current: Line[] | undefined;
  for (const line of body) {
    if (heading.includes(line)) continue;
    // At a column or page break, text goes on from the last paragraph in its type size: a footnote
    // in smaller type at the foot of the column comes between.
    const group = previous && isBreak(previous, line) ? groups.findLast((g) => sameSize(g[0]!, line)) : current;
    const last = group?.at(-1);
    if (!group || !last || startsParagraph(last, line, spacing, marginOf(body, line), columnRight(body, last))) groups.push((current = [line]));
    else (current = group).push(line);
    previous = line;
  }
  const words = new Set(body.flatMap((line) => line.text.split(' ')));
  const paragraphs = groups.map((group) => joinLines(group, words)).filter((text) => text !== title);
  if (paragraphs.length === 0) throw new SourceError('no text found in this PDF (a scan without a text layer?)');
  const found: Found = { paragraphs, warnings: dropped ? [`${dropped} line${dropped === 1 ? '' : 's'} left out as page numbers, running heads or footers`] : [] };
  if (title) found.title = title;
  if (info.author) found.author = info.author;
  return found;
}

function isBreak(previous: Line, line: Line): boolean {
  return line.page !== previous.page || line.y > previous.y;
}

function sameSize(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) <= 0.15 * a.size;
}

function startsParagraph(previous: Line, line: Line, spacing: number, left: number, right: number): boolean {
  const indented = line.x > left + line.size * 0.8;
  const sizeChanged = !sameSize(previous, line);
  if (indented || sizeChanged) return true;
  if (!isBreak(previous, line)) return previous.y - line.y > spacing * 1.4;
  // Over a break there is no gap to see: a sentence left open goes on; a closed one ends the
  // paragraph when its line stops short of the column's edge.
  return SENTENCE_END.test(previous.text) && previous.right < right - previous.size * 3;
}

const SENTENCE_END = /[.!?:;…]["'”’)\]]*$/;

/** The left margin of a line's column: the leftmost start of the lines on its page that start near it. */
function marginOf(lines: Line[], line: Line): number {
  let margin = line.x;
  for (const other of lines) {
    if (other.page === line.page && other.x < margin && line.x - other.x < line.size * 3) margin = other.x;
  }
  return margin;
}

/** The right edge of a line's column: the furthest any line of its page, column and type size reaches. */
function columnRight(lines: Line[], line: Line): number {
  const margin = marginOf(lines, line);
  let right = line.right;
  for (const other of lines) {
    if (other.page === line.page && sameSize(other, line) && Math.abs(other.x - margin) < line.size * 3 && other.right > right) right = other.right;
  }
  return right;
}

/**
 * A paragraph's lines as one text. A line ending "letters-" before a lower-case word is a hyphenated
 * word, joined, unless the document writes that compound with its hyphen elsewhere ("mixed-mode").
 */
function joinLines(lines: Line[], words: ReadonlySet<string> = new Set()): string {
  let text = '';
  for (const line of lines) {
    // A hyphen, a soft hyphen (U+00AD) or the Unicode hyphen (U+2010).
    const broken = /(\S*\p{L})[-\u00ad\u2010]$/u.exec(text)?.[1];
    const next = line.text.split(' ')[0]!;
    if (!text) text = line.text;
    else if (broken && /^\p{Ll}/u.test(next) && !words.has(`${broken}-${next}`)) text = text.slice(0, -1) + line.text;
    else if (broken && /^\p{Ll}/u.test(next)) text += line.text;
    else text += ` ${line.text}`;
  }
  return text;
}

function lineKey(line: Line): string {
  return `${Math.round(line.y)}|${line.text.replace(/\d+/g, '#')}`;
}

/** Lines found at the same place on at least half the pages (of two or more). */
function repeatedLines(lines: Line[], pageCount: number): Set<string> {
  if (pageCount < 2) return new Set();
  const pages = new Map<string, Set<number>>();
  for (const line of lines) {
    const key = lineKey(line);
    pages.set(key, (pages.get(key) ?? new Set()).add(line.page));
  }
  return new Set([...pages].filter(([, on]) => on.size >= Math.max(2, pageCount / 2)).map(([key]) => key));
}

/** The most common distance between consecutive lines of a column: the line spacing. */
function usualSpacing(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.round(lines[i - 1]!.y - lines[i]!.y);
    if (lines[i]!.page === lines[i - 1]!.page && gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  const [best] = [...counts].sort((p, q) => q[1] - p[1] || p[0] - q[0])[0] ?? [12];
  return best;
}

/** The first lines in the largest type on the first page, when larger than the text: the title. */
function headingOf(lines: Line[]): Line[] {
  const first = lines.filter((line) => line.page === lines[0]?.page);
  const largest = Math.max(...first.map((line) => line.size));
  const text = lines[Math.floor(lines.length / 2)]?.size ?? largest;
  if (largest <= text * 1.2) return [];
  const start = first.findIndex((line) => line.size === largest);
  const end = first.findIndex((line, i) => i > start && line.size !== largest);
  return first.slice(start, end < 0 ? undefined : end);
}
