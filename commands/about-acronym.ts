import type { Answer, Citation } from '../src/answer.ts';
import type { Passage } from '../src/corpus/report.ts';
import type { Library } from '../src/search/library.ts';
import { sentenceRanges } from '../src/search/sentences.ts';

/**
 * "What does WSJ stand for?", "what is the IMF short for", "what does ECB mean?" (capitals only:
 * "what does sovereignty mean" is not one), ending there or with where ("… in the report on …"):
 * "what does the UK stand for in these talks?" asks what it supports.
 */
const ENDS = String.raw`(?=\s*(?:[?.!]|$|in (?:the|this|that|these|those) (?:reports?|articles?|stor(?:y|ies)|pieces?|text|news)\b))`;
const STANDS_FOR = new RegExp(String.raw`\bwhat(?:'s|’s| does| do| did| is| was)(?: the)?(?: acronym| abbreviation| initials)? ["'“‘]?(\p{L}{2,8})["'”’]? (?:stands? for|short for)` + ENDS, 'iu');
const MEANS = new RegExp(String.raw`\bwhat (?:does|do|did)(?: the)? ["'“‘]?(\p{Lu}{2,8})["'”’]? mean` + ENDS, 'u');

/** Words an acronym leaves out ("Office for National Statistics" is ONS). */
const LINKING = new Set(['of', 'for', 'and', '&', 'the', 'on', 'in', 'to', 'de']);

/** The acronym a question asks the meaning of, as typed. */
export function acronymAsked(question: string): string | undefined {
  return (STANDS_FOR.exec(question) ?? MEANS.exec(question))?.[1];
}

/**
 * What an acronym stands for, from the corpus's own names: the long forms of its alias group
 * (configured, or defined in a report: "the International Monetary Fund (IMF)") whose initials
 * spell it, and the passage that writes one out, best where it defines it ("… Journal (WSJ)"),
 * then in the report the rest of the question points to. The other passages that answer the
 * question follow. Undefined when the corpus spells out no such name: the question is then
 * answered as any other.
 */
export function answerAcronym(library: Library, question: string, acronym: string, limit: number): Answer | undefined {
  const upper = acronym.toUpperCase();
  const group = [...library.aliases, ...library.acronyms].find((names) => names.some((name) => name.toUpperCase() === upper));
  const longForms = (group ?? []).filter((name) => name.toUpperCase() !== upper && spells(name, upper));
  if (longForms.length === 0) return undefined;
  const { hits } = library.search(question, { limit });
  const reportRank = new Map<string, number>();
  hits.forEach((hit, i) => reportRank.has(hit.report.id) || reportRank.set(hit.report.id, i));
  let best: { passage: Passage; form: string; evidence: number } | undefined;
  for (const passage of library.passages) {
    const lower = passage.text.toLowerCase();
    for (const form of longForms) {
      const at = lower.indexOf(form.toLowerCase());
      if (at < 0) continue;
      const evidence = (defines(passage.text, form, upper) ? 4 : 0) + (reportRank.has(passage.reportId) ? 2 - reportRank.get(passage.reportId)! / limit : 0);
      if (!best || evidence > best.evidence) best = { passage, form, evidence };
    }
  }
  if (!best) return undefined;
  const { passage, form } = best;
  const terms = library.analyzer.terms(`${form} ${upper}`);
  const at = passage.text.toLowerCase().indexOf(form.toLowerCase());
  const sentence = sentenceRanges(passage.text).find(([start, end]) => at >= start && at < end) ?? [0, passage.text.length];
  const citations: Citation[] = [{ ...library.cite(passage, terms), sentence }];
  for (const hit of hits) {
    if (citations.length >= limit) break;
    if (hit.passage !== passage) citations.push({ ...library.citeHit(hit), sentence: hit.sentence });
  }
  return { command: 'ask', query: question, answered: true, status: 'answered', lead: passage.text.slice(...sentence), citations };
}

/** Whether a name's initials spell the acronym, its linking words counted or left out ("Top of the Pops": TOTP; "Office for National Statistics": ONS). */
function spells(name: string, acronym: string): boolean {
  const words = name.split(/[\s-]+/).filter(Boolean);
  if (words.length < 2) return false;
  const initials = (list: string[]) => list.map((w) => w[0]!.toUpperCase()).join('');
  return initials(words) === acronym || initials(words.filter((w) => !LINKING.has(w.toLowerCase()))) === acronym;
}

/** Whether a text writes the name with the acronym in brackets after it, or the other way round. */
function defines(text: string, form: string, acronym: string): boolean {
  const name = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${name}\\s*\\(${acronym}\\)|\\b${acronym}\\s*\\(${name}\\)`, 'i').test(text);
}
