import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { serveCommand } from '../../src/cli/serve-command.ts';
import { buildEnv } from './support/build-site.ts';
import { chromiumPath, hasChromium } from './support/chromium.ts';
import { inCI } from './support/ci.ts';

const root = resolve(import.meta.dirname, '../..');
/** Built under a sub-path, so every test also checks that links and the search bundle honour `--base`. */
const base = '/reports/';

/**
 * Builds the site once per test run from the test fixtures (the three seed dumps, the hostile CROP-layout
 * review of `fixtures/`, and the CROP review of `test/fixtures/dumps/` when present) with the real CLI, then
 * serves it on a free localhost port for every e2e test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!hasChromium()) {
    const reason = `no browser at ${chromiumPath}; install Debian's Chromium with \`apt-get install -y chromium\``;
    if (!inCI()) {
      console.warn(`\n${'!'.repeat(100)}\n!! SKIPPING THE END-TO-END TESTS: ${reason}\n${'!'.repeat(100)}\n`);
    }
    project.provide('e2eSite', { url: null, reason });
    return async () => {};
  }

  const work = mkdtempSync(join(tmpdir(), 'review-reports-e2e-'));
  const exportDir = join(work, 'export');
  const out = join(work, 'dist');
  mkdirSync(exportDir);
  const sources = [
    ...listFiles(join(root, 'test/fixtures/seeds')),
    ...listFiles(join(root, 'test/e2e/fixtures')),
    join(root, 'test/fixtures/dumps/crop-review/input.txt'),
  ].filter((file) => existsSync(file));
  sources.forEach((file, index) => {
    copyFileSync(file, join(exportDir, `${String(index).padStart(2, '0')}-${file.split('/').at(-1)}`));
  });

  try {
    await promisify(execFile)(
      process.execPath,
      // Its own cache directory: every run renders every page, and never shares a cache with a developer's builds.
      [
        'bin/review-reports.mjs',
        'build',
        exportDir,
        '--out',
        out,
        '--base',
        base,
        '--cache-dir',
        join(work, 'cache'),
        // Known issues for the seeds: badges, the known / unknown views and a regression to check.
        '--config',
        join(root, 'test/fixtures/known-issues/config.json'),
        // A previous build to compare with: what /new/ and the badges show.
        '--previous',
        join(root, 'test/fixtures/previous-build'),
        '--quiet',
      ],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: buildEnv() },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    rmSync(work, { recursive: true, force: true });
    throw new Error(`e2e: building the fixture site failed:\n${stderr ?? ''}\n${stdout ?? ''}`);
  }

  const quiet = { stdout: () => {}, stderr: () => {} };
  const served = await serveCommand(out, { port: 0, base }, quiet);
  if (!served.url || !served.close) throw new Error(`e2e: cannot serve ${out}`);
  project.provide('e2eSite', { url: served.url, base, failurePages: hasFailurePages(out), outDir: out });
  const close = served.close;
  return async () => {
    await close();
    rmSync(work, { recursive: true, force: true });
  };
}

/** Whether the build wrote a page for some failure signature (another part of the site, still being written). */
function hasFailurePages(out: string): boolean {
  const dir = join(out, 'failures');
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true }).some(
    (entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html')) && entry.name.includes('-'),
  );
}

function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
}
