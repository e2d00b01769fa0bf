import { describe, expect, it } from 'vitest';
import { readChangeRows } from '../../src/scripts/search/read-change-rows.ts';

const row = {
  href: '/changes/I1/#run-kv_engine-linux-master-12',
  subject: 'MB-1: <b>x</b>',
  patchSet: 2,
  job: 'kv_engine-linux-master',
  run: '#12',
  date: '2018-03-01T10:00:00Z',
};

describe('readChangeRows', () => {
  it('reads the rows a signature page wrote, markup kept as text', () => {
    expect(readChangeRows(JSON.stringify([row, { ...row, date: null }]))).toEqual([row, { ...row, date: null }]);
  });

  it('drops what is not a row, and reads broken or absent JSON as no rows', () => {
    expect(readChangeRows(JSON.stringify([{ ...row, run: 12 }, { ...row, href: 1 }, null, 'x', row]))).toEqual([row]);
    expect(readChangeRows('{"href":"/"}')).toEqual([]);
    expect(readChangeRows('[{')).toEqual([]);
    expect(readChangeRows(undefined)).toEqual([]);
  });
});
