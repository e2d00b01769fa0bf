// `npm run bench:scale`: builds of generated exports (default 1k, 10k, 50k changes), each measured three ways in
// one run: cold (a fresh `--cache-dir` and no Astro or Vite cache anywhere else), warm (the same cache again, nothing
// changed) and after adding 1% new dumps (the same cache). Allure 3 runs on every job run of the same export beside
// them. Sizes: BENCH_SIZES=1000,10000; runs per measurement: BENCH_RUNS (medians); BENCH_ALLURE=0 skips Allure.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateExport } from '../scripts/generate-export.ts';
import type { BuildSummary } from '../src/cli/build-summary.ts';
import { parseExport } from '../src/lib/parse-export.ts';
import { allureResults } from './allure-results.ts';
import { benchDir, cli, cliNodeFlags, diskUsage, generatedExport, measure, median, strayCaches } from './support.ts';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);

/** What a build's `--json-summary` holds. */
type Summary = BuildSummary;

interface Measured {
  ms: number;
  cpuMs: number;
  peakMb: number;
  summary: Summary;
}

function build(exportDir: string, out: string, cache: string): Measured {
  const summaryFile = join(benchDir, 'summary.json');
  const run = measure(process.execPath, [
    ...cliNodeFlags,
    cli,
    'build',
    exportDir,
    '--out',
    out,
    '--cache-dir',
    cache,
    '--json-summary',
    summaryFile,
    '--quiet',
  ]);
  return {
    ms: run.ms,
    cpuMs: run.cpuMs,
    peakMb: run.peakMb,
    summary: JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary,
  };
}

function allure(): string {
  const bin = join(benchDir, 'allure', 'node_modules', '.bin', 'allure');
  if (!existsSync(bin)) {
    mkdirSync(join(benchDir, 'allure'), { recursive: true });
    writeFileSync(join(benchDir, 'allure', 'package.json'), '{"private":true}\n');
    execFileSync('npm', ['install', '--prefix', join(benchDir, 'allure'), 'allure@3'], { stdio: 'inherit' });
  }
  return join(benchDir, 'allure', 'node_modules', 'allure', 'cli.js');
}

function allureResultsDir(exportDir: string, size: number): string {
  const dir = join(benchDir, 'allure-results', String(size));
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const result of allureResults(parseExport(exportDir))) {
      writeFileSync(join(dir, `${result.uuid}-result.json`), JSON.stringify(result));
    }
    writeFileSync(join(dir, '.complete'), '');
  }
  return dir;
}

/**
 * 1% more changes, as a day's new dumps would bring, in a folder of their own: first uploaded on the generated
 * export's last day of activity (2019-01-21: it spreads first uploads over 2018, and reviews run on for weeks), so
 * the export's newest date moves by the new changes' own weeks of review, not by a year (which turned every
 * signature's "new since" status and trend over, and re-rendered 6,615 of 11,337 pages).
 */
function addOnePercent(exportDir: string, size: number): void {
  for (const file of generateExport({
    changes: Math.max(1, Math.round(size / 100)),
    seed: 4242,
    startDate: '2019-01-21',
    spanDays: 1,
  })) {
    const path = join(exportDir, 'added', file.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.content);
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
/** The biggest HTML page of a built site, in bytes: what one reader's browser has to take at once. */
function largestPage(dir: string): number {
  let largest = 0;
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (path.endsWith('.html')) largest = Math.max(largest, statSync(join(dir, path)).size);
  }
  return largest;
}
const s = (ms: number) => (ms / 1000).toFixed(1);
const mid = (list: readonly Measured[], pick: (run: Measured) => number) => median(list.map(pick));
const rows: string[] = [];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`machine: ${machine}; ${runs} run(s) each, medians`);

for (const size of sizes) {
  const source = generatedExport(size);
  const work = join(benchDir, 'exports', `${size}-work`);
  const out = join(benchDir, 'site', String(size));
  const count = size >= 50_000 ? 1 : runs;
  const cold: Measured[] = [];
  const warm: Measured[] = [];
  const grown: Measured[] = [];
  let outputDisk = 0;
  let largest = 0;
  for (let index = 0; index < count; index++) {
    // The export is copied so that the +1% can be added without touching the cached original.
    rmSync(work, { recursive: true, force: true });
    cpSync(source, work, { recursive: true });
    const cache = join(benchDir, 'cache', `${size}-${index}`);
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    const stray = strayCaches();
    if (stray.length > 0) throw new Error(`not a cold build: caches outside --cache-dir exist: ${stray.join(', ')}`);
    cold.push(build(work, out, cache));
    if (index === 0) {
      outputDisk = diskUsage(out);
      largest = largestPage(out);
    }
    warm.push(build(work, out, cache));
    addOnePercent(work, size);
    grown.push(build(work, out, cache));
    rmSync(cache, { recursive: true, force: true });
  }
  const first = (cold[0] as Measured).summary;

  const allureOut = join(benchDir, 'allure-report', String(size));
  // Allure's input is one file per job run (a million at 50k): written only when Allure runs.
  const allureRuns = Array.from({ length: process.env.BENCH_ALLURE === '0' ? 0 : count }, () => {
    const results = allureResultsDir(source, size);
    rmSync(allureOut, { recursive: true, force: true });
    return measure(process.execPath, [allure(), 'generate', results, '-o', allureOut]);
  });
  const none = allureRuns.length === 0;
  const allureWall = none ? Number.NaN : median(allureRuns.map((run) => run.ms));
  const allureCpu = none ? Number.NaN : median(allureRuns.map((run) => run.cpuMs));
  const allurePeak = none ? Number.NaN : median(allureRuns.map((run) => run.peakMb));
  const allureDisk = none ? Number.NaN : diskUsage(allureOut);

  console.log(
    `export ${size}: ${first.files} dumps, ${(first.bytes / 1e6).toFixed(1)} MB, ${first.changes} changes, ${first.jobRuns} job runs, ${first.failures} failure occurrences, ${first.pages} pages`,
  );
  const coldWall = mid(cold, (run) => run.ms);
  const coldCpu = mid(cold, (run) => run.cpuMs);
  for (const [label, list] of [
    ['cold', cold],
    ['warm', warm],
    ['+1%', grown],
  ] as const) {
    const wall = mid(list, (run) => run.ms);
    const cpu = mid(list, (run) => run.cpuMs);
    const phase = (name: keyof Summary['phases']) => s(mid(list, (run) => run.summary.phases[name]));
    const isCold = label === 'cold';
    const cells = [
      size,
      label,
      phase('parse'),
      phase('render'),
      phase('index'),
      s(wall),
      s(cpu),
      `${(wall / coldWall).toFixed(2)} / ${(cpu / coldCpu).toFixed(2)}`,
      mid(list, (run) => run.peakMb).toFixed(0),
      // What the build did, from its first run: pages rendered, and pages whose part of the search index was kept.
      `${(list[0] as Measured).summary.renderedPages}`,
      `${(list[0] as Measured).summary.searchPagesReused} / ${(list[0] as Measured).summary.searchPages}`,
      isCold ? `${mb(first.outputBytes)} / ${mb(outputDisk)}` : '',
      isCold ? `${(largest / 1e3).toFixed(0)}` : '',
      isCold && !none ? `${s(allureWall)} / ${s(allureCpu)} / ${allurePeak.toFixed(0)} / ${mb(allureDisk)}` : '',
      isCold && !none
        ? `${(wall / allureWall).toFixed(2)} / ${(cpu / allureCpu).toFixed(2)} / ${(outputDisk / allureDisk).toFixed(2)}`
        : '',
    ];
    rows.push(`| ${cells.join(' | ')} |`);
    console.log(rows.at(-1));
  }
}

console.log(`\nmachine: ${machine}`);
console.log(
  '| changes | build | parse s | render s | index s | total s | CPU s | ÷ cold (time / CPU) | peak RSS MB | pages rendered | search pages kept | output MB (bytes / disk) | largest page kB | Allure s / CPU s / RSS MB / disk MB | ÷ Allure (time / CPU / disk) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
