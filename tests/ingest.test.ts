// The ingestion path: web pages (real ones, checked against Readability's expected output), PDFs with
// known text, and URLs from a local HTTP server, with the address rule refusing before any connection.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource, isPublicAddress } from '../src/ingest/fetch.ts';
import { extractHtml } from '../src/ingest/html.ts';
import { ingest, SourceError } from '../src/ingest/index.ts';
import { extractPdf } from '../src/ingest/pdf.ts';
import { articleMeasures } from './helpers/pages.ts';
import { makePdf } from './helpers/pdf.ts';

const PAGES = path.join(import.meta.dirname, 'fixtures/web-pages');
const page = (name: string, file: string) => readFileSync(path.join(PAGES, name, file), 'utf8');
describe('web pages', () => {
  it.each(['ars-1', 'bbc-1', 'guardian-1', 'nytimes-3', 'theverge', 'wapo-2'])('%s: at least 90 percent of the article, nothing but the article, and its title', (name) => {
    const found = extractHtml(page(name, 'source.html'));
    const { recovered, fromArticle } = articleMeasures(found.paragraphs, page(name, 'expected.html'));
    expect(recovered).toBeGreaterThanOrEqual(0.9);
    expect(fromArticle).toBe(1);
    expect(found.title).toBe(JSON.parse(page(name, 'expected-metadata.json')).title);
  });

  it('takes author, outlet and date from JSON-LD, and the canonical URL', () => {
    const found = extractHtml(page('theverge', 'source.html'));
    expect(found).toMatchObject({ author: 'Alex Heath', outlet: 'The Verge', published: '2023-06-07' });
    expect(found.url).toMatch(/^https:\/\/www\.theverge\.com\//);
  });

  it('leaves page furniture out: navigation, adverts, share links, captions, byline, date line, copyright', () => {
    const html = `<html><head><title>Harbour Pilots Strike</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Harbour Pilots Strike</h1><p class="byline">By Jane Roe</p><p>Published March 5, 2024</p>
      <p>Harbour pilots in Rotterdam went on strike over pensions on Tuesday, and ships queued outside the port for most of the day while talks went on.</p>
      <div class="advert">Advertisement: buy a boat</div>
      <figure><img src="a.jpg"><figcaption>Ships waiting outside the port.</figcaption></figure>
      <p>The port authority said it expected the strike to end by Thursday, when a new offer on pensions would be put to the pilots' union.</p>
      <div class="share-tools"><a href="#">Share on Facebook</a></div>
      <p>Copyright 2024 The Daily Example. All rights reserved.</p></article></body></html>`;
    const found = extractHtml(html);
    expect(found.paragraphs).toEqual([
      'Harbour pilots in Rotterdam went on strike over pensions on Tuesday, and ships queued outside the port for most of the day while talks went on.',
      "The port authority said it expected the strike to end by Thursday, when a new offer on pensions would be put to the pilots' union.",
    ]);
    expect(found.author).toBe('Jane Roe');
  });

  it('leaves labels out, and the notes after an article: the print edition, a reprint, a contributor', () => {
    const lead = 'Harbour pilots in Rotterdam went on strike over pensions on Tuesday, and ships queued outside the port for most of the day.';
    const html = `<html><head><title>Harbour Pilots Strike</title></head><body><article><h1>Harbour Pilots Strike</h1>
      <header><h4>Biz &amp; IT —</h4></header><p>${lead}</p><p>Facebook</p><h3>Talks go on</h3>
      <p>The port authority said it expected the strike to end by Thursday, when a new offer would be put to the union.</p>
      <p>It said: "Wait."</p>
      <p>Jan de Vries contributed reporting to this article.</p><p>This article was originally published on Example.com.</p>
      <div>A version of this article appears in print on <!-- -->, on Page <!-- -->A<!-- -->22<!-- --> of the New York edition</div>
      </article></body></html>`;
    const found = extractHtml(html);
    expect(found.paragraphs).toEqual([lead, 'The port authority said it expected the strike to end by Thursday, when a new offer would be put to the union.', 'It said: "Wait."']);
    expect(found.warnings).toContain('3 paragraphs left out as labels (a few words, no sentence)');
  });

  it('does not split a paragraph at HTML comments, nor take a section label for the first paragraph', () => {
    expect(extractHtml(page('ars-1', 'source.html')).paragraphs[0]).toBe('Two-year-old bug exposes thousands of servers to crippling attack.');
    const paragraphs = extractHtml(page('nytimes-3', 'source.html')).paragraphs;
    expect(paragraphs.filter((p) => /New York edition|^, on Page$/.test(p))).toEqual([]);
  });

  it('refuses what is not a whole page (an empty file, a fragment Readability cannot walk) as no article', () => {
    const paragraph = `<p>${'Harbour pilots in Rotterdam went on strike over pensions on Tuesday. '.repeat(8)}</p>`;
    expect(() => extractHtml('')).toThrow(SourceError);
    expect(() => extractHtml(`<div><div>${paragraph}${paragraph}</div></div>`)).toThrow(new SourceError('no article found on this page'));
    expect(() => extractHtml(page('bbc-1', 'expected.html'))).toThrow(SourceError);
  });
});

describe('PDFs', () => {
  const paragraphs = [
    ['The grain corridor talks resumed in Istanbul on Friday, with', 'negotiators from both sides seeking security guaran-', 'tees for merchant shipping.'],
    ['A second paragraph starts here and runs on for a while so that', 'it fills three lines of the page before it ends.'],
    ['The third paragraph begins at the bottom of the first page and', 'carries on over the page break to the second page, where it', 'ends after a few more words.'],
    ['The last paragraph is short.'],
  ];
  const expected = [
    'The grain corridor talks resumed in Istanbul on Friday, with negotiators from both sides seeking security guarantees for merchant shipping.',
    'A second paragraph starts here and runs on for a while so that it fills three lines of the page before it ends.',
    'The third paragraph begins at the bottom of the first page and carries on over the page break to the second page, where it ends after a few more words.',
    'The last paragraph is short.',
  ];

  it('gives back exactly its paragraphs: running heads and page numbers dropped, hyphens joined, a paragraph over the page break', async () => {
    const pdf = await makePdf({ heading: 'Grain Corridor Talks Resume', runningHead: 'The Dossier Review, March 2024', paragraphs, linesPerPage: 6 });
    const found = await extractPdf(pdf);
    expect(found.paragraphs).toEqual(expected);
    expect(found.title).toBe('Grain Corridor Talks Resume');
  });

  it('also with paragraphs set apart by blank lines, and "Page n of 2" footers', async () => {
    // Full lines, so the page break falls inside the third paragraph with nothing to mark it.
    const full = [
      ['The grain corridor talks resumed in Istanbul on Friday, with negotiators', 'from both sides seeking security guaran-', 'tees for merchant shipping through the Black Sea.'],
      ['A second paragraph starts here and runs on for a while so that it fills', 'three lines of the page before it finally comes to an end in the middle', 'of the line.'],
      ['The third paragraph begins at the bottom of the first page and carries on', 'over the page break to the second page, where it ends after a few words.'],
      ['The last paragraph is short.'],
    ];
    const pdf = await makePdf({ title: 'Grain Talks', runningHead: 'The Dossier Review', paragraphs: full, linesPerPage: 7, style: 'gap', pageLabel: (n, count) => `Page ${n} of ${count}` });
    expect((await extractPdf(pdf)).paragraphs).toEqual(full.map((lines) => lines.join(' ').replace('guaran- tees', 'guarantees')));
  });

  it('keeps a sentence left open at the foot of a page in its paragraph, however short the line', async () => {
    const ragged = [
      ['Harbour pilots in Rotterdam went on strike over pensions on Tuesday.'],
      ['The port authority said it expected the strike to end', 'by Thursday, when a new offer would be', 'put to the union.'],
    ];
    const pdf = await makePdf({ title: 'Pilots', paragraphs: ragged, linesPerPage: 3, style: 'gap' });
    expect((await extractPdf(pdf)).paragraphs).toEqual(['Harbour pilots in Rotterdam went on strike over pensions on Tuesday.', 'The port authority said it expected the strike to end by Thursday, when a new offer would be put to the union.']);
  });

  it('takes title and author from the document info when it has them', async () => {
    const found = await extractPdf(await makePdf({ title: 'Grain Talks', author: 'Jane Roe', paragraphs, linesPerPage: 40 }));
    expect(found).toMatchObject({ title: 'Grain Talks', author: 'Jane Roe', paragraphs: expected });
  });

  it('reads a real two-column paper: columns in turn, a paragraph on past a footnote into the next column', async () => {
    const found = await extractPdf(new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures/pdfs/tracemonkey.pdf'))));
    expect(found.title).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages');
    const intro = found.paragraphs.find((p) => p.startsWith('Dynamic languages such as JavaScript, Python, and Ruby'));
    expect(intro).toContain('is the de facto standard for client-side web programming and is used for the application logic of browser-based productivity applications such as Google Mail');
    expect(found.paragraphs.some((p) => p.startsWith('Permission to make digital or hard copies'))).toBe(true);
    expect(found.paragraphs.filter((p) => /^\d+$/.test(p))).toEqual([]);
  });

  it('refuses what is not a PDF', async () => {
    await expect(extractPdf(new TextEncoder().encode('not a pdf'))).rejects.toThrow(SourceError);
  });
});

describe('URLs', () => {
  let server: Server;
  let base: string;
  let hits: string[];
  const article = page('bbc-1', 'source.html');
  beforeAll(async () => {
    hits = [];
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      const url = request.url ?? '/';
      if (url === '/news') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
      else if (url === '/old') response.writeHead(301, { location: '/news' }).end();
      else if (url === '/loop') response.writeHead(302, { location: '/loop' }).end();
      else if (url === '/to-loopback') response.writeHead(302, { location: 'http://[::1]:9/secret' }).end();
      else if (url === '/index') response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><nav><a href="/a">A</a> <a href="/b">B</a></nav><ul><li><a href="/c">Sport</a></li></ul></body></html>');
      else if (url === '/big') response.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.alloc(11 * 1024 * 1024, 'a'));
      else if (url === '/slow') response.writeHead(200, { 'content-type': 'text/html' }).write('<html>');
      else if (url === '/image') response.writeHead(200, { 'content-type': 'image/png' }).end('png');
      else if (url === '/report.pdf') void makePdf({ title: 'Harbour Pilots Strike', paragraphs: [['Harbour pilots went on strike.']], linesPerPage: 40 }).then((pdf) => response.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf)));
      else response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const local = { existingIds: new Set<string>(), allowPrivateUrls: true };

  it('reads a news page through a redirect, with metadata from the page', async () => {
    const { report, warnings } = await ingest({ url: `${base}/old` }, local);
    expect(report).toMatchObject({ title: "Obama admits US gun laws are his 'biggest frustration'", outlet: 'BBC News', published: '2015-07-24', file: 'obama-admits-us-gun-laws-are-his-biggest-frustration.md' });
    expect(report.paragraphs[0]).toMatch(/^President Barack Obama has admitted/);
    expect(warnings).toContain('3 paragraphs left out as navigation');
  });

  it('reads a PDF', async () => {
    const { report } = await ingest({ url: `${base}/report.pdf` }, local);
    expect(report).toMatchObject({ title: 'Harbour Pilots Strike', paragraphs: ['Harbour pilots went on strike.'], url: `${base}/report.pdf` });
  });

  it.each([
    ['a page that is not an article', '/index', /no article found/],
    ['a 404', '/missing', /answered 404/],
    ['a body over 10 MB', '/big', /larger than 10 MB/],
    ['another content type', '/image', /not a web page or a PDF \(content type image\/png\)/],
    ['a redirect loop', '/loop', /too many redirects/],
  ])('refuses %s', async (_label, url, reason) => {
    await expect(ingest({ url: `${base}${url}` }, local)).rejects.toThrow(reason);
  });

  it('gives up on a server that does not answer in time', async () => {
    await expect(ingest({ url: `${base}/slow` }, { ...local, timeoutMs: 200 })).rejects.toThrow(/did not answer in/);
  });

  it.each(['http://127.0.0.1/', 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://localhost/'])(
    'without ALLOW_PRIVATE_URLS refuses %s before connecting',
    async (url) => {
      const before = hits.length;
      await expect(ingest({ url }, { existingIds: new Set() })).rejects.toThrow(/not a public address/);
      expect(hits.length).toBe(before);
    },
  );

  it('checks every redirect: a URL that passes the rule but redirects to loopback is refused before connecting there', async () => {
    // The rule here lets through this test's server alone (127.0.0.1), as a public address would be;
    // its redirect to [::1] is checked again and refused.
    const before = hits.length;
    const onlyThisServer = { allowAddress: (address: string) => address === '127.0.0.1', accept: () => true };
    await expect(fetchSource(`${base}/to-loopback`, onlyThisServer)).rejects.toThrow(/\[?::1\]? is not a public address/);
    expect(hits.slice(before)).toEqual(['/to-loopback']);
  });

  it('refuses other schemes', async () => {
    await expect(ingest({ url: 'file:///etc/passwd' }, local)).rejects.toThrow(/only http and https/);
  });

  it('knows which addresses are public', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '224.0.0.1']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) expect(isPublicAddress(address), address).toBe(true);
  });
});
