import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a directory with its bytes, by path. */
export function fileTree(root: string, relative = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [file, bytes] of fileTree(root, path)) files.set(file, bytes);
    else files.set(path, readFileSync(join(root, path)));
  }
  return files;
}

/** Paths whose bytes differ between two trees, and paths only one of them has, sorted. */
export function treeDifferences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) || !b.has(path)).sort();
}
