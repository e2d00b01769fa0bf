import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEED_ENTRIES, failureFeed } from '../../src/data/failure-feed.ts';
import { newestFailures } from '../../src/data/newest-failures.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import { failureTag } from '../../src/site/tag-uri.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));
const model = parseExport(seeds);
const report = {
  model,
  config: { title: 'Review reports' } as never,
  changeById: new Map(model.changes.map((change) => [change.id, change])),
};

describe('newestFailures', () => {
  it('lists occurrences newest first, cut at the limit', () => {
    const newest = newestFailures(model, 3);
    expect(newest.map((failure) => [failure.date, failure.signature.signature, failure.occurrence.build])).toEqual([
      ['2018-05-29T05:20:39.000Z', 'ctest:memcached_testapp.ep.TransportProtocols/SaslTest', 9417],
      ['2018-05-28T20:30:48.000Z', 'ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest', 9416],
      ['2018-05-28T20:07:35.000Z', 'ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest', 9415],
    ]);
    expect(newestFailures(model, 100)).toHaveLength(18);
  });
});

describe('failureFeed on the seed export', () => {
  const feed = failureFeed(report, undefined);

  it('has an entry per dated occurrence, up to the limit, dated by the export', () => {
    expect(feed.entries).toHaveLength(Math.min(18, FEED_ENTRIES));
    expect(feed.updated).toBe('2018-05-29T05:20:39.000Z');
    expect(feed.entries[0]?.updated).toBe('2018-05-29T05:20:39.000Z');
  });

  it('names the signature, the job and the build, and links to the run on the change page', () => {
    expect(feed.entries[0]).toMatchObject({
      title: 'memcached_testapp.ep.TransportProtocols/SaslTest — kv_engine-windows-master #9417',
      href: '/changes/I14f6e1718976b9f792fe28ab8aa309e4a61fdf32/#run-kv_engine-windows-master-9417',
    });
  });

  it('gives each entry a unique tag: id that does not depend on the site address', () => {
    const ids = feed.entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^tag:review-reports,2026:failure\/[\w%.~!*'()-]+\/[\w%.~!*'()-]+\/\d+\/[\w%.~!*'()-]+$/);
    expect(failureFeed(report, new URL('https://example.org/sub/')).entries.map((entry) => entry.id)).toEqual(ids);
  });

  it('links absolutely when the site address is known', () => {
    const absolute = failureFeed(report, new URL('https://example.org/'));
    expect(absolute.selfHref).toBe('https://example.org/feed.xml');
    expect(absolute.entries[0]?.href).toBe(
      'https://example.org/changes/I14f6e1718976b9f792fe28ab8aa309e4a61fdf32/#run-kv_engine-windows-master-9417',
    );
  });

  it('keeps an export without dates reproducible', () => {
    const undated = failureFeed({ ...report, model: { ...model, signatures: [], newestActivity: null } }, undefined);
    expect(undated.updated).toBe('1970-01-01T00:00:00.000Z');
    expect(undated.entries).toEqual([]);
  });
});

describe('failureTag', () => {
  it('escapes each part, so a job name cannot forge another id', () => {
    expect(failureTag('I1', 'a/b c', 7, 'slug')).toBe('tag:review-reports,2026:failure/I1/a%2Fb%20c/7/slug');
  });
});
