import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { writeReport, retireFile, type CorpusEdit } from '../src/corpus/write.ts';
import { ingest, SourceError, type Ingested, type Source } from '../src/ingest/index.ts';
import type { ShardOutcome } from '../src/format/notices.ts';
import type { Logger } from '../src/log.ts';

/**
 * /report add|remove: moderators add a report (an attachment or a URL) or remove one. Registered for
 * Manage Server like /reindex, and checked again when it runs (mayReindex). The transports ingest
 * previewReport, show the preview, then call addReport, or call removeReport.
 */
export const reportDefinition = new SlashCommandBuilder()
  .setName('report')
  .setDescription('Add or remove a report (moderators)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('add')
      .setDescription('Add a report from a file (.md, .txt, .html, .pdf) or a web page; shows a preview first')
      .addAttachmentOption((o) => o.setName('file').setDescription('The report: .md, .txt, .html or .pdf'))
      .addStringOption((o) => o.setName('url').setDescription('Or the address of a web page or PDF').setMaxLength(2000))
      .addStringOption((o) => o.setName('title').setDescription('Use this title instead of the one found').setMaxLength(300))
      .addStringOption((o) => o.setName('author').setDescription('Use this author instead of the one found').setMaxLength(200))
      .addStringOption((o) => o.setName('outlet').setDescription('Use this outlet instead of the one found').setMaxLength(200))
      .addStringOption((o) => o.setName('published').setDescription('Publication date, YYYY-MM-DD').setMinLength(10).setMaxLength(10))
      .addBooleanOption((o) => o.setName('replace').setDescription('Replace the report with the same id')),
  )
  .addSubcommand((sub) =>
    sub
      .setName('remove')
      .setDescription('Remove a report (it is moved to the .removed folder, so it can be put back)')
      .addStringOption((o) => o.setName('report').setDescription('The report to remove').setRequired(true).setAutocomplete(true)),
  )
  .toJSON();

/** The metadata options that override what the source gives. */
export const OVERRIDE_OPTIONS = ['title', 'author', 'outlet', 'published'] as const;

/** What adding or removing a report did. `reloads`: the library's reloads (none in the CLI). */
export type ReportChange =
  | { ok: true; action: 'added' | 'removed'; id: string; title: string; file: string; retired?: string; reloads: ShardOutcome[] }
  | { ok: false; action: 'added' | 'removed'; id: string; title: string; reason: string };

/**
 * Every add and remove is logged the same way, whoever asked (Discord or the CLI): who, the
 * source, the id and the result.
 */
export function logChange(logger: Pick<Logger, 'info' | 'warn'>, who: Record<string, unknown>, change: ReportChange): void {
  const fields = { ...who, id: change.id, result: change.ok ? change.action : 'refused', ...(change.ok ? { file: change.file } : { reason: change.reason }) };
  if (change.ok) logger.info(fields, `report ${change.action}`);
  else logger.warn(fields, `report ${change.action === 'added' ? 'add' : 'remove'} refused`);
}

/**
 * Whether the corpus folder is valid after a change: the reloads, or the loader's refusal, and what
 * to do once the change is undone (reload the shards that took it).
 */
export type Check = () => Promise<{ ok: true; reloads: ShardOutcome[] } | { ok: false; reason: string; afterUndo?: () => Promise<unknown> }>;

interface Known {
  id: string;
  title: string;
  file: string;
}

/** What a moderator asked to add, as either transport read it. */
export interface AddRequest {
  source: Source;
  /** How the moderator named the source, for the log. */
  described: string;
  /** A metadata option the moderator gave (`OVERRIDE_OPTIONS`), if any. */
  option: (key: (typeof OVERRIDE_OPTIONS)[number]) => string | null | undefined;
  replace: boolean;
  allowPrivateUrls: boolean;
}

/**
 * Reads the source into the report to preview, with the moderator's metadata; a source that cannot
 * be one is refused with its reason, logged as every refusal is.
 */
export async function previewReport(
  request: AddRequest,
  known: readonly Known[],
  logger: Pick<Logger, 'info' | 'warn'>,
  who: Record<string, unknown>,
): Promise<{ ok: true; ingested: Ingested } | { ok: false; reason: string }> {
  const overrides = Object.fromEntries(OVERRIDE_OPTIONS.flatMap((key) => {
    const value = request.option(key);
    return value ? [[key, value]] : [];
  }));
  try {
    const ingested = await ingest(request.source, { existingIds: new Set(known.map((r) => r.id)), replace: request.replace, overrides, allowPrivateUrls: request.allowPrivateUrls });
    return { ok: true, ingested };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    logger.warn({ ...who, source: request.described, result: 'refused', reason: error.message }, 'report add refused');
    return { ok: false, reason: error.message };
  }
}

/** Writes an ingested report into the corpus folder, then checks the folder; a refusal undoes the write. */
export async function addReport(corpusDir: string, ingested: Ingested, known: readonly Known[], check: Check): Promise<ReportChange> {
  const { report } = ingested;
  const replacing = ingested.replaces ? known.find((r) => r.id === ingested.replaces)?.file : undefined;
  return change('added', report, () => writeReport(corpusDir, report, replacing), check);
}

/** Moves a report's file to .removed/, then checks the folder; a refusal moves it back. */
export async function removeReport(corpusDir: string, report: Known, check: Check): Promise<ReportChange> {
  return change('removed', report, () => retireFile(corpusDir, report.file), check);
}

async function change(action: 'added' | 'removed', report: { id: string; title: string }, edit: () => Promise<CorpusEdit>, check: Check): Promise<ReportChange> {
  const failed = (reason: string): ReportChange => ({ ok: false, action, id: report.id, title: report.title, reason });
  let done: CorpusEdit;
  try {
    done = await edit();
  } catch (error) {
    return failed(`the corpus folder could not be changed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const checked = await check().catch(async (error: unknown) => {
    await done.undo();
    throw error;
  });
  if (!checked.ok) {
    await done.undo();
    await checked.afterUndo?.();
    return failed(checked.reason);
  }
  return { ok: true, action, id: report.id, title: report.title, file: done.file, ...(done.retired ? { retired: done.retired } : {}), reloads: checked.reloads };
}

/** The report a moderator named: by id (what autocomplete sends) or by its exact title. */
export function knownReport(known: readonly Known[], name: string): Known | undefined {
  const wanted = name.trim();
  return known.find((r) => r.id === wanted) ?? known.find((r) => r.title.toLowerCase() === wanted.toLowerCase());
}
