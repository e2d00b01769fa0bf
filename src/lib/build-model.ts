import { assembleChanges } from './assemble-changes.ts';
import { computeImpact } from './compute-impact.ts';
import type { FailureRule } from './failure-rules.ts';
import { failureRules } from './failure-rules.ts';
import { indexFailures } from './index-failures.ts';
import { defaultReadSettings, type ReadSettings } from './read-settings.ts';
import type { Dump, ReportModel, Warning } from './types.ts';

/** Turns the dumps of an export into the report model: changes, the failure index and every warning. */
export function buildModel(
  dumps: readonly Dump[],
  readWarnings: readonly Warning[],
  stats: { files: number; bytes: number },
  rules: readonly FailureRule[] = failureRules,
  settings: ReadSettings = defaultReadSettings,
): ReportModel {
  const { changes, warnings } = assembleChanges(dumps, rules, settings);
  let newest: string | null = null;
  for (const change of changes) {
    if (change.lastActivity && (newest === null || change.lastActivity > newest)) newest = change.lastActivity;
  }
  const signatures = computeImpact(changes, indexFailures(changes), newest);
  return {
    changes,
    signatures,
    warnings: [...readWarnings, ...warnings].sort(compareWarnings),
    newestActivity: newest,
    files: stats.files,
    bytes: stats.bytes,
  };
}

function compareWarnings(a: Warning, b: Warning): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
