import type { FlakyEvidence, SignatureEntry } from '../lib/types.ts';

const sorted = new WeakMap<SignatureEntry, readonly FlakyEvidence[]>();

/**
 * A signature's rebuilds that disagreed as its pages list them: the newest first, by the newest run of the job on
 * that patch set that failed with it, then by change, patch set and job, so every build lists them in the same
 * order (those whose failed runs have no date last). The model holds them in Change-Id order, which says nothing
 * to a reader paging through thousands. Sorted once per signature: each page of the list takes a slice.
 */
export function flakyEvidenceNewestFirst(entry: SignatureEntry): readonly FlakyEvidence[] {
  let list = sorted.get(entry);
  if (!list) {
    const newest = new Map<string, string>();
    for (const occurrence of entry.occurrences) {
      if (occurrence.date === null) continue;
      const key = evidenceKey(occurrence);
      const known = newest.get(key);
      if (known === undefined || occurrence.date > known) newest.set(key, occurrence.date);
    }
    const dateOf = (evidence: FlakyEvidence) => newest.get(evidenceKey(evidence)) ?? '';
    list = [...entry.flakyEvidence].sort(
      (a, b) =>
        dateOf(b).localeCompare(dateOf(a)) ||
        a.change.localeCompare(b.change) ||
        a.patchSet - b.patchSet ||
        a.job.localeCompare(b.job),
    );
    sorted.set(entry, list);
  }
  return list;
}

function evidenceKey(run: { change: string; patchSet: number; job: string }): string {
  return `${run.change}\u0000${run.patchSet}\u0000${run.job}`;
}
