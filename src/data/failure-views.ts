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

const computed = new WeakMap<readonly SignatureSummary[], FailureView[]>();

/**
 * Every view of the failure index: four orders of all signatures, then flaky ones and one per kind present.
 * Computed once per export: the route lists them and each of its pages reads them.
 */
export function failureViews(signatures: readonly SignatureSummary[]): FailureView[] {
  const known = computed.get(signatures);
  if (known) return known;
  const views = computeViews(signatures);
  computed.set(signatures, views);
  return views;
}

function computeViews(signatures: readonly SignatureSummary[]): FailureView[] {
  const byOccurrences = [...signatures].sort(byNumber((entry) => entry.occurrences));
  const kinds = [...new Set(signatures.map((entry) => entry.kind))].sort() as FailureKind[];
  return [
    { path: '', label: 'Most occurrences', group: 'sort', entries: byOccurrences },
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
    { path: 'flaky', label: 'Flaky', group: 'filter', entries: byOccurrences.filter((entry) => entry.flaky) },
    ...kinds.map((kind) => ({
      path: `kind/${kind}`,
      label: kind,
      group: 'filter' as const,
      entries: byOccurrences.filter((entry) => entry.kind === kind),
    })),
  ];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
