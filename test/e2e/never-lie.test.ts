import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokenLink, checkLinks } from '../../src/integration/check-links.ts';
import reviewReports from '../../src/integration/index.ts';
import { verifyOutput } from '../../src/integration/verify-output.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { Change, ReportModel, SignatureEntry } from '../../src/lib/types.ts';
import { hostileSites, sitePages } from './support/hostile-sites.ts';

const sites = hostileSites();
const model = parseExport(sites.exportDir);

const fakeSeparator = 'changes/I3000800000000000000000000000000000000008/index.html';
const markup = 'changes/I30010000000000000000000000000000000000aa/index.html';
const noChangeId = 'changes/nochangeid-66babb995757/index.html';
/** Mallory's message on the change that quotes a dump. */
const mallory = 'm-380f1bcf6f17';
const lostFailure = 'run-kv_engine-img-src-x-onerror-alert-1-master-74c750-77-f2';

/** What the conservation check must report for the copy of the site this file damages. */
const expectedDiscrepancies = [
  { page: fakeSeparator, missing: `message ${mallory}` },
  { page: markup, missing: `failure ${lostFailure} (ctest:../../etc/passwd)` },
  { page: noChangeId, missing: 'the page itself' },
  { page: 'api/changes.json', missing: 'change I3000100000000000000000000000000000000001 with 2 messages' },
  { page: 'api/changes.json', missing: 'change I3000200000000000000000000000000000000002 with 2 messages' },
  { page: 'api/failures.json', missing: 'signature ctest:ep_testsuite_dcp.twice with 1 occurrences' },
];

function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing`);
  writeFileSync(file, after);
}

const linkKey = (link: BrokenLink) => `${link.page} → ${link.href} (${link.reason})`;

describe('the conservation check and the link check, on a copy of the hostile site that lost things', () => {
  let damaged = '';
  beforeAll(() => {
    damaged = mkdtempSync(join(tmpdir(), 'review-reports-damaged-'));
    cpSync(sites.default.outDir, damaged, { recursive: true });
    // One message of a page, gone with its article.
    edit(damaged, fakeSeparator, (html) =>
      html.replace(new RegExp(`<article [^>]*aria-labelledby="${mallory}"[^>]*>[\\s\\S]*?</article>`), ''),
    );
    // One failure's anchor, gone from its heading.
    edit(damaged, markup, (html) => html.replace(`id="${lostFailure}"`, ''));
    // A whole change page.
    rmSync(join(damaged, noChangeId));
    // A change missing from the JSON, and a change listed with one message too few.
    edit(damaged, 'api/changes.json', (text) => {
      const json = JSON.parse(text);
      json.changes = json.changes.filter(
        (change: { id: string }) => change.id !== 'I3000100000000000000000000000000000000001',
      );
      const crlf = json.changes.find(
        (change: { id: string }) => change.id === 'I3000200000000000000000000000000000000002',
      );
      crlf.messages -= 1;
      return JSON.stringify(json);
    });
    // A failure occurrence missing from the JSON.
    edit(damaged, 'api/failures.json', (text) => {
      const json = JSON.parse(text);
      const entry = json.signatures.find(
        (candidate: { signature: string }) => candidate.signature === 'ctest:ep_testsuite_dcp.twice',
      );
      entry.occurrences = [];
      return JSON.stringify(json);
    });
  });
  afterAll(() => rmSync(damaged, { recursive: true, force: true }));

  it('reports exactly what was lost, page by page', () => {
    expect(verifyOutput(sites.default.outDir, model)).toEqual([]);
    expect(verifyOutput(damaged, model)).toEqual(expectedDiscrepancies);
  });

  it('does not read a change page it is told passed before, and checks everything else', () => {
    const trusted = new Set([fakeSeparator, noChangeId]);
    expect(verifyOutput(damaged, model, (page) => trusted.has(page))).toEqual(
      expectedDiscrepancies.filter((problem) => !trusted.has(problem.page)),
    );
    expect(expectedDiscrepancies.filter((problem) => trusted.has(problem.page)).length).toBeGreaterThan(1);
  });

  it('reports two changes, or two signatures, that would share one page', () => {
    const [first, second] = model.changes as [Change, Change];
    const [one, other] = model.signatures as [SignatureEntry, SignatureEntry];
    const clashing: ReportModel = {
      ...model,
      changes: model.changes.map((change) => (change === second ? { ...change, slug: first.slug } : change)),
      signatures: model.signatures.map((entry) => (entry === other ? { ...entry, slug: one.slug } : entry)),
    };
    expect(verifyOutput(sites.default.outDir, clashing)).toEqual([
      {
        page: 'changes/2e-2e-2f-2e-2e-2fescaped-percent-8d34fb5bf8/index.html',
        missing:
          'change ../../../escaped-change, whose page is also the page of change %2e%2e%2f%2e%2e%2fescaped-percent',
      },
      {
        page: `failures/${one.slug}/index.html`,
        missing: `signature ${other.signature}, whose page is also the page of signature ${one.signature}`,
      },
      // The change whose page was taken is missing from it, message by message.
      { page: 'changes/2e-2e-2f-2e-2e-2fescaped-percent-8d34fb5bf8/index.html', missing: 'message m-130898bc909c' },
      { page: 'changes/2e-2e-2f-2e-2e-2fescaped-percent-8d34fb5bf8/index.html', missing: 'message m-5f726e5cdf5b' },
    ]);
  });

  it('fails the build with an internal error naming each lost item', async () => {
    const hooks = reviewReports({ exportDir: sites.exportDir }).hooks;
    const cache = mkdtempSync(join(tmpdir(), 'review-reports-damaged-cache-'));
    try {
      await hooks['astro:config:done']?.({ config: { cacheDir: pathToFileURL(`${cache}/`) } } as never);
      const logger = { info: () => {}, warn: () => {}, error: () => {} };
      await expect(
        hooks['astro:build:done']?.({ dir: pathToFileURL(`${damaged}/`), pages: [], logger } as never),
      ).rejects.toThrow(
        [
          'internal error: the built site lost 6 items of the parsed export:',
          ...expectedDiscrepancies.map((problem) => `  ${problem.page}: missing ${problem.missing}`),
          'Please report this as a bug in review-reports.',
        ].join('\n'),
      );
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('reports the links that the loss broke, and only those', () => {
    const before = new Set(checkLinks(sites.default.outDir, '/').map(linkKey));
    const added = checkLinks(damaged, '/')
      .map(linkKey)
      .filter((key) => !before.has(key));
    // Every page that linked to the deleted page (the changes list, at least) now has a broken link.
    const linking = sitePages(sites.default.outDir).filter((path) =>
      readFileSync(join(sites.default.outDir, path), 'utf8').includes(
        `href="/${noChangeId.replace('index.html', '')}"`,
      ),
    );
    expect(linking.length).toBeGreaterThan(0);
    expect(added.sort()).toEqual(
      [
        `${fakeSeparator} → #${mallory} (no such anchor)`,
        ...linking
          .filter((path) => path !== noChangeId)
          .map((path) => `${path} → /${noChangeId.replace('index.html', '')} (no such page)`),
      ].sort(),
    );
  });
});
