/** One file of the corpus: its metadata and its paragraphs, verbatim. */
export interface Report {
  /** Stable slug, unique in the corpus. */
  id: string;
  title: string;
  author?: string;
  outlet?: string;
  /** ISO date (YYYY-MM-DD) when the text gives one. */
  published?: string;
  url?: string;
  /** Paragraphs in reading order, exactly as written. Paragraph n is `paragraphs[n - 1]`. */
  paragraphs: string[];
  /** Path of the file it was loaded from, relative to the corpus folder. */
  file: string;
}

/** One paragraph of a report: the unit that is indexed and quoted. */
export interface Passage {
  /** `<reportId>#<n>` */
  id: string;
  reportId: string;
  /** 1-based paragraph number in reading order. */
  paragraph: number;
  text: string;
}

export function passageId(reportId: string, paragraph: number): string {
  return `${reportId}#${paragraph}`;
}

export function toPassages(report: Report): Passage[] {
  return report.paragraphs.map((text, i) => ({
    id: passageId(report.id, i + 1),
    reportId: report.id,
    paragraph: i + 1,
    text,
  }));
}

/** A report's details as labelled fields, in the order shown everywhere; absent ones left out. */
export function reportDetails(report: Pick<Report, 'title' | 'author' | 'outlet' | 'published' | 'url'>): Array<[string, string]> {
  const fields: Array<[string, string | undefined]> = [
    ['Title', report.title],
    ['Author', report.author],
    ['Outlet', report.outlet],
    ['Published', report.published],
    ['Link', report.url],
  ];
  return fields.filter((field): field is [string, string] => field[1] !== undefined);
}
