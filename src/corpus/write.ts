import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exists } from './load.ts';
import { parseMarkdownReport } from './parse.ts';
import type { Report } from './report.ts';

/** Where removed reports go: a dot-folder, which the loader skips, so moving a file back undoes it. */
export const REMOVED_DIR = '.removed';

/** A change made to the corpus folder, and how to take it back. */
export interface CorpusEdit {
  /** The file written or moved, relative to the corpus folder. */
  file: string;
  /** Where a removed or replaced file went, relative to the corpus folder. */
  retired?: string;
  undo(): Promise<void>;
}

/**
 * A report as Markdown with front matter, as the loader reads it. Every value is a JSON string,
 * which YAML reads as the same text; the result is parsed back, so what is written always loads.
 */
export function toMarkdown(report: Report): string {
  const fields = (['title', 'author', 'outlet', 'published', 'url'] as const).filter((key) => report[key] !== undefined);
  const text = ['---', `id: ${report.id}`, ...fields.map((key) => `${key}: ${JSON.stringify(report[key])}`), '---', '', ...report.paragraphs.flatMap((p) => [p, ''])].join('\n');
  const back: Report = parseMarkdownReport(report.file, text);
  const keys = new Set([...Object.keys(back), ...Object.keys(report)] as Array<keyof Report>);
  if ([...keys].some((key) => JSON.stringify(back[key]) !== JSON.stringify(report[key]))) {
    throw new Error(`report ${report.id} does not read back as written`);
  }
  return text;
}

/**
 * Writes a report's file through a temporary file and a rename, so the folder never holds half a
 * report. An existing file is never overwritten: `replacing` (the file of the report it replaces)
 * is moved to .removed/ first.
 */
export async function writeReport(corpusDir: string, report: Report, replacing?: string): Promise<CorpusEdit> {
  const text = toMarkdown(report);
  const target = path.join(corpusDir, report.file);
  const temporary = path.join(corpusDir, `.${report.file}.${randomUUID()}.tmp`);
  await writeFile(temporary, text, { flag: 'wx' });
  let retired: CorpusEdit | undefined;
  try {
    if (replacing) retired = await retireFile(corpusDir, replacing);
    if (await exists(target)) throw new Error(`${report.file} exists already`);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    await retired?.undo();
    throw error;
  }
  return {
    file: report.file,
    ...(retired ? { retired: retired.retired } : {}),
    async undo() {
      await rm(target, { force: true });
      await retired?.undo();
    },
  };
}

/** Moves a report's file to .removed/ (same sub-folders; a name taken there gets a time stamp). */
export async function retireFile(corpusDir: string, file: string): Promise<CorpusEdit & { retired: string }> {
  let retired = path.join(REMOVED_DIR, file);
  if (await exists(path.join(corpusDir, retired))) {
    const ext = path.extname(file);
    retired = path.join(REMOVED_DIR, `${file.slice(0, -ext.length || undefined)}.${Date.now()}${ext}`);
  }
  await mkdir(path.dirname(path.join(corpusDir, retired)), { recursive: true });
  await rename(path.join(corpusDir, file), path.join(corpusDir, retired));
  return {
    file,
    retired,
    undo: () => rename(path.join(corpusDir, retired), path.join(corpusDir, file)),
  };
}
