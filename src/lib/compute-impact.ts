import { compareBuilds } from './compare-builds.ts';
import { occurrenceTrend } from './occurrence-trend.ts';
import type { Change, Failure, IndexedSignature, JobRun, SignatureEntry } from './types.ts';

interface Tally {
  rebuilds: number;
  rejected: Set<string>;
  sole: Set<string>;
  seconds: number | null;
}

/**
 * What each signature cost, from the review data alone:
 * - a **rebuild** is a later run of the same job on the same patch set; it is charged to every signature of
 *   the run just before it (that run's failures are why someone asked again);
 * - a **rejected patch set** got a negative `Verified` vote in a bot verdict that named the signature among its
 *   causes (the failures of the runs it reported, unclassified ones included); it is a **sole-cause** rejection when the verdict named no other signature. A patch set counts once
 *   however many verdicts rejected it;
 * - **CI time** is the sum of the durations of the runs that failed with it, where the bot gave them;
 * - the **trend** compares the last week of the export with the four weeks before (`occurrence-trend.ts`),
 *   counted up to `newest`, the export's newest date.
 */
export function computeImpact(
  changes: readonly Change[],
  signatures: readonly IndexedSignature[],
  newest: string | null,
): SignatureEntry[] {
  const tallies = new Map<string, Tally>();
  const tally = (signature: string): Tally => {
    let found = tallies.get(signature);
    if (!found) {
      found = { rebuilds: 0, rejected: new Set(), sole: new Set(), seconds: null };
      tallies.set(signature, found);
    }
    return found;
  };

  for (const change of changes) {
    for (const runs of runsPerJobAndPatchSet(change.runs)) {
      runs.forEach((run, index) => {
        const previous = runs[index - 1];
        if (previous && previous.failures.length > 0) {
          for (const signature of signaturesOf(previous.failures)) tally(signature).rebuilds++;
        }
        if (run.durationSeconds === undefined || run.failures.length === 0) return;
        for (const signature of signaturesOf(run.failures)) {
          const entry = tally(signature);
          entry.seconds = (entry.seconds ?? 0) + run.durationSeconds;
        }
      });
    }
    const rejecting = new Set(
      change.votes
        .filter((vote) => vote.label.toLowerCase() === 'verified' && vote.value < 0 && !vote.removed)
        .map((vote) => vote.messageId),
    );
    for (const build of change.builds) {
      if (!rejecting.has(build.messageId)) continue;
      // A failed run the bot named no cause for is a cause too (its `unclassified:<job>` signature lives on the
      // run only, not on the verdict's failures).
      const reported = change.runs.filter((run) => run.reportedBy.includes(build.messageId));
      const causes = signaturesOf([...build.failures, ...reported.flatMap((run) => run.failures)]);
      if (causes.size === 0) continue;
      const patchSet = `${change.id}\u0000${build.patchSet}`;
      for (const signature of causes) {
        tally(signature).rejected.add(patchSet);
        if (causes.size === 1) tally(signature).sole.add(patchSet);
      }
    }
  }

  return signatures.map((entry) => {
    const found = tallies.get(entry.signature);
    return {
      ...entry,
      impact: {
        rebuilds: found?.rebuilds ?? 0,
        rejectedPatchSets: found?.rejected.size ?? 0,
        soleCauseRejections: found?.sole.size ?? 0,
        changes: entry.changes.length,
        ciSeconds: found?.seconds ?? null,
        trend: occurrenceTrend(
          entry.occurrences.map((occurrence) => occurrence.date),
          newest,
        ).trend,
      },
    };
  });
}

/**
 * The runs of each job on each patch set, oldest first: Jenkins build numbers count up, but Zuul's build ids are
 * UUIDs, so those runs go by the date of the message that first reported them.
 */
function runsPerJobAndPatchSet(runs: readonly JobRun[]): JobRun[][] {
  const groups = new Map<string, JobRun[]>();
  for (const run of runs) {
    const key = `${run.patchSet}\u0000${run.name}`;
    const group = groups.get(key);
    if (group) group.push(run);
    else groups.set(key, [run]);
  }
  return [...groups.values()].map((group) => group.sort(olderRunFirst));
}

function olderRunFirst(a: JobRun, b: JobRun): number {
  if (typeof a.build === 'number' && typeof b.build === 'number') return a.build - b.build;
  // Undated runs last; ISO dates order as text.
  const [first, second] = [a.date ?? '\uffff', b.date ?? '\uffff'];
  return first < second ? -1 : first > second ? 1 : compareBuilds(a.build, b.build);
}

function signaturesOf(failures: readonly Failure[]): Set<string> {
  return new Set(failures.map((failure) => failure.signature));
}
