import { writeFileWhole } from '../integration/write-file-whole.ts';
import { FAILURE_RULES_VERSION } from '../lib/failure-rules.ts';
import type { ReportModel } from '../lib/types.ts';

/**
 * Keeps what the next build compares with (`read-previous-build.ts` reads it): the failure index without its
 * occurrences, small at any size. Written whole to a temporary name first, so a build killed midway leaves the
 * summary of the build before.
 */
export function rememberBuild(file: string, model: ReportModel): void {
  const summary = {
    generatedAt: model.newestActivity,
    rulesVersion: FAILURE_RULES_VERSION,
    signatures: model.signatures.map((entry) => ({
      signature: entry.signature,
      title: entry.title,
      kind: entry.kind,
      firstSeen: entry.firstSeen,
      lastSeen: entry.lastSeen,
      flaky: entry.flaky,
    })),
  };
  writeFileWhole(file, `${JSON.stringify(summary)}\n`);
}
