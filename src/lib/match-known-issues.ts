import type { IndexedSignature, KnownIssue, KnownIssueMatch, Occurrence } from './types.ts';

/**
 * The known issue of each signature that has one: an entry naming the signature exactly wins over a pattern,
 * and among patterns the first in the file wins. A signature of a `fixed` issue that occurred after `fixedOn`
 * is regressed; a date without a time means the whole day, since the fix may have landed late in it.
 */
export function matchKnownIssues(
  signatures: readonly Pick<IndexedSignature, 'signature' | 'occurrences'>[],
  issues: readonly KnownIssue[],
): Map<string, KnownIssueMatch> {
  const exact = new Map<string, number>();
  issues.forEach((issue, index) => {
    if (issue.signature !== undefined && !exact.has(issue.signature)) exact.set(issue.signature, index);
  });
  const patterns = issues.flatMap((issue, index) =>
    issue.pattern === undefined ? [] : [{ index, pattern: new RegExp(issue.pattern) }],
  );

  const matches = new Map<string, KnownIssueMatch>();
  for (const entry of signatures) {
    const index = exact.get(entry.signature) ?? patterns.find(({ pattern }) => pattern.test(entry.signature))?.index;
    if (index === undefined) continue;
    const issue = issues[index] as KnownIssue;
    const regressedAt = issue.status === 'fixed' ? firstAfter(entry.occurrences, fixedAfter(issue.fixedOn)) : null;
    matches.set(entry.signature, { issue, index, regressed: regressedAt !== null, regressedAt });
  }
  return matches;
}

/** The instant after which an occurrence comes after the fix; `NaN` when the entry gives no date. */
function fixedAfter(fixedOn: string | undefined): number {
  if (fixedOn === undefined) return Number.NaN;
  return /^\d{4}-\d{2}-\d{2}$/.test(fixedOn) ? Date.parse(`${fixedOn}T23:59:59.999Z`) : Date.parse(fixedOn);
}

function firstAfter(occurrences: readonly Occurrence[], after: number): Occurrence | null {
  if (Number.isNaN(after)) return null;
  let first: Occurrence | null = null;
  for (const occurrence of occurrences) {
    if (occurrence.date === null || Date.parse(occurrence.date) <= after) continue;
    if (first === null || (first.date as string) > occurrence.date) first = occurrence;
  }
  return first;
}
