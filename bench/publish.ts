// `npm run bench:publish`: times what `review-reports build` does after Astro has rendered (the link check, the
// size figures, the manifest, the swap and the removal of the replaced site) on a synthetic site of the 10k-change
// shape (~32k files, ~550 MB, written once under bench-out/publish/). Each run is its own process: it stages a
// fresh copy of the site beside the previous run's published one, flushes it to disk, then publishes it over that
// one. BENCH_RUNS (default 3) runs; BENCH_BASELINE=<git ref> times that ref's src/ too, run for run alternately, so
// both see the same load (a shared machine's wall time mostly measures the load; compare within one run).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchDir, median } from './support.ts';
import { syntheticSite } from './synthetic-site.ts';

interface Timing {
  ms: number;
  cpuMs: number;
  files: number;
  outputBytes: number;
}

/** What this benchmark uses of a checkout's `src/cli/open-output.ts`, in either of its forms (sync before). */
interface OpenOutputModule {
  openOutput: (
    out: string,
    options: { force: boolean; quiet: boolean; keep: []; avoid: [] },
    io: { stdout: (text: string) => void; stderr: (text: string) => void },
  ) => {
    stage: () => string | Promise<string>;
    publish: (
      base: string,
    ) => { files: number; outputBytes?: number } | Promise<{ files: number; outputBytes?: number }>;
    close: () => void;
  } | null;
}

const root = join(benchDir, 'publish');

if (process.argv[2] === '--child') {
  const [src, out, template] = process.argv.slice(3) as [string, string, string];
  process.stdout.write(JSON.stringify(await publishOnce(src, out, template)));
} else {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const template = syntheticSite(join(root, 'template'));
  const versions: Array<[string, string]> = [['this checkout', resolve(import.meta.dirname, '..', 'src')]];
  if (process.env.BENCH_BASELINE)
    versions.unshift([process.env.BENCH_BASELINE, baselineSource(process.env.BENCH_BASELINE)]);
  const timings = new Map<string, Timing[]>(versions.map(([name]) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, src] of versions) {
      const out = join(root, `site-${versions.findIndex(([other]) => other === name)}`);
      const result = spawnSync(process.execPath, [import.meta.filename, '--child', src, out, template], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      });
      if (result.status !== 0) throw new Error(`the run of ${name} failed`);
      const timing = JSON.parse(result.stdout) as Timing;
      timings.get(name)?.push(timing);
      console.error(
        `run ${run + 1} ${name}: ${(timing.ms / 1000).toFixed(2)} s, CPU ${(timing.cpuMs / 1000).toFixed(2)} s`,
      );
    }
  }
  console.log(`| code | runs | files | MB | median s (wall) | median CPU s |`);
  console.log('|---|---|---|---|---|---|');
  for (const [name, list] of timings) {
    const first = list[0] as Timing;
    console.log(
      `| ${name} | ${list.length} | ${first.files} | ${(first.outputBytes / 1e6).toFixed(0)} | ${(median(list.map((t) => t.ms)) / 1000).toFixed(2)} | ${(median(list.map((t) => t.cpuMs)) / 1000).toFixed(2)} |`,
    );
  }
}

/** `ref`'s `src/`, unpacked once under bench-out (it resolves its packages from this checkout's node_modules). */
function baselineSource(ref: string): string {
  const commit = execFileSync('git', ['rev-parse', ref], { encoding: 'utf8' }).trim();
  const dir = join(root, `baseline-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'src'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} src | tar -x -C ${dir}`]);
  }
  return join(dir, 'src');
}

/**
 * One timed publish by the code in `src`: what `buildSite` does once Astro is done. The first run of a version
 * publishes once untimed, so every timed run replaces a whole site.
 */
async function publishOnce(src: string, out: string, template: string): Promise<Timing> {
  const { openOutput } = (await import(join(src, 'cli', 'open-output.ts'))) as OpenOutputModule;
  const summary = (await import(join(src, 'cli', 'build-summary.ts'))) as { directorySize?: (dir: string) => number };
  const io = { stdout: () => {}, stderr: (text: string) => process.stderr.write(text) };
  const stage = async () => {
    const output = openOutput(out, { force: false, quiet: true, keep: [], avoid: [] }, io);
    if (!output) throw new Error(`cannot publish into ${out}`);
    const staging = await output.stage();
    rmSync(staging, { recursive: true });
    execFileSync('cp', ['-r', template, staging]);
    // Flushed first, so the timed part is not charged for writing back the copy.
    execFileSync('sync');
    return { output, staging };
  };
  if (!existsSync(out)) {
    const { output } = await stage();
    await output.publish('/');
    output.close();
  }
  const { output, staging } = await stage();
  const cpu = process.cpuUsage();
  const started = performance.now();
  // Before this change the build measured the site with two walks of its own before publishing it.
  const sizes = summary.directorySize && [
    summary.directorySize(staging),
    summary.directorySize(join(staging, 'pagefind')),
  ];
  const publication = await output.publish('/');
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  output.close();
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    files: publication.files,
    outputBytes: sizes?.[0] ?? publication.outputBytes ?? 0,
  };
}
