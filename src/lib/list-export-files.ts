import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every regular file under an export directory, as `/`-separated paths relative to it, sorted so that
 * builds are reproducible. Hidden files and folders (`.git`, `.DS_Store`) are not part of an export;
 * symbolic links are not followed, so an export cannot lead the reader outside itself or into a loop.
 * Throws when `root` cannot be read.
 */
export function listExportFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    const entries = readdirSync(relative ? join(root, relative) : root, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk('');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
