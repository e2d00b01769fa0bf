import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/generate-export.ts';
import { runCli } from './support/build-site.ts';
import { fileTree, treeDifferences } from './support/site-differences.ts';

function writeExport(dir: string, changes: number, seed: number): void {
  for (const file of generateExport({ changes, seed })) {
    mkdirSync(join(dir, file.path, '..'), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
}

describe('incremental and reproducible builds', () => {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-incremental-'));
  const exportDir = join(work, 'export');
  // Search index parts of 4 and 2 changes, so that a rebuild has parts to keep and parts to index again; the site's
  // own index is written whole in every build (`searchSuperseded: 0`), as a clean build writes it.
  const config = join(work, 'review-reports.config.json');
  // Run from `work` with the cache dir relative to it, as a CI job names it (`--cache-dir .cache`): Astro runs in a
  // folder of its own, and a cache dir resolved against that one was never found again.
  const build = (out: string, cache: string, ...more: string[]) =>
    runCli(
      ['build', exportDir, '--out', join(work, out), '--config', config, '--cache-dir', cache, '--quiet', ...more],
      work,
    );

  let twoCleanBuilds: string[] = [];
  let unchangedRebuild = {
    pages: 0,
    renderedPages: 0,
    changeFilesReused: 0,
    changes: 0,
    signatures: 0,
    searchPages: 0,
    searchPagesReused: 0,
  };

  beforeAll(async () => {
    writeFileSync(config, JSON.stringify({ searchParts: { large: 4, small: 2 }, searchSuperseded: 0 }));
    writeExport(exportDir, 12, 3);
    expect((await build('first', 'cache')).code).toBe(0);
    expect((await build('again', 'cache-again')).code).toBe(0);
    twoCleanBuilds = treeDifferences(fileTree(join(work, 'first')), fileTree(join(work, 'again')));
    // Nothing changed: the same build again, from its cache, must restore its pages rather than render them. The
    // first rebuild compares with the first build (what is new since it), which may change a page's badges; the
    // second has nothing new to say.
    expect((await build('first', 'cache')).code).toBe(0);
    expect((await build('first', 'cache', '--json-summary', join(work, 'unchanged.json'))).code).toBe(0);
    unchangedRebuild = JSON.parse(readFileSync(join(work, 'unchanged.json'), 'utf8'));
    // The kept cache makes the rebuild compare with the first build (what is new since it); the clean build is
    // told the same with --previous, so both must say the same.
    mkdirSync(join(work, 'previous', 'api'), { recursive: true });
    cpSync(join(work, 'first', 'api', 'failures.json'), join(work, 'previous', 'api', 'failures.json'));

    // The export moves on: a change is added, a change is removed (all its dumps), a dump is rewritten.
    writeExport(join(work, 'more'), 1, 99);
    cpSync(join(work, 'more'), join(exportDir, 'added'), { recursive: true });
    const files = [...fileTree(exportDir).keys()].filter((file) => !file.startsWith('added/')).sort();
    const removedChange = dirname(join(exportDir, files[0] as string));
    rmSync(removedChange, { recursive: true });
    const changed = join(exportDir, files.find((file) => !join(exportDir, file).startsWith(removedChange)) as string);
    writeFileSync(
      changed,
      readFileSync(changed, 'utf8').replace(/^Uploaded patch set (\d+)/m, 'Uploaded patch set $1 again'),
    );

    expect((await build('first', 'cache')).code).toBe(0);
    expect((await build('clean', 'cache-clean', '--previous', join(work, 'previous'))).code).toBe(0);
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives byte-identical output for two clean builds of one export', () => {
    expect(fileTree(join(work, 'again')).size).toBeGreaterThan(40);
    expect(twoCleanBuilds).toEqual([]);
  });

  it('restores its keyed pages when rebuilt from its cache with nothing changed', () => {
    expect(unchangedRebuild.pages).toBeGreaterThan(40);
    // Every change and signature page is placed from the page cache; the pages without a key (the dashboard,
    // the lists, the failure index views) are always rendered.
    expect(unchangedRebuild.changes).toBe(12);
    expect(unchangedRebuild.renderedPages).toBe(
      unchangedRebuild.pages - unchangedRebuild.changes - unchangedRebuild.signatures,
    );
    expect(unchangedRebuild.changeFilesReused).toBe(12);
    // Every part of the search index is kept: Pagefind reads nothing.
    expect(unchangedRebuild.searchPages).toBe(unchangedRebuild.changes + unchangedRebuild.signatures);
    expect(unchangedRebuild.searchPagesReused).toBe(unchangedRebuild.searchPages);
  });

  it('rebuilds from its cache exactly what a clean build of the new export gives', () => {
    // Search index parts kept from the cache included: each is the index a clean build writes.
    expect(readFileSync(join(work, 'clean', 'pagefind', 'parts.json'), 'utf8')).toBe(
      '{"version":2,"parts":["part/c0/","part/c4/","part/c8/"],"superseded":{}}\n',
    );
    expect(treeDifferences(fileTree(join(work, 'first')), fileTree(join(work, 'clean')))).toEqual([]);
  });
});
