/**
 * npm run bench: how cost grows with the corpus. For synthetic corpora of several sizes (fixed seed),
 * prints load + index time, memory, and the latency of each command next to plain MiniSearch
 * `search()` with the same search options on the same passages. A benchmark, not a test: rerun it.
 *
 *   npm run bench                       sizes 100, 1000, 10000 reports
 *   npm run bench -- --sizes 100,1000   other sizes; --queries N (default 1000)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { ask } from '../commands/ask.ts';
import { commands } from '../commands/index.ts';
import { compare } from '../commands/compare.ts';
import { whoSaid } from '../commands/who-said.ts';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadCorpus } from '../src/corpus/load.ts';
import { Dossier } from '../src/dossier.ts';
import { buildLibrary, type BuildLog } from '../src/engine/build.ts';
import { createLogger } from '../src/log.ts';
import { snapshotFile, snapshotKey, writeSnapshot } from '../src/search/snapshot.ts';
import type { Report } from '../src/corpus/report.ts';
import { random, syntheticCorpus } from './bench/synthetic.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    queries: { type: 'string', default: '1000' },
    // Internal: measure one size's corpus folder (with its questions) and print its row as JSON (see main).
    one: { type: 'string' },
    dir: { type: 'string' },
    asks: { type: 'string' },
    // Internal: start as the bot does from a folder and a saved snapshot, and print the time (see main).
    restore: { type: 'string' },
    cache: { type: 'string' },
  },
});
const quiet: BuildLog = { warn() {}, debug() {} };
const sizes = values.sizes.split(',').map(Number);
const queryCount = Number(values.queries);

interface Latency {
  median: number;
  p99: number;
}

function measure(runs: number, run: (i: number) => unknown): Latency {
  for (let i = 0; i < Math.min(50, runs); i++) run(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]! };
}

/** Progress on stderr, so a long run shows where it is. */
function progress(message: string): void {
  console.error(`  ${new Date().toISOString().slice(11, 19)} ${message}`);
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A ratio with two significant digits: 0.0044, 0.76, 1.2. */
const ratio = (a: number, b: number) => (a / b).toPrecision(2);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Questions of the kinds users ask, built from the corpus's own vocabulary (seeded). */
function questions(reports: Report[], count: number): string[] {
  const rand = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const sentences = reports.flatMap((r) => r.paragraphs.slice(0, 2)).flatMap((p) => p.split('. ').slice(0, 2));
  return Array.from({ length: count }, () => {
    const words = pick(sentences).split(' ');
    const start = Math.floor(rand() * Math.max(1, words.length - 6));
    const phrase = words.slice(start, start + 3 + Math.floor(rand() * 4)).join(' ');
    return pick([`What about ${phrase}?`, `${phrase}`, `Why did ${phrase}?`, `When ${phrase}`]);
  });
}

async function writeCorpus(reports: Report[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dossier-bench-'));
  await Promise.all(
    reports.map((r) => writeFile(path.join(dir, `${r.id}.md`), `---\nid: ${r.id}\ntitle: "${r.title}"\n---\n\n${r.paragraphs.join('\n\n')}\n`)),
  );
  return dir;
}

/**
 * A synthetic corpus written to a folder, and questions about it. The parent process makes them,
 * so the measured process holds a corpus as the bot does, loaded from its files, and not the heap
 * the generator grew (which V8 keeps: 200 MB of RSS at 10,000 reports).
 */
async function syntheticFolder(size: number) {
  const reports = syntheticCorpus(size);
  const dir = await writeCorpus(reports);
  const asks = `${dir}.asks.json`;
  await writeFile(asks, JSON.stringify(questions(reports, queryCount)));
  return { dir, asks };
}

async function benchSize(size: number, dir: string, asks: string[]) {
  collect();
  const started = performance.now();
  // As the bot builds it (statement worker started during the loading).
  const library = await buildLibrary(dir, {}, quiet);
  const buildMs = performance.now() - started;
  progress(`${size} reports: built in ${ms(buildMs)} ms`);
  collect();
  const memory = process.memoryUsage();

  const speakers = library.speakers.names().slice(0, 200);
  const topics = ['air defence', 'sanctions', 'grain exports', 'security guarantees', 'energy prices', 'nuclear talks', 'a ceasefire', 'frozen assets'];
  const askCommand = commands.get('ask')!;

  const plain = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: library.analyzer.tokenize,
    processTerm: library.analyzer.processTerm,
    searchOptions: library.searchOptions,
  });
  const plainStarted = performance.now();
  plain.addAll(library.passages.map((p, id) => ({ id, text: p.text })));
  const plainBuildMs = performance.now() - plainStarted;

  progress(`plain MiniSearch indexed in ${ms(plainBuildMs)} ms`);
  const latency = {
    ask: measure(queryCount, (i) => ask(library, { query: asks[i]! })),
    plain: measure(queryCount, (i) => plain.search(asks[i]!)),
    whoSaid: measure(queryCount, (i) => whoSaid(library, { query: speakers[i % speakers.length] ?? 'official' })),
    compare: measure(queryCount, (i) => compare(library, { query: topics[i % topics.length]! })),
    autocomplete: measure(queryCount, (i) => askCommand.autocomplete!(library, { name: 'question', value: asks[i]!.slice(0, 12) })),
  };
  progress('queries measured');

  // Snapshot: saved once, then the start-up path when nothing changed (read, hash, restore), in a
  // fresh process as a bot restarts, and (as before) in this one, which holds the library it built.
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'dossier-bench-cache-'));
  const corpus = await loadCorpus(dir); // for the snapshot's key, after memory and latency are measured
  const snapshotBytes = await writeSnapshot(snapshotFile(cacheDir, corpus.dir), snapshotKey(corpus, {}), library.toSnapshot());
  const startupMs = Number(await runChild(['--restore', dir, '--cache', cacheDir]));
  progress(`snapshot restored in a fresh process in ${ms(startupMs)} ms`);
  collect();
  const startupHereMs = await restoreOnly(dir, cacheDir);
  progress(`snapshot restored beside the built library in ${ms(startupHereMs)} ms`);

  const reindex = await reindexUnderLoad(dir, cacheDir, asks);
  await rm(cacheDir, { recursive: true, force: true });
  progress(`reindexed under load in ${ms(reindex.ms)} ms`);
  return { size, passages: library.passages.length, buildMs, plainBuildMs, memory, latency, statements: library.speakers.size, snapshotBytes, startupMs, startupHereMs, reindex };
}

/** Start-up as the bot does it (in a fresh process, or beside a built library): milliseconds to a library restored from the snapshot. */
async function restoreOnly(dir: string, cacheDir: string): Promise<number> {
  const started = performance.now();
  const library = await buildLibrary(dir, { cacheDir }, quiet);
  const elapsed = performance.now() - started;
  if (!library.restored) throw new Error('the snapshot was not used');
  return elapsed;
}

/**
 * The bot's set-up (library in a worker thread) reindexing while a user keeps asking: the main
 * thread's event-loop delay (what keeps the gateway heartbeat) and each answer's latency.
 */
async function reindexUnderLoad(dir: string, cacheDir: string, asks: string[]) {
  // Start as the bot does (restored from the snapshot), then change the corpus so the reload rebuilds.
  const dossier = await Dossier.open(dir, await createLogger({ level: 'silent' }), { worker: true, cacheDir });
  await writeFile(path.join(dir, 'zz-new-report.md'), '---\nid: zz-new-report\ntitle: A new report\n---\n\nTalks on grain resumed.\n');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const latencies: number[] = [];
  let failed = 0;
  let reloading = true;
  delay.enable();
  const reload = dossier.reload().finally(() => {
    reloading = false;
  });
  for (let i = 0; reloading; i++) {
    const started = performance.now();
    const answer = await dossier.answer('ask', { query: asks[i % asks.length]! }).catch(() => undefined);
    if (!answer || answer.error) failed++;
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const outcome = await reload;
  delay.disable();
  await dossier.close();
  latencies.sort((a, b) => a - b);
  return {
    ms: outcome.ms,
    answers: latencies.length,
    failed,
    answerMedian: latencies[Math.floor(latencies.length / 2)] ?? NaN,
    answerP99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
    delayP99: delay.percentile(99) / 1e6,
    delayMax: delay.max / 1e6,
  };
}

type Row = Awaited<ReturnType<typeof benchSize>>;

/**
 * Each size runs in a process of its own, as a bot starts with one corpus: memory and compiled code
 * left over from a smaller size would otherwise count against the next (RSS at 10,000 reports was
 * 1,025 MB after the smaller sizes, 835 MB on its own).
 */
async function benchInChild(size: number): Promise<Row> {
  const { dir, asks } = await syntheticFolder(size);
  try {
    return JSON.parse(await runChild(['--one', String(size), '--dir', dir, '--asks', asks, '--queries', String(queryCount)])) as Row;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(asks, { force: true });
  }
}

/** This script in a child process with these arguments: what it prints. */
function runChild(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`bench ${args.join(' ')} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  if (values.restore) {
    process.stdout.write(String(await restoreOnly(values.restore, values.cache!)));
    return;
  }
  if (values.one) {
    const asks = JSON.parse(await readFile(values.asks!, 'utf8')) as string[];
    process.stdout.write(JSON.stringify(await benchSize(Number(values.one), values.dir!, asks)));
    return;
  }
  console.log(`dossier-bot bench: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${mb(totalmem())} memory, Node ${process.version}`);
  console.log(`${queryCount} queries per command and size, each size in a fresh process; latencies in ms (median / p99)\n`);
  const rows: Row[] = [];
  for (const size of sizes) {
    rows.push(await benchInChild(size));
    console.error(`… ${size} reports done`);
  }
  console.log('| reports | passages | statements | load + index | plain MiniSearch index | heap | RSS | ask | plain search() | ask / plain (medians) | who-said | compare | autocomplete |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const l = r.latency;
    console.log(
      `| ${r.size} | ${r.passages} | ${r.statements} | ${ms(r.buildMs)} ms | ${ms(r.plainBuildMs)} ms | ${mb(r.memory.heapUsed)} | ${mb(r.memory.rss)} | ` +
        `${ms(l.ask.median)} / ${ms(l.ask.p99)} | ${ms(l.plain.median)} / ${ms(l.plain.p99)} | ${ratio(l.ask.median, l.plain.median)} | ` +
        `${ms(l.whoSaid.median)} / ${ms(l.whoSaid.p99)} | ${ms(l.compare.median)} / ${ms(l.compare.p99)} | ${ms(l.autocomplete.median)} / ${ms(l.autocomplete.p99)} |`,
    );
  }
  console.log('\n| reports | snapshot | start-up from snapshot (fresh process) | the same beside the built library | reindex in a worker | answers during reindex | failed | answer median / p99 | event-loop delay p99 / max |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const x = r.reindex;
    console.log(
      `| ${r.size} | ${mb(r.snapshotBytes)} | ${ms(r.startupMs)} ms | ${ms(r.startupHereMs)} ms | ${ms(x.ms)} ms | ${x.answers} | ${x.failed} | ${ms(x.answerMedian)} / ${ms(x.answerP99)} | ${ms(x.delayP99)} / ${ms(x.delayMax)} |`,
    );
  }
  const [small, large] = [rows.find((r) => r.size === 1000), rows.find((r) => r.size === 10000)];
  if (small && large) {
    console.log(`\nGrowth 1,000 -> 10,000 reports (10x the corpus): ask median x${(large.latency.ask.median / small.latency.ask.median).toFixed(2)}`);
  }
}

void main();
