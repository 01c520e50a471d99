/**
 * Offline use, no Discord needed: the same commands and formatter the bot uses.
 *
 *   npm run cli -- ask "What security guarantees does Ukraine want?"
 *   npm run cli -- ask "…" --json
 *   npm run --silent cli -- batch --json < queries.jsonl
 *   npm run cli -- add-report SOURCE [--yes] [--json]      (a file or an http(s) URL)
 *   npm run cli -- remove-report ID
 *   npm run cli -- insights [--days N] [--json]
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.ts';
import { DEFAULT_INSIGHTS_DAYS, MAX_INSIGHTS_DAYS, runInsights } from '../commands/insights.ts';
import { addReport, knownReport, logChange, OVERRIDE_OPTIONS, previewReport, removeReport, type Check, type ReportChange } from '../commands/report.ts';
import { errorAnswer, type Answer } from './answer.ts';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { CorpusError, exists, loadCorpus } from './corpus/load.ts';
import { Dossier } from './dossier.ts';
import { renderInsightsTerminal, renderJson, renderReportChangeText, renderReportJson, renderReportPreviewText, renderTerminal } from './format/index.ts';
import type { Source } from './ingest/index.ts';
import { DATABASE_FILE, openInsightsStore } from './insights/data-dir.ts';
import { SchemaTooNewError } from './insights/store.ts';
import { createLogger, type Logger } from './log.ts';

const EXIT_USAGE = 2;

class CliUsageError extends Error {}
/** The insights database is not there (exit 1, like a corpus that cannot be loaded). */
class InsightsError extends Error {}

function usage(): string {
  const names = [...commands.values()].map((c) => `  ${c.definition.name.padEnd(11)} ${c.definition.description}`).join('\n');
  return [
    'Usage: npm run cli -- <command> [text] [--json] [--corpus DIR]',
    '       npm run --silent cli -- batch --json < queries.jsonl',
    `       npm run cli -- insights [--days N] [--json]   (default ${DEFAULT_INSIGHTS_DAYS} days; the bot's database in DATA_DIR)`,
    '',
    'Commands:',
    names,
    `  ${'<topic>'.padEnd(11)} A topic from the corpus's topics.yaml, e.g. guarantees [party]`,
    `  ${'batch'.padEnd(11)} Read {"command", "query"} JSON lines on stdin; write one Answer JSON line each.`,
    '',
    'Moderators:',
    '  add-report SOURCE [--corpus DIR] [--title ...] [--author ...] [--outlet ...] [--published YYYY-MM-DD]',
    '             [--replace] [--yes] [--json]',
    '             Preview a report from a file (.md, .txt, .html, .pdf) or an http(s) URL; --yes writes it.',
    '  remove-report ID [--corpus DIR] [--json]',
    '             Move a report to the corpus folder\'s .removed/ (move it back to undo).',
  ].join('\n');
}

function parse(argv: string[]) {
  const commandOptions = [...new Set([...commands.values()].flatMap((c) => c.options ?? []))];
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        days: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        replace: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        ...Object.fromEntries([...OVERRIDE_OPTIONS, ...commandOptions].map((name) => [name, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...words] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${usage()}\n`);
    return values.help ? 0 : EXIT_USAGE;
  }
  const config = loadConfig();
  if (command === 'add-report' || command === 'remove-report') {
    // Every change to the corpus is logged, so these log at info by default.
    const logger = await createLogger({ level: config.LOG_LEVEL ?? 'info' });
    const corpusDir = values.corpus ?? config.CORPUS_DIR;
    return command === 'add-report' ? addReportCli(words, values as Values, corpusDir, config, logger) : removeReportCli(words, values.json, corpusDir, logger);
  }
  if (command === 'insights') return insights(config, values.days, values.json);
  const logger = await createLogger({ level: config.LOG_LEVEL ?? 'warn' });
  const dossier = await Dossier.open(values.corpus ?? config.CORPUS_DIR, logger);
  if (command !== 'batch' && !dossier.command(command)) {
    throw new CliUsageError(`unknown command "${command}" (commands: ${dossier.allCommands().map((c) => c.definition.name).join(", ")})`);
  }

  if (command === 'batch') {
    await runBatch(dossier);
    return 0;
  }
  const options = Object.fromEntries(
    Object.entries(values).filter(([k, v]) => typeof v === 'string' && k !== 'corpus' && k !== 'days' && !(OVERRIDE_OPTIONS as readonly string[]).includes(k)),
  ) as Record<string, string>;
  const answer = await dossier.answer(command, { query: words.join(' '), options });
  if (answer.error) throw new CliUsageError(answer.error);
  process.stdout.write(values.json ? `${renderJson(answer)}\n` : renderTerminal(answer));
  return 0;
}

/** parseArgs's values: the fixed flags, and the string options named at run time. */
type Values = ReturnType<typeof parse>['values'] & Record<string, string | boolean | undefined>;

/** The folder is valid after a change when it loads; the CLI has no running library to reload. */
function loadCheck(corpusDir: string): Check {
  return async () => {
    try {
      await loadCorpus(corpusDir);
      return { ok: true, reloads: [] };
    } catch (error) {
      if (error instanceof CorpusError) return { ok: false, reason: error.message };
      throw error;
    }
  };
}

async function addReportCli(words: string[], values: Values, corpusDir: string, config: Config, logger: Logger): Promise<number> {
  const [given, ...extra] = words;
  if (!given || extra.length) throw new CliUsageError('add-report takes one SOURCE: a file or an http(s) URL');
  const published = values['published'];
  if (typeof published === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new CliUsageError('--published must be a date like 2024-03-31');
  // A corpus folder that does not exist yet is an empty one: --yes creates it.
  const corpus = (await exists(corpusDir)) ? await loadCorpus(corpusDir) : { reports: [] };
  const source: Source = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? { url: given } : { file: given };
  const who = { who: 'cli', source: given };
  const request = { source, described: given, option: (key: string) => values[key] as string | undefined, replace: values.replace, allowPrivateUrls: config.ALLOW_PRIVATE_URLS };
  const preview = await previewReport(request, corpus.reports, logger, who);
  if (!preview.ok) return refuse(preview.reason);
  const { ingested } = preview;
  let change: ReportChange | undefined;
  if (values.yes) {
    await mkdir(corpusDir, { recursive: true });
    change = await addReport(corpusDir, ingested, corpus.reports, loadCheck(corpusDir));
    logChange(logger, who, change);
    if (!change.ok) return refuse(change.reason);
  }
  process.stdout.write(values.json ? `${renderReportJson(ingested)}\n` : renderReportPreviewText(ingested, Boolean(change)) + (change ? renderReportChangeText(change) : ''));
  return 0;
}

async function removeReportCli(words: string[], json: boolean, corpusDir: string, logger: Logger): Promise<number> {
  const [id, ...extra] = words;
  if (!id || extra.length) throw new CliUsageError('remove-report takes one report ID (npm run cli -- sources lists them)');
  const corpus = await loadCorpus(corpusDir);
  const report = knownReport(corpus.reports, id);
  if (!report) return refuse(`no report has the id "${id}"`);
  const change = await removeReport(corpusDir, report, loadCheck(corpusDir));
  logChange(logger, { who: 'cli', source: id }, change);
  if (!change.ok) return refuse(change.reason);
  process.stdout.write(json ? `${JSON.stringify({ id: change.id, title: change.title, file: change.file, removed: change.retired })}\n` : renderReportChangeText(change));
  return 0;
}

/** A refused source or change: one line saying why, exit code 1. */
function refuse(reason: string): number {
  process.stderr.write(`error: ${reason}\n`);
  return 1;
}

/** What the bot recorded, from the same database file (DATA_DIR), as /insights shows it. */
function insights(config: Config, daysOption: string | undefined, json: boolean): number {
  const days = Number(daysOption ?? DEFAULT_INSIGHTS_DAYS);
  if (!Number.isInteger(days) || days < 1 || days > MAX_INSIGHTS_DAYS) throw new CliUsageError(`--days takes a whole number from 1 to ${MAX_INSIGHTS_DAYS}`);
  const file = path.join(config.DATA_DIR, DATABASE_FILE);
  if (!existsSync(file)) throw new InsightsError(`no database at ${file} yet: the bot creates it when it starts (DATA_DIR sets the folder)`);
  const store = openInsightsStore(config);
  try {
    const result = runInsights(store, { days })!;
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : renderInsightsTerminal(result));
  } finally {
    store.close();
  }
  return 0;
}

/** One Answer JSON line per input line, in order; a bad line gets an answer with `error`. */
async function runBatch(dossier: Dossier): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    process.stdout.write(`${renderJson(await answerLine(dossier, line, lineNumber))}\n`);
  }
}

async function answerLine(dossier: Dossier, line: string, lineNumber: number): Promise<Answer> {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return errorAnswer('', '', `line ${lineNumber} is not JSON`);
  }
  const { command, query, options } = (request ?? {}) as Record<string, unknown>;
  const text = typeof query === 'string' ? query : '';
  if (typeof command !== 'string') {
    return errorAnswer('', text, `line ${lineNumber} has no "command"`);
  }
  const stringOptions =
    options && typeof options === 'object'
      ? Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'string'))
      : {};
  return dossier.answer(command, { query: text, options: stringOptions });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliUsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
    } else if (error instanceof CorpusError || error instanceof ConfigError || error instanceof SchemaTooNewError || error instanceof InsightsError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
