// `npm run bench:scale`: full builds of generated exports (default 1k, 10k, 50k changes), Allure 3 on the same
// job runs side by side, and an incremental rebuild after adding 1% new dumps. Sizes: BENCH_SIZES=1000,10000;
// runs per measurement: BENCH_RUNS (medians); incremental sizes: BENCH_INCREMENTAL=10000.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { generateExport } from '../scripts/generate-export.ts';
import { directorySize } from '../src/cli/build-summary.ts';
import { parseExport } from '../src/lib/parse-export.ts';
import { allureResults } from './allure-results.ts';
import { benchDir, generatedExport, measure, median } from './support.ts';

const cli = resolve(import.meta.dirname, '..', 'bin', 'review-reports.mjs');
const nodeFlags = ['--max-old-space-size=12288', '--max-semi-space-size=32'];
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const incrementalSizes = (process.env.BENCH_INCREMENTAL ?? '10000').split(',').map(Number);

interface Summary {
  phases: { parse: number; render: number; index: number; total: number };
  pages: number;
  outputBytes: number;
  searchIndexBytes: number;
  jobRuns: number;
}

function build(exportDir: string, out: string, cache: string) {
  const summaryFile = join(benchDir, 'summary.json');
  const run = measure(process.execPath, [
    ...nodeFlags,
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
  return { ...run, summary: JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary };
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

const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
const s = (ms: number) => (ms / 1000).toFixed(1);
const rows: string[] = [];
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${runs} run(s) each, medians`,
);

for (const size of sizes) {
  const exportDir = generatedExport(size);
  const out = join(benchDir, 'site', String(size));
  const builds = Array.from({ length: size >= 50_000 ? 1 : runs }, (_, index) =>
    build(exportDir, out, join(benchDir, 'cache', `${size}-full-${index}`)),
  );
  for (let index = 0; index < builds.length; index++)
    rmSync(join(benchDir, 'cache', `${size}-full-${index}`), { recursive: true, force: true });
  const wall = median(builds.map((run) => run.ms));
  const peak = median(builds.map((run) => run.peakMb));
  const summary = (builds[0] as (typeof builds)[number]).summary;
  const phase = (name: keyof Summary['phases']) => median(builds.map((run) => run.summary.phases[name]));

  const results = allureResultsDir(exportDir, size);
  const allureOut = join(benchDir, 'allure-report', String(size));
  // BENCH_ALLURE=0 skips Allure (minutes at 10k) when only review-reports' own figures are wanted.
  const allureRuns = Array.from({ length: process.env.BENCH_ALLURE === '0' ? 0 : size >= 50_000 ? 1 : runs }, () => {
    rmSync(allureOut, { recursive: true, force: true });
    return measure(process.execPath, [allure(), 'generate', results, '-o', allureOut]);
  });
  const allureWall = allureRuns.length > 0 ? median(allureRuns.map((run) => run.ms)) : Number.NaN;
  const allurePeak = allureRuns.length > 0 ? median(allureRuns.map((run) => run.peakMb)) : Number.NaN;
  const allureSize = allureRuns.length > 0 ? directorySize(allureOut) : Number.NaN;

  rows.push(
    `| ${size} | ${summary.jobRuns} | ${s(phase('parse'))} | ${s(phase('render'))} | ${s(phase('index'))} | ${s(wall)} | ${peak.toFixed(0)} | ${summary.pages} | ${mb(summary.outputBytes)} | ${mb(summary.searchIndexBytes)} | ${s(allureWall)} | ${allurePeak.toFixed(0)} | ${mb(allureSize)} | ${(wall / allureWall).toFixed(2)} |`,
  );
  console.log(rows.at(-1));

  if (incrementalSizes.includes(size)) {
    const grown = join(benchDir, 'exports', `${size}-grown`);
    rmSync(grown, { recursive: true, force: true });
    cpSync(exportDir, grown, { recursive: true });
    const cache = join(benchDir, 'cache', `${size}-incremental`);
    rmSync(cache, { recursive: true, force: true });
    const full = build(grown, out, cache);
    // 1% more changes, as a day's new dumps would bring.
    for (const file of generateExport({
      changes: Math.max(1, Math.round(size / 100)),
      seed: 4242,
      startDate: '2019-01-10',
    })) {
      const path = join(grown, 'added', file.path);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, file.content);
    }
    const again = build(grown, out, cache);
    console.log(
      `incremental rebuild of ${size} + 1%: ${s(again.ms)} s vs full ${s(full.ms)} s = ${(again.ms / full.ms).toFixed(2)} of the full build`,
    );
  }
}

console.log(
  '\n| changes | job runs | parse s | render s | index s | total s | peak RSS MB | pages | output MB | index MB | Allure s | Allure RSS MB | Allure MB | time ÷ Allure |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
