// `npm run bench:parse`: parse throughput and memory of the core on generated exports (one core, no Astro).
import { parseExport } from '../src/lib/parse-export.ts';
import { generatedExport, measure, median } from './support.ts';

const child = process.argv[2] === '--child';
if (child) {
  const dir = process.argv[3] as string;
  const started = performance.now();
  const model = parseExport(dir);
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, files: model.files, bytes: model.bytes, changes: model.changes.length }));
} else {
  const sizes = (process.env.BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  console.log('| changes | files | MB | median parse s | files/s | MB/s | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const size of sizes) {
    const dir = generatedExport(size);
    const results = Array.from({ length: runs }, () => {
      const run = measure(process.execPath, [import.meta.filename, '--child', dir]);
      return { ...JSON.parse(run.stdout), peakMb: run.peakMb } as {
        ms: number;
        files: number;
        bytes: number;
        peakMb: number;
      };
    });
    const first = results[0] as (typeof results)[number];
    const seconds = median(results.map((result) => result.ms)) / 1000;
    const mb = first.bytes / 1e6;
    console.log(
      `| ${size} | ${first.files} | ${mb.toFixed(1)} | ${seconds.toFixed(2)} | ${Math.round(first.files / seconds)} | ${(mb / seconds).toFixed(1)} | ${median(results.map((result) => result.peakMb)).toFixed(0)} |`,
    );
  }
}
