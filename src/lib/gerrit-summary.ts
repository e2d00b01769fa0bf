import type { Dump, GerritChange, Outcome } from './types.ts';

/** What the JSON exports of a change say about it, and the outcome its Gerrit status gives. */
export interface GerritSummary {
  change?: GerritChange;
  outcome?: Outcome;
}

/**
 * The newest JSON export's view of a change (by Gerrit's update time), its gaps filled from older ones, and
 * the outcome Gerrit's status says: `NEW` (and the old `DRAFT`) is open. A status Gerrit may add later is not
 * guessed at: the outcome is then read off the messages, as for text dumps.
 */
export function gerritSummary(dumps: readonly Dump[]): GerritSummary {
  const known = dumps.filter((dump) => dump.gerrit !== undefined);
  if (known.length === 0) return {};
  known.sort((a, b) => compare(b.gerrit?.updated ?? '', a.gerrit?.updated ?? '') || compare(a.file, b.file));
  const change: GerritChange = {};
  for (const dump of known) {
    for (const [key, value] of Object.entries(dump.gerrit ?? {}) as Array<[keyof GerritChange, never]>) {
      if (change[key] === undefined) change[key] = value;
    }
  }
  const outcome = outcomes[change.status ?? ''];
  return outcome ? { change, outcome } : { change };
}

const outcomes: Record<string, Outcome> = { NEW: 'open', DRAFT: 'open', MERGED: 'merged', ABANDONED: 'abandoned' };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
