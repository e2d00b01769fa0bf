import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFile, type OutputManifest } from './read-output-manifest.ts';

/**
 * Writes the manifest of the site at `dir` (one this build assembled, so all its files are its own): `files`,
 * every file of it but the manifest, sorted (`listSiteFiles`), and no dates, so two builds of one export write
 * the same bytes. Written whole or not at all.
 */
export function writeOutputManifest(dir: string, files: readonly string[]): void {
  const manifest: OutputManifest = { generator: 'review-reports', version: 1, files: [...files] };
  const partial = join(dir, `${manifestFile}.partial`);
  writeFileSync(partial, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(partial, join(dir, manifestFile));
}
