import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinceExports } from '../lib/support/since-exports.ts';
import { runCli } from './support/build-site.ts';

function writeExport(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** The signatures of each group of a built `/new/` page. */
function newPage(out: string): Record<string, string[]> {
  const tree = fromHtml(readFileSync(join(out, 'new', 'index.html'), 'utf8'));
  const groups: Record<string, string[]> = {};
  for (const table of selectAll('table[data-since-group]', tree)) {
    groups[String(table.properties.dataSinceGroup)] = selectAll('tr[data-signature]', table).map((row) =>
      String(row.properties.dataSignature),
    );
  }
  return groups;
}

const expected = { new: ['ctest:e'], back: ['ctest:b'], 'newly-flaky': ['ctest:c'], gone: ['ctest:f', 'ctest:d'] };

describe('build --previous and a kept --cache-dir', () => {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-since-'));
  const exports = sinceExports();
  const previousExport = join(work, 'previous');
  const currentExport = join(work, 'current');
  const cache = join(work, 'cache');
  const build = (exportDir: string, out: string, ...more: string[]) =>
    runCli(['build', exportDir, '--out', join(work, out), '--quiet', ...more]);

  beforeAll(async () => {
    writeExport(previousExport, exports.previous);
    writeExport(currentExport, exports.current);
    // The CI way: the same cache directory, kept between runs, and nothing else.
    const first = await build(previousExport, 'site-1', '--cache-dir', cache);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const second = await build(currentExport, 'site-2', '--cache-dir', cache);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    // No cache: the previous build's output directory names what to compare with.
    const explicit = await build(currentExport, 'site-3', '--previous', join(work, 'site-1'));
    expect(explicit.stderr).toBe('');
    expect(explicit.code).toBe(0);
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('with no previous build, calls new only what the export first saw in its last week', () => {
    // The previous export's last week is 2018-02-20 to 2018-02-27.
    expect(newPage(join(work, 'site-1'))).toEqual({ new: ['ctest:f', 'ctest:c', 'ctest:a'] });
  });

  it('compares the second build with the summary the cache kept of the first', () => {
    expect(existsSync(join(cache, 'review-reports', 'last-build.json'))).toBe(true);
    expect(newPage(join(work, 'site-2'))).toEqual(expected);
  });

  it('compares with the /api/failures.json of the directory --previous names, the same way', () => {
    expect(newPage(join(work, 'site-3'))).toEqual(expected);
  });

  it('puts the new and the back signature in the feed with the occurrence that made them so', () => {
    const feed = readFileSync(join(work, 'site-2', 'feed.xml'), 'utf8');
    const titles = [...feed.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title[^>]*>([^<]*)<\/title>/g)].map(
      (match) => match[1],
    );
    expect(titles.slice(0, 2)).toEqual(['New failure signature: e', 'Failing again: b']);
    expect(feed).toContain('first in job kv_engine-linux-master build #11 of');
  });

  it('badges the signatures on the failure index and their pages', () => {
    const index = readFileSync(join(work, 'site-2', 'failures', 'index.html'), 'utf8');
    const badges = [...index.matchAll(/data-since="([a-z-]+)"/g)].map((match) => match[1]).sort();
    expect(badges).toEqual(['back', 'gone', 'new', 'newly-flaky']);
  });

  it('refuses a --previous directory that holds no build, naming the file; exit 2', async () => {
    const missing = await build(currentExport, 'site-4', '--previous', join(work, 'nothing'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `review-reports: cannot read the previous build's failure index ${join(work, 'nothing', 'api', 'failures.json')}: ENOENT`,
    );
    expect(existsSync(join(work, 'site-4'))).toBe(false);
  });
});
