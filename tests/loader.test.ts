import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus } from '../src/corpus/load.ts';
import { toPassages } from '../src/corpus/report.ts';
import { CORPUS_DIR } from './helpers/library.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dossier-corpus-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const md = (front: string, body = 'First paragraph.\n\nSecond paragraph.') => `---\n${front}\n---\n\n${body}\n`;

async function expectCorpusError(file: string, reason: RegExp) {
  const error = await loadCorpus(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CorpusError);
  expect((error as CorpusError).file).toBe(file);
  expect((error as CorpusError).reason).toMatch(reason);
  expect((error as CorpusError).message).toContain(file);
}

describe('the seed corpus', () => {
  it('loads both reports with only the metadata their text gives', async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.reports.map((r) => r.id)).toEqual([
      'us-allies-unlikely-to-give-ukraine-guarantees',
      'western-allies-weigh-israeli-type-guarantees',
    ]);
    const [first, second] = corpus.reports;
    expect(first).toMatchObject({ title: 'US, Allies Unlikely to Give Ukraine the Security Guarantees It Wants', author: 'Dave DeCamp' });
    expect(first!.url).toBeUndefined();
    expect(first!.outlet).toBeUndefined();
    expect(second!.author).toBeUndefined();
    expect(second!.title).toMatch(/Israeli-type/);
  });

  it('keeps every paragraph verbatim, typographic quotes included', async () => {
    const [first, second] = (await loadCorpus(CORPUS_DIR)).reports;
    expect(first!.paragraphs).toHaveLength(8);
    expect(first!.paragraphs[0]).toBe(
      "In a draft peace deal, Ukraine said it would renounce plans to join NATO but wants security guarantees like NATO's Article 5",
    );
    expect(first!.paragraphs[4]).toContain('One Western official said that “anything short of full commitment');
    expect(second!.paragraphs).toHaveLength(8);
    expect(second!.paragraphs[3]).toContain('“are ongoing right now,” the Polish President said.');
  });

  it('numbers passages from 1 in reading order as <reportId>#<n>', async () => {
    const [first] = (await loadCorpus(CORPUS_DIR)).reports;
    const passages = toPassages(first!);
    expect(passages.map((p) => p.id).slice(0, 3)).toEqual([
      'us-allies-unlikely-to-give-ukraine-guarantees#1',
      'us-allies-unlikely-to-give-ukraine-guarantees#2',
      'us-allies-unlikely-to-give-ukraine-guarantees#3',
    ]);
    expect(passages[2]).toMatchObject({ paragraph: 3, text: first!.paragraphs[2] });
  });
});

describe('loading a corpus folder', () => {
  it('reads Markdown front matter (author, outlet, published, url)', async () => {
    await writeFile(
      path.join(dir, 'a.md'),
      md('id: report-a\ntitle: "A: headline"\nauthor: Jane Roe\noutlet: The Daily\npublished: 2024-03-01\nurl: https://example.com/a'),
    );
    const [report] = (await loadCorpus(dir)).reports;
    expect(report).toEqual({
      id: 'report-a',
      title: 'A: headline',
      author: 'Jane Roe',
      outlet: 'The Daily',
      published: '2024-03-01',
      url: 'https://example.com/a',
      paragraphs: ['First paragraph.', 'Second paragraph.'],
      file: 'a.md',
    });
  });

  it('joins the lines of a wrapped paragraph and handles CRLF and a BOM', async () => {
    await writeFile(path.join(dir, 'a.md'), '\uFEFF' + md('id: a\ntitle: A', 'One line\nwrapped here.\n\nTwo.').replace(/\n/g, '\r\n'));
    expect((await loadCorpus(dir)).reports[0]!.paragraphs).toEqual(['One line wrapped here.', 'Two.']);
  });

  it('takes a .txt headline from the first line when it reads as one', async () => {
    await writeFile(path.join(dir, 'some-news.txt'), 'Talks Resume in Geneva\n\nThe talks resumed on Monday.\n\nAuthor: Jane Roe\n');
    const [report] = (await loadCorpus(dir)).reports;
    expect(report).toMatchObject({ id: 'some-news', title: 'Talks Resume in Geneva', author: 'Jane Roe', paragraphs: ['The talks resumed on Monday.'] });
  });

  it('takes a .txt title from the file name when the first line is a sentence', async () => {
    await writeFile(path.join(dir, '002_talks.txt'), 'The talks resumed on Monday.\n\nThey ended on Tuesday.\n');
    const [report] = (await loadCorpus(dir)).reports;
    expect(report).toMatchObject({ id: '002-talks', title: '002 talks', paragraphs: ['The talks resumed on Monday.', 'They ended on Tuesday.'] });
  });

  it('skips other files with a warning, and reads the alias and topic files as data', async () => {
    await writeFile(path.join(dir, 'a.md'), md('id: a\ntitle: A'));
    await writeFile(path.join(dir, 'notes.pdf'), 'x');
    await writeFile(path.join(dir, 'aliases.yaml'), '- [US, United States]\n');
    await writeFile(path.join(dir, 'topics.yaml'), '- name: talks\n  description: The talks\n  terms: [talks]\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.reports).toHaveLength(1);
    expect(corpus.warnings).toEqual([expect.stringMatching(/^notes\.pdf: skipped/)]);
    expect(corpus.aliases).toEqual([['US', 'United States']]);
    expect(corpus.topics).toEqual([{ name: 'talks', description: 'The talks', terms: ['talks'], minMatch: 1 }]);
  });

  it('uses the bot\'s own alias and topic files when the folder has none', async () => {
    await writeFile(path.join(dir, 'a.md'), md('id: a\ntitle: A'));
    const [corpus, seeds] = await Promise.all([loadCorpus(dir), loadCorpus(CORPUS_DIR)]);
    expect(corpus.aliases).toEqual(seeds.aliases);
    expect(corpus.aliases).toContainEqual(['WSJ', 'Wall Street Journal']);
    expect(corpus.topics.map((t) => t.name)).toEqual(['guarantees']);
  });

  it('reads reports in sub-folders, in path order', async () => {
    await mkdir(path.join(dir, '2024'));
    await writeFile(path.join(dir, '2024', 'b.md'), md('id: b\ntitle: B'));
    await writeFile(path.join(dir, 'a.md'), md('id: a\ntitle: A'));
    expect((await loadCorpus(dir)).reports.map((r) => r.file)).toEqual([path.join('2024', 'b.md'), 'a.md']);
  });

  it('refuses a report with broken front matter, naming the file', async () => {
    await writeFile(path.join(dir, 'bad.md'), md('id: [unclosed\ntitle: X'));
    await expectCorpusError('bad.md', /bad front matter/);
  });

  it('refuses front matter without an id or with a bad url', async () => {
    await writeFile(path.join(dir, 'noid.md'), md('title: X'));
    await expectCorpusError('noid.md', /id/);
    await rm(path.join(dir, 'noid.md'));
    await writeFile(path.join(dir, 'url.md'), md('id: x\ntitle: X\nurl: javascript:alert(1)'));
    await expectCorpusError('url.md', /url/);
  });

  it('refuses a Markdown report without front matter', async () => {
    await writeFile(path.join(dir, 'plain.md'), '# Title\n\nText.\n');
    await expectCorpusError('plain.md', /no front matter/);
  });

  it('refuses a report with no text', async () => {
    await writeFile(path.join(dir, 'empty.md'), md('id: e\ntitle: E', ''));
    await expectCorpusError('empty.md', /no text/);
  });

  it('refuses an empty .txt file', async () => {
    await writeFile(path.join(dir, 'empty.txt'), '\n\n');
    await expectCorpusError('empty.txt', /no text/);
  });

  it('refuses a duplicate id, naming both files', async () => {
    await writeFile(path.join(dir, 'a.md'), md('id: same\ntitle: A'));
    await writeFile(path.join(dir, 'b.md'), md('id: same\ntitle: B'));
    await expectCorpusError('b.md', /duplicate id "same" \(also used by a\.md\)/);
  });

  it('refuses a binary file and a link that leads outside the folder', async () => {
    await writeFile(path.join(dir, 'bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]));
    await expectCorpusError('bin.txt', /binary/);
    await rm(path.join(dir, 'bin.txt'));
    const outside = await mkdtemp(path.join(tmpdir(), 'dossier-outside-'));
    await writeFile(path.join(outside, 'secret.txt'), 'Secret Title\n\nSecret text.\n');
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'secret.txt'));
    await expectCorpusError('secret.txt', /outside the corpus folder/);
    await rm(outside, { recursive: true, force: true });
  });

  it('refuses a 5 MB file, naming it', async () => {
    await writeFile(path.join(dir, 'huge.txt'), `Huge\n\n${'word '.repeat(1_100_000)}`);
    await expectCorpusError('huge.txt', /too large/);
  });

  it('refuses a malformed alias file, naming it', async () => {
    await writeFile(path.join(dir, 'a.md'), md('id: a\ntitle: A'));
    await writeFile(path.join(dir, 'aliases.yaml'), 'US: United States\n');
    await expectCorpusError('aliases.yaml', /expected array/i);
  });

  it('reports a missing folder clearly', async () => {
    await expect(loadCorpus(path.join(dir, 'nope'))).rejects.toThrow(/corpus folder not found/);
  });
});
