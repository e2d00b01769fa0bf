import { compareImpact } from '../lib/compare-impact.ts';
import type { FailureKind, SignatureSummary } from '../lib/types.ts';

/** One pre-rendered view of the failure index: the index is sortable and filterable with no script and no server. */
export interface FailureView {
  /** Path under `/failures/`; `''` is the index itself. */
  path: string;
  label: string;
  /** The group of links the view belongs to in the view bar. */
  group: 'sort' | 'filter';
  entries: SignatureSummary[];
}

const byNumber = (pick: (entry: SignatureSummary) => number) => (a: SignatureSummary, b: SignatureSummary) =>
  pick(b) - pick(a) || compare(a.signature, b.signature);
const byDate = (pick: (entry: SignatureSummary) => string | null) => (a: SignatureSummary, b: SignatureSummary) =>
  compare(pick(b) ?? '', pick(a) ?? '') || compare(a.signature, b.signature);

const noKnownIssues: ReadonlySet<string> = new Set();
const computed = new WeakMap<readonly SignatureSummary[], WeakMap<ReadonlySet<string>, FailureView[]>>();

/**
 * Every view of the failure index: five orders of all signatures (most impact first by default), then flaky
 * ones, those with and without a known issue, and one per kind present; every filtered view most impact first.
 * `known` holds the signatures a known issue covers. Computed once per export: the route lists them and each
 * of its pages reads them.
 */
export function failureViews(
  signatures: readonly SignatureSummary[],
  known: ReadonlySet<string> = noKnownIssues,
): FailureView[] {
  let forExport = computed.get(signatures);
  if (!forExport) {
    forExport = new WeakMap();
    computed.set(signatures, forExport);
  }
  let views = forExport.get(known);
  if (!views) {
    views = computeViews(signatures, known);
    forExport.set(known, views);
  }
  return views;
}

function computeViews(signatures: readonly SignatureSummary[], known: ReadonlySet<string>): FailureView[] {
  const byImpact = [...signatures].sort(compareImpact);
  const kinds = [...new Set(signatures.map((entry) => entry.kind))].sort() as FailureKind[];
  return [
    { path: '', label: 'Most impact', group: 'sort', entries: byImpact },
    {
      path: 'by-occurrences',
      label: 'Most occurrences',
      group: 'sort',
      entries: [...signatures].sort(byNumber((entry) => entry.occurrences)),
    },
    {
      path: 'by-changes',
      label: 'Most changes',
      group: 'sort',
      entries: [...signatures].sort(byNumber((entry) => entry.changes)),
    },
    {
      path: 'by-last-seen',
      label: 'Last seen',
      group: 'sort',
      entries: [...signatures].sort(byDate((entry) => entry.lastSeen)),
    },
    {
      path: 'newest',
      label: 'First seen',
      group: 'sort',
      entries: [...signatures].sort(byDate((entry) => entry.firstSeen)),
    },
    { path: 'flaky', label: 'Flaky', group: 'filter', entries: byImpact.filter((entry) => entry.flaky) },
    {
      path: 'known',
      label: 'Known issue',
      group: 'filter',
      entries: byImpact.filter((entry) => known.has(entry.signature)),
    },
    {
      path: 'unknown',
      label: 'No known issue',
      group: 'filter',
      entries: byImpact.filter((entry) => !known.has(entry.signature)),
    },
    ...kinds.map((kind) => ({
      path: `kind/${kind}`,
      label: kind,
      group: 'filter' as const,
      entries: byImpact.filter((entry) => entry.kind === kind),
    })),
  ];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
