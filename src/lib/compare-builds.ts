import type { BuildId } from './types.ts';

/** Orders runs of a job: build numbers by value, then string ids (Zuul's UUIDs, log URLs) by text. */
export function compareBuilds(a: BuildId, b: BuildId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
