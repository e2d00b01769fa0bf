import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where benchmarks keep generated exports and outputs (git-ignored). */
export const benchDir = resolve(import.meta.dirname, '..', 'bench-out');

/** The command line of review-reports, and the Node flags it runs with: those of its `#!` line, named once there. */
export const cli = resolve(import.meta.dirname, '..', 'bin', 'review-reports.mjs');
export const cliNodeFlags = (readFileSync(cli, 'utf8').split('\n', 1)[0] as string)
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** A generated export of `changes` changes, written once and reused by later runs. */
export function generatedExport(changes: number, seed = 7): string {
  const dir = join(benchDir, 'exports', `${changes}-s${seed}`);
  if (!existsSync(join(dir, '.complete'))) {
    execFileSync(
      process.execPath,
      [
        resolve(import.meta.dirname, '..', 'scripts', 'generate-export.ts'),
        '--changes',
        String(changes),
        '--out',
        dir,
        '--seed',
        String(seed),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    execFileSync('touch', [join(dir, '.complete')]);
  }
  return dir;
}

/**
 * Runs a command, returning wall time, CPU time (user + system) and peak RSS of the child (from GNU time). On a
 * shared machine wall time grows with the load; CPU time much less, so both are reported.
 */
export function measure(command: string, args: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const lines = result.stderr.trim().split('\n');
  const [peakKb, user, system] = (lines.at(-1) ?? '').split(' ').map(Number) as [number, number, number];
  return {
    ms,
    cpuMs: (user + system) * 1000,
    peakMb: peakKb / 1024,
    stdout: result.stdout,
    stderr: lines.slice(0, -1).join('\n'),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Space a directory takes on disk (allocated blocks, as `du` counts them), not its files' lengths. */
export function diskUsage(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Number(execFileSync('du', ['-s', '-B1', dir], { encoding: 'utf8' }).split('\t')[0]);
}

const projectRoot = resolve(import.meta.dirname, '..');

/**
 * Caches a build could reuse without `--cache-dir` knowing: Astro's default cache dir (`review-reports build` puts Vite's
 * dependency cache inside `--cache-dir`) and the content layer's store in `.astro/`. A cold build needs none of them.
 */
export function strayCaches(): string[] {
  return [join(projectRoot, 'node_modules', '.astro'), join(projectRoot, '.astro', 'data-store.json')].filter((path) =>
    existsSync(path),
  );
}
