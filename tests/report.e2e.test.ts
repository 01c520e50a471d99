// /report add and remove through the real discord.js client against the local fake Discord, which
// serves the attachments' bytes at the URLs the interactions name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPHEMERAL, MANAGE_GUILD, shownMessage, startTestBot, type SentMessage, type TestBot } from './helpers/bot.ts';
import { quotedTexts } from './helpers/markdown.ts';
import { makePdf } from './helpers/pdf.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

const moderator = { memberPermissions: MANAGE_GUILD };
const GRAIN = 'Grain Corridor Talks Stall\n\nBy Jane Roe\n\nThe grain corridor talks stalled in Istanbul over insurance for the ships.\n\nNegotiators will meet again next week.\n';

function add(file: { filename: string; data: Uint8Array | string }, extra: Array<{ name: string; type: number; value: string | boolean }> = [], target: Record<string, unknown> = moderator) {
  const attachment = t.fake.createAttachment(file);
  return t.fake.sendSlashCommand({ name: 'report', options: [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: attachment.id }, ...extra] }], ...target });
}

/**
 * The message shown, with bold marks and markdown escapes taken out, and the flags of a deferral
 * (the edit after it carries none).
 */
async function shown(interactionId: string): Promise<SentMessage> {
  const requests = await t.fake.waitForResponse(interactionId);
  const message = shownMessage(requests);
  const callback = requests.find((r) => r.path.endsWith('/callback'))?.body as { data?: { flags?: number } } | undefined;
  const plain = (text: string) => text.replace(/\*\*/g, '').replace(/\\([\\*_~`|<>#\-[\]()@:])/g, '$1');
  return {
    ...message,
    flags: message.flags ?? callback?.data?.flags ?? 0,
    content: plain(message.content ?? ''),
    embeds: message.embeds?.map((e) => ({ ...e, description: plain(e.description ?? '') })),
  };
}

function buttons(message: SentMessage): { add: string; cancel: string } {
  const row = message.components?.[0]?.components ?? [];
  return { add: row.find((b) => b.label === 'Add to the corpus')!.custom_id!, cancel: row.find((b) => b.label === 'Cancel')!.custom_id! };
}

async function click(customId: string, target: Record<string, unknown> = {}): Promise<SentMessage> {
  return shown(t.fake.sendButton({ customId, ...target }).id);
}

async function ask(question: string): Promise<string[]> {
  const interaction = t.fake.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: question }] });
  const message = shownMessage(await t.fake.waitForResponse(interaction.id));
  return (message.embeds ?? []).flatMap((e) => quotedTexts(e.description!));
}

const corpusFiles = () => readdirSync(t.corpusDir).filter((f) => /\.(md|txt)$/.test(f)).sort();

describe('/report add', () => {
  it('previews a .txt attachment ephemerally; Add writes it, reindexes, and /ask quotes it', async () => {
    const preview = await shown(add({ filename: 'grain.txt', data: GRAIN }).id);
    expect(preview.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(preview.allowed_mentions).toMatchObject({ parse: [] });
    expect(preview.embeds![0]!.title).toBe('Grain Corridor Talks Stall');
    expect(preview.embeds![0]!.description).toContain('Jane Roe');
    expect(preview.embeds![0]!.description).toMatch(/no date found/);
    expect(corpusFiles()).not.toContain('grain-corridor-talks-stall.md');

    const done = await click(buttons(preview).add);
    expect(done.content).toMatch(/Added Grain Corridor Talks Stall/);
    expect(done.allowed_mentions).toMatchObject({ parse: [] });
    expect(corpusFiles()).toContain('grain-corridor-talks-stall.md');
    expect(await ask('Where did the grain corridor talks stall?')).toContain('The grain corridor talks stalled in Istanbul over insurance for the ships.');
    expect(t.logs.some((l) => l.includes('"report added"') && l.includes(t.fake.testUser.id) && l.includes('grain-corridor-talks-stall'))).toBe(true);
  });

  it('warns that the id exists, and with replace replaces that report (the old file moved to .removed)', async () => {
    const again = await shown(add({ filename: 'grain.txt', data: GRAIN.replace('next week', 'on Monday') }).id);
    expect(again.embeds![0]!.description).toMatch(/this id exists \(grain-corridor-talks-stall\): use replace/);
    await click(buttons(again).cancel);

    const replacing = await shown(add({ filename: 'grain.txt', data: GRAIN.replace('next week', 'on Monday') }, [{ name: 'replace', type: 5, value: true }]).id);
    expect(replacing.embeds![0]!.description).toMatch(/replaces the report with this id/);
    const done = await click(buttons(replacing).add);
    expect(done.content).toMatch(/moved to `\.removed/);
    expect(await ask('When will the grain corridor negotiators meet again?')).toContain('Negotiators will meet again on Monday.');
    expect(corpusFiles().filter((f) => f.startsWith('grain'))).toEqual(['grain-corridor-talks-stall.md']);
  });

  it('adds an .html attachment: the article, with the page’s metadata', async () => {
    const html = readFileSync(path.join(import.meta.dirname, 'fixtures/web-pages/bbc-1/source.html'));
    const preview = await shown(add({ filename: 'obama.html', data: html }).id);
    expect(preview.embeds![0]!.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(preview.embeds![0]!.description).toContain('2015-07-24');
    await click(buttons(preview).add);
    expect(await ask('What is Obama’s biggest frustration about gun laws?')).toContain(
      'President Barack Obama has admitted that his failure to pass "common sense gun safety laws" in the US is the greatest frustration of his presidency.',
    );
  });

  it('adds a .pdf attachment', async () => {
    const pdf = await makePdf({
      title: 'Harbour Pilots Strike',
      runningHead: 'Port Bulletin',
      linesPerPage: 3,
      paragraphs: [['Harbour pilots in Rotterdam went on strike over pen-', 'sions on Tuesday morning.'], ['Ships queued outside the port.']],
    });
    const preview = await shown(add({ filename: 'pilots.pdf', data: pdf }).id);
    expect(preview.embeds![0]!.title).toBe('Harbour Pilots Strike');
    await click(buttons(preview).add);
    expect(await ask('Why did the harbour pilots strike?')).toContain('Harbour pilots in Rotterdam went on strike over pensions on Tuesday morning.');
  });

  it('Cancel writes nothing; another member cannot use the buttons', async () => {
    const before = corpusFiles();
    const preview = await shown(add({ filename: 'cancel-me.txt', data: 'Cancel Me Report\n\nThis report must never be written.\n' }).id);
    const other = await click(buttons(preview).add, { user: { username: 'mallory' } });
    expect(other.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(other.content).toMatch(/Only the moderator who asked/);
    expect(corpusFiles()).toEqual(before);

    const cancelled = await click(buttons(preview).cancel);
    expect(cancelled.content).toMatch(/Cancelled: nothing was written/);
    expect(corpusFiles()).toEqual(before);
    const late = await click(buttons(preview).add);
    expect(late.content).toMatch(/expired/);
    expect(corpusFiles()).toEqual(before);
  });

  it('takes the file back when the folder then fails to load: the corpus and the served library stay as they were', async () => {
    const preview = await shown(add({ filename: 'tide.txt', data: 'Tide Tables Revised\n\nThe harbour office revised its tide tables.\n' }).id);
    // Another file breaks the folder between the preview and the click.
    await writeFile(path.join(t.corpusDir, 'broken.md'), '---\nid: [x\n---\n\nText.\n');
    try {
      const refused = await click(buttons(preview).add);
      expect(refused.content).toMatch(/Tide Tables Revised was not added, nothing changed: broken\.md: bad front matter/);
      expect(corpusFiles()).not.toContain('tide-tables-revised.md');
      expect(readdirSync(t.corpusDir).filter((f) => f.includes('tide'))).toEqual([]);
      expect(t.bot.dossier.info.reports.map((r) => r.id)).not.toContain('tide-tables-revised');
      expect(await ask('Where did the grain corridor talks stall?')).toContain('The grain corridor talks stalled in Istanbul over insurance for the ships.');
    } finally {
      await rm(path.join(t.corpusDir, 'broken.md'));
    }
  });

  it('is refused, ephemerally, for a member without Manage Server, before anything is downloaded', async () => {
    const downloads = t.fake.attachmentDownloads.length;
    const refused = await shown(add({ filename: 'x.txt', data: 'X Report\n\nText.\n' }, [], { memberPermissions: '0', roles: ['Member'] }).id);
    expect(refused.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content).toMatch(/Only moderators can add or remove reports/);
    expect(t.fake.attachmentDownloads.length).toBe(downloads);
  });

  it('refuses bad input politely: no source, a binary .txt, an unknown kind of file, a link-local URL', async () => {
    const none = await shown(t.fake.sendSlashCommand({ name: 'report', options: [{ name: 'add', type: 1, options: [] }], ...moderator }).id);
    expect(none.content).toMatch(/Give either a file or a url/);
    const binary = await shown(add({ filename: 'image.txt', data: new Uint8Array([0x89, 0x50, 0, 0, 1]) }).id);
    expect(binary.content).toMatch(/cannot be added: image\.txt: binary file, not text/);
    const docx = await shown(add({ filename: 'report.docx', data: 'PK' }).id);
    expect(docx.content).toMatch(/only \.md, \.txt, \.html and \.pdf/);
    const local = await shown(t.fake.sendSlashCommand({ name: 'report', options: [{ name: 'add', type: 1, options: [{ name: 'url', type: 3, value: 'http://169.254.169.254/latest/meta-data/' }] }], ...moderator }).id);
    expect(local.content).toMatch(/cannot be added: 169\.254\.169\.254 is not a public address/);
    for (const m of [none, binary, docx, local]) {
      expect(m.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(m.allowed_mentions).toMatchObject({ parse: [] });
    }
  });
});

describe('/report remove', () => {
  it('suggests reports by title, moves the file to .removed/, and moving it back undoes it', async () => {
    const auto = t.fake.sendAutocomplete({ name: 'report', options: [{ name: 'remove', type: 1, options: [{ name: 'report', type: 3, value: 'harbour', focused: true }] }] });
    const [callback] = await t.fake.waitForResponse(auto.id);
    expect((callback!.body as { data: { choices: unknown[] } }).data.choices).toEqual([{ name: 'Harbour Pilots Strike', value: 'harbour-pilots-strike' }]);

    const removed = await shown(t.fake.sendSlashCommand({ name: 'report', options: [{ name: 'remove', type: 1, options: [{ name: 'report', type: 3, value: 'harbour-pilots-strike' }] }], ...moderator }).id);
    expect(removed.content).toMatch(/Removed Harbour Pilots Strike/);
    expect(existsSync(path.join(t.corpusDir, '.removed/harbour-pilots-strike.md'))).toBe(true);
    expect(await ask('Why did the harbour pilots strike?')).toEqual([]);

    await rename(path.join(t.corpusDir, '.removed/harbour-pilots-strike.md'), path.join(t.corpusDir, 'harbour-pilots-strike.md'));
    const reindexed = await shown(t.fake.sendSlashCommand({ name: 'reindex', ...moderator }).id);
    expect(reindexed.content).toMatch(/Added: `harbour-pilots-strike`/);
    expect(await ask('Why did the harbour pilots strike?')).toContain('Harbour pilots in Rotterdam went on strike over pensions on Tuesday morning.');
  });

  it('says so for an unknown report', async () => {
    const unknown = await shown(t.fake.sendSlashCommand({ name: 'report', options: [{ name: 'remove', type: 1, options: [{ name: 'report', type: 3, value: 'no-such-report' }] }], ...moderator }).id);
    expect(unknown.content).toMatch(/No report has the id/);
  });

  it('sent nothing Discord would reject', () => {
    expect(t.fake.violations).toEqual([]);
  });
});
