import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFile } from './read-output-manifest.ts';

/** A file of an assembled site: its path relative to the site, with `/` separators. */
export interface SiteFile {
  path: string;
  /** A regular file (not a symbolic link or other special file): what a link may lead to and what is counted in sizes. */
  regular: boolean;
}

/**
 * Every file under `dir` but the manifest, sorted by path: one walk of the assembled site that the link check,
 * the manifest and the size figures share (each walked the whole site on its own, ~33k files at 10k changes).
 */
export function listSiteFiles(dir: string): SiteFile[] {
  const files: SiteFile[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (path !== manifestFile) files.push({ path, regular: entry.isFile() });
    }
  };
  walk('');
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
