import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKnownIssues } from '../config/known-issues.ts';
import { type UserConfig, userReadSettings, userRules } from '../config/user-config.ts';
import { type BuildStats, noBuildStats } from '../integration/site-data.ts';
import { FAILURE_RULES_VERSION, failureRules } from '../lib/failure-rules.ts';
import type { KnownIssue, PreviousBuild } from '../lib/types.ts';
import { type BuildSummary, formatSummary, summarizeModel } from './build-summary.ts';
import type { ClaimOptions } from './claim-output-dir.ts';
import { limitHeapGrowth } from './limit-heap-growth.ts';
import { loadConfigOption } from './load-config-option.ts';
import { type OpenOutput, openOutput } from './open-output.ts';
import { type CommandIo, loadExport } from './parse-command.ts';
import { parseSearchShards } from './parse-search-shards.ts';
import { bundledExport, projectRoot } from './project-root.ts';
import { readPreviousBuild } from './read-previous-build.ts';
import { rememberBuild } from './remember-build.ts';

export interface BuildOptions {
  exportDir: string | undefined;
  out: string;
  /** Take over a non-empty `--out` that holds no manifest of ours (still deleting nothing this tool did not write). */
  force: boolean;
  base: string | undefined;
  site: string | undefined;
  config: string | undefined;
  cacheDir: string | undefined;
  /** A previous build's output directory, whose `/api/failures.json` this build is compared with. */
  previous?: string | undefined;
  jsonSummary: string | undefined;
  /** `/a/,/b/`: the bases of every shard of a sharded site, whose search spans them all. */
  searchShards: string | undefined;
  strict: boolean;
  quiet: boolean;
  verbose: boolean;
}

/**
 * `review-reports build [<dir>]`: parses the export once, then runs Astro (pages and the content layer read
 * the parsed model) and Pagefind. Warnings never stop the build unless `--strict`.
 */
export async function buildCommand(options: BuildOptions, io: CommandIo): Promise<number> {
  const started = performance.now();
  const exportDir = resolve(options.exportDir ?? bundledExport);
  const progress = (text: string) => {
    if (!options.quiet) io.stderr(`${text}\n`);
  };

  const config = loadConfigOption(options.config, io);
  if (!config) return 2;
  let knownIssues: KnownIssue[];
  let previous: PreviousBuild | null;
  // The summary a kept cache holds of the last build made with it: what CI compares with, without extra steps.
  const remembered = options.cacheDir
    ? join(resolve(options.cacheDir), 'review-reports', 'last-build.json')
    : undefined;
  try {
    knownIssues = loadKnownIssues(config, options.config && resolve(options.config));
    // Read before anything is written: the previous build may be the very directory this one replaces.
    previous = options.previous
      ? previousBuild(join(resolve(options.previous), 'api', 'failures.json'), io)
      : remembered && existsSync(remembered)
        ? previousBuild(remembered, io)
        : null;
  } catch (error) {
    io.stderr(`review-reports: ${(error as Error).message}\n`);
    return 2;
  }
  const output = openOutput(
    options.out,
    { force: options.force, quiet: options.quiet, keep: kept(options), avoid: [astroWorkDirs] },
    io,
  );
  if (!output) return 2;
  try {
    return await buildSite(
      options,
      { exportDir, config, knownIssues, previous, remembered, output, started, progress },
      io,
    );
  } finally {
    output.close();
  }
}

interface BuildContext {
  exportDir: string;
  config: UserConfig;
  knownIssues: KnownIssue[];
  previous: PreviousBuild | null;
  /** Where a kept cache remembers this build for the next one to compare with. */
  remembered: string | undefined;
  output: OpenOutput;
  started: number;
  progress: (text: string) => void;
}

/**
 * Where each build runs Astro (see `buildSite`). Astro's bundle lives there during the build and every build
 * deletes the folders of killed ones, so the site, and the folder it is assembled in beside `--out`, must be
 * elsewhere: `--out` may neither hold this folder nor lie inside it.
 */
const astroWorkDirs = { path: join(projectRoot, '.astro', 'builds'), what: 'the work folders of Astro builds' };

/** What `--out` must never hold: the swap would move it away with the old site. */
function kept(options: BuildOptions): ClaimOptions['keep'] {
  return [
    { path: process.cwd(), what: 'the working directory' },
    { path: resolve(options.exportDir ?? bundledExport), what: 'the export' },
    { path: projectRoot, what: 'review-reports itself' },
    astroWorkDirs,
    ...(options.cacheDir ? [{ path: resolve(options.cacheDir), what: 'the --cache-dir' }] : []),
  ];
}

async function buildSite(options: BuildOptions, context: BuildContext, io: CommandIo): Promise<number> {
  const { exportDir, config, knownIssues, previous, remembered, output, started, progress } = context;
  const model = loadExport(exportDir, io, {
    quiet: options.quiet,
    rules: [...userRules(config), ...failureRules],
    settings: userReadSettings(config),
    progressEvery: 2000,
  });
  if (!model) return 2;
  const parsed = performance.now();
  limitHeapGrowth();
  progress(`assembled ${model.changes.length} changes, ${model.signatures.length} failure signatures`);
  if (options.strict && model.warnings.length > 0) {
    io.stderr(`review-reports: ${model.warnings.length} warnings and --strict: not building\n`);
    return 1;
  }

  // What Astro and Vite read from the environment themselves.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vite reads BASE_URL from the environment too (test runners set it); `--base` must win.
  delete process.env.BASE_URL;

  // Loaded only to build: Astro, Shiki and Pagefind are no part of `parse` or `check`.
  const { build } = await import('astro');
  const { astroConfig } = await import('../integration/astro-config.ts');
  let stats: BuildStats = noBuildStats();
  progress('rendering pages');
  // Astro bundles the pages it prerenders into `<cwd>/.astro/.prerender/` (when `out` is not under the working
  // directory) and deletes it after: two builds from one working directory would delete each other's bundle.
  // Each build works in a folder of its own inside the project, where the bundle still finds `node_modules`.
  const cwd = process.cwd();
  // Resolved before the working directory changes below: a relative `--cache-dir` is the user's, not Astro's.
  const cacheDir = options.cacheDir ? resolve(options.cacheDir) : undefined;
  const linkMemo = cacheDir ? join(cacheDir, 'review-reports', 'page-links.bin') : undefined;
  const workDirs = astroWorkDirs.path;
  mkdirSync(workDirs, { recursive: true });
  removeAbandonedWorkDirs(workDirs);
  const workDir = mkdtempSync(join(workDirs, `${process.pid}-`));
  const out = await output.stage();
  process.chdir(workDir);
  try {
    await build(
      astroConfig(
        {
          root: projectRoot,
          outDir: out,
          ...(cacheDir ? { cacheDir } : {}),
          ...(options.base ? { base: options.base } : {}),
          ...(options.site ? { site: options.site } : {}),
          logLevel: options.verbose ? 'info' : options.quiet ? 'error' : 'warn',
        },
        {
          model,
          config,
          knownIssues,
          previous,
          searchShards: parseSearchShards(options.searchShards),
          onProgress: (pages) => progress(`rendered ${pages} pages`),
          onStats: (done) => {
            stats = done;
          },
          whileIndexing: () => output.readPagesAhead(linkMemo),
        },
      ),
    );
  } finally {
    process.chdir(cwd);
    rmSync(workDir, { recursive: true, force: true });
  }

  const finished = performance.now();
  const { outputBytes, searchIndexBytes } = await output.publish(options.base ?? '/', linkMemo);
  const published = performance.now();
  const summary: BuildSummary = {
    export: exportDir,
    out: output.claim.out,
    ...summarizeModel(model),
    phases: {
      parse: Math.round(parsed - started),
      render: Math.round(finished - parsed - stats.indexMs),
      index: Math.round(stats.indexMs),
      publish: Math.round(published - finished),
      total: Math.round(published - started),
    },
    pages: stats.pages,
    renderedPages: stats.renderedPages,
    searchPages: stats.searchPages,
    searchPagesReused: stats.searchPagesReused,
    changeFilesReused: stats.changeFilesReused,
    outputBytes,
    searchIndexBytes,
  };
  // Only a published build is remembered: a killed one must not become what the next build compares with.
  if (remembered) rememberBuild(remembered, model);
  progress(formatSummary(summary));
  if (options.jsonSummary) writeFileSync(resolve(options.jsonSummary), `${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}

/** The previous build's failure index; a different rule table may have formed other signatures, which is said. */
function previousBuild(file: string, io: CommandIo): PreviousBuild {
  const { build, rulesVersion } = readPreviousBuild(file);
  if (rulesVersion !== undefined && rulesVersion !== FAILURE_RULES_VERSION) {
    io.stderr(
      `review-reports: the previous build (${file}) formed signatures with rule table version ${rulesVersion}, this one with ${FAILURE_RULES_VERSION}: signatures whose rule changed show as new and gone\n`,
    );
  }
  return build;
}

/** Work folders (`<pid>-…`) of builds whose process is gone: killed before they could remove their folder. */
function removeAbandonedWorkDirs(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}
