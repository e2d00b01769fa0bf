import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from './is-process-alive.ts';

/**
 * Removes what builds that are gone left in `dir` (killed before they could finish their work there): each
 * entry whose name `owner` reads a process id from, when that process is neither this one nor alive. Nothing
 * else in `dir` is touched.
 */
export function removeAbandoned(dir: string, owner: (name: string) => number | null): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = owner(name);
    if (pid === null || pid === process.pid || isProcessAlive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}
