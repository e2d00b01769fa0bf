import { compareBuilds } from '../lib/compare-builds.ts';
import type { Change, Occurrence, SearchChangeRow, SignatureEntry } from '../lib/types.ts';
import { anchors, runLabel } from '../site/format.ts';
import { urls } from '../site/urls.ts';

/**
 * The changes where a signature occurred, newest first (by each change's newest occurrence; ties by change
 * and build, so every build lists the same), at most `limit`: what a search result for the signature lists
 * under it, so a query that names a signature shows its page and then the changes, newest first.
 */
export function signatureSearchRows(
  entry: Pick<SignatureEntry, 'signature' | 'occurrences'>,
  changeById: ReadonlyMap<string, Change>,
  limit: number,
): SearchChangeRow[] {
  const newest = new Map<string, Occurrence>();
  for (const occurrence of entry.occurrences) {
    if (!changeById.has(occurrence.change)) continue;
    const known = newest.get(occurrence.change);
    if (!known || newerFirst(occurrence, known) < 0) newest.set(occurrence.change, occurrence);
  }
  return [...newest.values()]
    .sort(newerFirst)
    .slice(0, limit)
    .map((occurrence) => {
      const change = changeById.get(occurrence.change) as Change;
      const run = change.runs.find(
        (candidate) => candidate.name === occurrence.job && candidate.build === occurrence.build,
      );
      const index = run?.failures.findIndex((failure) => failure.signature === entry.signature) ?? -1;
      const anchor =
        index < 0
          ? anchors.run(occurrence.job, occurrence.build)
          : anchors.failure(occurrence.job, occurrence.build, index);
      return {
        href: `${urls.change(change.slug)}#${anchor}`,
        subject: change.subject || change.id,
        patchSet: occurrence.patchSet,
        job: occurrence.job,
        run: runLabel(occurrence.build),
        date: occurrence.date,
      };
    });
}

function newerFirst(a: Occurrence, b: Occurrence): number {
  return (
    (b.date ?? '').localeCompare(a.date ?? '') || a.change.localeCompare(b.change) || compareBuilds(b.build, a.build)
  );
}
