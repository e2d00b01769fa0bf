import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../e2e/support/build-site.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'review-reports-package-'));
const app = join(work, 'app');
const run = promisify(execFile);

/**
 * A user's environment: Node ≥ 22.12 first on the PATH (this test's own; the machine's may be older), and none
 * of the `npm_*` variables of the `npm test` running this, which would steer the inner npm.
 */
function userEnv(): NodeJS.ProcessEnv {
  const env = buildEnv();
  for (const name of Object.keys(env)) if (name.startsWith('npm_') && name !== 'npm_config_cache') delete env[name];
  env.PATH = [dirname(process.execPath), env.PATH].join(delimiter);
  return env;
}

let server: ChildProcess | undefined;

beforeAll(async () => {
  // `npm pack` runs `prepack`, which compiles the package's JavaScript.
  const packed = await run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, env: userEnv() });
  const tarball = join(work, packed.stdout.trim().split('\n').at(-1) as string);
  cpSync(join(root, 'test/fixtures/seeds'), join(app, 'export'), { recursive: true });
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  // The registry is the only source of the dependencies (its cache, when there is no network).
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: app, env: userEnv() });
}, 600_000);

afterAll(() => {
  // npx runs the server as a child of its own: end the whole group this test started.
  if (server?.pid) process.kill(-server.pid);
  rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('the installed package', () => {
  it('holds what a user runs and nothing of the repository besides', () => {
    const installed = join(app, 'node_modules/review-reports');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'compiled', 'package.json', 'public', 'src']);
    expect(existsSync(join(installed, 'compiled/cli/main.js'))).toBe(true);
    expect(existsSync(join(installed, 'compiled/integration/index.d.ts'))).toBe(true);
    expect(existsSync(join(installed, 'src/pages/index.astro'))).toBe(true);
    expect(existsSync(join(installed, 'src/cli'))).toBe(false);
  });

  it('exports the integration and the Astro config to code that imports it', async () => {
    const script =
      "const [m, c] = await Promise.all([import('review-reports'), import('review-reports/astro-config')]); console.log(typeof m.default, typeof c.astroConfig);";
    const imported = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app, env: userEnv() });
    expect(imported.stdout).toBe('function function\n');
  });

  it('builds a site from an export with `npx review-reports` and serves it', async () => {
    const built = await run('npx', ['review-reports', 'build', 'export', '--out', 'site'], {
      cwd: app,
      env: userEnv(),
    });
    expect(built.stderr).toContain('output: 31 pages');
    server = spawn('npx', ['review-reports', 'serve', 'site', '--port', '0'], {
      cwd: app,
      env: userEnv(),
      detached: true,
    });
    const url = await new Promise<string>((done, fail) => {
      let said = '';
      server?.stderr?.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        const found = / at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(said);
        if (found?.[1]) done(found[1]);
      });
      server?.once('exit', (code) => fail(new Error(`serve ended with ${code}: ${said}`)));
    });
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<title>Dashboard · Review reports</title>');
    const change = await fetch(`${url}changes/I14f6e1718976b9f792fe28ab8aa309e4a61fdf32/`);
    expect(change.status).toBe(200);
    expect((await fetch(`${url}pagefind/pagefind.js`)).status).toBe(200);
  }, 300_000);

  it('tells a Node older than 22.12 which Node it needs, in one line, with exit code 2', async (context) => {
    const old = '/usr/bin/node';
    const version = existsSync(old) ? (await run(old, ['--version'])).stdout.trim() : '';
    const [major = 0, minor = 0] = version.slice(1).split('.').map(Number);
    if (!version || major > 22 || (major === 22 && minor >= 12)) context.skip(`no Node older than 22.12 at ${old}`);
    const result = await run(old, [join(app, 'node_modules/.bin/review-reports'), 'build', 'export'], {
      cwd: app,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result).toEqual({
      code: 2,
      stderr: `review-reports needs Node.js 22.12 or newer; this is Node.js ${version.slice(1)}.\n`,
    });
  });
});
