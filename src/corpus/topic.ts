import { z } from 'zod';

/** A topic command defined as data in the corpus's topics file (see corpus/topics.yaml). */
export interface Topic {
  name: string;
  description: string;
  /** Search phrases; a passage is on the topic when it matches at least `minMatch` of them. */
  terms: string[];
  minMatch: number;
}

export const topicListSchema = z.array(
  z.object({
    name: z.string().regex(/^[a-z0-9-]{1,32}$/, 'name must be 1-32 lower-case letters, digits or hyphens'),
    description: z.string().trim().min(1).max(100),
    terms: z.array(z.string().trim().min(1)).min(1),
    minMatch: z.number().int().min(1).default(1),
  }),
) satisfies z.ZodType<Topic[], unknown>;
