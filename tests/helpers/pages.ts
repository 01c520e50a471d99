import { parseHTML } from 'linkedom';
import { isLabel } from '../../src/ingest/html.ts';

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * How well a report's paragraphs match a page's article, as Readability's expected output
 * (expected.html) has it, figure captions and labels (too short to quote) left out: the share of
 * the article's blocks recovered, and the share of the report's paragraphs that come from the article.
 */
export function articleMeasures(paragraphs: readonly string[], expectedHtml: string): { recovered: number; fromArticle: number } {
  const { document } = parseHTML(`<html><body>${expectedHtml}</body></html>`);
  for (const caption of document.querySelectorAll('figure, figcaption')) caption.remove();
  const expected = [...document.querySelectorAll('p, li, h2, h3, h4, blockquote, pre')]
    .filter((element) => !element.querySelector('p, li'))
    .map((element) => norm(element.textContent ?? ''))
    .filter((text) => text && !isLabel(text));
  const article = norm(document.body.textContent ?? '');
  const report = paragraphs.join(' ');
  return {
    recovered: expected.filter((p) => report.includes(p)).length / expected.length,
    fromArticle: paragraphs.filter((p) => article.includes(p)).length / paragraphs.length,
  };
}
