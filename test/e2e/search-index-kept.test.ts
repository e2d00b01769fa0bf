import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/generate-export.ts';
import { runCli } from './support/build-site.ts';

/** Every file under a directory with its bytes, by path. */
function tree(root: string, relative = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [file, bytes] of tree(root, path)) files.set(file, bytes);
    else files.set(path, readFileSync(join(root, path)));
  }
  return files;
}

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
  const build = (out: string, cache: string, summary: string, ...more: string[]) =>
    runCli([
      'build',
      exportDir,
      '--out',
      join(work, out),
      '--config',
      config,
      '--cache-dir',
      join(work, cache),
      '--json-summary',
      join(work, summary),
      '--quiet',
      ...more,
    ]);
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
    writeFileSync(config, JSON.stringify({ searchParts: { large: 4, small: 2 }, knownIssues: 'known-issues.json' }));
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
    const site = tree(join(work, 'site'));
    const clean = tree(join(work, 'clean'));
    differing = [...new Set([...site.keys(), ...clean.keys()])]
      .filter((path) => !site.get(path)?.equals(clean.get(path) ?? Buffer.alloc(0)) || !clean.has(path))
      .sort();
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
