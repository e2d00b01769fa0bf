import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One digest of every file under the given folders, names and bytes (hidden entries and `node_modules` left out):
 * the identity of the code that renders the pages, so that a page kept from an earlier build is reused only by the
 * same templates, components, styles and static files.
 */
export function digestFiles(folders: readonly string[]): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    hash.update(`\u0000folder\u0000${folder}\u0000`);
    for (const path of listFiles(folder, '')) {
      hash.update(`\u0000${path}\u0000`);
      hash.update(readFileSync(join(folder, path)));
    }
  }
  return hash.digest('hex');
}

function listFiles(root: string, relative: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, relative), { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(root, path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
