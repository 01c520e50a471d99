// /reindex against bad corpus files: each is refused with its name, or loads; the bot keeps answering.
import { rm, symlink, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGE_GUILD, REINDEX_WAIT, shownMessage, startTestBot, type TestBot } from './helpers/bot.ts';
import { quotedTexts } from './helpers/markdown.ts';

let t: TestBot;
let outside: string;
beforeAll(async () => {
  t = await startTestBot();
  outside = await mkdtemp(path.join(tmpdir(), 'dossier-outside-'));
  await writeFile(path.join(outside, 'secret.txt'), 'Secret Plans\n\nThe secret plan is to reindex.\n');
});
afterAll(async () => {
  await t?.close();
  await rm(outside, { recursive: true, force: true });
});

async function reindex() {
  const i = t.fake.sendSlashCommand({ name: 'reindex', memberPermissions: MANAGE_GUILD });
  return shownMessage(await t.fake.waitForResponse(i.id, undefined, REINDEX_WAIT)).content!;
}

async function expectStillAnswering() {
  const i = t.fake.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'When did the talks resume?' }] });
  const message = shownMessage(await t.fake.waitForResponse(i.id));
  expect(quotedTexts(message.embeds![0]!.description!).join()).toContain('resumed on Friday');
  expect(t.bot.dossier.info.reports.length).toBeGreaterThanOrEqual(2);
}

const refused: Array<[string, string, () => Promise<void>, RegExp]> = [
  ['broken front matter', 'broken.md', () => writeFile(path.join(t.corpusDir, 'broken.md'), '---\nid: [x\n---\n\nText.\n'), /bad front matter/],
  ['a binary file', 'image.txt', () => writeFile(path.join(t.corpusDir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), /binary/],
  ['an empty file', 'empty.txt', () => writeFile(path.join(t.corpusDir, 'empty.txt'), ''), /no text/],
  ['a 5 MB file', 'huge.txt', () => writeFile(path.join(t.corpusDir, 'huge.txt'), `Huge\n\n${'word '.repeat(1_100_000)}`), /too large/],
  ['a duplicate id', 'dup.md', () => writeFile(path.join(t.corpusDir, 'dup.md'), '---\nid: us-allies-unlikely-to-give-ukraine-guarantees\ntitle: Dup\n---\n\nText.\n'), /duplicate id/],
  ['a link outside the folder', 'secret.txt', () => symlink(path.join(outside, 'secret.txt'), path.join(t.corpusDir, 'secret.txt')), /outside the corpus folder/],
];

describe('/reindex with a bad corpus file', () => {
  it.each(refused)('%s is refused with its name; the old index keeps answering', async (_label, file, create, reason) => {
    await create();
    try {
      const reply = await reindex();
      expect(reply).toMatch(/refused/);
      expect(reply).toContain(file);
      expect(reply).toMatch(reason);
      await expectStillAnswering();
    } finally {
      await rm(path.join(t.corpusDir, file), { force: true });
    }
  });

  it('a report with Windows line endings and a BOM loads', async () => {
    const file = path.join(t.corpusDir, 'windows.txt');
    await writeFile(file, '\uFEFFGrain Talks Stall\r\n\r\nThe grain corridor talks stalled in Istanbul.\r\n');
    try {
      expect(await reindex()).toMatch(/Reindexed.*\n.*windows/);
      const i = t.fake.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'Where did the grain corridor talks stall?' }] });
      const message = shownMessage(await t.fake.waitForResponse(i.id));
      expect(quotedTexts(message.embeds![0]!.description!)).toEqual(['The grain corridor talks stalled in Istanbul.']);
    } finally {
      await rm(file);
      await reindex();
    }
  });

  it('sent nothing Discord would reject', () => {
    expect(t.fake.violations).toEqual([]);
  });
});
