import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** One build of the hostile export, as the CLI ran it. */
export interface HostileBuild {
  code: number;
  stdout: string;
  stderr: string;
  outDir: string;
  /** The `--base` it was built with. */
  base: string;
  /** Where it is served (`http://127.0.0.1:<port>/sub/path/`), for the `--base` build; `null` for the other. */
  url: string | null;
}

/** The two builds of the hostile export made by `hostile-setup.ts`, and snapshots around them. */
export interface HostileSites {
  /** The folder holding the export (`export/`) and both builds (`default/dist`, `sub/dist`). */
  work: string;
  exportDir: string;
  /** Where the builds kept their caches (outside `work`). */
  cacheDir: string;
  generatedChanges: number;
  /** `snapshotTree(work)` without the two `dist` folders, before and after the builds. */
  workBefore: string[];
  workAfter: string[];
  exportBefore: string[];
  exportAfter: string[];
  /** A work folder of an ended build, planted in `.astro/builds/` before the builds. */
  plantedWorkDir: string;
  /** Work folders in `.astro/builds/` whose build process was gone after the builds. */
  abandonedWorkDirs: string[];
  default: HostileBuild;
  sub: HostileBuild;
}

declare module 'vitest' {
  export interface ProvidedContext {
    hostileSites: HostileSites;
  }
}

export function hostileSites(): HostileSites {
  return inject('hostileSites');
}

/** Every file of a built site, as `/`-separated paths relative to it, sorted. */
export function siteFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

/** Every HTML page of a built site, by path relative to it. */
export function sitePages(root: string): string[] {
  return siteFiles(root).filter((path) => path.endsWith('.html'));
}
