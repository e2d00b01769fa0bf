import type { SignatureEntry } from './types.ts';

/** How much a signature cost: the rebuilds and the rejected patch sets it caused, each a round trip for someone. */
function impactScore(entry: Pick<SignatureEntry, 'impact'>): number {
  return entry.impact.rebuilds + entry.impact.rejectedPatchSets;
}

/**
 * Highest impact first: the score (rebuilds plus rejected patch sets), then sole-cause rejections, CI time, changes affected
 * and occurrences; ties by signature, so every build orders them the same.
 */
export function compareImpact(a: SignatureEntry, b: SignatureEntry): number {
  return (
    impactScore(b) - impactScore(a) ||
    b.impact.soleCauseRejections - a.impact.soleCauseRejections ||
    (b.impact.ciSeconds ?? 0) - (a.impact.ciSeconds ?? 0) ||
    b.impact.changes - a.impact.changes ||
    b.occurrences.length - a.occurrences.length ||
    (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0)
  );
}
