// Seeded random pick of BBC articles for a later evaluation set, none of whose articles an earlier
// set uses: pick.mjs's shuffle (sorted .txt paths, Fisher-Yates driven by mulberry32) with the set's
// own seed, skipping articles with fewer than 4 body paragraphs and every article of the earlier sets.
//   bbc.fresh.jsonl: node pick-fresh.mjs            (seed 20261202, 40 articles, after bbc.dev.jsonl)
//   bbc.more.jsonl:  node pick-fresh.mjs more       (seed 20261203, 60 articles, after dev and fresh)
//   bbc.holdout.jsonl: node pick-fresh.mjs holdout  (seed 20261204, 40 articles, after dev, fresh and more)
// Prints JSON {seed, picks:[...], skipped:[...], excludedUsed:[...]}.
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS, paragraphs, shuffled } from './pick.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);

export const SETS = {
  fresh: { seed: 20261202, count: 40, after: ['bbc.dev.jsonl'] },
  more: { seed: 20261203, count: 60, after: ['bbc.dev.jsonl', 'bbc.fresh.jsonl'] },
  holdout: { seed: 20261204, count: 40, after: ['bbc.dev.jsonl', 'bbc.fresh.jsonl', 'bbc.more.jsonl'] },
};

export function usedArticles(files) {
  const used = new Set();
  for (const f of files) {
    const rows = fs.readFileSync(path.join(HERE, f), 'utf8').split('\n').filter(l => l.trim());
    for (const l of rows) { const a = JSON.parse(l).article; if (a) used.add(a); }
  }
  return used;
}

export function pickAfter({ seed, count, after }) {
  const used = usedArticles(after);
  const order = shuffled(seed);
  const picks = [], skipped = [], excludedUsed = [];
  for (let k = 0; k < order.length && picks.length < count; k++) {
    const f = order[k];
    if (used.has(f)) { excludedUsed.push(f); continue; }
    const n = paragraphs(fs.readFileSync(path.join(CORPUS, f), 'utf8')).length;
    if (n < 4) skipped.push(f); else picks.push(f);
  }
  return { seed, picks, skipped, excludedUsed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = SETS[process.argv[2] ?? 'fresh'];
  if (!set) { console.error('usage: node pick-fresh.mjs [fresh|more|holdout]'); process.exit(2); }
  console.log(JSON.stringify(pickAfter(set), null, 1));
}
