import { UsageError, type Answer } from '../src/answer.ts';
import type { Library } from '../src/search/library.ts';
import { acronymAsked, answerAcronym } from './about-acronym.ts';
import { asksAboutAsker } from './about-asker.ts';
import { answerAboutReports, reportDetailAsked } from './about-reports.ts';
import { sentenceRanges } from '../src/search/sentences.ts';
import { shortValue, MAX_CHOICES } from './choices.ts';
import type { Choice, Command, CommandInput } from './command.ts';
import { slashCommand, withAnswerOptions } from './options.ts';

/** At most this many passages answer a question. */
export const MAX_ASK_CITATIONS = 3;
/** Longest question accepted from Discord (the field's own limit). */
export const MAX_QUESTION_LENGTH = 300;

export function ask(library: Library, input: CommandInput): Answer {
  const question = input.query.trim();
  if (!question) {
    throw new UsageError('Please type a question, for example: What security guarantees does Ukraine want?');
  }
  if (asksAboutAsker(question)) return { command: 'ask', query: question, answered: false, status: 'declined', aboutAsker: true, citations: [] };
  const detail = reportDetailAsked(question);
  const about = detail && answerAboutReports(library, question, detail);
  if (about) return about;
  const acronym = acronymAsked(question);
  const meaning = acronym && answerAcronym(library, question, acronym, MAX_ASK_CITATIONS);
  if (meaning) return meaning;
  const { hits, status, missing } = library.search(question, { limit: MAX_ASK_CITATIONS });
  const citations = hits.map((hit) => ({ ...library.citeHit(hit), sentence: hit.sentence }));
  const first = citations[0];
  return {
    command: 'ask',
    query: question,
    answered: hits.length > 0,
    status,
    ...(missing?.length ? { missing } : {}),
    ...(first ? { lead: first.text.slice(...first.sentence) } : {}),
    citations,
  };
}

/** The typed question itself, then sentences of the passages it matches best: they answer well. */
function suggestQuestions(library: Library, typed: string): Choice[] {
  const text = typed.trim();
  if (!text) return library.passages.slice(0, MAX_CHOICES).map((p) => sentenceChoice(firstSentence(p.text)));
  const choices = [{ name: text, value: shortValue(text) }];
  for (const hit of library.suggest(text, MAX_CHOICES - 1)) {
    const sentences = sentenceRanges(hit.passage.text);
    const words = library.highlight(hit.passage.text, hit.matched).map(([start]) => start);
    const best = sentences.find(([start, end]) => words.some((w) => w >= start && w < end)) ?? sentences[0];
    if (best) choices.push(sentenceChoice(hit.passage.text.slice(best[0], best[1])));
  }
  return choices;
}

function firstSentence(text: string): string {
  const first = sentenceRanges(text)[0];
  return first ? text.slice(first[0], first[1]) : text;
}

function sentenceChoice(sentence: string): Choice {
  return { name: sentence, value: shortValue(sentence) };
}

export const askCommand: Command = {
  definition: withAnswerOptions(
    slashCommand('ask', 'Ask a question; the answer quotes the reports').addStringOption((o) =>
      o
        .setName('question')
        .setDescription('What you want to know')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH)
        .setAutocomplete(true),
    ),
  ).toJSON(),
  queryOption: 'question',
  run: ask,
  autocomplete: (library, option) => suggestQuestions(library, option.value),
};
