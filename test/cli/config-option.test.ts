import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const seeds = join(import.meta.dirname, '../fixtures/seeds');
const projectRoot = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'review-reports-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes `config.json` in a folder of its own and returns its path, so messages name it as a user would see it. */
function configFile(text: string): string {
  const dir = mkdtempSync(join(work, 'case-'));
  writeFileSync(join(dir, 'config.json'), text);
  return join(dir, 'config.json');
}

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const rule = {
  id: 'python-test',
  kind: 'other',
  pattern: '^Failure of a Python test (?<test>\\S+)',
  signature: 'py:{test}',
};

const botFormat = {
  id: 'buildbot',
  verdicts: [{ pattern: '^Buildbot finished: failure', verdict: 'failed' }],
  jobLine: '^\\* (?<name>\\S+) (?<url>https?://\\S+) (?<result>[a-z]+)$',
};

describe('a config file that cannot be used stops every command with exit 2 and says where', () => {
  const cases: Array<[string, string | null, (path: string) => string]> = [
    ['an unreadable file', null, (path) => `${path}: cannot be read: no such file`],
    ['bad JSON', '{"title": ', (path) => `${path}: is not JSON: Unexpected end of JSON input`],
    ['an unknown field', '{"titel": "x"}', (path) => `${path}: "titel": is not a config field`],
    [
      'an unknown field in a rule',
      JSON.stringify({ rules: [{ ...rule, flag: 's' }] }),
      (path) => `${path}: rules[0] "flag": is not a config field`,
    ],
    ['a field of the wrong type', JSON.stringify({ title: 3 }), (path) => `${path}: "title": must be a string`],
    [
      'a kind that does not exist',
      JSON.stringify({ rules: [{ ...rule, kind: 'python' }] }),
      (path) =>
        `${path}: rules[0] "kind": must be one of "ctest", "ctest-timeout", "gtest", "compile", "sanitizer", "other", "unclassified"`,
    ],
    [
      'a regex that does not compile',
      JSON.stringify({ rules: [rule, { ...rule, id: 'broken', pattern: '^(?<test>x' }] }),
      (path) =>
        `${path}: rules[1] "pattern": does not compile: Invalid regular expression: /^(?<test>x/s: Unterminated group`,
    ],
    [
      'a template naming a group the pattern lacks',
      JSON.stringify({ rules: [{ ...rule, signature: 'py:{tset}' }] }),
      (path) =>
        `${path}: rules[0] "signature": names {tset}, but the pattern has no group (?<tset>…); it can name {test}, {masked}`,
    ],
    [
      'a duplicate rule id',
      JSON.stringify({ rules: [rule, { ...rule, pattern: '^x (?<test>.+)' }, { ...rule, pattern: '^y (?<test>.+)' }] }),
      (path) =>
        `${path}: rules[1] "id": "python-test" is already the id of rules[0]\n` +
        `review-reports: ${path}: rules[2] "id": "python-test" is already the id of rules[0]`,
    ],
    [
      'the id of a built-in rule',
      JSON.stringify({ rules: [{ ...rule, id: 'gtest' }] }),
      (path) => `${path}: rules[0] "id": "gtest" is the id of a built-in rule`,
    ],
    [
      'a jobName that does not compile',
      JSON.stringify({ jobName: '^(?<project>[a-z]+' }),
      (path) =>
        `${path}: "jobName": does not compile: Invalid regular expression: /^(?<project>[a-z]+/: Unterminated group`,
    ],
    [
      'a ticketPattern that does not compile',
      JSON.stringify({ ticketPattern: '[A-Z+-\\d+' }),
      (path) =>
        `${path}: "ticketPattern": does not compile: Invalid regular expression: /[A-Z+-\\d+/g: Unterminated character class`,
    ],
    [
      'a bot family whose patterns do not compile or lack the groups the reader takes',
      JSON.stringify({ botFormats: [{ ...botFormat, jobLine: '^(?<url>\\S+)$', noCause: ['('] }] }),
      (path) =>
        `${path}: botFormats[0] "jobLine": has no group (?<result>…); the reader needs it\n` +
        `review-reports: ${path}: botFormats[0].noCause[0]: does not compile: Invalid regular expression: /(/: Unterminated group`,
    ],
    [
      'a verdict that does not exist',
      JSON.stringify({ botFormats: [{ ...botFormat, verdicts: [{ pattern: '^Done', verdict: 'passed' }] }] }),
      (path) =>
        `${path}: botFormats[0].verdicts[0] "verdict": must be one of "successful", "failed", "unstable", "aborted", "no-builds", "merge-failed"`,
    ],
    [
      'the id of a built-in bot family, and a duplicate one',
      JSON.stringify({ botFormats: [{ ...botFormat, id: 'zuul' }, botFormat, botFormat] }),
      (path) =>
        `${path}: botFormats[0] "id": "zuul" is the id of a built-in bot format\n` +
        `review-reports: ${path}: botFormats[2] "id": "buildbot" is already the id of botFormats[1]`,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(`${what}`, async () => {
      const path = text === null ? join(work, 'missing.json') : configFile(text);
      const expected = { code: 2, stdout: '', stderr: `review-reports: ${message(path)}\n` };
      expect(await run(['check', seeds, '--config', path])).toEqual(expected);
      expect(await run(['parse', seeds, '--config', path])).toEqual(expected);
      const shards = join(work, `shards-${readdirSync(work).length}`);
      expect(await run(['shard', seeds, '--by', 'project', '--out', shards, '--config', path])).toEqual(expected);
      const out = join(work, `site-${readdirSync(work).length}`);
      expect(await run(['build', seeds, '--out', out, '--config', path])).toEqual(expected);
      expect(readdirSync(work)).not.toContain(out);
    });
  }

  it('is reported without a stack trace by the real CLI', async () => {
    const path = configFile(JSON.stringify({ rules: [{ ...rule, pattern: '(' }] }));
    const failed = await promisify(execFile)(
      process.execPath,
      ['bin/review-reports.mjs', 'check', seeds, '--config', path],
      {
        cwd: projectRoot,
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({
      code: 2,
      stderr: `review-reports: ${path}: rules[0] "pattern": does not compile: Invalid regular expression: /(/s: Unterminated group\n`,
    });
  });
});

describe('--config is applied the same way by parse, check and shard', () => {
  // The seeds' ThreadSanitizer causes, keyed by this rule instead of the built-in one.
  const config = configFile(
    JSON.stringify({
      rules: [{ id: 'tsan', kind: 'sanitizer', pattern: '^ThreadSanitizer issue:', signature: 'tsan-anything' }],
    }),
  );

  it('parse and check classify with the config rules first', async () => {
    const parsed = await run(['parse', seeds, '--config', config, '--quiet']);
    expect(parsed.code).toBe(0);
    const signatures = JSON.parse(parsed.stdout).signatures.map((entry: { signature: string }) => entry.signature);
    expect(signatures).toContain('tsan-anything');
    expect(signatures.filter((signature: string) => signature.startsWith('sanitizer:ThreadSanitizer'))).toEqual([]);
    const plain = JSON.parse((await run(['parse', seeds, '--quiet'])).stdout);
    expect(plain.signatures.map((entry: { signature: string }) => entry.signature)).not.toContain('tsan-anything');

    // One rule that takes every cause: one signature (and fewer occurrences: a run counts a signature once).
    const everything = configFile(
      JSON.stringify({ rules: [{ id: 'all', kind: 'other', pattern: '^', signature: 'all' }] }),
    );
    expect(await run(['check', seeds, '--config', everything, '--quiet'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '3 files, 2 changes, 14 failures, 1 signatures, 0 warnings\n',
    });
    expect((await run(['check', seeds, '--quiet'])).stderr).toBe(
      '3 files, 2 changes, 18 failures, 12 signatures, 0 warnings\n',
    );
  });

  it('parse splits job names by the config jobName; one without named groups splits none', async () => {
    const runParts = async (argv: string[]): Promise<string[]> => {
      const parsed = await run(['parse', seeds, '--quiet', ...argv]);
      expect(parsed).toMatchObject({ code: 0, stderr: '' });
      const changes: Array<{ runs: Array<Record<string, string>> }> = JSON.parse(parsed.stdout).changes;
      const runs = changes.flatMap((change) => change.runs);
      return [
        ...new Set(runs.map((entry) => [entry.name, entry.project, entry.platform, entry.branch].join(' '))),
      ].sort();
    };
    const plain = await runParts([]);
    expect(plain).toContain('kv_engine-addresssanitizer-master kv_engine addresssanitizer master');
    const ungrouped = await runParts(['--config', configFile(JSON.stringify({ jobName: '^[a-z_]+-' }))]);
    expect(ungrouped).toEqual(plain.map((line) => `${line.split(' ')[0]}   `));
    const platformFirst = await runParts([
      '--config',
      configFile(JSON.stringify({ jobName: '^(?<project>[a-z_]+)-(?<platform>[a-z]+)-(?<branch>[a-z]+)$' })),
    ]);
    expect(platformFirst).toContain('kv_engine-addresssanitizer-master kv_engine addresssanitizer master');
  });

  it('shard accepts it', async () => {
    const out = join(work, 'shards-ok');
    expect(await run(['shard', seeds, '--by', 'project', '--out', out, '--config', config])).toEqual({
      code: 0,
      stdout: 'kv_engine\t2 changes\n',
      stderr: '',
    });
  });
});
