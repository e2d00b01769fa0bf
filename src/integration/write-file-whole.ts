import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `file` whole or not at all: to a temporary name beside it first, then renamed over it, so a build
 * killed midway leaves later builds the file of the build before, never a cut one. Its folder is made if need be.
 */
export function writeFileWhole(file: string, data: string | NodeJS.ArrayBufferView): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
