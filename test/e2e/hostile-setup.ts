import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveCommand } from '../../src/cli/serve-command.ts';
import { writeHostileExport } from '../hostile/support/hostile-export.ts';
import { projectRoot, runCli } from './support/build-site.ts';
import './support/hostile-sites.ts';
import { snapshotTree } from './support/snapshot-tree.ts';

/** Changes of the generated sample export built with the hostile fixtures. */
const generatedChanges = 90;

/**
 * Builds the hostile export (the three seeds, a small generated export, and every hostile fixture with the big
 * cases generated) twice with the real CLI, at the same time: once at the root (`/`) and once under
 * `--base /sub/path/`, which is also served on localhost for the browser tests. The work folder holds the
 * export and both outputs; it is snapshotted before and after, so tests can tell whether a build wrote
 * anywhere but its `--out`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = mkdtempSync(join(tmpdir(), 'review-reports-hostile-'));
  const exportDir = writeHostileExport(join(work, 'export'), { seeds: true, generated: generatedChanges });
  // Each build's cache lives outside the work folder: the cache is the one other place a build may write.
  const caches = mkdtempSync(join(tmpdir(), 'review-reports-hostile-cache-'));
  const builds = { default: '/', sub: '/sub/path/' } as const;
  const outDir = (name: keyof typeof builds) => join(work, name, 'dist');
  for (const name of Object.keys(builds)) mkdirSync(join(work, name));
  const skip = ['default/dist', 'sub/dist'];
  const workBefore = snapshotTree(work, skip);
  const exportBefore = snapshotTree(exportDir);

  // A work folder left by a build that was killed: the next build removes it.
  const planted = plantAbandonedWorkDir();

  const build = (name: keyof typeof builds) =>
    runCli(['build', exportDir, '--out', outDir(name), '--base', builds[name], '--cache-dir', join(caches, name)]);
  const [defaultRun, subRun] = await Promise.all([build('default'), build('sub')]);
  const workAfter = snapshotTree(work, skip);
  const abandonedWorkDirs = abandonedWorkDirsNow();
  const exportAfter = snapshotTree(exportDir);

  const quiet = { stdout: () => {}, stderr: () => {} };
  const served = await serveCommand(outDir('sub'), { port: 0, base: builds.sub }, quiet);
  project.provide('hostileSites', {
    work,
    exportDir,
    cacheDir: caches,
    generatedChanges,
    workBefore,
    workAfter,
    exportBefore,
    exportAfter,
    plantedWorkDir: planted,
    abandonedWorkDirs,
    default: { ...defaultRun, outDir: outDir('default'), base: builds.default, url: null },
    sub: { ...subRun, outDir: outDir('sub'), base: builds.sub, url: served.url ?? null },
  });
  return async () => {
    await served.close?.();
    rmSync(work, { recursive: true, force: true });
    rmSync(caches, { recursive: true, force: true });
  };
}

/** Where `review-reports build` keeps the work folder of each running build (`<pid>-…`). */
const workDirs = join(projectRoot, '.astro', 'builds');

/** Makes the work folder of a build process that has ended, with a prerender bundle in it. */
function plantAbandonedWorkDir(): string {
  const ended = spawnSync(process.execPath, ['-e', '']);
  const dir = join(workDirs, `${ended.pid}-planted`);
  mkdirSync(join(dir, '.astro', '.prerender'), { recursive: true });
  writeFileSync(join(dir, '.astro', '.prerender', 'chunk.mjs'), 'export {};\n');
  return dir;
}

/** Work folders whose build process is gone. */
function abandonedWorkDirsNow(): string[] {
  if (!existsSync(workDirs)) return [];
  return readdirSync(workDirs).filter((name) => {
    try {
      process.kill(Number(name.split('-')[0]), 0);
      return false;
    } catch {
      return true;
    }
  });
}
