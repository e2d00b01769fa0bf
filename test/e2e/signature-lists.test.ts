import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/generate-export.ts';
import { flakyEvidenceNewestFirst } from '../../src/data/flaky-evidence-newest-first.ts';
import { occurrencesNewestFirst } from '../../src/data/occurrences-newest-first.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { ReportModel } from '../../src/lib/types.ts';
import { anchors, runLabel } from '../../src/site/format.ts';
import { runCli } from './support/build-site.ts';

/**
 * The generated export's size where the generic GoogleTest signature's rebuilds that disagreed (641) first go
 * past a page of 500, and its 1,564 job runs take four pages.
 */
const changes = 3000;

describe(`the signature lists of a ${changes}-change export`, () => {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-signature-lists-'));
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
  /** The rows of a list on a page: its section on the signature page, the one table on a further page. */
  const rows = (path: string, list: string) =>
    selectAll(`section[aria-labelledby="${list}"] tbody tr, main > .table-scroll tbody tr`, page(path)).map((row) =>
      selectAll('td', row)
        .map((cell) => textOf(cell).trim())
        .join(' | '),
    );
  const gtest = () => {
    const entry = model.signatures.find((candidate) => candidate.slug === 'gtest-af4d81fb');
    if (!entry) throw new Error('no gtest-af4d81fb');
    return entry;
  };
  const subject = (id: string) => {
    const change = model.changes.find((candidate) => candidate.id === id);
    return change?.subject || id;
  };

  it('gives further pages to each list of more than 500 rows, and to no other', () => {
    expect(
      model.signatures
        .filter((entry) => entry.occurrences.length > 500 || entry.flakyEvidence.length > 500)
        .map((entry) => `${entry.slug} ${entry.occurrences.length} ${entry.flakyEvidence.length}`),
    ).toEqual([
      'gtest-af4d81fb 1564 641',
      'ctest-ep-testsuite-full-eviction-dc1b7994 1138 377',
      'ctest-ep-engine-ep-unit-tests-27d4d343 1104 371',
      'ctest-memcached-testapp-default-subdoc-subdoctestapptest-069f535e 924 312',
      'ctest-memcached-testapp-ep-transportprotocols-xattrtest-ad91a2af 773 256',
      'ctest-platform-test-8a55b96f 732 198',
      'ctest-ep-testsuite-value-eviction-dd14565c 723 223',
      'ctest-ep-engine-persistence-unit-tests-rocksdb-5cc1d625 501 98',
      'ctest-ep-testsuite-dcp-ephemeral-faba1372 501 89',
    ]);
    const further = readdirSync(join(site, 'failures')).flatMap((slug) =>
      ['occurrences', 'disagreed'].flatMap((list) =>
        existsSync(join(site, 'failures', slug, list))
          ? readdirSync(join(site, 'failures', slug, list)).map((number) => `${slug}/${list}/${number}`)
          : [],
      ),
    );
    expect(further).toEqual([
      'ctest-ep-engine-ep-unit-tests-27d4d343/occurrences/2',
      'ctest-ep-engine-ep-unit-tests-27d4d343/occurrences/3',
      'ctest-ep-engine-persistence-unit-tests-rocksdb-5cc1d625/occurrences/2',
      'ctest-ep-testsuite-dcp-ephemeral-faba1372/occurrences/2',
      'ctest-ep-testsuite-full-eviction-dc1b7994/occurrences/2',
      'ctest-ep-testsuite-full-eviction-dc1b7994/occurrences/3',
      'ctest-ep-testsuite-value-eviction-dd14565c/occurrences/2',
      'ctest-memcached-testapp-default-subdoc-subdoctestapptest-069f535e/occurrences/2',
      'ctest-memcached-testapp-ep-transportprotocols-xattrtest-ad91a2af/occurrences/2',
      'ctest-platform-test-8a55b96f/occurrences/2',
      'gtest-af4d81fb/occurrences/2',
      'gtest-af4d81fb/occurrences/3',
      'gtest-af4d81fb/occurrences/4',
      'gtest-af4d81fb/disagreed/2',
    ]);
  });

  it('lists every job run once, newest first: 500 on the signature page, the rest on the pages after', () => {
    const expected = occurrencesNewestFirst(gtest()).map(
      (row) =>
        `${(row.date ?? '').slice(0, 10)} | ${subject(row.change)} | ${row.patchSet} | ${row.job} | ${runLabel(row.build)}`,
    );
    const pages = [
      rows('failures/gtest-af4d81fb/index.html', 'occurrences'),
      ...[2, 3, 4].map((number) => rows(`failures/gtest-af4d81fb/occurrences/${number}/index.html`, 'occurrences')),
    ];
    expect(pages.map((list) => list.length)).toEqual([500, 500, 500, 64]);
    expect(pages.flat()).toEqual(expected);
  });

  it('lists every rebuild that disagreed once, newest first, over the signature page and the next', () => {
    const expected = flakyEvidenceNewestFirst(gtest()).map(
      (row) =>
        `${subject(row.change)} | ${row.patchSet} | ${row.job} | ${row.failedBuilds.map(runLabel).join(', ')} | ${row.otherBuilds.map(runLabel).join(', ')}`,
    );
    const first = rows('failures/gtest-af4d81fb/index.html', 'disagreed');
    const second = rows('failures/gtest-af4d81fb/disagreed/2/index.html', 'disagreed');
    expect([first.length, second.length]).toEqual([500, 141]);
    expect([...first, ...second]).toEqual(expected);
    expect(new Set(expected).size).toBe(641);
    // Each run that failed with it links to its failures on the change page.
    const newest = flakyEvidenceNewestFirst(gtest())[0];
    const slug = model.changes.find((change) => change.id === newest?.change)?.slug;
    const links = selectAll(
      'section[aria-labelledby="disagreed"] tbody tr:first-child td:nth-child(4) a',
      page('failures/gtest-af4d81fb/index.html'),
    );
    expect(links.map((link) => link.properties.href)).toEqual(
      (newest?.failedBuilds ?? []).map((build) => `/changes/${slug}/#${anchors.run(newest?.job ?? '', build)}`),
    );
    expect(links).toHaveLength(1);
    const signaturePage = page('failures/gtest-af4d81fb/index.html');
    expect(textOf(select('h2#disagreed', signaturePage) ?? signaturePage)).toBe(
      'Rebuilds that disagreed (641 jobs on patch sets)',
    );
  });

  it('links the pages of a list to each other, and lists the further pages in the sitemap', () => {
    const pager = (path: string) =>
      selectAll('nav.pager-nav', page(path)).map(
        (nav) =>
          `${nav.properties.ariaLabel}: ${selectAll('a', nav)
            .map((link) => `${textOf(link).trim()} ${link.properties.href}`)
            .join(', ')}`,
      );
    const disagreed = 'Page 1 /failures/gtest-af4d81fb/#disagreed, Page 2 /failures/gtest-af4d81fb/disagreed/2/';
    const occurrences = [
      'Page 1 /failures/gtest-af4d81fb/#occurrences',
      'Page 2 /failures/gtest-af4d81fb/occurrences/2/',
      'Page 3 /failures/gtest-af4d81fb/occurrences/3/',
      'Page 4 /failures/gtest-af4d81fb/occurrences/4/',
    ].join(', ');
    expect(pager('failures/gtest-af4d81fb/index.html')).toEqual([
      `Pages of the rebuilds that disagreed: ${disagreed}, Next /failures/gtest-af4d81fb/disagreed/2/`,
      `Pages of the rebuilds that disagreed, bottom: ${disagreed}, Next /failures/gtest-af4d81fb/disagreed/2/`,
      `Pages of the occurrence list: ${occurrences}, Next /failures/gtest-af4d81fb/occurrences/2/`,
      `Pages of the occurrence list, bottom: ${occurrences}, Next /failures/gtest-af4d81fb/occurrences/2/`,
    ]);
    expect(pager('failures/gtest-af4d81fb/disagreed/2/index.html')).toEqual([
      `Pages of the rebuilds that disagreed: Previous /failures/gtest-af4d81fb/#disagreed, ${disagreed}`,
      `Pages of the rebuilds that disagreed, bottom: Previous /failures/gtest-af4d81fb/#disagreed, ${disagreed}`,
    ]);
    expect(pager('failures/gtest-af4d81fb/occurrences/4/index.html')).toEqual([
      `Pages of the occurrence list: Previous /failures/gtest-af4d81fb/occurrences/3/, ${occurrences}`,
      `Pages of the occurrence list, bottom: Previous /failures/gtest-af4d81fb/occurrences/3/, ${occurrences}`,
    ]);
    for (const path of ['occurrences/2', 'disagreed/2']) {
      const further = page(`failures/gtest-af4d81fb/${path}/index.html`);
      expect(textOf(select('h1', further) ?? further)).toBe('GoogleTest failure');
      expect(select('main', further)?.properties.dataPagefindBody).toBeUndefined();
    }
    const sitemaps = readdirSync(site).filter((name) => /^sitemap.*\.xml$/.test(name));
    for (const path of ['occurrences/2', 'occurrences/4', 'disagreed/2']) {
      expect(
        sitemaps.filter((name) =>
          readFileSync(join(site, name), 'utf8').includes(
            `<loc>https://reports.example/failures/gtest-af4d81fb/${path}/</loc>`,
          ),
        ),
      ).toHaveLength(1);
    }
  });
});
