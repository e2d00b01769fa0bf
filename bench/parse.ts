// `npm run bench:parse`: parse throughput and memory of the core on generated exports (one core, no Astro).
// BENCH_DROP_CACHES=1 (root only) empties the kernel's page cache before each run: the export read from disk,
// as on a fresh machine, where by default repeated runs read it from memory.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseExport } from '../src/lib/parse-export.ts';
import { cliNodeFlags, generatedExport, measure, median } from './support.ts';

const child = process.argv[2] === '--child';
if (child) {
  const dir = process.argv[3] as string;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const model = parseExport(dir);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(
    JSON.stringify({ ms, cpuMs, files: model.files, bytes: model.bytes, changes: model.changes.length }),
  );
} else {
  const sizes = (process.env.BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const dropCaches = process.env.BENCH_DROP_CACHES === '1';
  if (dropCaches) console.log('Each run with the page cache emptied first (BENCH_DROP_CACHES=1).\n');
  // MB/s is per second of CPU (one thread does the parse): on a shared machine wall time says more about the load.
  console.log('| changes | files | MB | median parse s (wall) | CPU s | files/CPU s | MB/CPU s | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const size of sizes) {
    const dir = generatedExport(size);
    const results = Array.from({ length: runs }, () => {
      if (dropCaches) {
        execFileSync('sync');
        writeFileSync('/proc/sys/vm/drop_caches', '3\n');
      }
      // The CLI's own heap flags: a young generation this size halves the time spent in garbage collection.
      const run = measure(process.execPath, [...cliNodeFlags, import.meta.filename, '--child', dir]);
      return { ...JSON.parse(run.stdout), peakMb: run.peakMb } as {
        ms: number;
        cpuMs: number;
        files: number;
        bytes: number;
        peakMb: number;
      };
    });
    const first = results[0] as (typeof results)[number];
    const seconds = median(results.map((result) => result.ms)) / 1000;
    const cpuSeconds = median(results.map((result) => result.cpuMs)) / 1000;
    const mb = first.bytes / 1e6;
    console.log(
      `| ${size} | ${first.files} | ${mb.toFixed(1)} | ${seconds.toFixed(2)} | ${cpuSeconds.toFixed(2)} | ${Math.round(first.files / cpuSeconds)} | ${(mb / cpuSeconds).toFixed(1)} | ${median(results.map((result) => result.peakMb)).toFixed(0)} |`,
    );
  }
}
