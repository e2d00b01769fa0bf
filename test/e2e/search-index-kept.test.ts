import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/generate-export.ts';
import { cachedBuild } from './support/build-site.ts';
import { fileTree, treeDifferences } from './support/site-differences.ts';

interface Summary {
  changes: number;
  signatures: number;
  pages: number;
  renderedPages: number;
  searchPages: number;
  searchPagesReused: number;
}

/**
 * A rebuild whose change pages changed only where Pagefind does not read them (their failures' badges): the
 * pages are rendered again, the parts of the search index that hold them are kept, and the site is the one a
 * clean build makes.
 */
describe('search index parts kept when only badges changed', () => {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-kept-'));
  const exportDir = join(work, 'export');
  const config = join(work, 'review-reports.config.json');
  const knownIssues = join(work, 'known-issues.json');
  const build = cachedBuild(work, exportDir, config);
  // Every signature is a known issue, so every change page with a failure shows its status.
  const issues = (status: string) =>
    writeFileSync(knownIssues, JSON.stringify({ version: 1, issues: [{ pattern: '.', ticket: 'MB-1', status }] }));
  let rebuild: Summary;
  let unchanged: Summary;
  let differing: string[] = [];

  beforeAll(async () => {
    for (const file of generateExport({ changes: 12, seed: 3 })) {
      mkdirSync(join(exportDir, file.path, '..'), { recursive: true });
      writeFileSync(join(exportDir, file.path), file.content);
    }
    // Parts of 4 changes: 12 changes fill three, and the site's own index holds the signature pages only.
    // The site's own index is written whole (`searchSuperseded: 0`), as a clean build writes it.
    writeFileSync(
      config,
      JSON.stringify({ searchParts: { large: 4, small: 2 }, searchSuperseded: 0, knownIssues: 'known-issues.json' }),
    );
    issues('open');
    expect((await build('site', 'cache', 'first.json')).code).toBe(0);
    expect((await build('site', 'cache', 'unchanged.json')).code).toBe(0);
    unchanged = JSON.parse(readFileSync(join(work, 'unchanged.json'), 'utf8'));
    // The rebuild compares with the build before it (its kept cache remembers it); the clean build is told so.
    mkdirSync(join(work, 'previous', 'api'), { recursive: true });
    cpSync(join(work, 'site', 'api', 'failures.json'), join(work, 'previous', 'api', 'failures.json'));
    issues('wontfix');
    expect((await build('site', 'cache', 'rebuild.json')).code).toBe(0);
    rebuild = JSON.parse(readFileSync(join(work, 'rebuild.json'), 'utf8'));
    expect((await build('clean', 'clean-cache', 'clean.json', '--previous', join(work, 'previous'))).code).toBe(0);
    differing = treeDifferences(fileTree(join(work, 'site')), fileTree(join(work, 'clean')));
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('renders again every change and signature page that shows the changed status', () => {
    expect(rebuild.changes).toBe(12);
    // The pages without a key are rendered in every build (the unchanged rebuild rendered only those).
    const unkeyed = unchanged.renderedPages;
    expect(rebuild.renderedPages - unkeyed).toBeGreaterThan(6);
  });

  it('keeps the parts of the search index whose change pages changed only in their badges', () => {
    expect(rebuild.searchPages).toBe(12 + rebuild.signatures);
    // The three parts of changes are kept; the site's own index (the signature pages, whose filters hold the
    // status) is indexed again.
    expect(rebuild.searchPagesReused).toBe(12);
  });

  it('gives the site a clean build gives', () => {
    expect(differing).toEqual([]);
  });
});
