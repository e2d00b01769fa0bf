// `npm run bench:gerrit`: reading `gerrit query --format=JSON` exports beside the same changes as text dumps.
// The generated text export is parsed, written back as one query file (a change per line), and both are parsed
// in child processes: whole parse (parseExport) and the stream alone (lines read and turned into dumps that are
// dropped), whose peak memory must not grow with the file.
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseExport } from '../src/lib/parse-export.ts';
import { queryChangeToDump } from '../src/lib/query-change-to-dump.ts';
import { readLines } from '../src/lib/read-lines.ts';
import { toQueryOutput } from '../test/lib/support/gerrit-json.ts';
import { benchDir, generatedExport, measure, median } from './support.ts';

const [mode, path] = [process.argv[2], process.argv[3] as string];
if (mode === '--parse') {
  const started = performance.now();
  const model = parseExport(path);
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, changes: model.changes.length, warnings: model.warnings.length }));
} else if (mode === '--stream') {
  const started = performance.now();
  const fd = openSync(path, 'r');
  let changes = 0;
  for (const { bytes, line } of readLines(fd)) {
    const text = bytes.toString('utf8');
    if (text.startsWith('{"type":')) continue;
    if (queryChangeToDump(JSON.parse(text), { file: 'export.json', line }, '').dump) changes++;
  }
  closeSync(fd);
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, changes, warnings: 0 }));
} else {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  console.log('| changes | form | MB | parse s | MB/s | peak RSS MB |');
  console.log('|---|---|---|---|---|---|');
  for (const size of sizes) {
    const textDir = generatedExport(size);
    const queryDir = join(benchDir, 'exports', `${size}-gerrit-query`);
    const queryFile = join(queryDir, 'export.json');
    if (!existsSync(queryFile)) {
      mkdirSync(queryDir, { recursive: true });
      writeFileSync(queryFile, toQueryOutput(parseExport(textDir)));
    }
    const textMb = folderBytes(textDir) / 1e6;
    const queryMb = statSync(queryFile).size / 1e6;
    for (const [form, args, mb] of [
      ['text dumps, parse', ['--parse', textDir], textMb],
      ['gerrit query, parse', ['--parse', queryDir], queryMb],
      ['gerrit query, stream only', ['--stream', queryFile], queryMb],
    ] as const) {
      const results = Array.from({ length: runs }, () => {
        const run = measure(process.execPath, [import.meta.filename, ...args]);
        return { ...(JSON.parse(run.stdout) as { ms: number; changes: number }), peakMb: run.peakMb };
      });
      const seconds = median(results.map((result) => result.ms)) / 1000;
      console.log(
        `| ${results[0]?.changes} | ${form} | ${mb.toFixed(1)} | ${seconds.toFixed(2)} | ${(mb / seconds).toFixed(1)} | ${median(results.map((result) => result.peakMb)).toFixed(0)} |`,
      );
    }
  }
}

function folderBytes(dir: string): number {
  return parseExport(dir).bytes;
}
