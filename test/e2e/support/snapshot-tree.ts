import { hash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every entry under a directory, as sorted lines `<relative path> <type> <size> <sha1>` (type `f` file, `d`
 * directory, `l` symbolic link, `o` other): two snapshots are equal when nothing under it was created,
 * removed, renamed or rewritten. `skip` names relative paths whose subtrees are left out.
 */
export function snapshotTree(root: string, skip: readonly string[] = []): string[] {
  const lines: string[] = [];
  if (!existsSync(root)) return lines;
  const walk = (relative: string) => {
    for (const entry of readdirSync(relative ? join(root, relative) : root, { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (skip.includes(path)) continue;
      const full = join(root, path);
      const stat = lstatSync(full);
      if (entry.isSymbolicLink()) lines.push(`${path} l`);
      else if (entry.isDirectory()) {
        lines.push(`${path} d`);
        walk(path);
      } else if (entry.isFile()) lines.push(`${path} f ${stat.size} ${hash('sha1', readFileSync(full), 'hex')}`);
      else lines.push(`${path} o`);
    }
  };
  walk('');
  return lines.sort();
}
