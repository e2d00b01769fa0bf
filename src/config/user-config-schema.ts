import { z } from 'zod';
import { botFormats } from '../lib/bot-formats.ts';
import { failureRules } from '../lib/failure-rules.ts';
import { failureKinds } from '../lib/types.ts';
import { botFormatSchema } from './bot-format-schema.ts';
import { groupNames, regexSource } from './regex-source.ts';
import { uniqueIds } from './unique-ids.ts';

/** Fields a signature template may name besides the pattern's own groups (see `classify-failure.ts`). */
const alwaysFilled = ['masked'];

/**
 * An extra failure rule, tried before the built-in ones. One field per entry; a new field needs only its line
 * here and its row in the README's configuration table.
 */
const ruleSchema = z
  .strictObject({
    /** Unique id, shown on failure pages. */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, starting with a letter or digit'),
    /** The kind of failure the rule recognizes. */
    kind: z.enum(failureKinds),
    /** A JavaScript regular expression source, matched against the cause text. */
    pattern: z.string().min(1, 'must not be empty'),
    /** Regular expression flags; `s` lets `.` match line ends. Default: `s`. */
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'may hold only the flags i, m, s and u')
      .default('s'),
    /** Signature template, e.g. `ctest:{test}`. */
    signature: z.string().min(1, 'must not be empty'),
    /** What the rule recognizes, shown on failure pages. Default: empty. */
    description: z.string().default(''),
    /** A cause the rule matches. Default: empty. */
    example: z.string().default(''),
  })
  .superRefine((rule, context) => {
    let pattern: RegExp;
    try {
      pattern = new RegExp(rule.pattern, rule.flags);
    } catch (error) {
      context.addIssue({ code: 'custom', path: ['pattern'], message: `does not compile: ${(error as Error).message}` });
      return;
    }
    const groups = groupNames(pattern);
    for (const [, name] of rule.signature.matchAll(/\{(\w+)\}/g)) {
      if (groups.includes(name as string) || alwaysFilled.includes(name as string)) continue;
      const known = [...groups, ...alwaysFilled].map((group) => `{${group}}`).join(', ');
      context.addIssue({
        code: 'custom',
        path: ['signature'],
        message: `names {${name}}, but the pattern has no group (?<${name}>…); it can name ${known}`,
      });
    }
    if (rule.example !== '' && !pattern.test(rule.example)) {
      context.addIssue({ code: 'custom', path: ['example'], message: 'is not matched by the pattern' });
    }
  });

/** `review-reports.config.json`: every field optional, defaults documented in the README. */
export const userConfigSchema = z.strictObject({
  /** Site title shown in the header and the feed. Default: `Review reports`. */
  title: z.string().min(1, 'must not be empty').max(120, 'must be at most 120 characters').default('Review reports'),
  /** URL of a ticket, `{ticket}` replaced by a reference such as `MB-26887`. Default: none (tickets are not links). */
  ticketUrl: z
    .string()
    .regex(/^https?:\/\/[^\s]*\{ticket\}/, 'must be an http(s) URL containing {ticket}')
    .optional(),
  /** Path of a `known-issues.json`, relative to the config file. Default: none. */
  knownIssues: z.string().min(1).optional(),
  /** Extra failure rules, tried before the built-in table. Default: none. */
  rules: z
    .array(ruleSchema)
    .default([])
    .superRefine(uniqueIds('rules', { ids: new Set(failureRules.map((rule) => rule.id)), what: 'rule' })),
  /**
   * How job names split into project, platform and branch: a regex whose named groups `project`, `platform`,
   * `branch` are the parts (a pattern without them is allowed: names are then not split). Default: the
   * Couchbase scheme `kv_engine-windows-master`.
   */
  jobName: regexSource().optional(),
  /** What a ticket reference looks like in commit messages. Default: Jira-style keys, not `UTF-8` or `SHA-1`. */
  ticketPattern: regexSource('g').optional(),
  /**
   * Changes per part of the search index (see `site/search-parts.ts`): a rebuild indexes again only the parts
   * whose pages changed, and each part costs a query one more index chunk. Default: 32,768 and 16,384: one index up to 16,383 changes.
   */
  searchParts: z
    .strictObject({ large: z.number().int().min(1), small: z.number().int().min(1) })
    .refine((sizes) => sizes.large >= sizes.small, { message: 'large must be at least small', path: ['large'] })
    .optional(),
  /**
   * How much of the site's own search index may differ from the one a rebuild keeps: the rebuild indexes only
   * the new and changed pages, beside the index it keeps, while new, changed and gone pages are at most this
   * share of it. 0: every rebuild writes the index a clean build writes. Default: 0.2.
   */
  searchSuperseded: z.number().min(0).max(0.5).optional(),
  /** Extra bot families, tried before the built-in table. Default: none. */
  botFormats: z
    .array(botFormatSchema)
    .default([])
    .superRefine(uniqueIds('botFormats', { ids: new Set(botFormats.map((format) => format.id)), what: 'bot format' })),
});

export type UserConfig = z.infer<typeof userConfigSchema>;
