import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarizeModel } from '../../src/cli/build-summary.ts';
import { dashboardStats, weekStart } from '../../src/data/dashboard-stats.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import { formatShare } from '../../src/site/format.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));
const model = parseExport(seeds);
const stats = dashboardStats(model);

describe('dashboardStats on the seed export', () => {
  it('counts two changes, three patch sets, 27 job runs and 18 failures in 12 signatures, 10 of them flaky', () => {
    expect(stats.totals).toEqual({
      changes: 2,
      patchSets: 3,
      jobRuns: 27,
      failures: 18,
      signatures: 12,
      flakySignatures: 10,
      failedRuns: 14,
      unclassifiedRuns: 0,
      warnings: 0,
    });
  });

  it('counts the failed runs with no identified cause apart, and their share of all failed runs', () => {
    const bots = (name: string) =>
      dashboardStats(parseExport(fileURLToPath(new URL(`../fixtures/bots/${name}/export`, import.meta.url))));
    const analyzer = bots('gerrit-trigger-bfa');
    expect([analyzer.totals.failedRuns, analyzer.totals.unclassifiedRuns]).toEqual([5, 2]);
    expect(formatShare(analyzer.totals.unclassifiedRuns, analyzer.totals.failedRuns)).toBe('40%');
    expect(analyzer.topUnclassified.map((entry) => [entry.signature, entry.occurrences.length])).toEqual([
      ['unclassified:lf-infra-docs-rtd-verify-any', 2],
    ]);
    expect(analyzer.topSignatures.map((entry) => entry.kind)).toEqual(['other', 'other', 'other', 'other']);
    expect(stats.topUnclassified).toEqual([]);
    expect([formatShare(0, 0), formatShare(1, 300), formatShare(2, 3)]).toEqual(['0%', '<1%', '67%']);
  });

  it('counts what the build summary counts', () => {
    const summary = summarizeModel(model);
    expect(stats.totals).toMatchObject({
      changes: summary.changes,
      patchSets: summary.patchSets,
      jobRuns: summary.jobRuns,
      failures: summary.failures,
      signatures: summary.signatures,
      flakySignatures: summary.flaky,
    });
  });

  it('counts failures per week from November 2017 to May 2018, empty weeks included', () => {
    expect(stats.failuresByWeek).toHaveLength(30);
    expect(stats.failuresByWeek.filter((week) => week.count > 0)).toEqual([
      { week: '2017-11-06', count: 6 },
      { week: '2018-05-21', count: 4 },
      { week: '2018-05-28', count: 8 },
    ]);
    expect(stats.failuresByWeek[1]).toEqual({ week: '2017-11-13', count: 0 });
    expect(stats.failuresByWeek.reduce((sum, week) => sum + week.count, 0)).toBe(18);
    expect(stats.undatedFailures).toBe(0);
  });

  it('ranks signatures by impact: rebuilds and rejected patch sets, then sole causes, changes, occurrences', () => {
    expect(
      stats.topSignatures.map((entry) => [entry.signature, entry.impact.rebuilds, entry.impact.rejectedPatchSets]),
    ).toEqual([
      ['gtest', 3, 1],
      ['ctest-timeout:memcached-legacy-plain-tests', 1, 1],
      ['ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest', 2, 0],
      ['ctest:ep-engine-persistence-unit-tests.rocksdb', 1, 1],
      ['ctest:ep_testsuite.value_eviction', 1, 1],
      ['sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156', 1, 1],
      ['compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898', 0, 1],
      ['compile:kv_engine/engines/ep/src/ep_engine.cc:1752', 0, 1],
      ['ctest:ep_testsuite.full_eviction', 1, 0],
      ['ctest:memcached_testapp.default.Subdoc/SubdocTestappTest', 1, 0],
    ]);
  });

  it('ranks flaky signatures by groups of disagreeing runs, then occurrences, then signature', () => {
    expect(stats.mostFlaky.map((entry) => [entry.signature, entry.flakyEvidence.length])).toEqual([
      ['gtest', 2],
      ['ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest', 1],
      ['ctest-timeout:memcached-legacy-plain-tests', 1],
      ['ctest:ep-engine-persistence-unit-tests.rocksdb', 1],
      ['ctest:ep_testsuite.full_eviction', 1],
      ['ctest:ep_testsuite.value_eviction', 1],
      ['ctest:memcached_testapp.default.Subdoc/SubdocTestappTest', 1],
      ['ctest:memcached_testapp.ep.TransportProtocols/SaslTest', 1],
      ['ctest:memcached_testapp.ep.TransportProtocols/XattrTest', 1],
      ['sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156', 1],
    ]);
    expect(stats.mostFlaky.every((entry) => entry.flaky)).toBe(true);
  });

  it('counts failures by platform and by kind, most first', () => {
    expect(stats.failuresByPlatform).toEqual([
      { platform: 'windows', count: 10 },
      { platform: 'threadsanitizer', count: 4 },
      { platform: 'linux', count: 2 },
      { platform: 'addresssanitizer', count: 1 },
      { platform: 'clang_analyzer', count: 1 },
    ]);
    expect(stats.failuresByKind).toEqual([
      { kind: 'ctest', count: 8 },
      { kind: 'compile', count: 5 },
      { kind: 'gtest', count: 3 },
      { kind: 'ctest-timeout', count: 1 },
      { kind: 'sanitizer', count: 1 },
    ]);
  });

  it('lists the most recently active changes first and keeps the export’s newest activity', () => {
    expect(stats.recentChanges.map((change) => change.id)).toEqual([
      'I14f6e1718976b9f792fe28ab8aa309e4a61fdf32',
      'I6418b9a8557b4ac978218706243e97523f95355d',
    ]);
    expect(stats.newestActivity).toBe('2018-05-29T05:20:39.000Z');
  });

  it('computes once per model', () => {
    expect(dashboardStats(model)).toBe(stats);
  });

  it('gives an empty export zeros and empty lists', () => {
    const empty = dashboardStats({
      changes: [],
      signatures: [],
      warnings: [],
      newestActivity: null,
      files: 0,
      bytes: 0,
    });
    expect(empty.totals.failures).toBe(0);
    expect(empty.failuresByWeek).toEqual([]);
    expect(empty.topSignatures).toEqual([]);
    expect(empty.recentChanges).toEqual([]);
  });
});

describe('weekStart', () => {
  it('is the Monday of the week, in UTC', () => {
    expect(weekStart('2018-05-28T20:07:35.000Z')).toBe('2018-05-28');
    expect(weekStart('2018-06-03T23:59:59.000Z')).toBe('2018-05-28');
    expect(weekStart('2018-01-02T00:00:00.000Z')).toBe('2018-01-01');
    expect(weekStart('2017-01-01T12:00:00.000Z')).toBe('2016-12-26');
  });
});
