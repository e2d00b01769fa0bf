import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'astro/zod';
import { KNOWN_ISSUE_STATUSES, type KnownIssue } from '../lib/types.ts';

/** Version of the `known-issues.json` format this release reads. */
export const KNOWN_ISSUES_VERSION = 1;

const isoDate = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

const issueSchema = z
  .object({
    signature: z.string().min(1).optional(),
    pattern: z.string().min(1).refine(isRegExp, 'must be a JavaScript regular expression').optional(),
    ticket: z.string().trim().min(1).max(100),
    status: z.enum(KNOWN_ISSUE_STATUSES),
    note: z.string().max(2000).default(''),
    fixedOn: z
      .string()
      .regex(isoDate, 'must be a date (YYYY-MM-DD) or an ISO 8601 date and time')
      .refine(isRealDate, 'is no real date')
      .optional(),
  })
  .strict()
  .superRefine((issue, context) => {
    if ((issue.signature === undefined) === (issue.pattern === undefined)) {
      context.addIssue({ code: 'custom', message: 'give exactly one of "signature" and "pattern"' });
    }
    if (issue.status === 'fixed' && issue.fixedOn === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['fixedOn'],
        message: 'a fixed issue needs "fixedOn", the day the fix landed, so failures after it show as regressed',
      });
    }
    if (issue.status !== 'fixed' && issue.fixedOn !== undefined) {
      context.addIssue({ code: 'custom', path: ['fixedOn'], message: 'only a fixed issue has "fixedOn"' });
    }
  });

const fileSchema = z
  .object({
    version: z.literal(KNOWN_ISSUES_VERSION),
    issues: z.array(issueSchema),
  })
  .strict();

/**
 * Reads and validates the `known-issues.json` the config names (`knownIssues`, relative to the config file);
 * none configured gives none. Throws an error naming the file and each bad entry (by position and ticket) and
 * field, which the CLI prints before exiting with 2.
 */
export function loadKnownIssues(
  config: { knownIssues?: string | undefined },
  configFile: string | undefined,
): KnownIssue[] {
  if (!config.knownIssues) return [];
  const path = resolve(configFile ? dirname(configFile) : process.cwd(), config.knownIssues);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the known-issues file ${path}: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const entries = Array.isArray((raw as { issues?: unknown })?.issues) ? (raw as { issues: unknown[] }).issues : [];
    const lines = parsed.error.issues.map((issue) => `  ${describePath(issue.path, entries)}: ${issue.message}`);
    throw new Error(`invalid known-issues file ${path}:\n${lines.join('\n')}`);
  }
  return parsed.data.issues.map((issue) => {
    const known: KnownIssue = { ticket: issue.ticket, status: issue.status, note: issue.note };
    if (issue.signature !== undefined) known.signature = issue.signature;
    if (issue.pattern !== undefined) known.pattern = issue.pattern;
    if (issue.fixedOn !== undefined) known.fixedOn = issue.fixedOn;
    return known;
  });
}

/** `issues[2] (MB-123).status`: the entry by position, with its ticket when it has one, so it can be found. */
function describePath(path: readonly PropertyKey[], entries: readonly unknown[]): string {
  if (path[0] !== 'issues' || typeof path[1] !== 'number') return path.map(String).join('.') || '(root)';
  const ticket = (entries[path[1]] as { ticket?: unknown } | undefined)?.ticket;
  const named = typeof ticket === 'string' && ticket.trim() ? ` (${JSON.stringify(ticket.trim())})` : '';
  const rest = path.slice(2).map(String).join('.');
  return `issues[${path[1]}]${named}${rest ? `.${rest}` : ''}`;
}

/** `Date.parse` rolls 2018-02-30 over into March; a real date reads back as itself. */
function isRealDate(value: string): boolean {
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) return false;
  return value.length > 10 || new Date(time).toISOString().slice(0, 10) === value;
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
