import { dateRange } from './date-range.ts';
import { signatureSlug } from './slug.ts';
import type { Change, Failure, FlakyEvidence, IndexedSignature, JobRun, Occurrence } from './types.ts';

/**
 * Builds the failure index: every signature with its occurrences (one per job run, however many verdicts
 * repeat the run), the changes, jobs and platforms it appeared on, when it was first and last seen, and
 * whether it is flaky: on some change and patch set, one run of a job failed with it and another run of
 * the same job did not (it passed, or failed for other reasons).
 */
export function indexFailures(changes: readonly Change[]): IndexedSignature[] {
  const entries = new Map<string, IndexedSignature>();
  const changeSets = new Map<string, Set<string>>();

  for (const change of changes) {
    for (const run of change.runs) {
      // Most runs passed: no set and no filtered copy for their empty lists.
      if (run.failures.length === 0) continue;
      for (const failure of distinctSignatures(run.failures)) {
        const entry = entries.get(failure.signature) ?? createEntry(failure);
        entries.set(failure.signature, entry);
        const occurrence: Occurrence = {
          change: change.id,
          patchSet: run.patchSet,
          job: run.name,
          platform: run.platform,
          build: run.build,
          url: run.url,
          date: run.date,
        };
        entry.occurrences.push(occurrence);
        const set = changeSets.get(failure.signature) ?? new Set<string>();
        changeSets.set(failure.signature, set);
        set.add(change.id);
      }
    }
    for (const evidence of findDisagreements(change)) {
      const entry = entries.get(evidence.signature);
      if (!entry) continue;
      entry.flaky = true;
      entry.flakyEvidence.push(evidence.evidence);
    }
  }

  for (const entry of entries.values()) {
    entry.changes = [...(changeSets.get(entry.signature) ?? [])].sort();
    entry.jobs = unique(entry.occurrences.map((occurrence) => occurrence.job));
    entry.platforms = unique(entry.occurrences.map((occurrence) => occurrence.platform).filter(Boolean));
    const range = dateRange(entry.occurrences.map((occurrence) => occurrence.date));
    entry.firstSeen = range.first;
    entry.lastSeen = range.last;
  }

  return [...entries.values()].sort(
    (a, b) => b.occurrences.length - a.occurrences.length || (a.signature < b.signature ? -1 : 1),
  );
}

function createEntry(failure: Failure): IndexedSignature {
  const entry: IndexedSignature = {
    signature: failure.signature,
    slug: signatureSlug(failure.signature),
    kind: failure.kind,
    rule: failure.rule,
    title: titleOf(failure),
    occurrences: [],
    changes: [],
    jobs: [],
    platforms: [],
    firstSeen: null,
    lastSeen: null,
    flaky: false,
    flakyEvidence: [],
    example: failure.text,
  };
  if (failure.test !== undefined) entry.test = failure.test;
  if (failure.file !== undefined) entry.file = failure.file;
  if (failure.line !== undefined) entry.line = failure.line;
  if (failure.tool !== undefined) entry.tool = failure.tool;
  if (failure.issue !== undefined) entry.issue = failure.issue;
  return entry;
}

/** A readable one-line title for a signature. */
export function titleOf(failure: Failure): string {
  switch (failure.kind) {
    case 'ctest':
    case 'ctest-timeout':
      return failure.test ?? failure.signature;
    case 'gtest':
      return failure.test ? `GoogleTest ${failure.test}` : 'GoogleTest failure';
    case 'compile':
      return failure.file ? `${failure.file}:${failure.line}` : failure.signature.replace(/^compile:/, '');
    case 'sanitizer':
      return [failure.tool, failure.issue, failure.file ? `${failure.file}:${failure.line}` : failure.function]
        .filter(Boolean)
        .join(' ');
    case 'unclassified':
      return `${failure.job} failed with no identified cause`;
    default:
      return failure.signature.replace(/^other:/, '');
  }
}

function distinctSignatures(failures: readonly Failure[]): Failure[] {
  const seen = new Set<string>();
  return failures.filter((failure) => !seen.has(failure.signature) && seen.add(failure.signature));
}

/** Runs of one job on one patch set that disagree about a signature. */
function findDisagreements(change: Change): Array<{ signature: string; evidence: FlakyEvidence }> {
  const groups = new Map<string, JobRun[]>();
  for (const run of change.runs) {
    // An aborted, unbuilt or skipped run says nothing about the code.
    if (run.outcome === 'inconclusive') continue;
    const key = `${run.patchSet}\u0000${run.name}`;
    const group = groups.get(key);
    if (group) group.push(run);
    else groups.set(key, [run]);
  }
  const found: Array<{ signature: string; evidence: FlakyEvidence }> = [];
  for (const runs of groups.values()) {
    if (runs.length < 2) continue;
    const signatures = unique(runs.flatMap((run) => run.failures.map((failure) => failure.signature)));
    for (const signature of signatures) {
      const failed = runs.filter((run) => run.failures.some((failure) => failure.signature === signature));
      const other = runs.filter((run) => !failed.includes(run));
      if (failed.length === 0 || other.length === 0) continue;
      const first = runs[0] as JobRun;
      found.push({
        signature,
        evidence: {
          change: change.id,
          patchSet: first.patchSet,
          job: first.name,
          failedBuilds: failed.map((run) => run.build),
          otherBuilds: other.map((run) => run.build),
        },
      });
    }
  }
  return found;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
