import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.ts';
import { compare } from '../commands/compare.ts';
import { whoSaid } from '../commands/who-said.ts';
import { ROOT, loadSeedLibrary } from './helpers/library.ts';

/**
 * The public evaluation set (a copy of shared/eval/questions.public.jsonl), scored through the
 * command code the way shared/eval/score.mjs scores it through the CLI.
 */
interface Row {
  kind: 'ask' | 'who-said' | 'compare';
  q: string;
  gold?: string[];
  expect?: 'abstain';
  covered?: number;
  all?: boolean;
}

const rows: Row[] = readFileSync(path.join(ROOT, 'tests/fixtures/questions.public.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Row);
const library = await loadSeedLibrary();
const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').toLowerCase();
const contains = (texts: string[], gold: string[]) => gold.some((g) => texts.some((t) => norm(t).includes(norm(g))));

describe('public evaluation set: ask', () => {
  const answerable = rows.filter((r) => r.kind === 'ask' && r.expect !== 'abstain');
  const abstain = rows.filter((r) => r.kind === 'ask' && r.expect === 'abstain');

  it('has rows of both kinds', () => {
    expect(answerable.length).toBeGreaterThan(0);
    expect(abstain.length).toBeGreaterThan(0);
  });

  it.each(answerable.map((r) => [r.q, r] as const))('hit@3: %s', (_q, row) => {
    const answer = ask(library, { query: row.q });
    expect(answer.answered).toBe(true);
    expect(contains(answer.citations.slice(0, 3).map((c) => c.text), row.gold!)).toBe(true);
  });

  it('hit@1 is at least 0.9', () => {
    const hits = answerable.filter((r) => contains(ask(library, { query: r.q }).citations.slice(0, 1).map((c) => c.text), r.gold!));
    expect(hits.length / answerable.length).toBeGreaterThanOrEqual(0.9);
  });

  it.each(abstain.map((r) => [r.q, r] as const))('abstains: %s', (_q, row) => {
    const answer = ask(library, { query: row.q });
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
  });
});

describe('public evaluation set: who-said', () => {
  const cases = rows.filter((r) => r.kind === 'who-said');
  it.each(cases.map((r) => [r.q, r] as const))('%s', (_q, row) => {
    const answer = whoSaid(library, { query: row.q });
    expect(answer.answered).toBe(true);
    const texts = answer.citations.map((c) => c.text);
    if (row.all) for (const gold of row.gold!) expect(contains(texts, [gold])).toBe(true);
    else expect(contains(texts, row.gold!)).toBe(true);
  });
});

describe('public evaluation set: compare', () => {
  const cases = rows.filter((r) => r.kind === 'compare');
  it.each(cases.map((r) => [r.q, r] as const))('%s', (_q, row) => {
    const answer = compare(library, { query: row.q });
    const covered = answer.sides!.filter((s) => s.covered);
    expect(covered).toHaveLength(row.covered!);
    if (row.gold) for (const side of covered) expect(contains(side.citations.map((c) => c.text), row.gold)).toBe(true);
  });
});
