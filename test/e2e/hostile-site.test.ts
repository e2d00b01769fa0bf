import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { summarizeModel } from '../../src/cli/build-summary.ts';
import { checkLinks } from '../../src/integration/check-links.ts';
import { verifyOutput } from '../../src/integration/verify-output.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { Change } from '../../src/lib/types.ts';
import { MESSAGE_LIMIT } from '../../src/site/message-limit.ts';
import { expectedWarningLines, warningLines } from '../hostile/support/expected-warnings.ts';
import { bigMessageSize, bigMessageText, generatedIds, longLineText } from '../hostile/support/hostile-export.ts';
import { hostileSites, siteFiles, sitePages } from './support/hostile-sites.ts';
import { snapshotTree } from './support/snapshot-tree.ts';

const sites = hostileSites();
const builds = [sites.default, sites.sub];
const model = parseExport(sites.exportDir);
const changeOf = (id: string) => model.changes.find((change) => change.id === id) as Change;

function page(root: string, path: string): Root {
  return fromHtml(readFileSync(join(root, path), 'utf8'));
}

/** Attributes that would run script: `on…` handlers, and URLs with a script-running or data scheme. */
function scriptable(tree: Root): string[] {
  const found: string[] = [];
  for (const node of selectAll('*', tree)) {
    for (const [name, value] of Object.entries(node.properties)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
      if (/^(?:href|src|action|formAction|xLinkHref|srcSet|poster|data|cite)$/.test(name)) {
        // Browsers ignore ASCII whitespace and control characters around and inside the scheme.
        const scheme = text.replace(/[\p{Cc} ]/gu, '').toLowerCase();
        if (/^(?:javascript|vbscript|data):/.test(scheme)) found.push(`${node.tagName}[${name}=${text}]`);
      }
    }
  }
  return found;
}

describe('building the hostile export', () => {
  it('goes on despite every bad file, naming each one with its line', () => {
    for (const build of builds) {
      expect([build.code, warningLines(build.stderr)], build.stderr).toEqual([0, expectedWarningLines]);
      // The summary counts the whole model: every change of the export was built.
      const { changes, patchSets, jobRuns, failures, signatures, flaky } = summarizeModel(model);
      expect(changes).toBeGreaterThan(100);
      expect(patchSets).toBeGreaterThan(3000);
      expect(build.stderr).toContain(
        `\n${changes} changes, ${patchSets} patch sets, ${jobRuns} job runs, ${failures} failures, ${signatures} signatures (${flaky} flaky)\n`,
      );
    }
  });

  it('writes nothing outside --out: the export and the folders around the output are as they were', () => {
    expect(sites.exportAfter).toEqual(sites.exportBefore);
    expect(sites.workAfter).toEqual(sites.workBefore);
    // The folder holds the export and the two empty output parents, and nothing a Change-Id or a test name climbed to.
    expect(sites.workAfter.filter((line) => !line.startsWith('export/'))).toEqual(['default d', 'export d', 'sub d']);
  });

  it('leaves no work folder behind, and removes the one a killed build left', () => {
    expect(existsSync(sites.plantedWorkDir)).toBe(false);
    expect(sites.abandonedWorkDirs).toEqual([]);
  });

  it('names every output file with plain path segments, with no link leading out of --out', () => {
    for (const build of [...builds, { outDir: sites.cacheDir }]) {
      const root = realpathSync(build.outDir);
      for (const line of snapshotTree(build.outDir)) {
        const [path, type] = line.split(' ') as [string, string];
        // The one hidden file is review-reports' own list of what it wrote (src/cli/read-output-manifest.ts).
        if (path === '.review-reports-manifest.json') continue;
        expect(path, line).toMatch(/^[A-Za-z0-9_][\w.-]*(?:\/[A-Za-z0-9_][\w.-]*)*$/);
        expect(type, line).not.toBe('l');
        expect(realpathSync(join(build.outDir, path)).startsWith(root + sep), line).toBe(true);
        expect(lstatSync(join(build.outDir, path)).isSymbolicLink()).toBe(false);
      }
    }
  });

  it('gives every change a page under its slug, never under its raw Change-Id', () => {
    const files = siteFiles(sites.default.outDir);
    // Pages of the change list are numbers (`changes/2/`); no change's page is.
    const changePages = files.filter((path) => /^changes\/(?!\d+\/)[^/]+\/index\.html$/.test(path));
    expect(changePages).toEqual(model.changes.map((change) => `changes/${change.slug}/index.html`).sort());
    expect(model.changes.filter((change) => change.slug !== change.id).map((change) => change.slug)).toEqual([
      '2e-2e-2f-2e-2e-2fescaped-percent-8d34fb5bf8',
      'escaped-change-bef65d1b35',
      '2-da4b9237ba',
      'i-script-alert-1-script-0fa1f90a25',
      'i-txt-exe-f3d75d0f8b',
      'escaped-change-bef65d1b35-c4ddb3deb4',
    ]);
    for (const id of ['../../../escaped-change', 'I"><script>alert(1)</script>', 'I\u202etxt.exe']) {
      const tree = page(sites.default.outDir, `changes/${changeOf(id).slug}/index.html`);
      expect(selectAll('.meta dd code', tree).map((node) => textOf(node))[0]).toBe(id);
    }
  });
});

describe('the change list of the hostile builds', () => {
  it('has more than one page, and lists every change exactly once, a Change-Id of "2" included', () => {
    for (const build of builds) {
      const listPages = siteFiles(build.outDir).filter((path) => /^changes\/(?:\d+\/)?index\.html$/.test(path));
      expect(listPages).toContain('changes/2/index.html');
      const changePage = new RegExp(`^${build.base}changes/(?!\\d+/$)[^/]+/$`);
      // Each list page may link a change more than once (subject, id); across the pages, each change is on one.
      const listed = listPages.flatMap((path) => [
        ...new Set(
          selectAll('main a[href]', page(build.outDir, path))
            .map((link) => String(link.properties.href))
            .filter((href) => changePage.test(href)),
        ),
      ]);
      expect(listed.sort()).toEqual(model.changes.map((change) => `${build.base}changes/${change.slug}/`).sort());
    }
  });
});

describe('every page of both hostile builds', () => {
  it('carries the Content-Security-Policy, and only search has a script (a file under the base)', () => {
    for (const build of builds) {
      const pages = sitePages(build.outDir);
      expect(pages.length).toBeGreaterThan(100);
      const withScript: string[] = [];
      for (const path of pages) {
        const tree = page(build.outDir, path);
        const csp = selectAll('meta', tree)
          .filter((meta) => String(meta.properties.httpEquiv) === 'Content-Security-Policy')
          .map((meta) => String(meta.properties.content));
        expect(csp, path).toHaveLength(1);
        const scripts = selectAll('script', tree);
        if (scripts.length > 0) withScript.push(path);
        expect(csp[0], path).toContain(
          path === 'search/index.html' ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'none'",
        );
        for (const script of scripts) {
          expect(String(script.properties.src), path).toMatch(new RegExp(`^${build.base}_astro/[\\w.-]+\\.js$`));
          expect(textOf(script), path).toBe('');
        }
      }
      expect(withScript).toEqual(['search/index.html']);
    }
  });

  it('would see an inline handler or a script URL (the scan can fail)', () => {
    const tree = fromHtml(
      '<a href=" java\nscript:alert(1)">a</a><svg><a xlink:href="data:text/html,x"></a></svg><p onmouseover="x">p</p>',
    );
    expect(scriptable(tree)).toEqual([
      'a[href= java\nscript:alert(1)]',
      'a[xLinkHref=data:text/html,x]',
      'p[onMouseOver]',
    ]);
  });

  it('has no inline event handler and no javascript:, vbscript: or data: URL, whatever the input held', () => {
    for (const build of builds) {
      const found = sitePages(build.outDir).flatMap((path) =>
        scriptable(page(build.outDir, path)).map((problem) => `${path}: ${problem}`),
      );
      expect(found).toEqual([]);
    }
  });

  it('shows the markup of the input as text: the hostile change page holds no element the input named', () => {
    const markup = changeOf('I30010000000000000000000000000000000000aa');
    const tree = page(sites.default.outDir, `changes/${markup.slug}/index.html`);
    const main = selectAll('main', tree)[0] as Element;
    expect(selectAll('script, img, svg, iframe, style, form, input, meta, base, b, textarea', main)).toEqual([]);
    const text = textOf(main);
    for (const typed of [
      'MB-30010: <script>alert("subject")</script> "><img src=x onerror=alert(1)> [1/1]',
      "<img src=x onerror=alert('author')>",
      '"><script>alert(1)</script>',
      'kv_engine-"><img src=x onerror=alert(1)>-master',
      "ctest:<script>alert('test')</script>",
      'ctest:../../etc/passwd',
      'compile:kv_engine/"><svg onload=alert(1)>.cc:12',
      'kv_engine/"><img src=x onerror=alert(1)>.cc:1',
      "<script>alert('inline')</script>",
      '<b onclick=alert(1)>bold</b> [x](javascript:alert(1))',
      '<a href="javascript:alert(1)" onclick="alert(1)">a link</a>',
      `ctest:raw"url'test`,
    ]) {
      expect(text, typed).toContain(typed);
    }
    // A Jenkins URL full of quotes and markup stays one attribute value, exactly as written.
    const raw = `http://cv.jenkins.couchbase.com/job/kv_engine-"><svg/onload=alert(1)>-master/79/?a="b'&c=<d>`;
    const runLinks = selectAll('a[href]', main).filter((link) => link.properties.href === raw);
    expect(runLinks.length).toBeGreaterThan(0);
  });
});

describe('text that is too long for a page', () => {
  const big = changeOf(generatedIds.bigMessage);
  const long = changeOf(generatedIds.longLine);

  it('shows the 10 MB message cut, with its full text one link away', () => {
    for (const build of builds) {
      const tree = page(build.outDir, `changes/${big.slug}/index.html`);
      const article = selectAll('article.message', tree)[1] as Element;
      expect(textOf(selectAll('p.cut', article)[0] as Element).replace(/\s+/g, ' ')).toBe(
        `Shown: the first 20,000 of 10,485,760 characters. Full text of every message of this change`,
      );
      expect(selectAll('p.cut a', article).map((link) => link.properties.href)).toEqual([
        `${build.base}changes/${big.slug}/messages.txt`,
      ]);
      expect(textOf(selectAll('.prose', article)[0] as Element).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    }
  });

  it('writes the full text of every message of the change, the 10 MB one byte for byte as in the export', () => {
    const file = readFileSync(join(sites.default.outDir, `changes/${big.slug}/messages.txt`));
    const input = readFileSync(join(sites.exportDir, 'hostile/big-message.txt'));
    const expected = [
      `MB-30011: A 10 MB log pasted into a review\nChange-Id: ${big.id}\n`,
      `${'-'.repeat(72)}\nAuthor: Trond Norbye\nDate: 2018-07-01T00:00:00.000Z\nPatch set: 1\n\nUploaded patch set 1.\n`,
      `${'-'.repeat(72)}\nAuthor: Log Paster\nDate: 2018-07-01T00:01:00.000Z\nPatch set: 1\n\n${bigMessageText()}\n`,
      `${'-'.repeat(72)}\nAuthor: Dave Rigby\nDate: 2018-07-01T00:02:00.000Z\nPatch set: 1\n\nPatch Set 1:\n\nPlease attach logs instead.\n`,
    ].join('');
    expect(file.length).toBe(Buffer.byteLength(expected));
    expect(file.toString('utf8') === expected).toBe(true);
    // The message's bytes in the export, between its header and its separator, are the same bytes.
    const start = input.indexOf('author: Log Paster\n');
    const textStart = input.indexOf('\n\n', start) + 2;
    const inputText = input.subarray(textStart, textStart + bigMessageSize);
    expect(input.subarray(textStart + bigMessageSize, textStart + bigMessageSize + 3).toString()).toBe('\n\n-');
    const at = file.indexOf(inputText);
    expect([at > 0, file.indexOf(inputText, at + 1)]).toEqual([true, -1]);
    expect(Buffer.compare(file.subarray(at, at + bigMessageSize), inputText)).toBe(0);
    expect(readFileSync(join(sites.sub.outDir, `changes/${big.slug}/messages.txt`)).equals(file)).toBe(true);
  });

  it('cuts the 50 kB line on its page and keeps it whole in the full text and as a failure signature', () => {
    const text = readFileSync(join(sites.default.outDir, `changes/${long.slug}/messages.txt`), 'utf8');
    expect(text).toContain(`\nPatch Set 1:\n\n${longLineText()}\n`);
    const tree = page(sites.default.outDir, `changes/${long.slug}/index.html`);
    expect(selectAll('p.cut', tree)).toHaveLength(2);
    const signatures = selectAll('li.failure h4 code', tree).map((node) => textOf(node));
    expect(signatures).toEqual([`ctest:${longLineText()}`]);
  });

  it('lists no messages.txt for a change whose messages all fit', () => {
    const texts = siteFiles(sites.default.outDir).filter((path) => path.endsWith('messages.txt'));
    expect(texts).toEqual([`changes/${big.slug}/messages.txt`, `changes/${long.slug}/messages.txt`].sort());
  });
});

describe('a change of 3000 patch sets and a dump exported twice', () => {
  it('shows every patch set and every message of the 3000-patch-set change', () => {
    const many = changeOf(generatedIds.manyPatchSets);
    const tree = page(sites.default.outDir, `changes/${many.slug}/index.html`);
    expect(selectAll('ol.timeline > li > h3', tree).map((node) => node.properties.id)).toEqual(
      many.patchSets.map((patchSet) => `ps-${patchSet}`),
    );
    expect(selectAll('article.message', tree)).toHaveLength(3030);
    expect(selectAll('table.build-matrix tbody tr', tree)).toHaveLength(30);
  });

  it('shows the twice-exported review once: three messages, one run, one failure occurrence', () => {
    const id = 'I3000700000000000000000000000000000000007';
    const tree = page(sites.default.outDir, `changes/${id}/index.html`);
    expect(selectAll('article.message', tree)).toHaveLength(3);
    expect(selectAll('li.failure', tree)).toHaveLength(1);
    const changes = JSON.parse(readFileSync(join(sites.default.outDir, 'api/changes.json'), 'utf8'));
    expect(changes.changes.filter((change: { id: string }) => change.id === id)).toHaveLength(1);
    const failures = JSON.parse(readFileSync(join(sites.default.outDir, 'api/failures.json'), 'utf8'));
    const twice = failures.signatures.find(
      (entry: { signature: string }) => entry.signature === 'ctest:ep_testsuite_dcp.twice',
    );
    expect(twice.occurrences).toHaveLength(1);
  });
});

describe('never lie', () => {
  it('finds every message and failure of the model in both builds', () => {
    for (const build of builds) expect(verifyOutput(build.outDir, model)).toEqual([]);
  });

  it('finds no broken internal link or anchor, at the root and under --base /sub/path/', () => {
    for (const build of builds) {
      const broken = checkLinks(build.outDir, build.base).map((link) => `${link.page} → ${link.href} (${link.reason})`);
      expect(broken).toEqual([]);
    }
  });
});
