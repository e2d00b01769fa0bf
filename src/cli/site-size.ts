import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteFile } from './list-site-files.ts';

/** Bytes of an assembled site's regular files, and of those of its search index (`pagefind/`). */
export interface SiteSize {
  outputBytes: number;
  searchIndexBytes: number;
}

/** The size figures of the summary, from the listing the manifest is written from (no walk of its own). */
export function siteSize(dir: string, files: readonly SiteFile[]): SiteSize {
  let outputBytes = 0;
  let searchIndexBytes = 0;
  for (const file of files) {
    if (!file.regular) continue;
    const bytes = statSync(join(dir, file.path)).size;
    outputBytes += bytes;
    if (file.path.startsWith('pagefind/')) searchIndexBytes += bytes;
  }
  return { outputBytes, searchIndexBytes };
}
