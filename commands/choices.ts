import type { Choice } from './command.ts';

/** Discord's autocomplete limits: at most 25 choices, names and values of 1 to 100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** Clamps suggestions to Discord's limits: drops empty ones and duplicates, shortens long names. */
export function toChoices(choices: Iterable<Choice>): Choice[] {
  const out: Choice[] = [];
  const seen = new Set<string>();
  for (const { name, value } of choices) {
    const cleanName = name.replace(/\s+/g, ' ').trim();
    if (!cleanName || !value || value.length > MAX_CHOICE_LENGTH || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: cleanName.length > MAX_CHOICE_LENGTH ? `${cleanName.slice(0, MAX_CHOICE_LENGTH - 1)}…` : cleanName, value });
    if (out.length === MAX_CHOICES) break;
  }
  return out;
}

/** A value cut to Discord's limit at a word boundary. */
export function shortValue(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_CHOICE_LENGTH) return clean;
  const cut = clean.lastIndexOf(' ', MAX_CHOICE_LENGTH);
  return clean.slice(0, cut > 20 ? cut : MAX_CHOICE_LENGTH);
}
