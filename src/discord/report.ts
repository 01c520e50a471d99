import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { addReport, knownReport, logChange, previewReport, removeReport, type Check } from '../../commands/report.ts';
import { reportChoices } from '../../commands/report-option.ts';
import { toChoices } from '../../commands/choices.ts';
import { renderNotice, renderReportCancelled, renderReportChange, renderReportPreview, type ShardOutcome } from '../format/index.ts';
import type { Ingested, Source } from '../ingest/index.ts';
import type { BotContext } from './context.ts';
import { ButtonStore } from './pages.ts';
import { interactionReply, messageOptions } from './payload.ts';

/** A preview waiting for its moderator's Add or Cancel. */
export interface PendingReport {
  userId: string;
  guildId: string | null;
  source: string;
  ingested: Ingested;
}

/** Previews kept for their buttons (15 minutes). */
export class PendingReports extends ButtonStore<PendingReport> {
  static buttonId(action: 'add' | 'cancel', key: string): string {
    return `report:${action}:${key}`;
  }

  static parseButtonId(customId: string): { action: 'add' | 'cancel'; key: string } | undefined {
    const match = /^report:(add|cancel):([\w-]{1,36})$/.exec(customId);
    return match ? { action: match[1] as 'add' | 'cancel', key: match[2]! } : undefined;
  }
}

/** Reloads the library everywhere (every shard when sharded); a change is kept only when all load it. */
export type ReloadEverywhere = () => Promise<ShardOutcome[]>;

/**
 * /report add: ingests the attachment or URL and answers with an ephemeral preview whose buttons
 * only this moderator can use. /report remove: moves the report out and reloads. The caller has
 * checked that the member may reindex.
 */
export async function reportCommand(context: BotContext, interaction: ChatInputCommandInteraction, reload: ReloadEverywhere): Promise<void> {
  const who = { user: interaction.user.id, guild: interaction.guildId };
  if (interaction.options.getSubcommand() === 'remove') {
    const name = interaction.options.getString('report', true);
    const report = knownReport(context.dossier.info.reports, name);
    if (!report) {
      await interaction.reply(interactionReply(renderNotice(`No report has the id “${name}”. Pick one from the list, or use /sources.`), true));
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const change = await removeReport(context.config.CORPUS_DIR, report, reloadCheck(reload));
    logChange(context.logger, { ...who, source: name }, change);
    await interaction.editReply(messageOptions(renderReportChange(change)));
    return;
  }

  const attachment = interaction.options.getAttachment('file');
  const url = interaction.options.getString('url')?.trim();
  if (Boolean(attachment) === Boolean(url)) {
    await interaction.reply(interactionReply(renderNotice('Give either a file or a url (one of them) for the report to add.'), true));
    return;
  }
  const source: Source = attachment ? { attachment: { url: attachment.url, name: attachment.name } } : { url: url! };
  const described = attachment ? attachment.name : url!;
  // Downloading and reading a page or PDF can take longer than Discord's 3 s.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const request = {
    source,
    described,
    option: (key: string) => interaction.options.getString(key),
    replace: interaction.options.getBoolean('replace') ?? false,
    allowPrivateUrls: context.config.ALLOW_PRIVATE_URLS,
  };
  const preview = await previewReport(request, context.dossier.info.reports, context.logger, who);
  if (!preview.ok) {
    await interaction.editReply(messageOptions(renderNotice(`This report cannot be added: ${preview.reason}.`)));
    return;
  }
  const { ingested } = preview;
  const key = context.pendingReports.keep({ userId: interaction.user.id, guildId: interaction.guildId, source: described, ingested });
  context.logger.info({ ...who, source: described, id: ingested.report.id, result: 'previewed' }, 'report previewed');
  const buttons = { add: PendingReports.buttonId('add', key), cancel: PendingReports.buttonId('cancel', key) };
  await interaction.editReply(messageOptions(renderReportPreview(ingested, buttons)));
}

/** Add to the corpus / Cancel on a preview: only the moderator who asked may use them. */
export async function reportButton(context: BotContext, interaction: ButtonInteraction, target: { action: 'add' | 'cancel'; key: string }, reload: ReloadEverywhere): Promise<void> {
  const pending = context.pendingReports.get(target.key);
  if (!pending) {
    await interaction.reply(interactionReply(renderNotice('This preview has expired. Run /report add again.'), true));
    return;
  }
  if (pending.userId !== interaction.user.id) {
    context.logger.warn({ user: interaction.user.id, guild: interaction.guildId, id: pending.ingested.report.id }, 'report button refused: not the moderator who asked');
    await interaction.reply(interactionReply(renderNotice('Only the moderator who asked for this preview can use its buttons.'), true));
    return;
  }
  context.pendingReports.delete(target.key);
  const who = { user: pending.userId, guild: pending.guildId, source: pending.source };
  if (target.action === 'cancel') {
    context.logger.info({ ...who, id: pending.ingested.report.id, result: 'cancelled' }, 'report add cancelled');
    await interaction.update(messageOptions(renderReportCancelled()));
    return;
  }
  // Writing and reindexing can take longer than Discord's 3 s: acknowledge, then edit the preview.
  await interaction.deferUpdate();
  const change = await addReport(context.config.CORPUS_DIR, pending.ingested, context.dossier.info.reports, reloadCheck(reload));
  logChange(context.logger, who, change);
  await interaction.editReply(messageOptions(renderReportChange(change)));
}

/** Suggestions for /report remove: the reports, by title. */
export async function reportAutocomplete(context: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  await interaction.respond(toChoices(reportChoices(context.dossier.info.reports, String(interaction.options.getFocused()))));
}

/**
 * A change stands when every library reloads from the folder; otherwise it is undone, and the shards
 * that did load it reload the folder as it was.
 */
function reloadCheck(reload: ReloadEverywhere): Check {
  return async () => {
    const reloads = await reload();
    const refused = reloads.find((r) => !r.outcome.ok)?.outcome;
    if (!refused || refused.ok) return { ok: true, reloads };
    const someTookIt = reloads.some((r) => r.outcome.ok);
    return { ok: false, reason: `${refused.file}: ${refused.reason}`, ...(someTookIt ? { afterUndo: reload } : {}) };
  };
}

