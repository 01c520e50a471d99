/**
 * npm run ingest-times [-- --pages DIR] [--pdfs DIR] [--runs N]: how long ingestion takes for each web
 * page (source.html) and PDF, median of N runs (default 5) after one warm-up, and the HTML pages
 * parsed by linkedom (what the bot uses) and by jsdom, to compare; for each page also how much of the
 * article the report recovered, against expected.html and expected-metadata.json. Defaults:
 * ../shared/web-pages and ../shared/pdfs. Prints Markdown tables for the README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/ingest/html.ts';
import { extractPdf } from '../src/ingest/pdf.ts';
import { articleMeasures } from '../tests/helpers/pages.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '../shared/web-pages' }, pdfs: { type: 'string', default: '../shared/pdfs' }, runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

async function median(work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const pages = readdirSync(values.pages, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const rows: string[] = [];
let totals = [0, 0];
for (const name of pages) {
  const html = readFileSync(path.join(values.pages, name, 'source.html'), 'utf8');
  const linkedom = await median(() => extractArticle(parseHTML(html).document));
  const jsdom = await median(() => extractArticle(new JSDOM(html).window.document));
  const found = extractArticle(parseHTML(html).document);
  const { recovered, fromArticle } = articleMeasures(found.paragraphs, readFileSync(path.join(values.pages, name, 'expected.html'), 'utf8'));
  const title = found.title === JSON.parse(readFileSync(path.join(values.pages, name, 'expected-metadata.json'), 'utf8')).title ? 'yes' : 'no';
  totals = [totals[0]! + linkedom, totals[1]! + jsdom];
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  rows.push(`| ${name} | ${Math.round(html.length / 1024)} KB | ${found.paragraphs.length} | ${percent(recovered)} | ${percent(fromArticle)} | ${title} | ${linkedom.toFixed(0)} ms | ${jsdom.toFixed(0)} ms |`);
}
console.log('| page | size | paragraphs | article recovered | from the article | title | linkedom | jsdom |\n|---|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log(`| all ${pages.length} | | | | | | ${totals[0]!.toFixed(0)} ms | ${totals[1]!.toFixed(0)} ms |\n`);

console.log('| PDF | size | paragraphs | time |\n|---|---|---|---|');
for (const name of readdirSync(values.pdfs).filter((f) => f.endsWith('.pdf')).sort()) {
  const bytes = new Uint8Array(readFileSync(path.join(values.pdfs, name)));
  const time = await median(() => extractPdf(bytes));
  const found = await extractPdf(bytes);
  console.log(`| ${name} | ${Math.round(bytes.length / 1024)} KB | ${found.paragraphs.length} | ${time.toFixed(0)} ms |`);
}
