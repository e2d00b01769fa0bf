import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in every site review-reports publishes that lists what it wrote there. */
export const manifestFile = '.review-reports-manifest.json';

/** What the manifest holds: `files` are paths relative to the site, with `/` separators, sorted. */
export interface OutputManifest {
  generator: 'review-reports';
  version: 1;
  files: string[];
}

/**
 * The files the manifest in `dir` says review-reports wrote; `null` when there is no manifest or it is not
 * one of ours (a directory it did not write). Listed paths that would leave `dir` are dropped.
 */
export function readOutputManifest(dir: string): Set<string> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8'));
  } catch {
    return null;
  }
  const manifest = raw as Partial<OutputManifest> | null;
  if (manifest?.generator !== 'review-reports' || manifest.version !== 1 || !Array.isArray(manifest.files)) {
    return null;
  }
  const safe = manifest.files.filter(
    (file): file is string =>
      typeof file === 'string' && file !== '' && !file.startsWith('/') && !file.split('/').some(isSpecial),
  );
  return new Set(safe);
}

function isSpecial(segment: string): boolean {
  return segment === '' || segment === '.' || segment === '..' || segment.includes('\\');
}
