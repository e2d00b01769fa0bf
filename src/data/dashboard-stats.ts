import { compareImpact } from '../lib/compare-impact.ts';
import type { Change, FailureKind, ReportModel, SignatureEntry } from '../lib/types.ts';
import { newestActivityFirst } from './newest-activity-first.ts';

/** The export-wide numbers of the dashboard. */
export interface DashboardTotals {
  changes: number;
  patchSets: number;
  jobRuns: number;
  /** Failure occurrences: one per signature per job run, the unit every count of the failure index uses. */
  failures: number;
  signatures: number;
  flakySignatures: number;
  /** Runs whose result is a failure (FAILURE, UNSTABLE, Zuul's TIMED_OUT, …). */
  failedRuns: number;
  /** Failed runs the bot named no cause for: how much of the red is unexplained. */
  unclassifiedRuns: number;
  warnings: number;
}

/** Failures of one week: weeks start on Monday, in UTC. */
export interface WeekCount {
  /** The Monday the week starts on, `YYYY-MM-DD`. */
  week: string;
  count: number;
}

export interface PlatformCount {
  /** `''` for jobs whose name has no platform part. */
  platform: string;
  count: number;
}

export interface KindCount {
  kind: FailureKind;
  count: number;
}

/** Everything the dashboard shows, computed from the model in one pass over its signatures and changes. */
export interface DashboardStats {
  totals: DashboardTotals;
  /** Every week from the first failure's to the last one's, weeks without failures included as 0. */
  failuresByWeek: WeekCount[];
  /** Occurrences whose date did not parse: they are in the totals but in no week. */
  undatedFailures: number;
  /** Signatures of identified causes, most impact first (`compare-impact.ts`). */
  topSignatures: SignatureEntry[];
  /** Unclassified signatures (one per job), most occurrences first. */
  topUnclassified: SignatureEntry[];
  /** Flaky signatures, most groups of disagreeing rebuilds first. */
  mostFlaky: SignatureEntry[];
  /** Most failures first. */
  failuresByPlatform: PlatformCount[];
  /** Most failures first. */
  failuresByKind: KindCount[];
  /** Most recent last activity first; changes without a known date last. */
  recentChanges: Change[];
  newestActivity: string | null;
}

export const TOP_SIGNATURES = 10;
export const MOST_FLAKY = 10;
export const RECENT_CHANGES = 15;

// Keyed by the model object: one computation per parsed export, however many times a build asks.
const computed = new WeakMap<ReportModel, DashboardStats>();

/** The dashboard's statistics for a model, computed once per model. */
export function dashboardStats(model: ReportModel): DashboardStats {
  let stats = computed.get(model);
  if (!stats) {
    stats = computeStats(model);
    computed.set(model, stats);
  }
  return stats;
}

function computeStats(model: ReportModel): DashboardStats {
  const weeks = new Map<string, number>();
  const platforms = new Map<string, number>();
  const kinds = new Map<FailureKind, number>();
  let failures = 0;
  let undatedFailures = 0;
  for (const entry of model.signatures) {
    failures += entry.occurrences.length;
    increment(kinds, entry.kind, entry.occurrences.length);
    for (const occurrence of entry.occurrences) {
      increment(platforms, occurrence.platform, 1);
      if (occurrence.date) increment(weeks, weekStart(occurrence.date), 1);
      else undatedFailures++;
    }
  }

  let patchSets = 0;
  let jobRuns = 0;
  let failedRuns = 0;
  let unclassifiedRuns = 0;
  for (const change of model.changes) {
    patchSets += change.patchSets.length;
    jobRuns += change.runs.length;
    for (const run of change.runs) {
      if (run.outcome !== 'failed') continue;
      failedRuns++;
      if (run.failures.every((failure) => failure.kind === 'unclassified')) unclassifiedRuns++;
    }
  }
  const byImpact = [...model.signatures].sort(compareImpact);
  const unclassifiedByRuns = model.signatures
    .filter((entry) => entry.kind === 'unclassified')
    .sort((a, b) => b.occurrences.length - a.occurrences.length || compare(a.signature, b.signature));

  return {
    totals: {
      changes: model.changes.length,
      patchSets,
      jobRuns,
      failures,
      signatures: model.signatures.length,
      flakySignatures: model.signatures.filter((entry) => entry.flaky).length,
      failedRuns,
      unclassifiedRuns,
      warnings: model.warnings.length,
    },
    failuresByWeek: fillWeeks(weeks),
    undatedFailures,
    topSignatures: byImpact.filter((entry) => entry.kind !== 'unclassified').slice(0, TOP_SIGNATURES),
    topUnclassified: unclassifiedByRuns.slice(0, TOP_SIGNATURES),
    mostFlaky: model.signatures
      .filter((entry) => entry.flaky)
      .sort(
        (a, b) =>
          b.flakyEvidence.length - a.flakyEvidence.length ||
          b.occurrences.length - a.occurrences.length ||
          compare(a.signature, b.signature),
      )
      .slice(0, MOST_FLAKY),
    failuresByPlatform: [...platforms]
      .map(([platform, count]) => ({ platform, count }))
      .sort((a, b) => b.count - a.count || compare(a.platform, b.platform)),
    failuresByKind: [...kinds]
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || compare(a.kind, b.kind)),
    recentChanges: [...model.changes].sort(newestActivityFirst).slice(0, RECENT_CHANGES),
    newestActivity: model.newestActivity,
  };
}

const DAY = 86_400_000;

/** The Monday (UTC) of the week an ISO date falls in, as `YYYY-MM-DD`. */
export function weekStart(iso: string): string {
  const day = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY).toISOString().slice(0, 10);
}

/** The counted weeks in order, with the weeks between them that had no failures, so a gap shows as a gap. */
function fillWeeks(counts: Map<string, number>): WeekCount[] {
  const keys = [...counts.keys()].sort();
  const first = keys[0];
  const last = keys.at(-1);
  if (first === undefined || last === undefined) return [];
  const weeks: WeekCount[] = [];
  for (let time = Date.parse(`${first}T00:00:00Z`); ; time += 7 * DAY) {
    const week = new Date(time).toISOString().slice(0, 10);
    weeks.push({ week, count: counts.get(week) ?? 0 });
    if (week >= last) break;
  }
  return weeks;
}

function increment<K>(counts: Map<K, number>, key: K, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
