import type { ReportChange } from '../../commands/report.ts';
import { reportDetails } from '../corpus/report.ts';
import type { Ingested } from '../ingest/index.ts';
import { DISCORD_LIMITS, truncate, type DiscordMessage } from './discord.ts';
import { blockQuote, escapeMarkdown } from './markdown.ts';
import { describeReload, message as plain } from './notices.ts';

/** /report and add-report: the preview of a report before it is added, and what adding or removing did. */

const QUOTE_MAX = 900;
const PREVIEW_COLOR = 0x22c55e;

/** The fields of a preview, in the order shown; absent ones are left out. */
function previewFields(ingested: Ingested): Array<[string, string]> {
  const { report } = ingested;
  return [
    ...reportDetails(report),
    ['Id', ingested.replaces ? `${report.id} (replaces the report with this id)` : report.id],
    ['Paragraphs', String(report.paragraphs.length)],
  ];
}

export interface PreviewButtons {
  add: string;
  cancel: string;
}

export function renderReportPreview(ingested: Ingested, buttons: PreviewButtons): DiscordMessage {
  const { paragraphs } = ingested.report;
  const lines = previewFields(ingested)
    .filter(([label]) => label !== 'Title')
    .map(([label, value]) => `**${label}**: ${escapeMarkdown(value)}`);
  const quote = (text: string) => blockQuote(escapeMarkdown(truncate(text, QUOTE_MAX)));
  lines.push('', '**First paragraph**', quote(paragraphs[0]!));
  if (paragraphs.length > 1) lines.push('**Last paragraph**', quote(paragraphs.at(-1)!));
  if (ingested.warnings.length) lines.push('', '**Warnings**', ...ingested.warnings.map((w) => `- ${escapeMarkdown(w)}`));
  return {
    content: truncate(`Preview of **${escapeMarkdown(ingested.report.title)}**: nothing is written until you click **Add to the corpus** (15 minutes).`, DISCORD_LIMITS.content),
    embeds: [{ title: truncate(ingested.report.title, DISCORD_LIMITS.embedTitle), description: truncate(lines.join('\n'), DISCORD_LIMITS.embedDescription), color: PREVIEW_COLOR }],
    components: [
      {
        type: 1,
        components: [
          { type: 2, style: 3, label: 'Add to the corpus', custom_id: buttons.add },
          { type: 2, style: 2, label: 'Cancel', custom_id: buttons.cancel },
        ],
      },
    ],
    allowed_mentions: { parse: [], users: [] },
  };
}

export function renderReportChange(change: ReportChange): DiscordMessage {
  return plain(changeText(change, (text) => `**${escapeMarkdown(text)}**`, (id) => `\`${id}\``, escapeMarkdown));
}

export function renderReportCancelled(): DiscordMessage {
  return plain('Cancelled: nothing was written.');
}

/** The preview for a terminal. */
export function renderReportPreviewText(ingested: Ingested, written: boolean): string {
  const { paragraphs } = ingested.report;
  const lines = previewFields(ingested).map(([label, value]) => `${label}: ${value}`);
  lines.push('', `First paragraph: “${paragraphs[0]}”`);
  if (paragraphs.length > 1) lines.push(`Last paragraph: “${paragraphs.at(-1)}”`);
  if (ingested.warnings.length) lines.push('', 'Warnings:', ...ingested.warnings.map((w) => `- ${w}`));
  if (!written) lines.push('', 'Preview only: nothing was written. Add --yes to add it to the corpus.');
  return `${lines.join('\n')}\n`;
}

export function renderReportChangeText(change: ReportChange): string {
  return `${changeText(change, (text) => text, (id) => id, (text) => text)}\n`;
}

/** add-report --json: the report and its warnings as one JSON line; absent fields are left out. */
export function renderReportJson(ingested: Ingested): string {
  const { id, title, author, outlet, published, url, file, paragraphs } = ingested.report;
  return JSON.stringify({ id, title, author, outlet, published, url, file, paragraphs, warnings: ingested.warnings });
}

function changeText(change: ReportChange, strong: (text: string) => string, code: (id: string) => string, escape: (text: string) => string): string {
  if (!change.ok) return `${strong(change.title)} was not ${change.action}, nothing changed: ${escape(change.reason)}`;
  const head =
    change.action === 'added'
      ? `Added ${strong(change.title)} (${code(change.id)}) to the corpus as ${code(change.file)}${change.retired ? `; the report it replaces was moved to ${code(change.retired)}` : ''}.`
      : `Removed ${strong(change.title)} (${code(change.id)}): moved to ${code(change.retired ?? '')}. Move it back and reindex to undo.`;
  const reloads = change.reloads.map(({ shard, outcome }) => (change.reloads.length > 1 ? `Shard ${shard}: ` : '') + describeReload(outcome));
  return [head, ...reloads].join('\n');
}
