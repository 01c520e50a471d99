/**
 * A question about the asker rather than the reports: advice for them ("how do I reset my
 * router?", "should I buy an Xbox?", "where can I watch the final?") or an errand ("remind me to
 * call mum"). News reports answer neither, though their words may all be in the corpus ("reset",
 * "router", "password"), so such a question is declined by its form before it is searched.
 * Only forms with "I" as the one who acts count: "what did I miss at the weekend?" asks for the
 * news, and "Have I Got News for You" is a programme.
 */
const ABOUT_ASKER = /\bhow (?:do|can|should|would|could) i\b|\b(?:should|shall|must) i\b|\b(?:where|when|what) (?:can|should) i\b|\bwhere do i\b|\bremind me\b/i;

export function asksAboutAsker(question: string): boolean {
  return ABOUT_ASKER.test(question);
}
