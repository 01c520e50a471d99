import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../src/answer.ts';
import { runCli } from './helpers/cli.ts';

const lines = (stdout: string) => stdout.split('\n').filter(Boolean);

describe('CLI', () => {
  it('prints a cited answer for ask', async () => {
    const { code, stdout } = await runCli(['ask', 'When did the talks resume?']);
    expect(code).toBe(0);
    expect(stdout).toContain('Talks between Russian and Ukrainian officials resumed on Friday via video link.');
    expect(stdout).toMatch(/¶6/);
  });

  it('prints the Answer as one JSON object with --json', async () => {
    const { code, stdout } = await runCli(['ask', 'When did the talks resume?', '--json']);
    expect(code).toBe(0);
    expect(lines(stdout)).toHaveLength(1);
    const answer = JSON.parse(stdout) as Answer;
    expect(answer).toMatchObject({ command: 'ask', query: 'When did the talks resume?', answered: true });
    expect(answer.citations[0]).toMatchObject({ paragraph: 6, reportId: 'us-allies-unlikely-to-give-ukraine-guarantees' });
  });

  it('exits 0 when the reports do not cover the question', async () => {
    const { code, stdout } = await runCli(['ask', 'What is the capital of Australia?', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ answered: false, citations: [] });
  });

  it('exits 2 with a one-line message on bad usage', async () => {
    for (const args of [['ask', '  '], ['frobnicate'], ['ask', 'x', '--nope'], []]) {
      const { code, stderr } = await runCli(args);
      expect(code).toBe(2);
      if (args.length) expect(lines(stderr)).toHaveLength(1);
    }
  });

  it('batch: one answer line per query line, in order, nothing else on stdout', async () => {
    const input = [
      { command: 'ask', query: 'When did the talks resume?' },
      { command: 'ask', query: 'What is the capital of Australia?' },
      { command: 'no-such-command', query: 'x' },
      { command: 'ask', query: '' },
      { command: 'ask', query: 'Did the Financial Times report anything about sanctions?' },
    ]
      .map((r) => JSON.stringify(r))
      .concat(['this is not json'])
      .join('\n');
    const { code, stdout } = await runCli(['batch', '--json'], `${input}\n`, { LOG_LEVEL: 'debug' });
    expect(code).toBe(0);
    const answers = lines(stdout).map((l) => JSON.parse(l) as Answer);
    expect(answers).toHaveLength(6);
    expect(answers[0]).toMatchObject({ command: 'ask', query: 'When did the talks resume?', answered: true });
    expect(answers[1]).toMatchObject({ answered: false, citations: [] });
    expect(answers[2]).toMatchObject({ command: 'no-such-command', answered: false, error: expect.stringMatching(/Unknown command/) });
    expect(answers[3]).toMatchObject({ answered: false, error: expect.stringMatching(/type a question/) });
    expect(answers[4]!.citations[0]!.text).toContain('sanctions relief');
    expect(answers[5]).toMatchObject({ answered: false, error: 'line 6 is not JSON' });
  });

  it('batch: an over-long query is a usage error for its line only, even one huge word', async () => {
    const input = [
      { command: 'ask', query: 'x'.repeat(100_000) },
      { command: 'who-said', query: `${'Duda'.repeat(30)} `.repeat(100) },
      { command: 'ask', query: 'y'.repeat(300) },
      { command: 'ask', query: 'When did the talks resume?' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const { code, stdout } = await runCli(['batch', '--json'], `${input}\n`);
    expect(code).toBe(0);
    const answers = lines(stdout).map((l) => JSON.parse(l) as Answer);
    expect(answers).toHaveLength(4);
    expect(answers[0]).toMatchObject({ answered: false, error: expect.stringMatching(/100000 characters; please keep it to 300/) });
    expect(answers[1]).toMatchObject({ answered: false, error: expect.stringMatching(/please keep it to/) });
    expect(answers[2]).toMatchObject({ answered: false });
    expect(answers[2]!.error).toBeUndefined();
    expect(answers[3]).toMatchObject({ answered: true });
  });

  it('batch: every command, with its options', async () => {
    const input = [
      { command: 'who-said', query: 'Andrzej Duda' },
      { command: 'compare', query: 'Article 5' },
      { command: 'compare', query: 'Israel', options: { first: 'western-allies-weigh-israeli-type-guarantees' } },
      { command: 'guarantees', query: 'Germany' },
      { command: 'sources', query: '' },
      { command: 'who-said', query: 'Nobody Atall' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const { code, stdout } = await runCli(['batch', '--json'], `${input}\n`);
    expect(code).toBe(0);
    const [who, article5, israel, germany, list, nobody] = lines(stdout).map((l) => JSON.parse(l) as Answer);
    expect(who!.citations.map((c) => [c.speaker, c.statements?.length])).toEqual([['Poland’s President Andrzej Duda', 2]]);
    expect(article5!.sides!.map((s) => s.covered)).toEqual([true, false]);
    expect(israel!.sides!.map((s) => s.reportId)).toEqual(['western-allies-weigh-israeli-type-guarantees']);
    expect(germany!.citations.map((c) => c.paragraph)).toEqual([7, 8]);
    expect(list!.reports).toHaveLength(2);
    expect(nobody).toMatchObject({ answered: false, citations: [] });
    expect(nobody!.suggestions).toEqual([]);
  });

  it('takes command options as flags', async () => {
    const { code, stdout } = await runCli(['compare', 'Israel', '--first', 'western-allies-weigh-israeli-type-guarantees', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Answer).sides!.map((s) => s.reportId)).toEqual(['western-allies-weigh-israeli-type-guarantees']);
  });

  it('answers from another folder with --corpus', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dossier-cli-'));
    try {
      await writeFile(path.join(dir, 'grain.txt'), 'Grain Deal Extended\n\nThe Black Sea grain deal was extended for 120 days.\n');
      const { code, stdout } = await runCli(['ask', 'Was the grain deal extended?', '--json', '--corpus', dir]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ answered: true, citations: [{ reportId: 'grain', title: 'Grain Deal Extended', paragraph: 1 }] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the file when the corpus has a bad report', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dossier-cli-'));
    try {
      await writeFile(path.join(dir, 'broken.md'), '---\nid: [x\n---\n\nText.\n');
      const { code, stderr } = await runCli(['ask', 'anything', '--corpus', dir]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/broken\.md: bad front matter/);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
