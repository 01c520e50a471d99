/**
 * Scores a question set through the same code the bot runs, with plain MiniSearch beside it.
 *
 *   npm run eval -- SET.jsonl [--corpus DIR] [--half tune|test] [--options JSON] [--quiet] [--json]
 *
 * Rows are those of ../shared/eval/README.md (`kind`, `q`, `gold`, `expect`, `covered`, `style`;
 * `half` splits a development set). Prints every miss, then the figures overall and by style.
 * `--options` passes library options (a JSON object) to try a setting without editing code.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import type { Answer, Citation } from '../src/answer.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { toPassages } from '../src/corpus/report.ts';
import { runCommand } from '../src/engine/engine.ts';
import { Library } from '../src/search/library.ts';

interface Row {
  kind: string;
  q: string;
  gold?: string[];
  all?: boolean;
  expect?: string;
  covered?: number;
  style?: string;
  half?: string;
  article?: string;
}

/** Tallies of one group of rows: [passed, of]. */
interface Tally {
  hit1: number;
  hit3: number;
  rr: number;
  ask: number;
  declined: [number, number];
  who: [number, number];
  compare: [number, number];
  plainHit1: number;
  plainHit3: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string', default: 'corpus' },
    half: { type: 'string' },
    options: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const [setFile] = positionals;
if (!setFile) {
  process.stderr.write('usage: npm run eval -- SET.jsonl [--corpus DIR] [--half tune|test] [--options JSON] [--quiet] [--json]\n');
  process.exit(2);
}

const rows = readFileSync(setFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Row)
  .filter((row) => !values.half || row.half === values.half);

const started = performance.now();
const corpus = await loadCorpus(values.corpus!);
const library = await Library.build(corpus, values.options ? JSON.parse(values.options) : {});
const plain = plainIndex(corpus.reports);
const buildMs = performance.now() - started;

const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').toLowerCase();
const contains = (texts: string[], gold: string[]) => gold.some((g) => texts.some((t) => t.includes(norm(g))));
const textsOf = (citations: Citation[]) => citations.map((c) => norm(c.text));

const groups = new Map<string, Tally>();
const tally = (name: string): Tally => {
  let t = groups.get(name);
  if (!t) groups.set(name, (t = { hit1: 0, hit3: 0, rr: 0, ask: 0, declined: [0, 0], who: [0, 0], compare: [0, 0], plainHit1: 0, plainHit3: 0 }));
  return t;
};
const misses: string[] = [];
const answerStarted = performance.now();

for (const row of rows) {
  const answer: Answer = runCommand(library, row.kind, { query: row.q });
  const targets = [tally('all'), ...(row.style ? [tally(row.style)] : [])];
  const cited = answer.answered ? textsOf(answer.citations) : [];
  if (row.kind === 'ask' && row.expect === 'abstain') {
    const ok = !answer.answered;
    for (const t of targets) (t.declined[0] += +ok), t.declined[1]++;
    if (!ok) misses.push(`answered off-topic: "${row.q}" -> ${cited[0]?.slice(0, 80)}`);
  } else if (row.kind === 'ask') {
    const gold = row.gold ?? [];
    const rank = cited.findIndex((t) => contains([t], gold));
    const plainTexts = plain.search(row.q).slice(0, 3).map((r) => norm(r.text as string));
    for (const t of targets) {
      t.ask++;
      t.hit1 += +(rank === 0);
      t.hit3 += +(rank >= 0 && rank < 3);
      t.rr += rank >= 0 ? 1 / (rank + 1) : 0;
      t.plainHit1 += +contains(plainTexts.slice(0, 1), gold);
      t.plainHit3 += +contains(plainTexts, gold);
    }
    if (rank !== 0) {
      const status = answer.status && answer.status !== 'answered' ? ` [${answer.status}]` : '';
      misses.push(`${rank < 0 ? 'miss' : `rank ${rank + 1}`} (${row.style ?? 'ask'}): "${row.q}"${status} -> ${cited[0]?.slice(0, 80) ?? `declined${answer.missing ? `: ${answer.missing.join(', ')}` : ''}`}`);
    }
  } else if (row.kind === 'who-said') {
    const texts = cited;
    const ok = answer.answered && (row.all ? (row.gold ?? []).every((g) => contains(texts, [g])) : contains(texts, row.gold ?? []));
    for (const t of targets) (t.who[0] += +ok), t.who[1]++;
    if (!ok) misses.push(`who-said: "${row.q}" -> ${answer.citations.map((c) => c.speaker).slice(0, 4).join('; ') || answer.suggestions?.join(', ') || 'nothing'}`);
  } else if (row.kind === 'compare') {
    const covered = (answer.sides ?? []).filter((s) => s.covered);
    let ok = covered.length === row.covered;
    if (ok && row.gold) ok = covered.every((s) => contains(textsOf(s.citations), row.gold!));
    for (const t of targets) (t.compare[0] += +ok), t.compare[1]++;
    if (!ok) misses.push(`compare: "${row.q}" -> covered ${covered.length}, wanted ${row.covered}`);
  }
}
const answerMs = performance.now() - answerStarted;

const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '   -');
const report = [...groups].map(([name, t]) => ({
  group: name,
  questions: t.ask,
  hit1: ratio(t.hit1, t.ask),
  hit3: ratio(t.hit3, t.ask),
  mrr: ratio(t.rr, t.ask),
  declined: `${ratio(...t.declined)} (${t.declined[1]})`,
  whoSaid: `${ratio(...t.who)} (${t.who[1]})`,
  compare: `${ratio(...t.compare)} (${t.compare[1]})`,
  plainHit1: ratio(t.plainHit1, t.ask),
  plainHit3: ratio(t.plainHit3, t.ask),
}));

if (values.json) {
  process.stdout.write(`${JSON.stringify({ set: setFile, half: values.half, groups: report, misses })}\n`);
} else {
  if (!values.quiet) for (const miss of misses) process.stdout.write(`${miss}\n`);
  process.stdout.write(`\n${setFile}${values.half ? ` (${values.half} half)` : ''}: ${library.passages.length} passages, built in ${(buildMs / 1000).toFixed(1)} s, ${rows.length} rows answered in ${(answerMs / 1000).toFixed(1)} s\n`);
  console.table(report);
}

/** Plain MiniSearch with its default options over the same paragraphs: the baseline. */
function plainIndex(reports: Parameters<typeof toPassages>[0][]) {
  const index = new MiniSearch({ fields: ['text'], storeFields: ['text'] });
  index.addAll(reports.flatMap(toPassages).map((p, id) => ({ id, text: p.text })));
  return index;
}
