/** What every command returns: plain data, rendered by src/format. */

export interface Citation {
  reportId: string;
  title: string;
  /** 1-based paragraph number. */
  paragraph: number;
  /** The paragraph, verbatim. */
  text: string;
  score: number;
  /** who-said: the speaker as written in the report. */
  speaker?: string;
  /** who-said: the outlet the statement went through, or null. */
  via?: string | null;
  /** who-said: the attributed statement (a sentence or clause of `text`). */
  statement?: string;
}

export interface CompareSide {
  reportId: string;
  title: string;
  covered: boolean;
  citations: Citation[];
}

export type CommandName = 'ask' | 'who-said' | 'compare' | 'guarantees' | 'sources' | (string & {});

export interface Answer {
  command: CommandName;
  query: string;
  answered: boolean;
  citations: Citation[];
  /** compare: one side per report compared. */
  sides?: CompareSide[];
  /** who-said with an unknown name: speakers it may have meant. */
  suggestions?: string[];
  /** A usage or input error, phrased for the user. */
  error?: string;
}
