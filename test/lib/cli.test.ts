import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { exportDir } from './support/export-dir.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/review-reports.mjs', import.meta.url));
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const withWarnings = exportDir({
  'README.md': fixture('dumps/not-a-dump/input.txt'),
  'change.txt': fixture('dumps/crop-build/input.txt'),
  'dates.txt': fixture('dumps/bad-date/input.txt'),
});

describe('review-reports parse', () => {
  it('prints the model as JSON on stdout, in the documented shape, and only progress on stderr', async () => {
    const { code, stdout, stderr } = await run('parse', seeds);
    expect(code).toBe(0);
    expect(stderr).toBe('read 3/3 files\n');
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['changes', 'signatures', 'warnings']));
    expect(json.warnings).toEqual([]);
    expect(
      json.changes.map((c: { id: string; subject: string; patchSets: number[]; messages: number }) => [
        c.id,
        c.subject,
        c.patchSets,
        c.messages,
      ]),
    ).toEqual([
      ['I14f6e1718976b9f792fe28ab8aa309e4a61fdf32', 'MB-26887: Remove the use of sendmsg [4/7]', [25], 9],
      ['I6418b9a8557b4ac978218706243e97523f95355d', 'Refactor: Remove the use of sendmsg', [4, 12], 5],
    ]);
    const build = json.changes[1].builds[2];
    expect([build.patchSet, build.result, build.jobs[1]]).toEqual([
      12,
      'failed',
      // The URL is the run's, in `runs`.
      { name: 'kv_engine-windows-master', build: 3891, result: 'FAILURE', voting: true },
    ]);
    expect(
      json.changes[1].runs.find(
        (run: { name: string; build: number }) => run.name === 'kv_engine-windows-master' && run.build === 3891,
      ).url,
    ).toBe('http://cv.jenkins.couchbase.com/job/kv_engine-windows-master/3891/');
    expect(build.failures[1]).toEqual(
      expect.objectContaining({
        kind: 'compile',
        signature: 'compile:kv_engine/engines/ep/src/ep_engine.cc:1752',
        job: 'kv_engine-windows-master',
        file: 'kv_engine/engines/ep/src/ep_engine.cc',
        line: 1752,
      }),
    );
    const tsan = json.changes[0].builds[0].failures[3];
    expect([tsan.kind, tsan.tool, tsan.issue, tsan.file, tsan.line]).toEqual([
      'sanitizer',
      'ThreadSanitizer',
      'heap-use-after-free',
      'kv_engine/daemon/cookie.h',
      156,
    ]);
    expect(json.changes[0].builds[0].failures[0].test).toBe('ep_testsuite.value_eviction');
    const timeout = json.signatures.find(
      (s: { signature: string }) => s.signature === 'ctest-timeout:memcached-legacy-plain-tests',
    );
    expect([timeout.kind, timeout.occurrences.length, timeout.changes, timeout.flaky]).toEqual([
      'ctest-timeout',
      1,
      1,
      true,
    ]);
    const kinds = new Set(json.signatures.map((s: { kind: string }) => s.kind));
    expect([...kinds].sort()).toEqual(['compile', 'ctest', 'ctest-timeout', 'gtest', 'sanitizer']);
  });

  it('says nothing on stderr with --quiet', async () => {
    const { code, stderr } = await run('parse', seeds, '--quiet');
    expect([code, stderr]).toEqual([0, '']);
  });

  it('exits 0 with warnings, printing each as file:line on stderr and in the JSON', async () => {
    const { code, stdout, stderr } = await run('parse', withWarnings);
    expect(code).toBe(0);
    expect(stderr.split('\n')).toEqual([
      'read 3/3 files',
      'README.md:1: warning: expected a DESCRIPTION line, found "# kv_engine review export"; the file is not a review dump and was skipped [not-a-dump]',
      'dates.txt:17: warning: the date "2018-02-30 25:61:00.000000000" does not parse; the message is kept without a date [bad-date]',
      'dates.txt:22: warning: the date "last Tuesday" does not parse; the message is kept without a date [bad-date]',
      '',
    ]);
    const json = JSON.parse(stdout);
    expect(
      json.warnings.map((w: { file: string; line?: number; message: string }) => [w.file, w.line, typeof w.message]),
    ).toEqual([
      ['README.md', 1, 'string'],
      ['dates.txt', 17, 'string'],
      ['dates.txt', 22, 'string'],
    ]);
    expect(json.changes).toHaveLength(2);
  });

  it('exits 1 with --strict when there is any warning, and 0 when there is none', async () => {
    expect((await run('parse', withWarnings, '--strict')).code).toBe(1);
    expect((await run('parse', seeds, '--strict')).code).toBe(0);
  });

  it('exits 2 when the directory cannot be read, with nothing on stdout', async () => {
    const { code, stdout, stderr } = await run('parse', `${seeds}/missing`);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^review-reports: cannot read the export directory .*missing: ENOENT/);
  });

  it('exits 2 without a directory or with an unknown option', async () => {
    expect((await run('parse')).code).toBe(2);
    expect((await run('parse', seeds, '--no-such-option')).code).toBe(2);
  });
});

describe('review-reports check', () => {
  it('exits 0 and prints a summary for a clean export', async () => {
    const { code, stdout, stderr } = await run('check', seeds);
    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toBe('read 3/3 files\n3 files, 2 changes, 18 failures, 12 signatures, 0 warnings\n');
  });

  it('exits 1 when there is any warning, and 2 for an unreadable directory', async () => {
    expect((await run('check', withWarnings)).code).toBe(1);
    expect((await run('check', `${seeds}/missing`)).code).toBe(2);
  });

  it('reads Gerrit JSON exports: clean pages pass, an error line or a cut-off file fails under --strict', async () => {
    const gerrit = (name: string) => fileURLToPath(new URL(`../fixtures/gerrit/${name}/export`, import.meta.url));
    const paged = await run('check', gerrit('query-paged'));
    expect([paged.code, paged.stderr]).toEqual([
      0,
      'read 2/2 files\n2 files, 3 changes, 2 failures, 2 signatures, 0 warnings\n',
    ]);
    const broken = await run('parse', gerrit('error-line'), '--strict', '--quiet');
    expect([broken.code, broken.stderr.split('\n').filter((line) => line.includes('warning'))]).toEqual([
      1,
      [
        'export.json:2: warning: not JSON (Unexpected token \'T\', "This is not JSON" is not valid JSON); the line was skipped [bad-json]',
        'export.json:3: warning: a JSON line that is neither a change (it has no "id") nor a stats or error line; skipped [bad-json]',
        'export.json:4: warning: Gerrit reported an error: Invalid query: unknown operator "flavour" [gerrit-error]',
      ],
    ]);
    expect((await run('check', gerrit('truncated'))).code).toBe(1);
  });
});

describe('bin/review-reports.mjs', () => {
  it('runs as a program: JSON on stdout, progress on stderr, exit 0', () => {
    const result = spawnSync(process.execPath, [bin, 'parse', seeds], { encoding: 'utf8', timeout: 20_000 });
    expect([result.status, result.stderr]).toEqual([0, 'read 3/3 files\n']);
    expect(JSON.parse(result.stdout).changes).toHaveLength(2);
  });
});
