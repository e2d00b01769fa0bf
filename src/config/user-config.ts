import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { type BotFormat, botFormats } from '../lib/bot-formats.ts';
import type { FailureRule } from '../lib/failure-rules.ts';
import { defaultTicketPattern } from '../lib/find-tickets.ts';
import { defaultReadSettings, type ReadSettings } from '../lib/read-settings.ts';
import { defaultJobName } from '../lib/split-job-name.ts';
import { failureKinds, verdicts } from '../lib/types.ts';

/** An extra failure rule in the user config; tried before the built-in ones. */
const ruleSchema = z.object({
  /** Unique id, shown on failure pages. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: z.enum(failureKinds),
  /** A JavaScript regular expression source, matched against the cause text. */
  pattern: z.string().min(1),
  /** Regular expression flags; `s` lets `.` match line ends. Default: `s`. */
  flags: z
    .string()
    .regex(/^[imsu]*$/)
    .default('s'),
  /** Signature template, e.g. `ctest:{test}`. */
  signature: z.string().min(1),
  description: z.string().default(''),
  example: z.string().default(''),
});

/** A JavaScript regular expression source; it must compile. */
const regexSource = z
  .string()
  .min(1)
  .refine((source) => compiles(source), 'must be a valid JavaScript regular expression');

/** An extra bot family in the user config (fields as in `bot-formats.ts`); tried before the built-in ones. */
const botFormatSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  description: z.string().default(''),
  verdicts: z.array(z.object({ pattern: regexSource, verdict: z.enum(verdicts) })).min(1),
  started: regexSource.optional(),
  jobLine: regexSource,
  blockEnd: regexSource.optional(),
  causeEnd: regexSource.optional(),
  noCause: z.array(regexSource).default([]),
  logLine: regexSource.optional(),
  textUnderJob: z.boolean().default(true),
  passed: z.array(z.string()).default(['SUCCESS']),
  failed: z.array(z.string()).default(['FAILURE']),
});

/** `review-reports.config.json`: every field optional. */
export const userConfigSchema = z
  .object({
    /** Site title shown in the header and the feed. Default: `Review reports`. */
    title: z.string().min(1).max(120).default('Review reports'),
    /** URL of a ticket, `{ticket}` replaced by a reference such as `MB-26887`. Default: none (tickets are not links). */
    ticketUrl: z
      .string()
      .regex(/^https?:\/\/[^\s]*\{ticket\}/, 'must be an http(s) URL containing {ticket}')
      .optional(),
    /** Path of a `known-issues.json`, relative to the config file. Default: none. */
    knownIssues: z.string().min(1).optional(),
    /** Extra failure rules, tried before the built-in table. Default: none. */
    rules: z.array(ruleSchema).default([]),
    /** How job names split into project, platform and branch: a regex with those named groups. Default: `kv_engine-windows-master`. */
    jobName: regexSource.optional(),
    /** What a ticket reference looks like in commit messages. Default: Jira-style keys, not `UTF-8` or `SHA-1`. */
    ticketPattern: regexSource.optional(),
    /** Extra bot families, tried before the built-in table. Default: none. */
    botFormats: z.array(botFormatSchema).default([]),
  })
  .strict();

export type UserConfig = z.infer<typeof userConfigSchema>;

/** Reads and validates a config file; a missing path gives the defaults. Throws a readable error on a bad file. */
export function loadUserConfig(path: string | undefined): UserConfig {
  if (!path) return userConfigSchema.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the config file ${path}: ${(error as Error).message}`);
  }
  const parsed = userConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`invalid config file ${path}:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

/** The user's extra rules as rule-table entries. */
export function userRules(config: UserConfig): FailureRule[] {
  return config.rules.map((rule) => ({
    id: rule.id,
    kind: rule.kind,
    pattern: new RegExp(rule.pattern, rule.flags),
    signature: rule.signature,
    description: rule.description,
    example: rule.example,
  }));
}

/** The user's bot families, `jobName` and `ticketPattern`, with the built-in ones where the config has none. */
export function userReadSettings(config: UserConfig): ReadSettings {
  if (config.jobName === undefined && config.ticketPattern === undefined && config.botFormats.length === 0) {
    return defaultReadSettings;
  }
  const formats: BotFormat[] = config.botFormats.map((format) => {
    const built: BotFormat = {
      id: format.id,
      description: format.description,
      verdicts: format.verdicts.map(({ pattern, verdict }) => ({ pattern: new RegExp(pattern), verdict })),
      jobLine: new RegExp(format.jobLine),
      noCause: format.noCause.map((pattern) => new RegExp(pattern)),
      textUnderJob: format.textUnderJob,
      passed: format.passed,
      failed: format.failed,
      example: '',
    };
    if (format.started !== undefined) built.started = new RegExp(format.started);
    if (format.blockEnd !== undefined) built.blockEnd = new RegExp(format.blockEnd);
    if (format.causeEnd !== undefined) built.causeEnd = new RegExp(format.causeEnd);
    if (format.logLine !== undefined) built.logLine = new RegExp(format.logLine);
    return built;
  });
  return {
    formats: [...formats, ...botFormats],
    jobName: config.jobName === undefined ? defaultJobName : new RegExp(config.jobName),
    ticketPattern: config.ticketPattern === undefined ? defaultTicketPattern : new RegExp(config.ticketPattern, 'g'),
  };
}

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
