import type { Answer, Citation } from '../src/answer.ts';
import type { Passage } from '../src/corpus/report.ts';
import { spellsAcronym } from '../src/search/acronyms.ts';
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
  const longForms = (group ?? []).filter((name) => name.toUpperCase() !== upper && spellsAcronym(name, upper));
  if (longForms.length === 0) return undefined;
  const { hits } = library.search(question, { limit });
  const reportRank = new Map<string, number>();
  hits.forEach((hit, i) => reportRank.has(hit.report.id) || reportRank.set(hit.report.id, i));
  let best: { passage: Passage; form: string; at: number; evidence: number } | undefined;
  for (const form of longForms) {
    const definition = definitionPattern(form, upper);
    // The index finds the passages with the name's terms (an alias's are the acronym's too); the text, those that write it out.
    for (const passage of library.containing(form)) {
      const at = passage.text.toLowerCase().indexOf(form.toLowerCase());
      if (at < 0) continue;
      const rank = reportRank.get(passage.reportId);
      const evidence = (definition.test(passage.text) ? 4 : 0) + (rank === undefined ? 0 : 2 - rank / limit);
      if (!best || evidence > best.evidence) best = { passage, form, at, evidence };
    }
  }
  if (!best) return undefined;
  const { passage, form, at } = best;
  const terms = library.analyzer.terms(`${form} ${upper}`);
  const sentence = sentenceRanges(passage.text).find(([start, end]) => at >= start && at < end) ?? [0, passage.text.length];
  const citations: Citation[] = [{ ...library.cite(passage, terms), sentence }];
  for (const hit of hits) {
    if (citations.length >= limit) break;
    if (hit.passage !== passage) citations.push({ ...library.citeHit(hit), sentence: hit.sentence });
  }
  return { command: 'ask', query: question, answered: true, status: 'answered', lead: passage.text.slice(...sentence), citations };
}

/** A name written with the acronym in brackets after it, or the other way round ("the Wall Street Journal (WSJ)"). */
function definitionPattern(form: string, acronym: string): RegExp {
  const name = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${name}\\s*\\(${acronym}\\)|\\b${acronym}\\s*\\(${name}\\)`, 'i');
}
