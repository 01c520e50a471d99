// Verify dev-set rows.
// Usage: node check.mjs <file.jsonl> [--root DIR] [--corpus DIR ...]
//   --root   folder that `article` paths are relative to
//   --corpus folder(s) whose .txt files are searched for `absent` words and for gold collisions
// Defaults by file name: bbc.dev.jsonl -> BBC corpus; seeds.dev.jsonl -> ../shared/seeds;
//   unseen.dev.jsonl -> root eval/unseen, corpus = seeds + unseen.
// Checks: every gold of an ask/who-said row occurs (curly quotes -> straight, lowercased, as score.mjs does)
// in its article, in exactly one paragraph (headline counts as a paragraph); every `absent`
// word occurs (case-insensitive, whole word) in no file of the corpus. Warns when a gold also occurs in
// another corpus file, or when a row lacks required fields. Exit 1 on any error.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const file = args[0];
if (!file) { console.error('usage: node check.mjs file.jsonl [--root DIR] [--corpus DIR]'); process.exit(2); }
let root = null; const corpora = [];
for (let i = 1; i < args.length; i++) {
  if (args[i] === '--root') root = args[++i];
  else if (args[i] === '--corpus') corpora.push(args[++i]);
}
const base = path.basename(file);
// The checkout's ../shared, and this folder's unseen reports.
const HERE = path.dirname(new URL(import.meta.url).pathname);
const BBC = path.join(HERE, '../../shared/corpora/bbc-news'), SEEDS = path.join(HERE, '../../shared/seeds'), UNSEEN = path.join(HERE, 'unseen');
if (!root) root = base.startsWith('seeds') ? SEEDS : base.startsWith('unseen') ? UNSEEN : BBC;
if (!corpora.length) {
  if (base.startsWith('seeds')) corpora.push(SEEDS);
  else if (base.startsWith('unseen')) corpora.push(SEEDS, UNSEEN);
  else corpora.push(BBC);
}

// same folding as ../shared/eval/score.mjs: curly quotes -> straight, lowercase; whitespace is NOT collapsed
export const norm = s => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').toLowerCase();

function paragraphs(text) {
  // headline/first block + body blocks separated by blank lines; front matter (--- ... ---) dropped
  text = text.replace(/\r/g, '').replace(/^---\n[\s\S]*?\n---\n/, '');
  return text.split(/\n\s*\n/).map(s => s.trim()).filter(Boolean).flatMap((b, i) => {
    if (i === 0 && b.includes('\n')) return b.split('\n'); // headline line + first paragraph without blank
    return [b];
  }).map(norm);
}

function listTxt(dir) {
  const out = [];
  const walk = d => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(txt|md)$/.test(e.name)) out.push(p); } };
  walk(dir); return out;
}
const corpusFiles = corpora.flatMap(listTxt);
const corpusText = new Map(corpusFiles.map(f => [f, fs.readFileSync(f, 'utf8')]));
const corpusNorm = new Map([...corpusText].map(([f, t]) => [f, norm(t)]));

const rows = fs.readFileSync(file, 'utf8').split('\n').filter(l => l.trim());
let errors = 0, warnings = 0;
const err = (n, m) => { errors++; console.log(`ERROR line ${n}: ${m}`); };
const warn = (n, m) => { warnings++; console.log(`warn  line ${n}: ${m}`); };
const counts = {};
rows.forEach((line, i) => {
  const n = i + 1; let r;
  try { r = JSON.parse(line); } catch (e) { return err(n, 'bad JSON'); }
  const key = `${r.kind}/${r.expect === 'abstain' ? 'abstain' : (r.style || '-')}/${r.half || '-'}`;
  counts[key] = (counts[key] || 0) + 1;
  if (!['ask', 'who-said', 'compare'].includes(r.kind)) err(n, 'bad kind');
  if (!r.q) err(n, 'no q');
  if (!r.half) warn(n, 'no half');
  if (r.expect === 'abstain') {
    if (r.gold) err(n, 'abstain row with gold');
    if (!Array.isArray(r.absent) || !r.absent.length) warn(n, 'abstain row without absent words');
    for (const w of r.absent || []) {
      const re = new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu');
      const hit = [...corpusText].find(([, t]) => re.test(t));
      if (hit) err(n, `absent word "${w}" found in ${path.relative(corpora[0], hit[0])}`);
    }
    return;
  }
  if (!Array.isArray(r.gold) || !r.gold.length) return err(n, 'no gold');
  if (!r.article) return err(n, 'no article');
  const af = path.join(root, r.article);
  if (!fs.existsSync(af)) return err(n, `article not found ${af}`);
  const paras = paragraphs(fs.readFileSync(af, 'utf8'));
  for (const g of r.gold) {
    const ng = norm(g);
    const wc = ng.trim().split(/\s+/).length;
    if (wc < 3 || wc > 18) warn(n, `gold has ${wc} words: "${g}"`);
    const inParas = paras.filter(p => p.includes(ng)).length;
    if (inParas !== 1) err(n, `gold "${g}" in ${inParas} paragraphs of ${r.article}`);
    const others = [...corpusNorm].filter(([f, t]) => path.resolve(f) !== path.resolve(af) && t.includes(ng)).map(([f]) => path.relative(corpora[0], f));
    if (others.length) warn(n, `gold "${g}" also in ${others.slice(0, 3).join(', ')}${others.length > 3 ? ' ...' : ''}`);
  }
});
console.log(Object.entries(counts).sort().map(([k, v]) => `${k}: ${v}`).join('\n'));
console.log(`${rows.length} rows, ${errors} errors, ${warnings} warnings`);
process.exit(errors ? 1 : 0);
