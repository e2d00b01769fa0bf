import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/generate-export.ts';
import { buildEnv, projectRoot, runCli } from './support/build-site.ts';
import { snapshotTree } from './support/snapshot-tree.ts';

/**
 * The output folder is review-reports' own and is replaced whole: real CLI processes, real signals. A site
 * built from one export is rebuilt from another, and the rebuild is killed at several moments; after each the
 * folder must hash exactly as before, and the next build must publish the new site and clear the work folders.
 */

const work = mkdtempSync(join(tmpdir(), 'review-reports-output-'));
const exportA = join(work, 'export-a');
const exportB = join(work, 'export-b');
const manifest = '.review-reports-manifest.json';

function writeExport(dir: string, changes: number, seed: number): void {
  for (const file of generateExport({ changes, seed })) {
    mkdirSync(join(dir, file.path, '..'), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
}

/** A build as a child process, with its stderr as it arrives. */
function start(args: readonly string[]): { child: ChildProcess; stderr: () => string; done: Promise<number | null> } {
  const child = spawn(process.execPath, ['bin/review-reports.mjs', ...args], {
    cwd: projectRoot,
    env: buildEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => stderr, done };
}

/**
 * The site's files with their bytes, but the highlighting left out (colour spans and classes, `highlight.css`):
 * two renders of one export do not always colour snippets alike (see the report of issue 10; the incremental
 * test's byte-identity checks fail on the same difference). For comparing two renders, not a site with itself.
 */
function rendered(root: string): string[] {
  return snapshotTree(root).map((line) => {
    const [path, type] = line.split(' ');
    if (path === 'highlight.css') return `${path} css`;
    if (type !== 'f' || !path?.endsWith('.html')) return line;
    const text = readFileSync(join(root, path), 'utf8')
      .replace(/<\/?span[^>]*>/g, '')
      .replace(/\bhl-[a-z0-9]+/g, 'hl');
    return `${path} html ${createHash('sha1').update(text).digest('hex')}`;
  });
}

/** Work folders review-reports made beside `site` in `parent`. */
function workFolders(parent: string, site: string): string[] {
  return readdirSync(parent).filter((name) => name.startsWith(`.${site}.review-reports-`));
}

/** What a test can see of a running build: its stderr, and the folder it assembles its site in, once made. */
interface Progress {
  stderr: string;
  staging: string | undefined;
}

/**
 * Starts a build and freezes it (SIGSTOP) as soon as `reached` holds; if the frozen process is really at that
 * moment (`still` holds), kills it with SIGKILL. A build that ran past the moment before it froze is killed too
 * and the moment tried again, so the kill the test counts always lands where it says.
 */
async function killAt(
  args: readonly string[],
  parent: string,
  reached: (progress: Progress) => boolean,
  still: (progress: Progress) => boolean,
): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const build = start(args);
    const progress = (): Progress => {
      const name = readdirSync(parent).find((entry) => entry.includes(`.review-reports-new-${build.child.pid}-`));
      return { stderr: build.stderr(), staging: name && join(parent, name) };
    };
    const frozen = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        if (!reached(progress())) return;
        clearInterval(timer);
        build.child.kill('SIGSTOP');
        resolve(true);
      }, 1);
      build.done.then(() => {
        clearInterval(timer);
        resolve(false);
      });
    });
    const there = frozen && still(progress());
    build.child.kill('SIGKILL');
    await build.done;
    if (there) return;
  }
  throw new Error('the build never stopped at the moment asked for');
}

beforeAll(() => {
  writeExport(exportA, 10, 5);
  writeExport(exportB, 14, 6);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the output folder', () => {
  const parent = join(work, 'sites');
  const site = join(parent, 'site');
  // Every build renders every page (a cache of its own): the comparisons below are of whole sites, and pages an
  // incremental build restores are not always byte-identical to rendered ones (see the report of issue 10).
  let caches = 0;
  const args = (exportDir: string) => {
    caches++;
    return ['build', exportDir, '--out', site, '--cache-dir', join(work, `cache-${caches}`)];
  };
  let before: string[] = [];
  let fresh = '';

  beforeAll(async () => {
    mkdirSync(parent);
    expect((await runCli([...args(exportA), '--quiet'])).code).toBe(0);
    before = snapshotTree(site);
    const clean = join(work, 'clean-b');
    expect(
      (await runCli(['build', exportB, '--out', clean, '--cache-dir', join(work, 'cache-clean'), '--quiet'])).code,
    ).toBe(0);
    fresh = rendered(clean).join('\n');
  }, 120_000);

  it('holds a manifest that lists every file the build wrote, and only those', () => {
    const listed = JSON.parse(readFileSync(join(site, manifest), 'utf8'));
    const files = before
      .filter((line) => / f /.test(line))
      .map((line) => line.split(' ')[0] as string)
      .sort();
    expect(listed).toEqual({ generator: 'review-reports', version: 1, files: files.filter((f) => f !== manifest) });
    expect(rendered(site).join('\n')).not.toBe(fresh);
  });

  const unchanged = ({ staging }: Progress) =>
    staging !== undefined && snapshotTree(site).join('\n') === before.join('\n');
  const has = (path: string) => (progress: Progress) =>
    progress.staging !== undefined && existsSync(join(progress.staging, path));
  const moments: Array<[string, (progress: Progress) => boolean, (progress: Progress) => boolean]> = [
    ['while the export is read', ({ stderr }) => stderr.includes('read '), ({ staging }) => staging === undefined],
    ['while pages are rendered', has('changes'), (progress) => unchanged(progress) && !has('pagefind')(progress)],
    ['while the search index is written', has('pagefind'), unchanged],
    ['just before the swap', ({ stderr }) => stderr.includes('checking the site'), unchanged],
  ];
  for (const [moment, reached, still] of moments) {
    it(`is left as it was, byte for byte, by a build killed ${moment}`, async () => {
      await killAt(args(exportB), parent, reached, still);
      expect(snapshotTree(site)).toEqual(before);
    }, 120_000);
  }

  it('takes the new site whole on the next build, and clears what the killed builds left', async () => {
    const rebuilt = await runCli(args(exportB));
    expect(rebuilt.code).toBe(0);
    // Each killed build cleared the folder of the one killed before it: the last one's is left to clear.
    expect(rebuilt.stderr).toMatch(/^removed 1 work folders of killed builds$/m);
    expect(workFolders(parent, 'site')).toEqual([]);
    expect(rendered(site).join('\n')).toBe(fresh);
    before = snapshotTree(site);
  }, 120_000);

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`stops on ${signal} with exit ${code} and one line, leaving the site and no work folder`, async () => {
      const build = start(args(exportA));
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (!build.stderr().includes('rendering pages')) return;
          clearInterval(timer);
          resolve();
        }, 1);
      });
      build.child.kill(signal);
      expect(await build.done).toBe(code);
      expect(build.stderr().trimEnd().split('\n').at(-1)).toBe(
        `review-reports: stopped by ${signal}; ${site} is as it was`,
      );
      expect(snapshotTree(site)).toEqual(before);
      expect(workFolders(parent, 'site')).toEqual([]);
    }, 120_000);
  }

  it('puts back a site that a build killed between the two renames of its swap had moved away', async () => {
    // A process that has ended: its pid is what a killed build leaves in its work folders' names.
    const gone = start(['--help']);
    await gone.done;
    const moved = join(parent, `.site.review-reports-old-${gone.child.pid}-0123abcd`);
    renameSync(site, moved);
    const result = await runCli(args(exportB));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^put back the site a killed build had moved to ${moved}$`, 'm'));
    expect(rendered(site).join('\n')).toBe(fresh);
    expect(workFolders(parent, 'site')).toEqual([]);
  }, 120_000);
});

describe('a folder review-reports did not write', () => {
  const parent = join(work, 'foreign');
  const out = join(parent, 'docs');
  let mine: string[] = [];

  beforeAll(() => {
    mkdirSync(join(out, 'notes'), { recursive: true });
    writeFileSync(join(out, 'NOTES.md'), 'my notes\n');
    writeFileSync(join(out, 'notes', 'todo.txt'), 'keep me\n');
    // A page of the user's where the site has one: the new site's replaces it, so it must survive aside.
    writeFileSync(join(out, 'index.html'), '<p>my own index</p>\n');
    mine = snapshotTree(out);
  });

  it('is refused with exit 2 and one line saying what to do, and left untouched', async () => {
    const result = await runCli(['build', exportA, '--out', out]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `review-reports: --out ${out} is not empty and has no ${manifest}, so review-reports did not write it; build into another --out, or pass --force to take it over (files it did not write are kept)\n`,
    });
    expect(snapshotTree(out)).toEqual(mine);
    expect(readdirSync(parent)).toEqual(['docs']);
  });

  it('is taken over with --force, keeping every file of the user, and stays theirs on later builds', async () => {
    const forced = await runCli(['build', exportA, '--out', out, '--force', '--quiet']);
    expect(forced.code).toBe(0);
    const aside = readdirSync(parent).filter((name) => name !== 'docs');
    expect(aside).toHaveLength(1);
    expect(forced.stderr).toBe(
      `review-reports: kept ${join(parent, aside[0] as string)}: it holds files of yours from --out that the new site replaced (or added during the swap); delete it when you no longer need them\n`,
    );
    expect(snapshotTree(join(parent, aside[0] as string))).toEqual([
      mine.find((line) => line.startsWith('index.html ')),
    ]);
    const listed: string[] = JSON.parse(readFileSync(join(out, manifest), 'utf8')).files;
    expect(listed).not.toContain('NOTES.md');
    const kept = (tree: string[]) => tree.filter((line) => /^(NOTES\.md|notes)[ /]/.test(line));
    expect(kept(snapshotTree(out))).toEqual(kept(mine));

    const again = await runCli(['build', exportA, '--out', out, '--quiet']);
    expect(again.code).toBe(0);
    expect(kept(snapshotTree(out))).toEqual(kept(mine));
    expect(readdirSync(parent).sort()).toEqual([aside[0], 'docs'].sort());
  }, 120_000);

  it('is refused, even with --force, when it holds the working directory', async () => {
    const result = await runCli(['build', exportA, '--out', projectRoot, '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `review-reports: --out ${projectRoot} holds the working directory (${projectRoot}); build into a folder of its own\n`,
    );
  });
});
