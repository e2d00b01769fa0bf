import { describe, expect, it } from 'vitest';
import { compareWithPrevious } from '../../src/lib/compare-with-previous.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { PreviousBuild, ReportModel } from '../../src/lib/types.ts';
import { exportDir } from './support/export-dir.ts';
import { jenkins } from './support/review-script.ts';
import { sinceExports } from './support/since-exports.ts';

const exports = sinceExports();
const previousModel = parseExport(exportDir(exports.previous));
const currentModel = parseExport(exportDir(exports.current));
const asPrevious = (model: ReportModel): PreviousBuild => ({
  generatedAt: model.newestActivity,
  signatures: model.signatures.map(({ signature, title, kind, firstSeen, lastSeen, flaky }) => ({
    signature,
    title,
    kind,
    firstSeen,
    lastSeen,
    flaky,
  })),
});
const slugOf = (signature: string) => currentModel.signatures.find((entry) => entry.signature === signature)?.slug;
const occurrence = (change: string, build: number, date: string) => ({
  change,
  patchSet: 1,
  job: 'kv_engine-linux-master',
  platform: 'linux',
  build,
  url: `${jenkins}kv_engine-linux-master/${build}/`,
  date,
});

describe('compareWithPrevious', () => {
  it('finds one signature new, one back, one newly flaky and two gone, one of them no longer in the export', () => {
    expect(previousModel.newestActivity).toBe('2018-02-27T11:00:00.000Z');
    expect(currentModel.newestActivity).toBe('2018-03-19T11:00:00.000Z');
    expect(
      compareWithPrevious(currentModel.signatures, currentModel.newestActivity, asPrevious(previousModel)),
    ).toEqual({
      basis: 'previous-build',
      previousGeneratedAt: '2018-02-27T11:00:00.000Z',
      signatures: [
        {
          signature: 'ctest:e',
          status: 'new',
          title: 'e',
          kind: 'ctest',
          slug: slugOf('ctest:e'),
          firstOccurrence: occurrence('Ie', 14, '2018-03-19T11:00:00.000Z'),
          lastSeen: '2018-03-19T11:00:00.000Z',
        },
        {
          signature: 'ctest:b',
          status: 'back',
          title: 'b',
          kind: 'ctest',
          slug: slugOf('ctest:b'),
          // The first occurrence after the previous build last saw it, not its first ever.
          firstOccurrence: occurrence('Ib2', 11, '2018-03-15T11:00:00.000Z'),
          lastSeen: '2018-03-15T11:00:00.000Z',
        },
        {
          signature: 'ctest:c',
          status: 'newly-flaky',
          title: 'c',
          kind: 'ctest',
          slug: slugOf('ctest:c'),
          firstOccurrence: null,
          lastSeen: '2018-03-16T11:00:00.000Z',
        },
        {
          signature: 'ctest:f',
          status: 'gone',
          title: 'f',
          kind: 'ctest',
          slug: null,
          firstOccurrence: null,
          lastSeen: '2018-02-27T11:00:00.000Z',
        },
        {
          signature: 'ctest:d',
          status: 'gone',
          title: 'd',
          kind: 'ctest',
          slug: slugOf('ctest:d'),
          firstOccurrence: null,
          lastSeen: '2018-02-10T11:00:00.000Z',
        },
      ],
    });
  });

  it('finds nothing against a build of the same export', () => {
    const same = compareWithPrevious(currentModel.signatures, currentModel.newestActivity, asPrevious(currentModel));
    expect(same.signatures).toEqual([]);
  });

  it('without a previous build, calls new what was first seen in the export’s last 7 days', () => {
    expect(compareWithPrevious(currentModel.signatures, currentModel.newestActivity, null)).toEqual({
      basis: 'export-dates',
      previousGeneratedAt: null,
      signatures: [
        {
          signature: 'ctest:e',
          status: 'new',
          title: 'e',
          kind: 'ctest',
          slug: slugOf('ctest:e'),
          firstOccurrence: occurrence('Ie', 14, '2018-03-19T11:00:00.000Z'),
          lastSeen: '2018-03-19T11:00:00.000Z',
        },
      ],
    });
  });

  it('calls every signature new against an empty previous build', () => {
    const empty = compareWithPrevious(currentModel.signatures, currentModel.newestActivity, {
      generatedAt: null,
      signatures: [],
    });
    expect(empty.signatures.map((entry) => [entry.signature, entry.status])).toEqual([
      // Newest first occurrence first.
      ['ctest:e', 'new'],
      ['ctest:c', 'new'],
      ['ctest:a', 'new'],
      ['ctest:d', 'new'],
      ['ctest:b', 'new'],
    ]);
  });
});
