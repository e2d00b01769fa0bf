import { describe, expect, it } from 'vitest';
import { flakyEvidenceNewestFirst } from '../../src/data/flaky-evidence-newest-first.ts';
import { occurrencesNewestFirst } from '../../src/data/occurrences-newest-first.ts';
import type { FlakyEvidence, Occurrence, SignatureEntry } from '../../src/lib/types.ts';
import {
  listLength,
  listPageCount,
  listPageRange,
  ROWS_PER_PAGE,
  SIGNATURE_LISTS,
} from '../../src/site/signature-lists.ts';

describe('the pages of a signature list', () => {
  it('takes one page up to 500 rows, and one more for each 500 after', () => {
    expect(ROWS_PER_PAGE).toBe(500);
    expect([0, 1, 500, 501, 1000, 1001, 25_375].map(listPageCount)).toEqual([1, 1, 1, 2, 2, 3, 51]);
  });

  it('gives each page its rows, the pages together every row once', () => {
    expect([1, 2, 51].map(listPageRange)).toEqual([
      [0, 500],
      [500, 1000],
      [25_000, 25_500],
    ]);
    const rows = Array.from({ length: 1001 }, (_, index) => index);
    const paged = Array.from({ length: listPageCount(rows.length) }, (_, index) =>
      rows.slice(...listPageRange(index + 1)),
    );
    expect(paged.map((page) => page.length)).toEqual([500, 500, 1]);
    expect(paged.flat()).toEqual(rows);
  });

  it('counts the rows of each list: job runs, and jobs on a patch set whose runs disagreed', () => {
    expect(SIGNATURE_LISTS).toEqual(['occurrences', 'disagreed']);
    const entry = { occurrences: [{}, {}, {}], flakyEvidence: [{}] } as SignatureEntry;
    expect(SIGNATURE_LISTS.map((list) => listLength(entry, list))).toEqual([3, 1]);
  });
});

describe('occurrencesNewestFirst', () => {
  const occurrence = (change: string, build: number | string, date: string | null): Occurrence => ({
    change,
    patchSet: 1,
    job: 'kv_engine-linux-master',
    platform: 'linux',
    build,
    url: '',
    date,
  });
  const entry = {
    occurrences: [
      occurrence('I2', 7, '2019-01-02T00:00:00.000Z'),
      occurrence('I1', 12, '2019-01-01T00:00:00.000Z'),
      occurrence('I3', 1, null),
      occurrence('I1', 9, '2019-01-01T00:00:00.000Z'),
      occurrence('I0', 30, '2019-01-01T00:00:00.000Z'),
      occurrence('I4', 2, '2019-01-03T00:00:00.000Z'),
    ],
  } as SignatureEntry;

  it('lists the newest first, then by change and build, and those without a date last', () => {
    expect(occurrencesNewestFirst(entry).map((row) => `${row.change}#${row.build}`)).toEqual([
      'I4#2',
      'I2#7',
      'I0#30',
      'I1#9',
      'I1#12',
      'I3#1',
    ]);
  });

  it('sorts a signature once and leaves its own list as it was', () => {
    expect(occurrencesNewestFirst(entry)).toBe(occurrencesNewestFirst(entry));
    expect(entry.occurrences.map((row) => row.change)).toEqual(['I2', 'I1', 'I3', 'I1', 'I0', 'I4']);
  });
});

describe('flakyEvidenceNewestFirst', () => {
  const job = 'kv_engine-linux-master';
  const occurrence = (change: string, patchSet: number, build: number, date: string | null): Occurrence => ({
    change,
    patchSet,
    job,
    platform: 'linux',
    build,
    url: '',
    date,
  });
  const evidence = (change: string, patchSet: number, failed: number[], other: number[]): FlakyEvidence => ({
    change,
    patchSet,
    job,
    failedBuilds: failed,
    otherBuilds: other,
  });
  const entry = {
    occurrences: [
      occurrence('I1', 1, 10, '2019-01-01T00:00:00.000Z'),
      occurrence('I1', 1, 12, '2019-01-05T00:00:00.000Z'),
      occurrence('I1', 2, 20, '2019-01-02T00:00:00.000Z'),
      occurrence('I2', 1, 30, '2019-01-03T00:00:00.000Z'),
      occurrence('I3', 1, 40, null),
      occurrence('I0', 4, 50, '2019-01-02T00:00:00.000Z'),
    ],
    flakyEvidence: [
      evidence('I0', 4, [50], [51]),
      evidence('I1', 1, [10, 12], [11]),
      evidence('I1', 2, [20], [21]),
      evidence('I2', 1, [30], [31]),
      evidence('I3', 1, [40], [41]),
    ],
  } as SignatureEntry;

  it("lists the newest first by the patch set's newest failed run, then by change and patch set, undated last", () => {
    expect(flakyEvidenceNewestFirst(entry).map((row) => `${row.change}/${row.patchSet}`)).toEqual([
      'I1/1',
      'I2/1',
      'I0/4',
      'I1/2',
      'I3/1',
    ]);
  });

  it('sorts a signature once and leaves its own list as it was', () => {
    expect(flakyEvidenceNewestFirst(entry)).toBe(flakyEvidenceNewestFirst(entry));
    expect(entry.flakyEvidence.map((row) => row.change)).toEqual(['I0', 'I1', 'I1', 'I2', 'I3']);
  });
});
