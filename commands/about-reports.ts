import { citationOf, summaryOf, type Answer, type Citation, type ReportDetail } from '../src/answer.ts';
import { reportDetails, type Report } from '../src/corpus/report.ts';
import type { Library } from '../src/search/library.ts';


const ASKS: Array<[ReportDetail, RegExp]> = [
  ['author', /\b(?:who (?:wrote|authored|penned|is the (?:author|writer|reporter) of)|(?:author|writer|byline) of|written by whom|whose (?:article|report|story))\b/i],
  ['outlet', /\b(?:(?:which|what) (?:outlet|publication|newspaper|paper|site|website|agency|media)\b.*\b(?:publish|ran|run|report|carried|print)\w*|who (?:published|ran|carried|printed))\b/i],
  ['published', /\bwhen (?:was|were|did) (?:the |this |that )?(?:article|report|story|piece)s?\b.*\b(?:publish|writ|releas|post|come out|appear)\w*|\bpublication date\b/i],
  // Not "what title did she win": a headline or title of an article, an article "called", or
  // "headline …" typed as keywords (not "headline inflation", "headline act").
  ['headline', /\b(?:headlines?|titles?) (?:of|for|on) (?:the |this |that |a |an )?(?:[\w'’-]+ ){0,3}(?:article|report|story|piece|write-?up)s?\b|\bwhat(?:'s|’s| is| was)? the (?:headline|title)\b(?! (?:race|fight|bout|defen[cs]e|challenge|holders?|contenders?|winners?)\b)|\b(?:article|report|story|piece) (?:is |was )?(?:called|titled|headlined)\b|^\s*headlines?\s+(?!(?:of|for|on|inflation|growth|rates?|figures?|numbers?|profits?|earnings|acts?|slots?|news)\b)\w/i],
  ['reports', /\b(?:which|what|any) (?:reports|articles|stories|sources)\b.*\b(?:are there|do you have|cover|covering|mention|on|about)\b|\b(?:list|show) (?:the |all )?(?:reports|articles|stories) (?:on|about)\b/i],
];

/** The words that only frame a question about reports, dropped to leave its subject. */
const FRAMING = /\b(?:who|which|what|when|whose|any|list|show|headlines?|titled?|titles|called|headlined|wrote|written|authored|penned|author|writer|reporter|byline|outlet|publication|newspaper|paper|site|website|agency|media|published|publish|ran|carried|printed|release[sd]?|posted|date|articles?|reports?|stories|story|piece|sources|are there|do you have|cover(?:ing)?|mention|saying|says|that|the|this|was|were|did|is|of|on|about|by|whom)\b/gi;

export function reportDetailAsked(question: string): ReportDetail | undefined {
  return ASKS.find(([, pattern]) => pattern.test(question))?.[0];
}

/**
 * A question about the reports themselves (who wrote one, which outlet published it, when, which
 * there are on a subject), answered from their front matter: the report is the one whose passages
 * best match the question's subject, cited as its details, then the passage that matched.
 * Undefined when the subject matches no report (the question is then answered as any other).
 */
export function answerAboutReports(library: Library, question: string, detail: ReportDetail): Answer | undefined {
  const subject = question.replace(FRAMING, ' ').replace(/\s+/g, ' ').trim();
  const { hits } = library.search(subject || question, { limit: detail === 'reports' ? 10 : 1, perReport: 1 });
  if (hits.length === 0) return undefined;
  const reports = hits.map((hit) => hit.report);
  const citations: Citation[] = detail === 'reports' ? [] : [detailsCitation(reports[0]!)];
  citations.push(...hits.map((hit) => library.citeHit(hit)));
  return { command: 'ask', query: question, answered: true, status: 'answered', about: detail, citations, reports: reports.map(summaryOf) };
}

/** The report's front matter as a citation of paragraph 0: its details, as the corpus gives them. */
function detailsCitation(report: Report): Citation {
  const text = reportDetails(report)
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
  return { ...citationOf(report, { id: `${report.id}#0`, reportId: report.id, paragraph: 0, text }), details: true };
}
