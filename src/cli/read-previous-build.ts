import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import type { PreviousBuild } from '../lib/types.ts';

const date = z.string().nullable();

// The fields a comparison needs, in `/api/failures.json` and in the cache's summary alike; anything else is ignored.
const previousSchema = z.object({
  generatedAt: date,
  rulesVersion: z.number().int().optional(),
  signatures: z.array(
    z.object({
      signature: z.string(),
      title: z.string(),
      kind: z.string(),
      firstSeen: date,
      lastSeen: date,
      flaky: z.boolean(),
    }),
  ),
});

/** A previous build's failure index, and the rule-table version its signatures were formed with, when it says. */
export interface PreviousBuildFile {
  build: PreviousBuild;
  rulesVersion: number | undefined;
}

/** Reads a previous build's `/api/failures.json` or the cache's summary; throws a readable error on a bad file. */
export function readPreviousBuild(file: string): PreviousBuildFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the previous build's failure index ${file}: ${(error as Error).message}`);
  }
  const parsed = previousSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file} is not a review-reports failure index: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  const { generatedAt, signatures, rulesVersion } = parsed.data;
  return { build: { generatedAt, signatures }, rulesVersion };
}
