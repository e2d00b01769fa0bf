import { describe, expect, it } from 'vitest';
import { occurrencesNewestFirst } from '../../src/data/occurrences-newest-first.ts';
import type { Occurrence, SignatureEntry } from '../../src/lib/types.ts';
import { OCCURRENCES_PER_PAGE, occurrencePageCount, occurrencePageRange } from '../../src/site/occurrence-pages.ts';

describe('occurrence pages', () => {
  it('takes one page up to 500 occurrences, and one more for each 500 after', () => {
    expect(OCCURRENCES_PER_PAGE).toBe(500);
    expect([0, 1, 500, 501, 1000, 1001, 25_375].map(occurrencePageCount)).toEqual([1, 1, 1, 2, 2, 3, 51]);
  });

  it('gives each page its rows, the pages together every row once', () => {
    expect([1, 2, 51].map(occurrencePageRange)).toEqual([
      [0, 500],
      [500, 1000],
      [25_000, 25_500],
    ]);
    const rows = Array.from({ length: 1001 }, (_, index) => index);
    const paged = Array.from({ length: occurrencePageCount(rows.length) }, (_, index) =>
      rows.slice(...occurrencePageRange(index + 1)),
    );
    expect(paged.map((page) => page.length)).toEqual([500, 500, 1]);
    expect(paged.flat()).toEqual(rows);
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
