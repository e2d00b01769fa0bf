import { chmodSync, existsSync, renameSync, statSync } from 'node:fs';
import type { OutputClaim } from './claim-output-dir.ts';
import { mirrorForeignFiles } from './mirror-foreign-files.ts';
import { siteWorkDirs } from './site-work-dirs.ts';
import { writeOutputManifest } from './write-output-manifest.ts';

/** What a swap did. */
export interface Swap {
  /** Files the new site's manifest lists. */
  files: number;
  /** Files of the user's carried over from the previous `--out`. */
  kept: number;
  /** The folder the previous site was moved to, to be emptied with `removeReplacedSite`; `null` when there was none. */
  replaced: string | null;
}

/**
 * Swaps the assembled, checked site at `staging` in as `claim.out`; `files` are all its files but the manifest,
 * sorted (`listSiteFiles`). Synchronous from the manifest to the second rename, so a signal handler never runs in
 * between; `--out` is missing only between two consecutive renames in one folder, and a build killed there is put
 * back by the next (`recoverSite`). Files of the user's in `--out` are hard-linked into the new site first; the
 * replaced site is left for the caller to empty of what can be shown to be no loss, which may take its time.
 */
export function publishSite(staging: string, claim: OutputClaim, files: readonly string[]): Swap {
  writeOutputManifest(staging, files);
  if (!existsSync(claim.out)) {
    renameSync(staging, claim.out);
    return { files: files.length, kept: 0, replaced: null };
  }
  const kept = mirrorForeignFiles(claim.out, staging, claim.ours).length;
  chmodSync(staging, statSync(claim.out).mode & 0o7777);
  const replaced = siteWorkDirs(claim.out).create('old').path;
  renameSync(claim.out, replaced);
  renameSync(staging, claim.out);
  return { files: files.length, kept, replaced };
}
