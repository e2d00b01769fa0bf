import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateRange } from '../../src/lib/date-range.ts';
import { hashText } from '../../src/lib/hash-text.ts';
import { listExportFiles } from '../../src/lib/list-export-files.ts';
import { changeSlug, signatureSlug } from '../../src/lib/slug.ts';
import { trimBlankLines } from '../../src/lib/trim-blank-lines.ts';
import { exportDir } from './support/export-dir.ts';

describe('listExportFiles', () => {
  it('lists regular files recursively, sorted, with / separators, skipping hidden files and symbolic links', () => {
    const root = exportDir({ 'b.txt': 'x', 'a/z.txt': 'x', 'a/b/c.txt': 'x', '.git/HEAD': 'x', 'a/.DS_Store': 'x' });
    mkdirSync(join(root, 'empty'));
    symlinkSync(join(root, 'b.txt'), join(root, 'link.txt'));
    symlinkSync(root, join(root, 'loop'));
    writeFileSync(join(root, 'B.txt'), 'x');
    expect(listExportFiles(root)).toEqual(['B.txt', 'a/b/c.txt', 'a/z.txt', 'b.txt']);
  });

  it('throws for a directory that does not exist', () => {
    expect(() => listExportFiles('/nonexistent/review-reports')).toThrow(/ENOENT/);
  });
});

describe('slugs', () => {
  it('uses a Change-Id as it is, and slugs anything else with a hash', () => {
    expect(changeSlug('I14f6e1718976b9f792fe28ab8aa309e4a61fdf32')).toBe('I14f6e1718976b9f792fe28ab8aa309e4a61fdf32');
    expect(changeSlug('../../etc/passwd')).toBe(`etc-passwd-${hashText('../../etc/passwd', 10)}`);
    expect(changeSlug('')).toBe(`change-${hashText('', 10)}`);
  });

  it('makes a readable, stable, unique slug of a signature', () => {
    expect(signatureSlug('ctest:ep_testsuite.value_eviction')).toBe(
      `ctest-ep-testsuite-value-eviction-${hashText('ctest:ep_testsuite.value_eviction', 8)}`,
    );
    expect(signatureSlug('compile:a/b.cc:1')).not.toBe(signatureSlug('compile:a-b.cc:1'));
  });
});

describe('small helpers', () => {
  it('hashText is a stable SHA-1 prefix', () => {
    expect(hashText('abc')).toBe('a9993e3647');
    expect(hashText('abc', 16)).toBe('a9993e364706816a');
  });

  it('trimBlankLines drops blank lines around, not inside', () => {
    expect(trimBlankLines(['', ' \t', 'a', '', 'b', '  ', ''])).toEqual(['a', '', 'b']);
    expect(trimBlankLines(['', ' '])).toEqual([]);
  });

  it('dateRange ignores missing dates', () => {
    expect(dateRange([null, '2018-05-28T05:50:54.000Z', '2017-11-08T15:26:58.000Z', null])).toEqual({
      first: '2017-11-08T15:26:58.000Z',
      last: '2018-05-28T05:50:54.000Z',
    });
    expect(dateRange([null])).toEqual({ first: null, last: null });
  });
});
