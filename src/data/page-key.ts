import { hashText } from '../lib/hash-text.ts';
import type { Change, SignatureEntry } from '../lib/types.ts';
import type { Report } from './create-report.ts';

/**
 * The incremental-build key of a change page: it changes when the change's dumps change, when a signature
 * on the page becomes or stops being flaky elsewhere in the export, or when the user config changes. A page
 * whose key is unchanged is restored from Astro's cache instead of rendered.
 */
export function changePageKey(report: Report, change: Change): string {
  const flaky: string[] = [];
  for (const run of change.runs) {
    for (const failure of run.failures) {
      if (report.signatureByKey.get(failure.signature)?.flaky) flaky.push(failure.signature);
    }
  }
  return hashText(
    `${change.digest}\u0000${JSON.stringify(report.config)}\u0000${[...new Set(flaky)].sort().join('\u0000')}`,
    16,
  );
}

/**
 * The incremental-build key of a failure page: its entry, the config, and the digest of every change it lists.
 * The page shows more of those changes than the entry holds (subjects and projects, the other wordings of its
 * cause, the place of the failure in each run for the search result's links), all of it from their dumps.
 */
export function signatureHistoryKey(report: Report, entry: SignatureEntry): string {
  const changes = entry.changes.map((id) => report.changeById.get(id)?.digest ?? '');
  return hashText(`${JSON.stringify(entry)}\u0000${JSON.stringify(report.config)}\u0000${changes.join('\u0000')}`, 16);
}
