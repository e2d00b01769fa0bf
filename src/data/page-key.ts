import type { UserConfig } from '../config/user-config.ts';
import { hashText } from '../lib/hash-text.ts';
import { occurrenceTrend } from '../lib/occurrence-trend.ts';
import type { Change, SignatureEntry } from '../lib/types.ts';
import type { Report } from './create-report.ts';
import { changeIsFlaky } from './search-page-filters.ts';

/**
 * The config as the pages depend on it: all of it but `searchParts` and `searchSuperseded`, which decide how the
 * search index is cut and kept, not a byte of any page; trying other part sizes must not render every page again.
 */
export function renderedConfig(config: UserConfig): string {
  const { searchParts: _searchParts, searchSuperseded: _searchSuperseded, ...rendered } = config;
  return JSON.stringify(rendered);
}

/**
 * The incremental-build key of a change page: it changes when the change's dumps change, when a signature
 * on the page becomes or stops being flaky elsewhere in the export, or when the user config changes. A page
 * whose key is unchanged is restored from Astro's cache instead of rendered.
 */
export function changePageKey(report: Report, change: Change): string {
  const flaky: string[] = [];
  const marks = new Set<string>();
  for (const run of change.runs) {
    for (const failure of run.failures) {
      if (report.signatureByKey.get(failure.signature)?.flaky) flaky.push(failure.signature);
      const mark = signatureBadges(report, failure.signature);
      if (mark) marks.add(`${failure.signature}\u0000${mark}`);
    }
  }
  return hashText(
    `${change.digest}\u0000${renderedConfig(report.config)}\u0000${[...new Set(flaky)].sort().join('\u0000')}\u0000${[...marks].sort().join('\u0000')}`,
    16,
  );
}

/**
 * What the search index reads of a change page: the change, the config, and whether it is flaky (the one filter
 * value that other changes decide, see `changeIsFlaky`). Its failures' badges are no part of it (that section is
 * `data-pagefind-ignore`): when signatures stop being new, every page that shows them is rendered again, but a
 * part of the search index whose pages changed only there is kept (at 50k changes, a +1% rebuild indexed parts
 * of 32,768 changes again for this).
 */
export function changeSearchKey(report: Report, change: Change): string {
  return hashText(`${change.digest}\u0000${renderedConfig(report.config)}\u0000${changeIsFlaky(change, report)}`, 16);
}

/**
 * What a change page shows of a signature beyond flaky: the badges of SignatureBadges.astro, no more. A
 * signature's first occurrence and last sighting move with every new dump; keyed on them, one day's new dumps
 * re-rendered every change page that shares a common signature.
 */
function signatureBadges(report: Report, signature: string): string {
  const since = report.sinceBySignature.get(signature);
  const known = report.knownIssues.get(signature);
  if (!since && !known) return '';
  return JSON.stringify([
    since?.status ?? null,
    known ? [known.issue.ticket, known.issue.status, known.regressed] : null,
  ]);
}

/** The badges a signature gets beyond flaky: what changed since the previous build, and its known issue. */
function signatureMarks(report: Report, signature: string): string {
  const since = report.sinceBySignature.get(signature);
  const known = report.knownIssues.get(signature);
  if (!since && !known) return '';
  return JSON.stringify([since ?? null, known ?? null]);
}

/**
 * The incremental-build key of a failure page: its entry, the config, the digest of every change it lists (the
 * page shows more of those changes than the entry holds: subjects and projects, the other wordings of its cause,
 * the place of the failure in each run for the search result's links), its badges, and its trend's counts (not
 * the export's newest date itself, which would render every page of every build).
 */
export function signatureHistoryKey(report: Report, entry: SignatureEntry): string {
  // Once per signature: the signature page and each further page of its occurrence list share the key, and the
  // entry of a signature with many occurrences takes megabytes to stringify.
  let keys = historyKeys.get(report);
  if (!keys) {
    keys = new WeakMap();
    historyKeys.set(report, keys);
  }
  let key = keys.get(entry);
  if (key === undefined) {
    key = computeSignatureHistoryKey(report, entry);
    keys.set(entry, key);
  }
  return key;
}

const historyKeys = new WeakMap<Report, WeakMap<SignatureEntry, string>>();

function computeSignatureHistoryKey(report: Report, entry: SignatureEntry): string {
  const changes = entry.changes.map((id) => report.changeById.get(id)?.digest ?? '');
  const trend = occurrenceTrend(
    entry.occurrences.map((occurrence) => occurrence.date),
    report.model.newestActivity,
  );
  return hashText(
    [
      JSON.stringify(entry),
      renderedConfig(report.config),
      changes.join('\u0000'),
      signatureMarks(report, entry.signature),
      JSON.stringify(trend),
    ].join('\u0000'),
    16,
  );
}
