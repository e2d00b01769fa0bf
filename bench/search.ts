// `npm run bench:search`: builds a generated export (BENCH_CHANGES, default 10000; BENCH_SITE=<dir> searches a
// site already built from it, or from the export at BENCH_EXPORT=<dir>, whose answers the queries then expect),
// serves it, and runs every query of search-queries.ts through the search page in
// Chromium with the real Pagefind bundle, BENCH_RUNS times each (default 3), each run in a fresh browser context
// (nothing cached). Prints, per query, the rank of its answer (it must be within the first 1/3/5 results), the
// time from the query to its first 5 results drawn and to all, and the bytes fetched; then medians and the bytes
// of the search page before any query.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { serveCommand } from '../src/cli/serve-command.ts';
import { parseExport } from '../src/lib/parse-export.ts';
import { benchQueries } from './search-queries.ts';
import { benchDir, cli, cliNodeFlags, generatedExport, median } from './support.ts';

const changes = Number(process.env.BENCH_CHANGES ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const exportDir = process.env.BENCH_EXPORT ? resolve(process.env.BENCH_EXPORT) : generatedExport(changes);
const site = process.env.BENCH_SITE ? resolve(process.env.BENCH_SITE) : buildSite();

const queries = benchQueries(parseExport(exportDir));
const served = await serveCommand(site, { port: 0, base: '/' }, { stdout: () => {}, stderr: () => {} });
if (!served.url || !served.close) throw new Error(`cannot serve ${site}`);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

interface Run {
  pageBytes: number;
  queryBytes: number;
  firstMs: number;
  allMs: number;
  results: number;
  hrefs: string[];
  rows: string[];
}

const rowsOut: string[] = [];
const figures: Array<{ rank: number; pass: boolean; firstMs: number; allMs: number; kb: number; pageKb: number }> = [];
rowsOut.push('| query | what | answer within | rank | results | first 5 | all shown | fetched |');
rowsOut.push('|---|---|---|---|---|---|---|---|');
for (const query of queries) {
  const measured: Run[] = [];
  for (let run = 0; run < runs; run++) measured.push(await searchOnce(browser, served.url, query.query));
  const last = measured.at(-1) as Run;
  const rank = last.hrefs.findIndex((href) => query.answers.includes(href)) + 1;
  // A signature page first must list its newest changes, newest first.
  const expectedRows = query.newestChanges[last.hrefs[0] ?? ''];
  const rowsOk = expectedRows === undefined || sameList(last.rows, expectedRows);
  const pass = rank > 0 && rank <= query.within && rowsOk && query.answers.length > 0;
  const firstMs = median(measured.map((m) => m.firstMs));
  const allMs = median(measured.map((m) => m.allMs));
  const kb = median(measured.map((m) => m.queryBytes)) / 1024;
  const pageKb = median(measured.map((m) => m.pageBytes)) / 1024;
  figures.push({ rank, pass, firstMs, allMs, kb, pageKb });
  rowsOut.push(
    `| \`${query.query}\` | ${query.what} | ${query.within} | ${rank === 0 ? 'not found' : rank}${pass ? '' : ' ✗'}${rowsOk ? '' : ' (changes not newest first)'} | ${last.results.toLocaleString('en-US')} | ${firstMs.toFixed(0)} ms | ${allMs.toFixed(0)} ms | ${kb.toFixed(0)} kB |`,
  );
}
await browser.close();
await served.close();

console.log(`${changes.toLocaleString('en-US')} changes, ${runs} run(s) per query, medians, Chromium headless:\n`);
console.log(rowsOut.join('\n'));
const passed = figures.filter((figure) => figure.pass).length;
const within = (k: number) => figures.filter((figure) => figure.rank > 0 && figure.rank <= k).length;
console.log(
  `\nrelevance: ${passed}/${figures.length} queries answered within their bound; answer at 1: ${within(1)}, within 3: ${within(3)}, within 5: ${within(5)}`,
);
console.log(
  `first 5 results: median ${median(figures.map((f) => f.firstMs)).toFixed(0)} ms, max ${Math.max(...figures.map((f) => f.firstMs)).toFixed(0)} ms; fetched per query: median ${median(figures.map((f) => f.kb)).toFixed(0)} kB, max ${Math.max(...figures.map((f) => f.kb)).toFixed(0)} kB; search page before a query: ${median(figures.map((f) => f.pageKb)).toFixed(0)} kB`,
);
if (passed < figures.length) process.exitCode = 1;

/** Opens the search page in a fresh context, waits until it is ready, then types the query and submits it. */
async function searchOnce(browser: Browser, url: string, query: string): Promise<Run> {
  const context = await browser.newContext();
  const sizes: Array<Promise<number>> = [];
  let phase: 'page' | 'query' = 'page';
  const bytes = { page: [] as Array<Promise<number>>, query: [] as Array<Promise<number>> };
  // Pagefind fetches from its Web Worker: the context sees those requests, a page-level CDP session would not.
  context.on('requestfinished', (request) => {
    const size = request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize);
    sizes.push(size);
    bytes[phase].push(size);
  });
  const page = await context.newPage();
  await page.goto(`${url}search/`);
  await page.locator('[data-search-status]', { hasText: 'Type a test name' }).waitFor();
  // A reader focuses the query field first: Pagefind loads its worker, WebAssembly and page lists then.
  await page.focus('#search-query');
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
  phase = 'query';
  const timing = await page.evaluate(async (term) => {
    const input = document.querySelector<HTMLInputElement>('#search-query') as HTMLInputElement;
    const form = document.querySelector<HTMLFormElement>('[data-search-form]') as HTMLFormElement;
    const list = document.querySelector<HTMLOListElement>('[data-search-results]') as HTMLOListElement;
    const status = document.querySelector<HTMLElement>('[data-search-status]') as HTMLElement;
    const started = performance.now();
    let firstMs = -1;
    const done = new Promise<number>((resolve) => {
      const check = () => {
        if (firstMs < 0 && list.children.length >= 5) firstMs = performance.now() - started;
        if (list.getAttribute('aria-busy') === 'false') {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(list, { childList: true, attributes: true });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    input.value = term;
    form.requestSubmit();
    const allMs = await done;
    return { firstMs: firstMs < 0 ? allMs : firstMs, allMs, status: status.textContent ?? '' };
  }, query);
  await page.waitForLoadState('networkidle');
  const site = new URL(url);
  const relative = (href: string) => new URL(href, url).pathname.slice(site.pathname.length);
  const hrefs = (
    await page
      .locator('[data-search-results] > li h3 a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  ).map(relative);
  const rows = (
    await page
      .locator('[data-search-results] > li')
      .first()
      .locator('.sub-results a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  ).map((href) => relative(href).replace(/#.*$/, ''));
  const total = async (list: Array<Promise<number>>) => (await Promise.all(list)).reduce((sum, n) => sum + n, 0);
  const run: Run = {
    pageBytes: await total(bytes.page),
    queryBytes: await total(bytes.query),
    firstMs: timing.firstMs,
    allMs: timing.allMs,
    results: Number((/^([\d,]+) results?/.exec(timing.status)?.[1] ?? '0').replace(/,/g, '')),
    hrefs,
    rows,
  };
  await Promise.all(sizes);
  await context.close();
  return run;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function buildSite(): string {
  const out = join(benchDir, 'search', `site-${changes}`);
  const cache = join(benchDir, 'search', `cache-${changes}`);
  rmSync(cache, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [...cliNodeFlags, cli, 'build', exportDir, '--out', out, '--cache-dir', cache, '--quiet'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  rmSync(cache, { recursive: true, force: true });
  if (!existsSync(join(out, 'pagefind'))) throw new Error(`no search index in ${out}`);
  return out;
}
