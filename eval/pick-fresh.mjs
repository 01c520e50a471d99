// Seeded random pick of BBC articles for the fresh evaluation set (bbc.fresh.jsonl).
// pick.mjs's shuffle (sorted .txt paths, Fisher-Yates driven by mulberry32) with seed 20261202,
// skipping articles with fewer than 4 body paragraphs and every article bbc.dev.jsonl uses.
// Usage: node pick-fresh.mjs [N=40]  -> prints JSON {seed, picks:[...], skipped:[...], excludedDev:[...]}
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS, paragraphs, shuffled } from './pick.mjs';

export const SEED = 20261202;
const HERE = path.dirname(new URL(import.meta.url).pathname);

export function devArticles() {
  const rows = fs.readFileSync(path.join(HERE, 'bbc.dev.jsonl'), 'utf8').split('\n').filter(l => l.trim());
  return new Set(rows.map(l => JSON.parse(l).article).filter(Boolean));
}

export function pickFresh(N = 40) {
  const dev = devArticles();
  const order = shuffled(SEED);
  const picks = [], skipped = [], excludedDev = [];
  for (let k = 0; k < order.length && picks.length < N; k++) {
    const f = order[k];
    if (dev.has(f)) { excludedDev.push(f); continue; }
    const n = paragraphs(fs.readFileSync(path.join(CORPUS, f), 'utf8')).length;
    if (n < 4) skipped.push(f); else picks.push(f);
  }
  return { seed: SEED, picks, skipped, excludedDev };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const N = Number(process.argv[2] || 40);
  console.log(JSON.stringify(pickFresh(N), null, 1));
}
