import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/generate-export.ts';
import { occurrencesNewestFirst } from '../../src/data/occurrences-newest-first.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { ReportModel } from '../../src/lib/types.ts';
import { runLabel } from '../../src/site/format.ts';
import { runCli } from './support/build-site.ts';

/** The generated export's size where one signature first has more job runs than a page lists (505). */
const changes = 1000;

describe(`the occurrence lists of a ${changes}-change export`, () => {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-occurrence-pages-'));
  const exportDir = join(work, 'export');
  const site = join(work, 'site');
  let model: ReportModel;

  beforeAll(async () => {
    for (const file of generateExport({ changes, seed: 7 })) {
      mkdirSync(join(exportDir, file.path, '..'), { recursive: true });
      writeFileSync(join(exportDir, file.path), file.content);
    }
    model = parseExport(exportDir);
    const built = await runCli([
      'build',
      exportDir,
      '--out',
      site,
      '--site',
      'https://reports.example',
      '--cache-dir',
      join(work, 'cache'),
      '--quiet',
    ]);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const page = (path: string) => fromHtml(readFileSync(join(site, path), 'utf8'));
  /** The rows of the occurrence list on a page (the signature page has other tables). */
  const rows = (path: string) =>
    selectAll('section[aria-labelledby="occurrences"] tbody tr, main > .table-scroll tbody tr', page(path)).map((row) =>
      selectAll('td', row)
        .map((cell) => textOf(cell).trim())
        .join(' | '),
    );

  it('gives further pages only to a signature with more than 500 job runs', () => {
    expect(
      model.signatures.filter((entry) => entry.occurrences.length > 500).map((entry) => entry.occurrences.length),
    ).toEqual([505]);
    const further = readdirSync(join(site, 'failures')).flatMap((slug) =>
      existsSync(join(site, 'failures', slug, 'occurrences'))
        ? readdirSync(join(site, 'failures', slug, 'occurrences')).map((number) => `${slug}/occurrences/${number}`)
        : [],
    );
    expect(further).toEqual(['gtest-af4d81fb/occurrences/2']);
  });

  it('lists every job run once, newest first: 500 on the signature page, the rest on the next', () => {
    const entry = model.signatures.find((candidate) => candidate.slug === 'gtest-af4d81fb');
    if (!entry) throw new Error('no gtest-af4d81fb');
    const subject = (id: string) => {
      const change = model.changes.find((candidate) => candidate.id === id);
      return change?.subject || id;
    };
    const expected = occurrencesNewestFirst(entry).map(
      (row) =>
        `${(row.date ?? '').slice(0, 10)} | ${subject(row.change)} | ${row.patchSet} | ${row.job} | ${runLabel(row.build)}`,
    );
    const first = rows('failures/gtest-af4d81fb/index.html');
    const second = rows('failures/gtest-af4d81fb/occurrences/2/index.html');
    expect([first.length, second.length]).toEqual([500, 5]);
    expect([...first, ...second]).toEqual(expected);
  });

  it('links the pages of a list to each other, and lists the further pages in the sitemap', () => {
    const pager = (path: string) =>
      selectAll('nav.pager-nav', page(path)).map((nav) =>
        selectAll('a', nav).map((link) => `${textOf(link).trim()} ${link.properties.href}`),
      );
    const both = ['Page 1 /failures/gtest-af4d81fb/#occurrences', 'Page 2 /failures/gtest-af4d81fb/occurrences/2/'];
    expect(pager('failures/gtest-af4d81fb/index.html')).toEqual([
      [...both, 'Next /failures/gtest-af4d81fb/occurrences/2/'],
      [...both, 'Next /failures/gtest-af4d81fb/occurrences/2/'],
    ]);
    expect(pager('failures/gtest-af4d81fb/occurrences/2/index.html')).toEqual([
      ['Previous /failures/gtest-af4d81fb/#occurrences', ...both],
      ['Previous /failures/gtest-af4d81fb/#occurrences', ...both],
    ]);
    const further = page('failures/gtest-af4d81fb/occurrences/2/index.html');
    expect(textOf(select('h1', further) ?? further)).toBe('GoogleTest failure');
    expect(select('main', further)?.properties.dataPagefindBody).toBeUndefined();
    const sitemaps = readdirSync(site).filter((name) => /^sitemap.*\.xml$/.test(name));
    expect(
      sitemaps.filter((name) =>
        readFileSync(join(site, name), 'utf8').includes(
          '<loc>https://reports.example/failures/gtest-af4d81fb/occurrences/2/</loc>',
        ),
      ),
    ).toHaveLength(1);
  });
});
