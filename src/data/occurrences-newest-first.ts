import { compareBuilds } from '../lib/compare-builds.ts';
import type { Occurrence, SignatureEntry } from '../lib/types.ts';

const sorted = new WeakMap<SignatureEntry, readonly Occurrence[]>();

/**
 * A signature's occurrences as its pages list them: newest first, then by change and build, so every build
 * lists them in the same order (occurrences without a date last). Sorted once per signature: each page of the
 * list takes a slice.
 */
export function occurrencesNewestFirst(entry: SignatureEntry): readonly Occurrence[] {
  let list = sorted.get(entry);
  if (!list) {
    list = [...entry.occurrences].sort(
      (a, b) =>
        (b.date ?? '').localeCompare(a.date ?? '') ||
        a.change.localeCompare(b.change) ||
        compareBuilds(a.build, b.build),
    );
    sorted.set(entry, list);
  }
  return list;
}
