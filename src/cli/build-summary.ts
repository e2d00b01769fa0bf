import type { ReportModel, WarningCode } from '../lib/types.ts';

/** What a build did, for the log and for `--json-summary`. */
export interface BuildSummary {
  export: string;
  out: string;
  files: number;
  bytes: number;
  changes: number;
  patchSets: number;
  jobRuns: number;
  failures: number;
  signatures: number;
  flaky: number;
  warnings: Partial<Record<WarningCode, number>>;
  /**
   * Milliseconds per phase; `publish` is the link check, the size figures, the manifest, the swap into `--out`
   * and the removal of the site it replaced; `total` runs from the start of the command to the site in place.
   */
  phases: { parse: number; render: number; index: number; publish: number; total: number };
  pages: number;
  /** Pages Astro rendered; the rest were placed from the page cache. */
  renderedPages: number;
  /** Pages in the search index. */
  searchPages: number;
  /** Of those, pages in parts of the index kept from an earlier build (not read by Pagefind in this one). */
  searchPagesReused: number;
  /** Per-change JSON files taken from the cache of an earlier build. */
  changeFilesReused: number;
  outputBytes: number;
  searchIndexBytes: number;
}

export function summarizeModel(model: ReportModel) {
  const warnings: Partial<Record<WarningCode, number>> = {};
  for (const warning of model.warnings) warnings[warning.code] = (warnings[warning.code] ?? 0) + 1;
  return {
    files: model.files,
    bytes: model.bytes,
    changes: model.changes.length,
    patchSets: model.changes.reduce((sum, change) => sum + change.patchSets.length, 0),
    jobRuns: model.changes.reduce((sum, change) => sum + change.runs.length, 0),
    failures: model.signatures.reduce((sum, entry) => sum + entry.occurrences.length, 0),
    signatures: model.signatures.length,
    flaky: model.signatures.filter((entry) => entry.flaky).length,
    warnings,
  };
}

export function formatSummary(summary: BuildSummary): string {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const warnings = Object.entries(summary.warnings)
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  return [
    `${summary.changes} changes, ${summary.patchSets} patch sets, ${summary.jobRuns} job runs, ${summary.failures} failures, ${summary.signatures} signatures (${summary.flaky} flaky)`,
    `warnings: ${warnings || 'none'}`,
    `time: parse ${s(summary.phases.parse)}, render ${s(summary.phases.render)}, search index ${s(summary.phases.index)}, publish ${s(summary.phases.publish)}, total ${s(summary.phases.total)}`,
    `output: ${summary.pages} pages, ${mb(summary.outputBytes)} (search index ${mb(summary.searchIndexBytes)}, ${summary.searchPages} pages searchable, ${summary.searchPagesReused} of them kept) in ${summary.out}`,
  ].join('\n');
}
