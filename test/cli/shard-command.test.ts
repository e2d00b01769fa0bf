import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { shardCommand } from '../../src/cli/shard-command.ts';
import { parseExport } from '../../src/lib/parse-export.ts';

const seeds = join(import.meta.dirname, '../fixtures/seeds');
let out = '';

function run(by: 'project' | 'month') {
  out = join(mkdtempSync(join(tmpdir(), 'shards-')), 'out');
  let stdout = '';
  let stderr = '';
  const code = shardCommand(
    seeds,
    { by, out },
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  );
  return { code, stdout, stderr };
}

afterEach(() => rmSync(join(out, '..'), { recursive: true, force: true }));

it('splits an export by month of first activity, keeping every dump of a change together', () => {
  expect(run('month')).toEqual({ code: 0, stdout: '2017-11\t1 changes\n2018-05\t1 changes\n', stderr: '' });
  expect(readdirSync(join(out, '2017-11')).sort()).toEqual(['001_b71f2421c40570d5.txt', '002_d8a3bd381ac34934.txt']);
  expect(readdirSync(join(out, '2018-05'))).toEqual(['000_202c1d9e46778b0e.txt']);
});

it('splits an export by project', () => {
  expect(run('project')).toEqual({ code: 0, stdout: 'kv_engine\t2 changes\n', stderr: '' });
  expect(readdirSync(join(out, 'kv_engine')).sort()).toEqual([
    '000_202c1d9e46778b0e.txt',
    '001_b71f2421c40570d5.txt',
    '002_d8a3bd381ac34934.txt',
  ]);
});

it('refuses to shard into a folder that is not empty', () => {
  run('project');
  let stderr = '';
  const code = shardCommand(seeds, { by: 'project', out }, { stdout: () => {}, stderr: (text) => (stderr += text) });
  expect(code).toBe(2);
  expect(stderr).toBe(`review-reports: ${out} is not empty; shard into a new folder\n`);
});

it('splits Gerrit JSON files by change: each shard holds only its changes, and reads back without warnings', () => {
  const source = join(import.meta.dirname, '../fixtures/gerrit/query-paged/export');
  const rest = join(import.meta.dirname, '../fixtures/gerrit/rest-paged/export');
  const combined = join(mkdtempSync(join(tmpdir(), 'shards-src-')), 'export');
  cpSync(source, join(combined, 'query'), { recursive: true });
  cpSync(rest, join(combined, 'rest'), { recursive: true });
  out = join(mkdtempSync(join(tmpdir(), 'shards-')), 'out');
  let stdout = '';
  expect(shardCommand(combined, { by: 'project', out }, { stdout: (text) => (stdout += text), stderr: () => {} })).toBe(
    0,
  );
  expect(stdout).toBe('platform-core\t4 changes\nplatform-tools\t2 changes\n');
  const numbers = (shard: string) => {
    const model = parseExport(join(out, shard));
    return { warnings: model.warnings, numbers: model.changes.map((change) => change.gerrit?.number).sort() };
  };
  expect(numbers('platform-core')).toEqual({ warnings: [], numbers: [1234, 1240, 1290, 1300] });
  expect(numbers('platform-tools')).toEqual({ warnings: [], numbers: [1190, 1280] });
  rmSync(join(combined, '..'), { recursive: true, force: true });
});

it('keeps a missing last page visible in every shard of an export that lacks it', () => {
  const source = join(import.meta.dirname, '../fixtures/gerrit/missing-last-page/export');
  out = join(mkdtempSync(join(tmpdir(), 'shards-')), 'out');
  expect(shardCommand(source, { by: 'project', out }, { stdout: () => {}, stderr: () => {} })).toBe(0);
  expect(parseExport(join(out, 'platform-tools')).warnings.map((warning) => [warning.code, warning.file])).toEqual([
    ['incomplete-query', 'page-1.json'],
  ]);
});
