// Seeded random pick of BBC articles for the dev set.
// Usage: node pick.mjs [N=64]  -> prints JSON {seed, picks:[...], skipped:[...], unseen:[...]}
import fs from 'node:fs';
import path from 'node:path';

export const SEED = 20261201;
export const CORPUS = path.join(path.dirname(new URL(import.meta.url).pathname), '../../shared/corpora/bbc-news');

function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function listTxt(dir, rel = '') {
  let out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? rel + '/' + e.name : e.name;
    if (e.isDirectory()) out = out.concat(listTxt(dir, r));
    else if (e.name.endsWith('.txt')) out.push(r);
  }
  return out;
}

export function paragraphs(text) {
  // headline = first line; body paragraphs separated by blank lines
  const lines = text.replace(/\r/g, '').split('\n');
  const body = lines.slice(1).join('\n');
  return body.split(/\n\s*\n/).map(s => s.trim()).filter(Boolean);
}

export function shuffled(seed = SEED) {
  const files = listTxt(CORPUS).sort();
  const rnd = mulberry32(seed);
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [files[i], files[j]] = [files[j], files[i]];
  }
  return files;
}

export function pick(N = 64) {
  const order = shuffled();
  const picks = [], skipped = [];
  let k = 0;
  for (; k < order.length && picks.length < N; k++) {
    const f = order[k];
    const n = paragraphs(fs.readFileSync(path.join(CORPUS, f), 'utf8')).length;
    if (n < 4) skipped.push(f); else picks.push(f);
  }
  // Unseen reports: continue down the same shuffled order after the picks, keep politics/business
  // articles with >=4 paragraphs whose text is about international relations / security / defence.
  const IR = /\b(defence|military|security|foreign secretary|foreign policy|nato|troops|nuclear|terror\w*|war|diplomat\w*|sanctions|iraq|iran|un security council)\b/gi;
  const unseen = [];
  for (; k < order.length && unseen.length < 2; k++) {
    const f = order[k];
    if (!/^(politics|business)\//.test(f)) continue;
    const t = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    if (paragraphs(t).length < 4) continue;
    const hits = (t.match(IR) || []).length;
    if (hits >= 4) unseen.push(f);
  }
  return { seed: SEED, picks, skipped, unseen };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const N = Number(process.argv[2] || 64);
  console.log(JSON.stringify(pick(N), null, 1));
}
