import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import type { FailureRule } from '../lib/failure-rules.ts';
import type { FailureKind } from '../lib/types.ts';

const kinds = ['ctest', 'ctest-timeout', 'gtest', 'compile', 'sanitizer', 'other'] as const satisfies FailureKind[];

/** An extra failure rule in the user config; tried before the built-in ones. */
const ruleSchema = z.object({
  /** Unique id, shown on failure pages. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: z.enum(kinds),
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
