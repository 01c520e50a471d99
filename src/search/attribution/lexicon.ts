/**
 * Word knowledge for attribution extraction: compromise's built-in lexicon
 * (looked up directly, so nothing is parsed per sentence) plus the few closed
 * word classes the patterns need.
 */
import nlp from 'compromise';

type Lexicon = Record<string, string | string[] | undefined>;
interface World {
  model: { one: { lexicon: Lexicon }; two: { orgWords: Record<string, unknown> } };
}

const WORLD = nlp.world() as unknown as World;
const LEXICON = WORLD.model.one.lexicon;
const ORG_WORDS = WORLD.model.two.orgWords;

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

const NO_TAGS: readonly string[] = [];
// A map of the lexicon's own keys, each word's tags as a list: attribution looks up every word of
// every sentence, and a lookup in the lexicon object (in dictionary mode) took a tenth of its time.
// Own keys only: words such as "constructor" or "toString" are not in the lexicon but on every object.
const TAGS = new Map(Object.keys(LEXICON).map((word) => [word, listOf(LEXICON[word])]));

function listOf(tags: string | string[] | undefined): readonly string[] {
  return tags === undefined ? NO_TAGS : typeof tags === 'string' ? [tags] : tags;
}

/** compromise's tags for a lower-case word (empty when unknown). */
export function tagsOf(lower: string): readonly string[] {
  return TAGS.get(lower) ?? NO_TAGS;
}

const hasTag = (lower: string, tag: string): boolean => tagsOf(lower).includes(tag);

/** Every lexicon word carrying `tag`, e.g. all countries. */
export function wordsTagged(tag: string): string[] {
  return [...TAGS.keys()].filter((word) => hasTag(word, tag));
}

/**
 * Reporting verbs: each line is one verb's forms (base, 3rd person, past,
 * optional past participle). A closed class, so listing it is the method.
 */
const REPORTING_FORMS = `say says said
tell tells told
report reports reported
confirm confirms confirmed
stress stresses stressed
note notes noted
add adds added
warn warns warned
announce announces announced
claim claims claimed
argue argues argued
explain explains explained
insist insists insisted
acknowledge acknowledges acknowledged
write writes wrote written
state states stated
emphasise emphasises emphasised
emphasize emphasizes emphasized
assert asserts asserted
admit admits admitted
reveal reveals revealed
declare declares declared
caution cautions cautioned
recall recalls recalled
reiterate reiterates reiterated
underline underlines underlined
underscore underscores underscored
allege alleges alleged
deny denies denied
contend contends contended
concede concedes conceded
maintain maintains maintained
predict predicts predicted`;

/** Reporting verb form → its base form. */
const REPORTING = new Map<string, string>(
  REPORTING_FORMS.split('\n').flatMap((line) => {
    const forms = line.split(' ');
    return forms.map((form) => [form, forms[0] ?? form] as [string, string]);
  }),
);

export function reportingLemma(lower: string): string | undefined {
  return REPORTING.get(lower);
}

/**
 * Verbs that report a statement only through the words they quote: "branded it “tasteless”",
 * "described the plan as “mad”", "accused them of a “bidding war”". Without a quote they report
 * a deed ("described the scene"), so a claim needs one in the same clause. Of those that are
 * nouns too ("the Durex brand", "a hail of"), only the past form.
 */
const QUOTING_VERBS = words(
  'describe describes described accuse accuses accused criticise criticises criticised criticize criticizes criticized condemn condemns condemned dismiss dismisses dismissed branded urged praised hailed',
);

export function isQuotingVerb(lower: string): boolean {
  return QUOTING_VERBS.has(lower);
}

/** Participles that report what the main clause's subject said: "X backed the plan, saying …". */
const REPORTING_PARTICIPLES = new Map(
  'saying:say adding:add claiming:claim arguing:argue insisting:insist warning:warn explaining:explain stressing:stress'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

export function reportingParticiple(lower: string): string | undefined {
  return REPORTING_PARTICIPLES.get(lower);
}

/** Verbs whose forms are also common nouns ("the report", "member states"). */
export const NOUN_LIKE_VERBS = words('report note claim state stress');
/** Verbs that may come before their subject: "“…,” said Smith." */
export const INVERTIBLE_VERBS = words('say add write note explain warn insist recall');

export const AUXILIARIES = words('has have had will would shall should can could may might must do does did');
export const BE_FORMS = words('is are was were be been being am');
export const NEGATIONS = words('not never');
export const SUBJECT_PRONOUNS = words('he she it they we i you');
export const OBJECT_PRONOUNS = words('him her them us me you it');
/** Words that open a clause, so never sit inside a subject noun phrase. */
export const SUBORDINATORS = words(
  'that which what who whom whose where when while whereas because although though if unless than so but yet since as after before until whether how why nor there here',
);
/** Sentence adverbs and connectors that introduce a clause but are not its subject. */
export const DISCOURSE_MARKERS = words(
  'however still meanwhile overall moreover furthermore instead separately nevertheless nonetheless indeed additionally also yet but and or so thus therefore then now earlier later today yesterday previously currently initially finally notably importantly besides otherwise according again',
);
/** Leading quantifiers dropped from a speaker to name the group it belongs to. */
export const QUANTIFIERS = words('the a an one some several two three four five six seven eight nine ten many few');
/** Time words that can follow a reporting verb: "said last week", "reported Friday". */
export const TIME_WORDS = words(
  'week weekend month year morning afternoon evening night day today yesterday tonight overnight earlier later last this next late early recently',
);
/** Nouns of a channel whose addressee the statement went through: "in an interview with CNN". */
export const CHANNEL_NOUNS = words(
  'interview interviews conversation statement comments comment remarks call letter message post podcast broadcast appearance briefing email op-ed speech address',
);
/** Objects that leave the verb without a statement: "she said nothing". */
export const EMPTY_OBJECTS = words('nothing little anything something much so otherwise');
/** Role nouns compromise does not tag as Actor. */
const EXTRA_TITLES = words(
  'spokesman spokeswoman spokesperson aide envoy ambassador adviser advisor governor senator official premier chief head general secretary commander director prosecutor lawmaker representative deputy chairman chairwoman chair',
);

export function isDeterminer(lower: string): boolean {
  return hasTag(lower, 'Determiner') || hasTag(lower, 'Possessive');
}

/** compromise tags "to" as a conjunction; here it is a preposition ("close to", "an aide to"). */
export function isPreposition(lower: string): boolean {
  return lower === 'to' || hasTag(lower, 'Preposition');
}

export function isFirstName(lower: string): boolean {
  const tags = tagsOf(lower);
  return tags.includes('MaleName') || tags.includes('FemaleName') || tags.includes('FirstName');
}

export function isTimeName(lower: string): boolean {
  return hasTag(lower, 'WeekDay') || hasTag(lower, 'Month');
}

/** Actor nouns that name no role, so title no one: "Human Rights Watch". */
const GENERIC_ACTORS = words('human humans person people man men woman women boy girl child children baby individual');

export function isTitleWord(lower: string): boolean {
  return EXTRA_TITLES.has(lower) || (hasTag(lower, 'Actor') && !GENERIC_ACTORS.has(lower)) || hasTag(lower, 'Honorific');
}

/** Role nouns the lexicon lacks or files under another class ("coach" as a verb). */
const ROLE_NOUNS = words('coach founder executive striker midfielder defender goalkeeper winger mp mep candidate');

/** A title of office or role ("boss", "minister", "coach"), not an honorific ("Mr", "Sir"). */
export function isRoleWord(lower: string): boolean {
  return ROLE_NOUNS.has(lower) || (isTitleWord(lower) && !hasTag(lower, 'Honorific'));
}

export function isAdjective(lower: string): boolean {
  return hasTag(lower, 'Adjective');
}

export function isOrganisationWord(lower: string): boolean {
  return Object.hasOwn(ORG_WORDS, lower);
}

export function isNoun(lower: string): boolean {
  return tagsOf(lower).some((t) => ['Singular', 'Plural', 'Noun', 'Uncountable', 'Actor'].includes(t));
}

/** Verb evidence from the lexicon for a word that is not also a noun. */
export function isVerbOnly(lower: string): boolean {
  const verbal = tagsOf(lower).some((t) => ['Infinitive', 'PresentTense', 'PastTense', 'Verb', 'Copula', 'Modal'].includes(t));
  return verbal && !isNoun(lower);
}

/** Nouns and names that happen to end like adverbs or gerunds: "Italy", "Emily", "Beijing". */
const NAME_TAGS = ['Country', 'Place', 'City', 'Region', 'MaleName', 'FemaleName', 'FirstName', 'LastName', 'ProperNoun', 'Singular', 'Plural'];
const named = (lower: string): boolean => tagsOf(lower).some((t) => NAME_TAGS.includes(t));

/** "separately", "reportedly": an -ly adverb, not a name. */
export function isAdverb(lower: string): boolean {
  return hasTag(lower, 'Adverb') || (/^[a-z]{3,}ly$/.test(lower) && !named(lower));
}

/** "speaking", "citing": an -ing form, not a name. */
export function isGerund(lower: string): boolean {
  return hasTag(lower, 'Gerund') || (/^[a-z]{3,}ing$/.test(lower) && !named(lower));
}

/** Past forms the same as the present, which compromise tags only as infinitives: "Mr Snow put a brave face on it". */
const UNCHANGED_PASTS = words('put set hit cut let shut spread quit hurt cast burst upset');

export function isPastTense(lower: string): boolean {
  return hasTag(lower, 'PastTense') || UNCHANGED_PASTS.has(lower);
}

export function isPresentTense(lower: string): boolean {
  return hasTag(lower, 'PresentTense');
}
