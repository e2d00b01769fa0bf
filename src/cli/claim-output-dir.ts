import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { manifestFile, readOutputManifest } from './read-output-manifest.ts';

/** Whose `--out` is: the files review-reports wrote there (all others are the user's and are kept). */
export interface OutputClaim {
  /** The real path of `--out` (a symbolic link to a folder is followed: the folder is what gets replaced). */
  out: string;
  /** Paths the previous build listed in its manifest; empty for a new, empty or taken-over folder. */
  ours: Set<string>;
}

export interface ClaimOptions {
  /** `--force`: take over a non-empty folder without a manifest. */
  force: boolean;
  /** Folders that must stay where they are (the working directory, the export, the cache): never inside `--out`. */
  keep: ReadonlyArray<{ path: string; what: string }>;
  /** Folders that other steps of the build empty or delete: `--out` must not be inside them. Default: none. */
  avoid?: ReadonlyArray<{ path: string; what: string }>;
}

/**
 * Decides, before anything is written, whether a build may publish into `out`: a missing or empty folder, or
 * one whose manifest says review-reports wrote it, yes; any other folder only with `--force`. Returns the
 * claim, or the one line that says why not and what to do.
 */
export function claimOutputDir(outOption: string, options: ClaimOptions): OutputClaim | { refusal: string } {
  const given = resolve(outOption);
  let out = given;
  let entries: string[] | null = null;
  try {
    out = realpathSync(given);
    if (!statSync(out).isDirectory()) return { refusal: `--out ${outOption} is a file, not a folder` };
    entries = readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return { refusal: `cannot use --out ${outOption}: ${(error as Error).message}` };
    }
    // A missing `--out` (or a link to nothing) is created by the swap; its parent must be real for the renames.
    out = resolve(realParent(dirname(given)), relative(dirname(given), given));
  }
  if (dirname(out) === out) return { refusal: `--out ${outOption} is the root of the file system` };
  for (const kept of options.keep) {
    if (contains(out, kept.path)) {
      return { refusal: `--out ${outOption} holds ${kept.what} (${kept.path}); build into a folder of its own` };
    }
  }
  for (const avoided of options.avoid ?? []) {
    if (contains(realPath(avoided.path), out)) {
      return {
        refusal: `--out ${outOption} is inside ${avoided.what} (${avoided.path}); build into a folder of its own`,
      };
    }
  }
  if (entries === null || entries.length === 0) return { out, ours: new Set() };
  const ours = readOutputManifest(out);
  if (ours) return { out, ours };
  if (options.force) return { out, ours: new Set() };
  return {
    refusal: `--out ${outOption} is not empty and has no ${manifestFile}, so review-reports did not write it; build into another --out, or pass --force to take it over (files it did not write are kept)`,
  };
}

function contains(dir: string, path: string): boolean {
  const real = realPath(path);
  return real === dir || real.startsWith(`${dir}${sep}`);
}

function realPath(path: string): string {
  try {
    return realpathSync(resolve(path));
  } catch {
    // Not there yet: compare the path as given.
    return resolve(path);
  }
}

/** The real path of the nearest existing ancestor, joined with the rest. */
function realParent(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    const up = dirname(dir);
    return up === dir ? dir : resolve(realParent(up), relative(up, dir));
  }
}
