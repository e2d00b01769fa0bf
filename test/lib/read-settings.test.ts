import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { userConfigSchema, userReadSettings } from '../../src/config/user-config.ts';
import { findTickets } from '../../src/lib/find-tickets.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import { defaultReadSettings } from '../../src/lib/read-settings.ts';

const analyzer = fileURLToPath(new URL('../fixtures/bots/gerrit-trigger-bfa/export', import.meta.url));

describe('ticket references', () => {
  it('are Jira-style keys by default, not the names of standards', () => {
    expect(
      findTickets(
        'MB-26887: fix UTF-8, SHA-1, X86-64, ISO-8601, ISO-8859-1, RFC-7231 and CVE-2024-3094; see LFIT-1234, MB-26887 and KV_ENG-7.',
      ),
    ).toEqual(['MB-26887', 'LFIT-1234', 'KV_ENG-7']);
  });

  it('follow the ticketPattern of the config, with its ticket group', () => {
    expect(findTickets('Fixes #123 and org/repo#9, see #45.', /(?<![\w/])#(?<ticket>\d{1,7})\b/g)).toEqual([
      '123',
      '45',
    ]);
  });
});

describe('userReadSettings', () => {
  it('gives the built-in settings for a config without jobName, ticketPattern or botFormats', () => {
    expect(userReadSettings(userConfigSchema.parse({}))).toBe(defaultReadSettings);
  });

  it('splits job names and finds tickets as the config says (the README examples)', () => {
    const settings = userReadSettings(
      userConfigSchema.parse({
        jobName:
          '^(?<project>.+?)-(?<platform>tox|maven|python|rtd|packer|gerrit-jjb)-(?:verify|merge|stage)-(?<branch>[^-]+)$',
        ticketPattern: '\\bLFIT-\\d+\\b',
      }),
    );
    const change = parseExport(analyzer, { settings }).changes[0];
    expect(change?.tickets).toEqual(['LFIT-1234']);
    expect(
      [...new Set(change?.runs.map((run) => [run.name, run.project, run.platform, run.branch].join(' ')))].sort(),
    ).toEqual([
      'lf-infra-docs-rtd-verify-any lf-infra-docs rtd any',
      'lf-infra-gerrit-jjb-verify   ',
      'lf-infra-lftools-tox-verify-any lf-infra-lftools tox any',
      'lf-infra-node-cleanup   ',
    ]);
  });

  it('refuses a pattern that does not compile', () => {
    expect(userConfigSchema.safeParse({ jobName: '(' }).success).toBe(false);
  });

  it('reads a bot family of the config before the built-in ones', () => {
    const settings = userReadSettings(
      userConfigSchema.parse({
        botFormats: [
          {
            id: 'buildbot',
            verdicts: [{ pattern: '^Buildbot finished: failure', verdict: 'failed' }],
            jobLine: '^\\* (?<name>\\S+) (?<url>https?://\\S+) (?<result>[a-z]+)$',
            failed: ['failure'],
            passed: ['success'],
          },
        ],
      }),
    );
    expect(settings.formats.map((format) => format.id)).toEqual(['buildbot', 'zuul', 'gerrit-trigger']);
  });
});
