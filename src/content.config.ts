import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { type ChangeEntry, failureKinds, outcomes, type SignatureSummary, TRENDS } from './lib/types.ts';
import { reportLoader } from './loaders/report-loader.ts';

const date = z.string().nullable();

// The shapes are the types in `lib/types.ts`; `satisfies` keeps each schema and its type the same.
const changes = defineCollection({
  loader: reportLoader('changes'),
  schema: z.object({
    slug: z.string(),
    subject: z.string(),
    owner: z.string(),
    project: z.string(),
    outcome: z.enum(outcomes),
    tickets: z.array(z.string()),
    patchSets: z.number().int(),
    messages: z.number().int(),
    runs: z.number().int(),
    failures: z.number().int(),
    firstActivity: date,
    lastActivity: date,
  }) satisfies z.ZodType<ChangeEntry>,
});

const signatures = defineCollection({
  loader: reportLoader('signatures'),
  schema: z.object({
    slug: z.string(),
    signature: z.string(),
    kind: z.enum(failureKinds),
    title: z.string(),
    occurrences: z.number().int(),
    changes: z.number().int(),
    platforms: z.array(z.string()),
    firstSeen: date,
    lastSeen: date,
    flaky: z.boolean(),
    impact: z.object({
      rebuilds: z.number().int(),
      rejectedPatchSets: z.number().int(),
      soleCauseRejections: z.number().int(),
      changes: z.number().int(),
      ciSeconds: z.number().nullable(),
      trend: z.enum(TRENDS),
    }),
  }) satisfies z.ZodType<SignatureSummary>,
});

export const collections = { changes, signatures };
