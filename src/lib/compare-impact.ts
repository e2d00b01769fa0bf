import type { Impact } from './types.ts';

/** What the order reads of a signature: a full entry (occurrences listed) or the failure index's summary (counted). */
type Ranked = { signature: string; impact: Impact; occurrences: number | readonly unknown[] };

const count = (occurrences: Ranked['occurrences']) =>
  typeof occurrences === 'number' ? occurrences : occurrences.length;

/** How much a signature cost: the rebuilds and the rejected patch sets it caused, each a round trip for someone. */
function impactScore(entry: Ranked): number {
  return entry.impact.rebuilds + entry.impact.rejectedPatchSets;
}

/**
 * Highest impact first: the score (rebuilds plus rejected patch sets), then sole-cause rejections, CI time, changes affected
 * and occurrences; ties by signature, so every build orders them the same.
 */
export function compareImpact(a: Ranked, b: Ranked): number {
  return (
    impactScore(b) - impactScore(a) ||
    b.impact.soleCauseRejections - a.impact.soleCauseRejections ||
    (b.impact.ciSeconds ?? 0) - (a.impact.ciSeconds ?? 0) ||
    b.impact.changes - a.impact.changes ||
    count(b.occurrences) - count(a.occurrences) ||
    (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0)
  );
}
