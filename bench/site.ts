// `npm run bench:site`: builds a generated export (BENCH_CHANGES, default 10000) BENCH_RUNS times (default 3)
// and prints the median time of each phase, pages per second, peak RSS and output size.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, cli, cliNodeFlags, generatedExport, measure, median } from './support.ts';

const changes = Number(process.env.BENCH_CHANGES ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const exportDir = generatedExport(changes);
const summaries = Array.from({ length: runs }, (_, index) => {
  const cache = join(benchDir, 'cache', `site-${index}`);
  rmSync(cache, { recursive: true, force: true });
  const summaryFile = join(benchDir, 'site-summary.json');
  const run = measure(process.execPath, [
    ...cliNodeFlags,
    cli,
    'build',
    exportDir,
    '--out',
    join(benchDir, 'site', 'bench'),
    '--cache-dir',
    cache,
    '--json-summary',
    summaryFile,
    '--quiet',
  ]);
  rmSync(cache, { recursive: true, force: true });
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  return { wall: run.ms, peak: run.peakMb, ...summary };
});
const m = (pick: (summary: (typeof summaries)[number]) => number) => median(summaries.map(pick));
const first = summaries[0];
console.log(`${changes} changes, ${first.pages} pages, ${runs} run(s), medians:`);
console.log(
  `parse ${(m((x) => x.phases.parse) / 1000).toFixed(1)} s, render ${(m((x) => x.phases.render) / 1000).toFixed(1)} s, search index ${(m((x) => x.phases.index) / 1000).toFixed(1)} s, total ${(m((x) => x.wall) / 1000).toFixed(1)} s`,
);
console.log(
  `${(first.pages / (m((x) => x.phases.render) / 1000)).toFixed(0)} pages/s rendered, peak RSS ${m((x) => x.peak).toFixed(0)} MB, output ${(first.outputBytes / 1e6).toFixed(0)} MB (search index ${(first.searchIndexBytes / 1e6).toFixed(0)} MB)`,
);
