import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFile, type OutputManifest } from './read-output-manifest.ts';
import { siteWorkDirs } from './site-work-dirs.ts';

/**
 * Creates the folder the new site is assembled in, beside `out` (so it can be renamed into place), with an
 * empty manifest first of all: whatever becomes of this process, a later build can tell the folder is ours.
 */
export function createStagingDir(out: string): string {
  const dirs = siteWorkDirs(out);
  mkdirSync(dirs.parent, { recursive: true });
  const staging = dirs.create('new').path;
  // Not `mkdtemp`: its 0700 would keep a web server from reading the site; this honours the umask.
  mkdirSync(staging, { mode: 0o777 });
  const manifest: OutputManifest = { generator: 'review-reports', version: 1, files: [] };
  writeFileSync(join(staging, manifestFile), `${JSON.stringify(manifest)}\n`);
  return staging;
}
