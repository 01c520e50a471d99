/**
 * Words that carry no topic: English function words, plus the words people use to frame a question
 * or a request ("what did … say about …", "tell me") that reports never answer with.
 * Terms are compared after case and quote folding, before stemming.
 */
const FUNCTION_WORDS = `
a about above after again against all am an and any anything are aren as at be because been before being
below between both but by can cannot could couldn did didn do does doesn doing don down during each either
even ever every few for from further had hadn has hasn have haven having he her here hers herself him himself
his how i if in into is isn it its itself just let me might more most much must mustn my myself neither no
nor not now of off on once only or other others our ours ourselves out over same shall shan she should
shouldn so some something such than that the their theirs them themselves then there these they this those
through thus to too under until up upon us very was wasn we were weren what whatever when where whether which
while who whom whose why will with would wouldn yet you your yours yourself yourselves
dont doesnt didnt isnt arent wasnt werent wont cant couldnt wouldnt shouldnt hasnt havent hadnt its
also ll re ve s t d m lets
hes shes whos whats thats theres heres wheres whens hows whys im ive youre theyre weve youve theyve youll theyll
`;

const QUESTION_WORDS = `
say says said saying tell tells told telling think thinks thought know explain describe mention mentioned
please anyone someone somebody thing things kind sort way regarding according many much get gets got getting
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${FUNCTION_WORDS} ${QUESTION_WORDS}`.split(/\s+/).filter(Boolean),
);
