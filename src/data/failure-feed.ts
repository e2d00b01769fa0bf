import type { AtomEntry, AtomFeed } from '../render/atom-feed.ts';
import { anchors, kindLabels, runLabel } from '../site/format.ts';
import { failureTag, feedTag, sinceTag } from '../site/tag-uri.ts';
import { urls } from '../site/urls.ts';
import type { Report } from './create-report.ts';
import { newestFailures } from './newest-failures.ts';

export const FEED_ENTRIES = 50;

/**
 * The feed of the newest failure occurrences: each entry links to the failed run on its change page. Its dates
 * are the export's, never the time of the build, so building the same export twice gives the same feed.
 *
 * Atom wants absolute links. When the site's address is known (`--site`) they are; without it, links are
 * root-relative (base included) and feed readers resolve them against the address they fetched the feed from.
 */
export function failureFeed(
  report: Pick<Report, 'model' | 'config' | 'changeById'> & Partial<Pick<Report, 'since'>>,
  site: URL | undefined,
): AtomFeed {
  const { model, config, changeById } = report;
  const href = (path: string) => (site ? new URL(path, site).href : path);
  // New and back signatures lead, each with the occurrence that made it so.
  const arrivals = (report.since?.signatures ?? []).flatMap((entry): AtomEntry[] => {
    const occurrence = entry.firstOccurrence;
    if ((entry.status !== 'new' && entry.status !== 'back') || !occurrence?.date || !entry.slug) return [];
    const change = changeById.get(occurrence.change);
    const page = change
      ? `${urls.change(change.slug)}#${anchors.run(occurrence.job, occurrence.build)}`
      : urls.failure(entry.slug);
    const what = entry.status === 'new' ? 'New failure signature' : 'Failing again';
    return [
      {
        id: sinceTag(entry.status, entry.slug, occurrence.change, occurrence.job, occurrence.build),
        title: `${what}: ${entry.title}`,
        href: href(page),
        updated: occurrence.date,
        summary: `${what} (${kindLabels[entry.kind] ?? entry.kind}), first in job ${occurrence.job} build ${runLabel(occurrence.build)}${change ? ` of “${change.subject || change.id}” (${change.id})` : ''}. Signature: ${entry.signature}`,
      },
    ];
  });
  const entries = newestFailures(model, FEED_ENTRIES).map(({ signature, occurrence, date }): AtomEntry => {
    const change = changeById.get(occurrence.change);
    const page = change
      ? `${urls.change(change.slug)}#${anchors.run(occurrence.job, occurrence.build)}`
      : urls.failure(signature.slug);
    const platform = occurrence.platform ? ` on ${occurrence.platform}` : '';
    const of = change
      ? `patch set ${occurrence.patchSet} of “${change.subject || change.id}” (${change.id})`
      : `change ${occurrence.change}`;
    return {
      id: failureTag(occurrence.change, occurrence.job, occurrence.build, signature.slug),
      title: `${signature.title} — ${occurrence.job} ${runLabel(occurrence.build)}`,
      href: href(page),
      updated: date,
      summary: `${kindLabels[signature.kind] ?? signature.kind} in job ${occurrence.job} build ${runLabel(occurrence.build)}${platform}, ${of}. Signature: ${signature.signature}`,
    };
  });
  return {
    id: feedTag(),
    title: `${config.title}: newest failures`,
    selfHref: href(urls.feed()),
    alternateHref: href(urls.home()),
    // An export without a single dated message has no newest date; the epoch keeps the build reproducible.
    updated: model.newestActivity ?? '1970-01-01T00:00:00.000Z',
    author: config.title,
    entries: [...arrivals, ...entries],
  };
}
