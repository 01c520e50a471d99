/** What every command returns: plain data, rendered by src/format. */
import type { Passage, Report } from './corpus/report.ts';

export interface Citation {
  reportId: string;
  title: string;
  /** 1-based paragraph number. */
  paragraph: number;
  /** The paragraph, verbatim. */
  text: string;
  score: number;
  /** Source details of the report, where the corpus gives them. */
  author?: string;
  outlet?: string;
  published?: string;
  url?: string;
  /** Character ranges of `text` that matched the query, [start, end), for highlighting. */
  highlights?: Array<[number, number]>;
  /** The report's details (front matter) rather than a paragraph: `paragraph` is 0. */
  details?: true;
  /** ask: the sentence of `text` that answers best, [start, end). */
  sentence?: [number, number];
  /** who-said: the speaker as written in the report. */
  speaker?: string;
  /** who-said: the outlet the statement went through, or null. */
  via?: string | null;
  /** who-said: the attributed statement (a sentence or clause of `text`). */
  statement?: string;
  /** who-said: every statement of the speaker in this paragraph, when there are several (`statement` is the first). */
  statements?: string[];
}

export interface CompareSide {
  reportId: string;
  title: string;
  covered: boolean;
  citations: Citation[];
}

/** sources: one report's details. */
export interface ReportSummary {
  reportId: string;
  title: string;
  author?: string;
  outlet?: string;
  published?: string;
  url?: string;
  /** How many paragraphs it has. */
  paragraphs: number;
}

export type CommandName = 'ask' | 'who-said' | 'compare' | 'guarantees' | 'sources' | (string & {});

export type AnswerStatus = 'answered' | 'partial' | 'declined' | 'mentioned-not-quoted';

/** What a question asks about the reports themselves rather than their content. */
export type ReportDetail = 'author' | 'outlet' | 'published' | 'headline' | 'reports';

export interface Answer {
  command: CommandName;
  query: string;
  answered: boolean;
  /**
   * ask: how the reports answer. `answered`: passages that match the question; `partial`: the
   * question's subject is covered but not the asked detail, so the closest passages are given as
   * such; `declined`: the reports do not cover it (no citations). who-said: `mentioned-not-quoted`
   * for a name the reports mention but never quote (the citations are the passages naming it).
   */
  status?: AnswerStatus;
  /** ask, when declined: the question's distinctive words the reports never use. */
  missing?: string[];
  /** ask, when declined because it asks for advice or an errand for the asker ("how do I…", "remind me…"). */
  aboutAsker?: true;
  /** ask: a question about the reports themselves, answered from their details. */
  about?: ReportDetail;
  /** ask: the sentence that answers best (of the first citation), verbatim: shown first. */
  lead?: string;
  citations: Citation[];
  /** compare: one side per report compared. */
  sides?: CompareSide[];
  /** When the citations are only the first of more matches: how many there are in all. */
  total?: number;
  /** sources: the reports listed. */
  reports?: ReportSummary[];
  /** who-said with an unknown name: speakers it may have meant. */
  suggestions?: string[];
  /** A usage or input error, phrased for the user. */
  error?: string;
}

/** An answer that is only a message for the user (unknown command, bad input). */
export function errorAnswer(command: string, query: string, error: string): Answer {
  return { command, query, answered: false, citations: [], error };
}

/** A request the user has to change (empty question, unknown report...): shown to them as it is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A report's details, as /sources lists them. */
export function summaryOf(report: Report): ReportSummary {
  const summary: ReportSummary = { reportId: report.id, title: report.title, paragraphs: report.paragraphs.length };
  for (const key of SOURCE_KEYS) {
    if (report[key] !== undefined) summary[key] = report[key];
  }
  return summary;
}

const SOURCE_KEYS = ['author', 'outlet', 'published', 'url'] as const;

/** The citation of one passage: the paragraph verbatim, with where it comes from. */
export function citationOf(report: Report, passage: Passage, score = 0): Citation {
  const citation: Citation = {
    reportId: report.id,
    title: report.title,
    paragraph: passage.paragraph,
    text: passage.text,
    score: Math.round(score * 1000) / 1000,
  };
  for (const key of SOURCE_KEYS) {
    if (report[key] !== undefined) citation[key] = report[key];
  }
  return citation;
}
