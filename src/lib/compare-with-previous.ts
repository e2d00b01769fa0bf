import { RECENT_DAYS } from './occurrence-trend.ts';
import {
  type Comparison,
  type IndexedSignature,
  type Occurrence,
  type PreviousBuild,
  type PreviousSignature,
  SINCE_STATUSES,
  type SignatureSince,
} from './types.ts';

const DAY = 86_400_000;
/** A signature with no occurrence in the last four weeks of an export is no longer happening there. */
export const ACTIVE_DAYS = 28;

/**
 * Each signature that changed since the previous build, at most one status each, the first that applies:
 * - **new**: the previous build did not have it;
 * - **back**: the previous build had it, but not in its export's last {@link ACTIVE_DAYS} days, and this
 *   export has it in its last {@link ACTIVE_DAYS} days;
 * - **newly flaky**: flaky now, not before;
 * - **gone**: the previous build had it in its export's last {@link ACTIVE_DAYS} days, and this export does not
 *   (in its last {@link ACTIVE_DAYS} days, or at all).
 * Every window ends at its export's newest date, never the clock. Without a previous build only **new** is
 * known: first seen in the export's last {@link RECENT_DAYS} days.
 */
export function compareWithPrevious(
  signatures: readonly IndexedSignature[],
  newest: string | null,
  previous: PreviousBuild | null,
): Comparison {
  const found: SignatureSince[] = [];
  if (previous === null) {
    for (const entry of signatures) {
      if (within(entry.firstSeen, newest, RECENT_DAYS))
        found.push(since(entry, 'new', firstAfter(entry.occurrences, null)));
    }
    return { basis: 'export-dates', previousGeneratedAt: null, signatures: sorted(found) };
  }

  const before = new Map(previous.signatures.map((entry) => [entry.signature, entry]));
  const now = new Set<string>();
  for (const entry of signatures) {
    now.add(entry.signature);
    const old = before.get(entry.signature);
    const activeNow = within(entry.lastSeen, newest, ACTIVE_DAYS);
    const activeBefore = old !== undefined && within(old.lastSeen, previous.generatedAt, ACTIVE_DAYS);
    if (old === undefined) found.push(since(entry, 'new', firstAfter(entry.occurrences, null)));
    else if (!activeBefore && activeNow) found.push(since(entry, 'back', firstAfter(entry.occurrences, old.lastSeen)));
    else if (entry.flaky && !old.flaky) found.push(since(entry, 'newly-flaky', null));
    else if (activeBefore && !activeNow) found.push(since(entry, 'gone', null));
  }
  for (const old of previous.signatures) {
    if (!now.has(old.signature) && within(old.lastSeen, previous.generatedAt, ACTIVE_DAYS)) found.push(goneEntry(old));
  }
  return { basis: 'previous-build', previousGeneratedAt: previous.generatedAt, signatures: sorted(found) };
}

/** Whether `date` falls in the `days` before `end` (inclusive of `end`). */
function within(date: string | null, end: string | null, days: number): boolean {
  if (date === null || end === null) return false;
  const time = Date.parse(date);
  const until = Date.parse(end);
  return time <= until && time > until - days * DAY;
}

function since(entry: IndexedSignature, status: SignatureSince['status'], first: Occurrence | null): SignatureSince {
  return {
    signature: entry.signature,
    status,
    title: entry.title,
    kind: entry.kind,
    slug: entry.slug,
    firstOccurrence: first,
    lastSeen: entry.lastSeen,
  };
}

function goneEntry(old: PreviousSignature): SignatureSince {
  return {
    signature: old.signature,
    status: 'gone',
    title: old.title,
    kind: old.kind,
    slug: null,
    firstOccurrence: null,
    lastSeen: old.lastSeen,
  };
}

/** The earliest dated occurrence later than `after` (any, when `after` is null). */
function firstAfter(occurrences: readonly Occurrence[], after: string | null): Occurrence | null {
  let first: Occurrence | null = null;
  for (const occurrence of occurrences) {
    if (occurrence.date === null || (after !== null && occurrence.date <= after)) continue;
    if (first === null || occurrence.date < (first.date as string)) first = occurrence;
  }
  return first;
}

/** By status, then newest first occurrence (or last sighting) first, then signature. */
function sorted(entries: SignatureSince[]): SignatureSince[] {
  const rank = (entry: SignatureSince) => SINCE_STATUSES.indexOf(entry.status);
  const date = (entry: SignatureSince) => entry.firstOccurrence?.date ?? entry.lastSeen ?? '';
  return entries.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (date(b) < date(a) ? -1 : date(b) > date(a) ? 1 : 0) ||
      (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0),
  );
}
