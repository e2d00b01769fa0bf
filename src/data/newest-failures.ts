import { compareBuilds } from '../lib/compare-builds.ts';
import type { Occurrence, ReportModel, SignatureEntry } from '../lib/types.ts';

/** One failure occurrence with the signature it is an occurrence of. */
export interface DatedFailure {
  signature: SignatureEntry;
  occurrence: Occurrence;
  /** The occurrence's date, known. */
  date: string;
}

/**
 * The most recent failure occurrences of the export, newest first. Occurrences without a known date cannot be
 * placed in time and are left out. Ties are broken by change, job, build and signature, so the list is the same
 * on every build of the same export.
 */
export function newestFailures(model: ReportModel, limit: number): DatedFailure[] {
  const all: DatedFailure[] = [];
  for (const signature of model.signatures) {
    for (const occurrence of signature.occurrences) {
      if (occurrence.date) all.push({ signature, occurrence, date: occurrence.date });
    }
  }
  return all.sort(newestFirst).slice(0, limit);
}

function newestFirst(a: DatedFailure, b: DatedFailure): number {
  return (
    compare(b.date, a.date) ||
    compare(a.occurrence.change, b.occurrence.change) ||
    compare(a.occurrence.job, b.occurrence.job) ||
    compareBuilds(a.occurrence.build, b.occurrence.build) ||
    compare(a.signature.signature, b.signature.signature)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
