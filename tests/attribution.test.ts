import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAttributions, type Attribution } from '../src/search/attribution.ts';
import { BLACKPOOL, PARKER, WEIR } from './fixtures/bbc-paragraphs.ts';
import { SEED_000, SEED_002 } from './fixtures/seed-paragraphs.ts';

/** One expected attribution: paragraph, speaker, canonical, via, and a phrase of the statement. */
type Row = [paragraph: number, speaker: string, canonical: string, via: string | null, phrase: string];

function table(attributions: readonly Attribution[]): Row[] {
  return attributions.map((a) => [a.paragraph, a.speaker, a.canonical, a.via, a.statement]);
}

/** The whole table must match, in order: every row found, nothing extra. */
function expectTable(paragraphs: string[], rows: Row[]): Attribution[] {
  const found = extractAttributions(paragraphs);
  expect(table(found).map(([p, s, c, v]) => [p, s, c, v])).toEqual(rows.map(([p, s, c, v]) => [p, s, c, v]));
  rows.forEach(([, , , , phrase], k) => expect(found[k]?.statement).toContain(phrase));
  expectVerbatim(paragraphs, found);
  return found;
}

function expectVerbatim(paragraphs: string[], found: readonly Attribution[]): void {
  for (const a of found) {
    const text = paragraphs[a.paragraph - 1] ?? '';
    expect(text.slice(a.start, a.end)).toBe(a.statement);
    expect(a.statement.length).toBeGreaterThan(0);
  }
}

const speakersOf = (paragraphs: string[]): string[] => extractAttributions(paragraphs).map((a) => a.speaker);

describe('seed report 000 (CNN, Financial Times)', () => {
  it('finds every attribution and nothing else', () => {
    expectTable(SEED_000, [
      [1, 'Ukraine', 'Ukraine', null, 'Ukraine said it would renounce plans to join NATO'],
      [2, 'CNN', 'CNN', null, 'CNN reported Friday, citing anonymous sources.'],
      [5, 'Sources', 'Sources', 'CNN', 'Sources told CNN that the US and other NATO countries have held talks'],
      [5, 'One Western official', 'Western official', null, 'One Western official said that “anything short of full commitment'],
      [6, 'The officials', 'officials', null, 'The officials stressed that the discussions on the security guarantees'],
      [6, 'Russia', 'Russia', null, 'Russia has said it will review Ukraine’s proposal and respond soon.'],
      [7, 'The Financial Times', 'Financial Times', null, 'The Financial Times reported on Thursday that the Western powers'],
    ]);
  });

  it('keeps each statement to its own sentence', () => {
    const [, , sources, official] = extractAttributions(SEED_000);
    expect(sources?.statement).toBe(
      'Sources told CNN that the US and other NATO countries have held talks with Ukraine over the potential security guarantees.',
    );
    expect(official?.statement).toBe(
      'One Western official said that “anything short of full commitment to defend Ukraine won’t be enough for the Ukrainians.”',
    );
  });

  it('reports no near-misses: wants, put forward, "which states", a byline', () => {
    const byParagraph = extractAttributions(SEED_000).map((a) => a.paragraph);
    for (const quiet of [3, 4, 8, 9]) expect(byParagraph).not.toContain(quiet);
    expect(speakersOf(SEED_000).join('|')).not.toMatch(/DeCamp|Ukrainians|Article 5/);
  });
});

describe('seed report 002 (according to the WSJ)', () => {
  it('finds every attribution and nothing else', () => {
    const wsj = 'Wall Street Journal';
    expectTable(SEED_002, [
      [1, 'the Wall Street Journal (WSJ)', wsj, null, 'according to the Wall Street Journal (WSJ).'],
      [2, 'the WSJ', wsj, null, 'have compared to what Israel has now, the WSJ reported.'],
      [3, 'the WSJ', wsj, null, 'According to the WSJ, the Israeli-type security agreement for Ukraine'],
      [3, 'the WSJ', wsj, null, '“most stalwart partner in the Middle East,” according to the WSJ.'],
      [4, 'the WSJ', wsj, null, 'According to the WSJ, western leaders may believe'],
      [4, 'Poland’s President Andrzej Duda', 'Andrzej Duda', 'WSJ', 'Poland’s President Andrzej Duda told the WSJ that Western allies'],
      [4, 'the Polish President', 'Andrzej Duda', null, '“are ongoing right now,” the Polish President said.'],
      [6, 'Western officials', 'Western officials', 'WSJ', 'Western officials told the WSJ that such a security agreement'],
      [7, 'A US official', 'US official', 'WSJ', 'A US official confirmed to the WSJ on condition of anonymity that discussions'],
      [
        7,
        'Representatives of NATO, Ukraine, and other Western countries',
        'Representatives of NATO, Ukraine, and other Western countries',
        'WSJ',
        'told the WSJ that they expect to see the US, the UK, Germany, and France',
      ],
      [
        8,
        'officials in several European countries, including France and Germany',
        'officials in several European countries, including France and Germany',
        'WSJ',
        'However, officials in several European countries, including France and Germany, told the WSJ that they generally agree',
      ],
    ]);
  });

  it('quotes the whole sentence when the speaker follows the quote', () => {
    const polish = extractAttributions(SEED_002).find((a) => a.speaker === 'the Polish President');
    expect(polish?.statement).toBe(
      'The discussions on the security guarantees for Ukraine “are ongoing right now,” the Polish President said.',
    );
  });

  it('does not attribute to people merely mentioned, or to "compared" and "allocated"', () => {
    const speakers = extractAttributions(SEED_002).flatMap((a) => [a.speaker, a.canonical]).join('|');
    expect(speakers).not.toMatch(/Yermak|Rasmussen|Biden|Israel|Putin|Western leaders|The US/);
    expect(extractAttributions(SEED_002).filter((a) => a.paragraph === 5)).toEqual([]);
    const allocated = extractAttributions(SEED_002).filter((a) => a.statement.includes('allocated'));
    expect(allocated).toEqual([]);
  });
});

describe('patterns', () => {
  it('speaker after a quote, and "according to" at the end', () => {
    expectTable(
      [
        '“We will not back down,” the Foreign Minister said on Tuesday.',
        'The war will end soon, according to a senior European diplomat.',
      ],
      [
        [1, 'the Foreign Minister', 'Foreign Minister', null, '“We will not back down,” the Foreign Minister said on Tuesday.'],
        [2, 'a senior European diplomat', 'senior European diplomat', null, 'The war will end soon'],
      ],
    );
  });

  it('"X, a spokesperson for Y, said" and a later "the spokesperson"', () => {
    expectTable(
      [
        'Jane Doe, a spokesperson for the Health Ministry, said the vaccine rollout would resume next week.',
        'The spokesperson added that supplies had arrived.',
      ],
      [
        [1, 'Jane Doe, a spokesperson for the Health Ministry', 'Jane Doe', null, 'the vaccine rollout would resume'],
        [2, 'The spokesperson', 'Jane Doe', null, 'supplies had arrived'],
      ],
    );
  });

  it('a quote after reported speech carries on that speaker\'s words', () => {
    expectTable(
      [
        'Family Planning Association chief executive Anne Weyman said teaching pupils about contraception was key. "Young people must be informed about all the issues." The minister did not reply.',
      ],
      [
        [1, 'Family Planning Association chief executive Anne Weyman', 'Anne Weyman', null, 'teaching pupils about contraception was key'],
        [1, 'Family Planning Association chief executive Anne Weyman', 'Anne Weyman', null, '"Young people must be informed about all the issues."'],
      ],
    );
  });

  it('", saying" after a verb whose past is its present: "put a brave face on it, saying"', () => {
    expectTable(
      ['Treasury Secretary John Snow put a brave face on the news, saying it was a sign of strong expansion. "The economy is growing fast."'],
      [
        [1, 'Treasury Secretary John Snow', 'John Snow', null, 'saying it was a sign of strong expansion'],
        [1, 'Treasury Secretary John Snow', 'John Snow', null, '"The economy is growing fast."'],
      ],
    );
  });

  it('a given name\'s initial: "J. Allard", then "Mr Allard" and "he", is one person', () => {
    expectTable(
      [
        'Xbox frontman J. Allard said the console looked set to be fast.',
        'Mr Allard said Microsoft had to work hard. "Our approach is Bruce Lee, not brute force," he said.',
      ],
      [
        [1, 'Xbox frontman J. Allard', 'J. Allard', null, 'the console looked set to be fast'],
        [2, 'Mr Allard', 'J. Allard', null, 'Microsoft had to work hard'],
        [2, 'he', 'J. Allard', null, 'Bruce Lee, not brute force'],
      ],
    );
  });

  it('"said on Tuesday", "told reporters", "Mr. Smith" by surname, "he" and a continued quote', () => {
    expectTable(
      [
        'Prime Minister John Smith said on Tuesday that the budget was balanced.',
        'Mr. Smith told reporters in London that taxes would not rise.',
        '“We are on track,” he said. “Nobody doubts it.”',
        'Smith, who chairs the committee, said the vote was close.',
      ],
      [
        [1, 'Prime Minister John Smith', 'John Smith', null, 'the budget was balanced'],
        [2, 'Mr. Smith', 'John Smith', 'reporters', 'taxes would not rise'],
        [3, 'he', 'John Smith', null, '“We are on track,” he said.'],
        [3, 'he', 'John Smith', null, '“Nobody doubts it.”'],
        [4, 'Smith, who chairs the committee', 'John Smith', null, 'the vote was close'],
      ],
    );
  });

  it('"in an interview with CNN" and "speaking to reporters" give the via', () => {
    expectTable(
      [
        'In an interview with CNN, the governor said the state was ready.',
        'The senator said in an interview with the BBC that the bill would pass.',
        'Speaking to reporters, Finance Minister Maria Lopez said inflation had peaked.',
        'Kirby said in a letter to lawmakers that funds were short.',
      ],
      [
        [1, 'the governor', 'governor', 'CNN', 'the state was ready'],
        [2, 'The senator', 'senator', 'BBC', 'the bill would pass'],
        [3, 'Finance Minister Maria Lopez', 'Maria Lopez', 'reporters', 'inflation had peaked'],
        [4, 'Kirby', 'Kirby', 'lawmakers', 'funds were short'],
      ],
    );
  });

  it('reported speech without "that", inserted phrases, and outlets reporting others', () => {
    expectTable(
      [
        'The Kremlin said on Monday it would respond.',
        'Reuters reported, citing three sources, that the deal was off.',
        'Smith said, however, that the plan would go ahead.',
        'The government said it had no comment, the BBC reported.',
        'People familiar with the matter told Reuters the company was for sale.',
      ],
      [
        [1, 'The Kremlin', 'Kremlin', null, 'it would respond'],
        [2, 'Reuters', 'Reuters', null, 'the deal was off'],
        [3, 'Smith', 'Smith', null, 'the plan would go ahead'],
        [4, 'The government', 'government', null, 'it had no comment'],
        [4, 'the BBC', 'BBC', null, 'the BBC reported'],
        [5, 'People familiar with the matter', 'People familiar with the matter', 'Reuters', 'the company was for sale'],
      ],
    );
  });

  it('inverted "said Smith", plural groups and a relative clause', () => {
    expectTable(
      [
        '“The talks are over,” said Anna Berg, a spokeswoman for the ministry.',
        'France, Germany and Italy said they would send more aid.',
        'Officials who spoke to CNN said the deal was close.',
        'The Baltic states said they would boost defence spending.',
      ],
      [
        [1, 'Anna Berg, a spokeswoman for the ministry', 'Anna Berg', null, '“The talks are over,”'],
        [2, 'France, Germany and Italy', 'France, Germany and Italy', null, 'they would send more aid'],
        [3, 'Officials who spoke to CNN', 'Officials who spoke to CNN', null, 'the deal was close'],
        [4, 'The Baltic states', 'Baltic states', null, 'they would boost defence spending'],
      ],
    );
  });

  it('inverted "said" with a lower-case title after its modifiers: "said managing director Rodrigo Rato"', () => {
    expectTable(
      [
        '"The IMF stands ready to do its part," said managing director Rodrigo Rato.',
        '"It is a dilemma," said shadow chancellor Oliver Letwin.',
        '"We will close," said group chief executive Ann Lee.',
        'The work, written for the wedding of a daughter of a German customs official, was missing for 80 years.',
      ],
      [
        [1, 'managing director Rodrigo Rato', 'Rodrigo Rato', null, 'The IMF stands ready'],
        [2, 'shadow chancellor Oliver Letwin', 'Oliver Letwin', null, 'It is a dilemma'],
        [3, 'group chief executive Ann Lee', 'Ann Lee', null, 'We will close'],
      ],
    );
  });

  it('", saying …" after a main clause: its subject says it; "adding to" and a clause read as a subject do not', () => {
    expectTable(
      [
        'New Metropolitan Police Commissioner Sir Ian Blair has backed the control orders, saying: "It is a dilemma, but there is only one choice."',
        'The minister defended the plan, saying it would save money.',
        'Road trip comedy Sideways has had more praise heaped on it, adding to honours it has already picked up.',
        'The company wants damages of $20bn, claiming the unit was sold at less than market value.',
      ],
      [
        [1, 'New Metropolitan Police Commissioner Sir Ian Blair', 'Ian Blair', null, 'there is only one choice'],
        [2, 'The minister', 'minister', null, 'it would save money'],
      ],
    );
  });

  it('verbs that report only through a quote: "branded it “tasteless”", not "described the scene" or a passive', () => {
    expectTable(
      [
        'Former union leader Sir Bill Morris has accused both parties of engaging in a "bidding war about who can be nastiest".',
        'The minister branded the plan "tasteless".',
        'He described the scene as chaotic.',
        'Stars will perform on the show described as "A Concert of Hope".',
        'Tessa Jowell has limited new casinos to 24, in a move branded a "humiliating retreat" by the Tories.',
        'SSL, which makes the famous Durex brand of condom, would not comment on "market speculation".',
      ],
      [
        [1, 'Former union leader Sir Bill Morris', 'Bill Morris', null, 'bidding war'],
        [2, 'The minister', 'minister', null, 'tasteless'],
      ],
    );
  });

  it('a quote carries on the last statement of a sentence with two', () => {
    const found = extractAttributions([
      'Steve Morgan accused Liverpool of using him as "a stalking horse", but Rick Parry explained: "Steve has never been used as a stalking horse." "We had discussions with Steve over the course of 2004."',
    ]);
    expect(found.map((a) => a.canonical)).toEqual(['Steve Morgan', 'Rick Parry', 'Rick Parry']);
    expect(found[2]!.statement).toBe('"We had discussions with Steve over the course of 2004."');
  });

  it('splits a sentence with two speakers into their clauses', () => {
    const found = expectTable(
      ['The minister said Russia would withdraw, but officials said no timetable had been set.'],
      [
        [1, 'The minister', 'minister', null, 'Russia would withdraw'],
        [1, 'officials', 'officials', null, 'no timetable had been set'],
      ],
    );
    expect(found.map((a) => a.statement)).toEqual([
      'The minister said Russia would withdraw',
      'officials said no timetable had been set.',
    ]);
  });

  it('links "the German chancellor" by title and nationality, and "it" to an organisation', () => {
    expectTable(
      [
        'Germany’s Chancellor Olaf Scholz said on Monday that Berlin would send tanks.',
        '“We are ready,” Scholz told the BBC in an interview.',
        'The German chancellor added that more aid would follow. The French president said he disagreed.',
        'The ministry said in a statement that the attack had been repelled. It added that two soldiers were wounded.',
      ],
      [
        [1, 'Germany’s Chancellor Olaf Scholz', 'Olaf Scholz', null, 'Berlin would send tanks'],
        [2, 'Scholz', 'Olaf Scholz', 'BBC', '“We are ready,”'],
        [3, 'The German chancellor', 'Olaf Scholz', null, 'more aid would follow'],
        [3, 'The French president', 'French president', null, 'he disagreed'],
        [4, 'The ministry', 'ministry', null, 'the attack had been repelled'],
        [4, 'It', 'ministry', null, 'two soldiers were wounded'],
      ],
    );
  });

  it('links "Poland’s president" but not "an aide to" someone to that person', () => {
    const found = extractAttributions([
      'Polish President Andrzej Duda said the border was secure.',
      'An aide to Andrzej Duda said talks were planned. Poland’s president added that troops were ready.',
    ]);
    expect(found.map((a) => [a.speaker, a.canonical])).toEqual([
      ['Polish President Andrzej Duda', 'Andrzej Duda'],
      ['An aide to Andrzej Duda', 'aide to Andrzej Duda'],
      ['Poland’s president', 'Andrzej Duda'],
    ]);
  });

  it('links a surname to a full name given later in the report', () => {
    const found = extractAttributions(['Kowalski said the vote was rigged.', 'Opposition leader Jan Kowalski said he would appeal.']);
    expect(found.map((a) => a.canonical)).toEqual(['Jan Kowalski', 'Jan Kowalski']);
  });
});

describe('patterns from unseen reports', () => {
  it('"told state news agency X": a noun-like "state" after "told" names the addressee', () => {
    expectTable(
      [
        'Kremlin spokesman Ivan Petrov told state news agency TASS that the measures were illegal.',
        '“Our programme is peaceful,” Petrov told the state broadcaster XYZ after the talks.',
      ],
      [
        [1, 'Kremlin spokesman Ivan Petrov', 'Ivan Petrov', 'state news agency TASS', 'the measures were illegal'],
        [2, 'Petrov', 'Ivan Petrov', 'state broadcaster XYZ', '“Our programme is peaceful,”'],
      ],
    );
    // "states" as a noun still makes no claim of its own.
    expect(extractAttributions(['Officials from member states that border the sea met on Monday.'])).toEqual([]);
  });

  it('a comma inside a number is no clause break: "…for 60,000 tonnes of grain, he said."', () => {
    expectTable(
      ['Port director Anna Berg said the silos were full.', 'Strikes had damaged storage for 60,000 tonnes of grain, she said.'],
      [
        [1, 'Port director Anna Berg', 'Anna Berg', null, 'the silos were full'],
        [2, 'she', 'Anna Berg', null, 'Strikes had damaged storage for 60,000 tonnes of grain, she said.'],
      ],
    );
  });

  it('an adverb between subject and verb hides neither the claim nor its statement', () => {
    expectTable(
      [
        'The agency separately said Iran now holds 182 kilograms of uranium.',
        'Smith also said Moscow still wants guarantees. Smith later told reporters the deal was dead.',
        'Smith previously said the talks would resume. Smith repeatedly warned that prices would rise.',
      ],
      [
        [1, 'The agency', 'agency', null, 'Iran now holds 182 kilograms'],
        [2, 'Smith', 'Smith', null, 'Moscow still wants guarantees'],
        [2, 'Smith', 'Smith', 'reporters', 'the deal was dead'],
        [3, 'Smith', 'Smith', null, 'the talks would resume'],
        [3, 'Smith', 'Smith', null, 'prices would rise'],
      ],
    );
    // An object is still no statement, adverb or not.
    expect(extractAttributions(['The ministry also announced new talks now.'])).toEqual([]);
  });

  it('a verb after "but"/"and" shares the subject of the verb before it', () => {
    expectTable(
      [
        'Kremlin spokesman Ivan Petrov described the proposal as premature but said Moscow was open to talks.',
        'The ministry declined to comment but said the border was calm.',
        'President Maria Lopez welcomed the pledge, but said her country needed at least seven more systems.',
        '“We are ready,” she said, and added that talks would go on.',
      ],
      [
        [1, 'Kremlin spokesman Ivan Petrov', 'Ivan Petrov', null, 'but said Moscow was open to talks'],
        [2, 'The ministry', 'ministry', null, 'but said the border was calm'],
        [3, 'President Maria Lopez', 'Maria Lopez', null, 'her country needed at least seven more systems'],
        [4, 'she', 'Maria Lopez', null, 'and added that talks would go on'],
      ],
    );
    for (const sentence of ['The rally was cancelled and said to be postponed.', 'The minister declined to comment and said nothing.']) {
      expect(extractAttributions([sentence])).toEqual([]);
    }
  });

  it('a past form before "to" after a pronoun is the verb of the statement: "he planned to travel"', () => {
    expectTable(
      ['Mr. Grossi said he planned to travel to Tehran.', 'The envoys said they expected to meet on Friday.'],
      [
        [1, 'Mr. Grossi', 'Grossi', null, 'he planned to travel to Tehran'],
        [2, 'The envoys', 'envoys', null, 'they expected to meet on Friday'],
      ],
    );
  });

  it('a capitalised -ing word before a title or name is part of the speaker, not a participial intro', () => {
    expectTable(
      [
        'Outgoing Secretary General Anna Berg, who will hand over to her deputy in October, said allies had agreed.',
        'Acting Director Jane Doe said the agency was ready.',
        'Speaking to CNN, Smith said the talks were over.',
        'Following Russia’s attack, officials said the plant was shut.',
      ],
      [
        [1, 'Outgoing Secretary General Anna Berg, who will hand over to her deputy in October', 'Anna Berg', null, 'allies had agreed'],
        [2, 'Acting Director Jane Doe', 'Jane Doe', null, 'the agency was ready'],
        [3, 'Smith', 'Smith', 'CNN', 'the talks were over'],
        [4, 'officials', 'officials', null, 'the plant was shut'],
      ],
    );
  });

  it('a dotted initialism before a noun or title ends no sentence: "A senior U.S. State Department official"', () => {
    const found = expectTable(
      [
        'A senior U.S. State Department official said Washington would not object if it helped, but warned that prices could rise.',
        'The envoy met U.S. President John Smith, who said the talks were useful.',
        'The talks were held in the U.S. Officials said they went well.',
      ],
      [
        [1, 'A senior U.S. State Department official', 'senior U.S. State Department official', null, 'but warned that prices could rise'],
        [2, 'U.S. President John Smith', 'John Smith', null, 'the talks were useful'],
        [3, 'Officials', 'Officials', null, 'they went well'],
      ],
    );
    expect(found[2]?.statement).toBe('Officials said they went well.');
  });

  it('keeps name particles ("von der", "de", "al-") in a person’s name and surname', () => {
    expectTable(
      [
        'European Commission President Ursula von der Leyen told lawmakers the plan was ready. She said it would pass.',
        'Foreign Minister Jan de Vries said the talks were over. De Vries added that more was needed.',
        'Prime Minister Karim al-Hakim said the vote was fair. Von der Leyen said she agreed.',
      ],
      [
        [1, 'European Commission President Ursula von der Leyen', 'Ursula von der Leyen', 'lawmakers', 'the plan was ready'],
        [1, 'She', 'Ursula von der Leyen', null, 'it would pass'],
        [2, 'Foreign Minister Jan de Vries', 'Jan de Vries', null, 'the talks were over'],
        [2, 'De Vries', 'Jan de Vries', null, 'more was needed'],
        [3, 'Prime Minister Karim al-Hakim', 'Karim al-Hakim', null, 'the vote was fair'],
        [3, 'Von der Leyen', 'Ursula von der Leyen', null, 'she agreed'],
      ],
    );
  });

  it('two capitalised words unknown to the lexicon before a reporting verb are a person', () => {
    expectTable(
      [
        'Maarja Tamsalu said the bloc should act. Later, she said it was time.',
        '“We will act,” said Oskaras Vaitkus, a member of parliament. He added that talks would go on.',
        'Human Rights Watch said the law was unjust. She said it would be repealed.',
      ],
      [
        [1, 'Maarja Tamsalu', 'Maarja Tamsalu', null, 'the bloc should act'],
        [1, 'she', 'Maarja Tamsalu', null, 'it was time'],
        [2, 'Oskaras Vaitkus, a member of parliament', 'Oskaras Vaitkus', null, '“We will act,”'],
        [2, 'He', 'Oskaras Vaitkus', null, 'talks would go on'],
        // An organisation is no person: "she" still means the last person named.
        [3, 'Human Rights Watch', 'Human Rights Watch', null, 'the law was unjust'],
        [3, 'She', 'Oskaras Vaitkus', null, 'it would be repealed'],
      ],
    );
  });

  it('"His spokesman": the speaker as written; canonical the spokesman’s own name, else "spokesman for" the last person', () => {
    expectTable(
      [
        'Secretary-General Maria Lopez will visit Cairo. Her spokesman, Jean Dupont, told journalists the trip was confirmed.',
        'President John Smith arrived in Paris. His spokesperson said the visit was private.',
        'The spokesperson added that talks would follow. The ministry said it was ready. Its spokesperson said the border was calm.',
      ],
      [
        [1, 'Her spokesman, Jean Dupont', 'Jean Dupont', 'journalists', 'the trip was confirmed'],
        [2, 'His spokesperson', 'spokesperson for John Smith', null, 'the visit was private'],
        [3, 'The spokesperson', 'spokesperson for John Smith', null, 'talks would follow'],
        [3, 'The ministry', 'ministry', null, 'it was ready'],
        [3, 'Its spokesperson', 'spokesperson for the ministry', null, 'the border was calm'],
      ],
    );
    // "her" as an object stays out of the speaker; a clause before ", and" is no list item.
    expectTable(
      ['He told her the plan was fine.', 'Senator Jane Doe left early, and her aide said she was tired.'],
      [
        [1, 'He', 'He', null, 'the plan was fine'],
        [2, 'her aide', 'her aide', null, 'she was tired'],
      ],
    );
  });

  it('drops ", seen by X" and ", by contrast" from the canonical name, keeping the parenthesised alias', () => {
    expectTable(
      ['A study by the Energy Agency (EA), seen by Reuters, said Europe now imports more gas. The EA said it would act.'],
      [
        [1, 'the Energy Agency (EA), seen by Reuters', 'Energy Agency', null, 'Europe now imports more gas'],
        [1, 'The EA', 'Energy Agency', null, 'it would act'],
      ],
    );
    expectTable(
      ['Israeli officials, by contrast, have repeatedly said that force remains an option.'],
      [[1, 'Israeli officials, by contrast', 'Israeli officials', null, 'force remains an option']],
    );
  });
});

describe('near-misses', () => {
  it.each([
    'She said nothing about the deal.',
    'The said agreement was signed in 2019.',
    'A report said to be leaked to the press caused a stir.',
    'He was told that the plan had changed.',
    'It is said that the king was ill.',
    'The minister declined to say whether talks would resume.',
    'Officials did not say when the talks would resume.',
    'NATO member states that have joined the alliance agreed on the plan.',
    'The US announced new sanctions on Russia.',
    'Ukraine has maintained its position.',
    'What the president said was misleading.',
    'The official who said the talks failed was fired.',
    'The decision was announced by the ministry.',
    'The newly announced sanctions took effect.',
    'A panel headed by former minister John Smith met on Monday.',
    'On Tuesday, officials said.',
  ])('%s', (sentence) => {
    expect(extractAttributions([sentence])).toEqual([]);
  });
});

describe('robustness', () => {
  const words = ['said', 'told', 'the', 'CNN', 'Smith', 'officials', 'that', 'it', 'would', 'according', 'to', 'on', 'Friday'];
  const marks = [',', '.', ' “', '” ', ' ', ' ', ' ', '; ', ' (', ') '];
  const paragraph = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...marks), fc.string({ maxLength: 6 })), { maxLength: 40 })
    .map((parts) => parts.join(' '));

  it('every statement is the paragraph text at [start, end)', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 4 }), (paragraphs) => {
        const found = extractAttributions(paragraphs);
        expectVerbatim(paragraphs, found);
        for (const a of found) expect(a.speaker.trim().length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('handles empty input', () => {
    expect(extractAttributions([])).toEqual([]);
    expect(extractAttributions(['', '   '])).toEqual([]);
  });

  it('is fast enough for index time (a 9-paragraph report in a few ms)', () => {
    extractAttributions(SEED_000);
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i++) extractAttributions(SEED_000);
    expect((performance.now() - started) / runs).toBeLessThan(25);
  });
});

describe('words that are also object properties', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])('reads a report using "%s" without failing', (word) => {
    const paragraphs = [`The ${word} said that it works.`, `${word[0]!.toUpperCase()}${word.slice(1)} told Reuters the ${word} plan is ready.`];
    expect(() => extractAttributions(paragraphs)).not.toThrow();
  });
});

describe('real BBC quotes', () => {
  const quoted = (paragraphs: string[]) => extractAttributions(paragraphs).map((a) => [a.paragraph, a.canonical, a.statement.slice(0, 24)]);

  it("gives the speaker every sentence of a quote that runs on, in '' marks and into the next paragraph", () => {
    expect(quoted(WEIR)).toEqual([
      [2, 'Jimmy McGeough', '"I heard on Sunday that '],
      [2, 'Jimmy McGeough', "''Robbie has an agreemen"],
      [3, 'Jimmy McGeough', "''Personally, I would ra"],
      [3, 'Jimmy McGeough', "''He has been on trial w"],
    ]);
  });

  it('ends a straight quote where the next one opens, so the marks never pair the wrong way', () => {
    const found = extractAttributions([BLACKPOOL]);
    expect(found.map((a) => a.statement.slice(0, 20))).toEqual(['Colin Asplin, Blackp', '"Obviously we have f', '"It amazes me that t']);
    expect(found.every((a) => a.speaker === found[0]!.speaker)).toBe(true);
    expect(found.map((a) => a.statement).join(' ')).not.toContain('exact cost');
  });

  it('reads a title inside a capitalised name, "said as …", ", saying:" and "he" as the subject named last', () => {
    expect(quoted(PARKER)).toEqual([
      [2, 'Renaud Donnedieu de Vabres', '"You have explored the p'],
      [2, 'Alan Parker', 'Parker praised French fi'],
      [2, 'Alan Parker', 'He told the minister: "I'],
    ]);
  });
});

describe('what a report says of each speaker', () => {
  const described = (paragraphs: string[]) => extractAttributions(paragraphs).map((a) => [a.canonical, a.description]);

  it("takes no description from a phrase after a word's quote mark, but does after a statement's", () => {
    expect(
      described([
        'The BBC should steer away from "demonising" ex-Downing Street media chief Alastair Campbell, Peter Mandelson has said.',
        '"We will come back and hunt when hunting is legal again," hunt master, Captain Ian Farquhar, said.',
      ]),
    ).toEqual([
      ['Peter Mandelson', ''],
      ['Ian Farquhar', 'captain hunt master'],
    ]);
  });

  it('reads the titles and organisation before a name and an apposition after it, for every statement of that person', () => {
    expect(
      described([
        'Maternity pay is to rise, the Trade and Industry Secretary Patricia Hewitt announced.',
        '"We have made a firm commitment," Ms Hewitt said.',
        'John Kirwan, who is Italy’s coach, was late. "It was fun," Kirwan said.',
      ]),
    ).toEqual([
      ['Patricia Hewitt', 'trade and industry secretary ms'],
      ['Patricia Hewitt', 'trade and industry secretary ms'],
      ['John Kirwan', 'italy coach'],
    ]);
    expect(described(['But Larne boss Jimmy McGeough has yet to confirm it.', '"I heard on Sunday," he said.'])).toEqual([['Jimmy McGeough', 'larne boss']]);
  });

  it('leaves out what the person did and words before an honorific', () => {
    const [johnson] = described([
      'Mr Johnson, who was forced to apologise last year, said it was a dispute. In his budget Mr Johnson has cut taxes.',
    ]);
    expect(johnson).toEqual(['Johnson', 'mr']);
  });
});
