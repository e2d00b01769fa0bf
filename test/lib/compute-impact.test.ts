import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assembleChanges } from '../../src/lib/assemble-changes.ts';
import { buildModel } from '../../src/lib/build-model.ts';
import { compareImpact } from '../../src/lib/compare-impact.ts';
import { computeImpact } from '../../src/lib/compute-impact.ts';
import { indexFailures } from '../../src/lib/index-failures.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { Dump, Impact } from '../../src/lib/types.ts';
import { ctest, script, scriptedDump } from './support/review-script.ts';

const linux = 'kv_engine-linux-master';
const windows = 'kv_engine-windows-master';
const { upload, verdict } = script;

const impacts = (...dumps: Dump[]): Record<string, Impact> => {
  const model = buildModel(dumps, [], { files: dumps.length, bytes: 0 });
  return Object.fromEntries(model.signatures.map((entry) => [entry.signature, entry.impact]));
};
const none = { rebuilds: 0, rejectedPatchSets: 0, soleCauseRejections: 0, changes: 1, ciSeconds: null };

describe('computeImpact on the seed export', () => {
  const model = parseExport(fileURLToPath(new URL('../fixtures/seeds', import.meta.url)));
  const impact = (signature: string) => model.signatures.find((entry) => entry.signature === signature)?.impact;

  it('gives the figures the issue states, checked by hand against the dumps', () => {
    expect(impact('ctest:ep_testsuite.value_eviction')).toEqual({
      ...none,
      rebuilds: 1,
      rejectedPatchSets: 1,
      trend: 'rising',
    });
    // Windows #9412 after #9413 and #9413 after #9414, ThreadSanitizer #1286 after #1273.
    expect(impact('gtest')).toEqual({ ...none, rebuilds: 3, rejectedPatchSets: 1, trend: 'rising' });
    // #9416 and #9417 followed the two runs that failed with it; no verdict naming it voted.
    expect(impact('ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest')).toEqual({
      ...none,
      rebuilds: 2,
      trend: 'rising',
    });
    // Patch set 4 of the 2017 change: rejected with this timeout alone, then rebuilt and verified.
    expect(impact('ctest-timeout:memcached-legacy-plain-tests')).toEqual({
      ...none,
      rebuilds: 1,
      rejectedPatchSets: 1,
      soleCauseRejections: 1,
      trend: 'gone',
    });
    // The last run of the series: nothing came after it.
    expect(impact('ctest:memcached_testapp.ep.TransportProtocols/SaslTest')).toEqual({ ...none, trend: 'rising' });
  });

  it('orders the seed signatures by impact', () => {
    expect(
      [...model.signatures]
        .sort(compareImpact)
        .slice(0, 4)
        .map((entry) => entry.signature),
    ).toEqual([
      'gtest',
      // Score 2 each: the sole-cause rejection first, then the one with more occurrences.
      'ctest-timeout:memcached-legacy-plain-tests',
      'ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest',
      'ctest:ep-engine-persistence-unit-tests.rocksdb',
    ]);
  });
});

describe('computeImpact: rebuilds', () => {
  it('charges each later run of a job on a patch set to the signatures of the run just before it', () => {
    const result = impacts(
      scriptedDump('Ia', [
        upload(1, '2018-07-01T10:00'),
        verdict(1, '2018-07-01T11:00', [
          { job: linux, build: 1, result: 'FAILURE', causes: [ctest('a'), ctest('b')] },
          { job: windows, build: 1, result: 'FAILURE', causes: [ctest('a')] },
        ]),
        verdict(1, '2018-07-01T12:00', [{ job: linux, build: 2, result: 'FAILURE', causes: [ctest('a')] }], 0),
        verdict(1, '2018-07-01T13:00', [{ job: linux, build: 3, result: 'SUCCESS' }], 0),
        verdict(1, '2018-07-01T14:00', [{ job: linux, build: 4, result: 'FAILURE', causes: [ctest('c')] }], 0),
        upload(2, '2018-07-02T10:00'),
        // A new patch set is new code: its first run is no rebuild.
        verdict(2, '2018-07-02T11:00', [{ job: linux, build: 5, result: 'FAILURE', causes: [ctest('a')] }], 0),
      ]),
    );
    expect(result).toEqual({
      'ctest:a': { ...none, rebuilds: 2, rejectedPatchSets: 1, trend: 'rising' },
      'ctest:b': { ...none, rebuilds: 1, rejectedPatchSets: 1, trend: 'rising' },
      'ctest:c': { ...none, trend: 'rising' },
    });
  });
});

describe('computeImpact: rejected patch sets', () => {
  it('counts a patch set once per signature among the causes, and as sole cause only when alone', () => {
    const result = impacts(
      scriptedDump('Ib', [
        upload(1, '2018-07-01T10:00'),
        verdict(1, '2018-07-01T11:00', [{ job: linux, build: 1, result: 'FAILURE', causes: [ctest('a')] }]),
        // Rejected again with the same cause: still one patch set.
        verdict(1, '2018-07-01T12:00', [{ job: linux, build: 2, result: 'FAILURE', causes: [ctest('a')] }]),
        upload(2, '2018-07-02T10:00'),
        verdict(2, '2018-07-02T11:00', [
          { job: linux, build: 3, result: 'FAILURE', causes: [ctest('a')] },
          { job: windows, build: 1, result: 'FAILURE', causes: [ctest('b')] },
        ]),
        upload(3, '2018-07-03T10:00'),
        // A failed verdict without a vote rejects nothing.
        verdict(3, '2018-07-03T11:00', [{ job: linux, build: 4, result: 'FAILURE', causes: [ctest('b')] }], 0),
      ]),
    );
    expect(result).toEqual({
      'ctest:a': { ...none, rebuilds: 1, rejectedPatchSets: 2, soleCauseRejections: 1, trend: 'rising' },
      'ctest:b': { ...none, rejectedPatchSets: 1, trend: 'rising' },
    });
  });
});

describe('computeImpact: CI time', () => {
  it('sums the durations of the runs that failed with a signature, null when none is known', () => {
    const { changes } = assembleChanges([
      scriptedDump('Ic', [
        upload(1, '2018-07-01T10:00'),
        verdict(1, '2018-07-01T11:00', [
          { job: linux, build: 1, result: 'FAILURE', causes: [ctest('a'), ctest('b')] },
          { job: windows, build: 1, result: 'FAILURE', causes: [ctest('a')] },
        ]),
        verdict(1, '2018-07-01T12:00', [{ job: linux, build: 2, result: 'FAILURE', causes: [ctest('a')] }]),
      ]),
    ]);
    const runs = changes[0]?.runs ?? [];
    const seconds = new Map([
      [`${linux}#1`, 600],
      [`${linux}#2`, 540],
    ]);
    for (const run of runs) {
      const duration = seconds.get(`${run.name}#${run.build}`);
      if (duration !== undefined) run.durationSeconds = duration;
    }
    const entries = computeImpact(changes, indexFailures(changes), '2018-07-01T12:00:00.000Z');
    expect(entries.map((entry) => [entry.signature, entry.impact.ciSeconds])).toEqual([
      ['ctest:a', 1140],
      ['ctest:b', 600],
    ]);
    // Without durations there is nothing to add up.
    for (const run of runs) delete run.durationSeconds;
    expect(computeImpact(changes, indexFailures(changes), null).map((entry) => entry.impact.ciSeconds)).toEqual([
      null,
      null,
    ]);
  });
});
