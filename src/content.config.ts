import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { failureKinds } from './lib/types.ts';
import { reportLoader } from './loaders/report-loader.ts';

const date = z.string().nullable();
const kind = z.enum(failureKinds);

const changes = defineCollection({
  loader: reportLoader('changes'),
  schema: z.object({
    slug: z.string(),
    subject: z.string(),
    owner: z.string(),
    project: z.string(),
    outcome: z.enum(['merged', 'abandoned', 'open']),
    tickets: z.array(z.string()),
    patchSets: z.number().int(),
    messages: z.number().int(),
    runs: z.number().int(),
    failures: z.number().int(),
    firstActivity: date,
    lastActivity: date,
  }),
});

const signatures = defineCollection({
  loader: reportLoader('signatures'),
  schema: z.object({
    signature: z.string(),
    kind,
    title: z.string(),
    occurrences: z.number().int(),
    changes: z.number().int(),
    platforms: z.array(z.string()),
    firstSeen: date,
    lastSeen: date,
    flaky: z.boolean(),
  }),
});

export const collections = { changes, signatures };
