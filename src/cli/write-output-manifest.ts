import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFile, type OutputManifest } from './read-output-manifest.ts';

/**
 * Lists every file under `dir` (a site this build assembled, so all of them are its own) in the manifest.
 * Sorted and without dates, so two builds of one export write the same bytes. Written whole or not at all.
 */
export function writeOutputManifest(dir: string): string[] {
  const files = listFiles(dir, '').filter((file) => file !== manifestFile);
  files.sort();
  const manifest: OutputManifest = { generator: 'review-reports', version: 1, files };
  const partial = join(dir, `${manifestFile}.partial`);
  writeFileSync(partial, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(partial, join(dir, manifestFile));
  return files;
}

function listFiles(root: string, relative: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(root, path));
    else files.push(path);
  }
  return files;
}
