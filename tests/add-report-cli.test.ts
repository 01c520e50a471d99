// npm run cli -- add-report / remove-report: the contract (JSON on the last line, exit codes 0/2/1).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { CORPUS_DIR } from './helpers/library.ts';

const lastLine = (stdout: string) => JSON.parse(stdout.trimEnd().split('\n').at(-1)!) as Record<string, unknown>;
const lines = (text: string) => text.split('\n').filter(Boolean);

const PAGE = `<!doctype html><html><head><title>Harbour pilots strike | The Daily Example</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour pilots strike over pensions",
"author":[{"@type":"Person","name":"Jane Roe"}],"publisher":{"@type":"Organization","name":"The Daily Example"},"datePublished":"2024-03-05T08:00:00Z"}</script>
<link rel="canonical" href="https://example.com/news/harbour-pilots"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Harbour pilots strike over pensions</h1><p class="byline">By Jane Roe</p>
<p>Harbour pilots in Rotterdam went on strike over pensions on Tuesday, and dozens of ships queued outside the port while talks went on.</p>
<div class="ad" aria-label="advertisement">Advertisement</div>
<p>The port authority said it expected the strike to end by Thursday, when a new offer would be put to the pilots' union.</p>
<p>Shipping companies warned that a longer stoppage would delay deliveries across northern Europe for weeks.</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article><aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Dock workers vote</a></li></ul></aside></main>
<footer><p>© 2024 The Daily Example. All rights reserved.</p></footer></body></html>`;

let corpus: string;
let server: Server;
let base: string;
beforeAll(async () => {
  corpus = await mkdtemp(path.join(tmpdir(), 'dossier-add-report-'));
  await cp(CORPUS_DIR, corpus, { recursive: true });
  await writeFile(path.join(corpus, '..', `${path.basename(corpus)}-page.html`), PAGE);
  server = createServer((request, response) => {
    if (request.url === '/short/harbour') response.writeHead(302, { location: '/news/harbour-pilots' }).end();
    else if (request.url === '/news/harbour-pilots') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(corpus, { recursive: true, force: true });
  await rm(path.join(corpus, '..', `${path.basename(corpus)}-page.html`), { force: true });
});

const reports = () => readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
const local = { ALLOW_PRIVATE_URLS: 'true' };

// Each test runs the CLI (tsx) two or three times: seconds each on a busy machine.
describe('add-report', { timeout: 60_000 }, () => {
  it('previews a page from a URL through a redirect, writing nothing; --yes writes it and ask quotes it', async () => {
    const before = reports();
    const preview = await runCli(['add-report', `${base}/short/harbour`, '--corpus', corpus, '--json'], '', local);
    expect(preview.code).toBe(0);
    const json = lastLine(preview.stdout);
    expect(json).toEqual({
      id: 'harbour-pilots-strike-over-pensions',
      title: 'Harbour pilots strike over pensions',
      author: 'Jane Roe',
      outlet: 'The Daily Example',
      published: '2024-03-05',
      url: 'https://example.com/news/harbour-pilots',
      file: 'harbour-pilots-strike-over-pensions.md',
      paragraphs: [
        'Harbour pilots in Rotterdam went on strike over pensions on Tuesday, and dozens of ships queued outside the port while talks went on.',
        "The port authority said it expected the strike to end by Thursday, when a new offer would be put to the pilots' union.",
        'Shipping companies warned that a longer stoppage would delay deliveries across northern Europe for weeks.',
      ],
      warnings: expect.any(Array),
    });
    expect(reports()).toEqual(before);

    const written = await runCli(['add-report', `${base}/short/harbour`, '--corpus', corpus, '--yes', '--json'], '', { ...local, LOG_LEVEL: 'info' });
    expect(written.code).toBe(0);
    expect(lastLine(written.stdout)).toMatchObject({ id: 'harbour-pilots-strike-over-pensions', file: 'harbour-pilots-strike-over-pensions.md' });
    expect(readFileSync(path.join(corpus, 'harbour-pilots-strike-over-pensions.md'), 'utf8')).toMatch(/^---\nid: harbour-pilots-strike-over-pensions\n/);
    const ask = await runCli(['ask', 'When will the harbour pilots strike end?', '--corpus', corpus, '--json']);
    expect(JSON.parse(ask.stdout).citations[0]).toMatchObject({ reportId: 'harbour-pilots-strike-over-pensions', author: 'Jane Roe' });
    expect(written.stderr).toMatch(/"who":"cli".*"result":"added"/);
  });

  it('leaves absent fields out, and warns about them', async () => {
    const file = path.join(corpus, '..', `${path.basename(corpus)}-grain.txt`);
    await writeFile(file, 'Grain Talks Stall\n\nThe grain corridor talks stalled in Istanbul.\n');
    try {
      const { code, stdout } = await runCli(['add-report', file, '--corpus', corpus, '--json']);
      expect(code).toBe(0);
      const json = lastLine(stdout);
      expect(Object.keys(json)).toEqual(['id', 'title', 'file', 'paragraphs', 'warnings']);
      expect(json['warnings']).toEqual(['no author found', 'no date found']);
    } finally {
      await rm(file, { force: true });
    }
  });

  it('says an id exists, and --replace replaces it (the old file kept in .removed/)', async () => {
    const again = await runCli(['add-report', `${base}/news/harbour-pilots`, '--corpus', corpus, '--json', '--title', 'Harbour pilots strike over pensions'], '', local);
    expect(lastLine(again.stdout)['warnings']).toContain('this id exists (harbour-pilots-strike-over-pensions): use replace to replace that report; otherwise this one is added as harbour-pilots-strike-over-pensions-2');
    const replaced = await runCli(['add-report', `${base}/news/harbour-pilots`, '--corpus', corpus, '--replace', '--yes', '--author', 'J. Roe'], '', local);
    expect(replaced.code).toBe(0);
    expect(readFileSync(path.join(corpus, 'harbour-pilots-strike-over-pensions.md'), 'utf8')).toContain('author: "J. Roe"');
    expect(existsSync(path.join(corpus, '.removed/harbour-pilots-strike-over-pensions.md'))).toBe(true);
  });

  it('creates a corpus folder that does not exist yet', async () => {
    const fresh = path.join(corpus, '..', `${path.basename(corpus)}-new`, 'reports');
    try {
      const { code, stdout } = await runCli(['add-report', `${base}/news/harbour-pilots`, '--corpus', fresh, '--yes', '--json'], '', local);
      expect(code).toBe(0);
      expect(readFileSync(path.join(fresh, String(lastLine(stdout)['file'])), 'utf8')).toContain('title: "Harbour pilots strike over pensions"');
    } finally {
      await rm(path.dirname(fresh), { recursive: true, force: true });
    }
  });

  it.each([
    ['no source', ['add-report']],
    ['two sources', ['add-report', 'a.txt', 'b.txt']],
    ['a bad date', ['add-report', 'a.txt', '--published', 'March 5']],
  ])('exits 2 on bad usage: %s', async (_label, args) => {
    const { code, stderr } = await runCli([...args, '--corpus', corpus]);
    expect(code).toBe(2);
    expect(lines(stderr)).toHaveLength(1);
  });

  it.each([
    ['a loopback URL without ALLOW_PRIVATE_URLS', () => `${base}/news/harbour-pilots`, /not a public address/],
    ['a file that does not exist', () => path.join(corpus, 'nope.txt'), /could not be read \(ENOENT\)/],
    ['a Markdown file /reindex would refuse', () => path.join(corpus, '..', `${path.basename(corpus)}-bad.md`), /bad front matter/],
  ])('exits 1 with a one-line reason for %s, writing nothing', async (_label, source, reason) => {
    await writeFile(path.join(corpus, '..', `${path.basename(corpus)}-bad.md`), '---\nid: [x\n---\n\nText.\n');
    const before = reports();
    const { code, stderr, stdout } = await runCli(['add-report', source(), '--corpus', corpus, '--yes', '--json'], '', { LOG_LEVEL: 'silent' });
    expect(code).toBe(1);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(reason);
    expect(stdout).toBe('');
    expect(reports()).toEqual(before);
  });
});

describe('remove-report', { timeout: 60_000 }, () => {
  it('moves the file to .removed/; an unknown id exits 1', async () => {
    const { code, stdout } = await runCli(['remove-report', 'harbour-pilots-strike-over-pensions', '--corpus', corpus, '--json'], '', { LOG_LEVEL: 'silent' });
    expect(code).toBe(0);
    expect(lastLine(stdout)).toMatchObject({ id: 'harbour-pilots-strike-over-pensions', removed: expect.stringMatching(/^\.removed\/harbour-pilots-strike-over-pensions\.\d+\.md$/) });
    expect(reports()).not.toContain('harbour-pilots-strike-over-pensions.md');
    const unknown = await runCli(['remove-report', 'harbour-pilots-strike-over-pensions', '--corpus', corpus]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no report has the id/);
  });
});
