import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const projectRoot = resolve(import.meta.dirname, '../../..');

/**
 * The environment of a build: ours without what Vitest puts in it (`NODE_ENV=test`, and `BASE_URL`, `MODE`,
 * `DEV`, `PROD`, `SSR`, which Vite would take as `import.meta.env` and so ignore `--base`).
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'VITEST', 'VITEST_MODE']) {
    delete env[name];
  }
  return env;
}

/** What a run of the real CLI printed, and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `bin/review-reports.mjs` with the given arguments in a child process, as a user would: from the project,
 * or from `cwd`, against which relative paths in `args` are resolved.
 */
export async function runCli(args: readonly string[], cwd = projectRoot): Promise<CliRun> {
  try {
    const bin = resolve(projectRoot, 'bin/review-reports.mjs');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd,
      maxBuffer: 256 * 1024 * 1024,
      env: buildEnv(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

/**
 * A build of `exportDir` with `config` into `work`: each call names the site's folder, the cache dir and the
 * JSON summary under `work`, quietly, with any further arguments.
 */
export function cachedBuild(work: string, exportDir: string, config: string) {
  return (out: string, cache: string, summary: string, ...more: string[]): Promise<CliRun> =>
    runCli([
      'build',
      exportDir,
      '--out',
      join(work, out),
      '--config',
      config,
      '--cache-dir',
      join(work, cache),
      '--json-summary',
      join(work, summary),
      '--quiet',
      ...more,
    ]);
}
