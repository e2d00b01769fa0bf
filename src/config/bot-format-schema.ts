import { z } from 'zod';
import { verdicts } from '../lib/types.ts';
import { regexSource } from './regex-source.ts';

/**
 * An extra bot family (fields as in `src/lib/bot-formats.ts`), tried before the built-in ones. Every pattern is
 * compiled here, and those the reader takes a group from must have it, so a bad family stops the build at the
 * config instead of quietly reading no runs.
 */
export const botFormatSchema = z.strictObject({
  /** Unique id, shown with the runs it read. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, starting with a letter or digit'),
  /** What writes these messages. Default: empty. */
  description: z.string().default(''),
  /**
   * Lead lines of the family's result messages and the verdict each means; `standsAlone` for a verdict the bot
   * writes with no job line under it (otherwise words after the verdict with nothing under them are a comment).
   */
  verdicts: z
    .array(
      z.strictObject({ pattern: regexSource(), verdict: z.enum(verdicts), standsAlone: z.boolean().default(false) }),
    )
    .min(1, 'must list at least one verdict'),
  /** The line that leads a "build started" message. */
  started: regexSource().optional(),
  /** A job line: one run. */
  jobLine: regexSource('', ['url', 'result']),
  /** The line that closes a run's note block. */
  blockEnd: regexSource().optional(),
  /** The last line of a cause attributed to a run. */
  causeEnd: regexSource('', ['url']).optional(),
  /** Cause texts that say no cause was found. Default: none. */
  noCause: z.array(regexSource()).default([]),
  /** A line under a job line that is the run's log link. */
  logLine: regexSource('', ['url']).optional(),
  /** Whether text under a job line is about that run. Default: `true`. */
  textUnderJob: z.boolean().default(true),
  /** Results that mean the run passed. Default: `["SUCCESS"]`. */
  passed: z.array(z.string()).default(['SUCCESS']),
  /** Results that mean the run failed. Default: `["FAILURE"]`. */
  failed: z.array(z.string()).default(['FAILURE']),
});
