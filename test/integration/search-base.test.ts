import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  planSearchDelta,
  readSearchBase,
  supersededPages,
  writeSearchBase,
} from '../../src/integration/search-base.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-search-base-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pages = (count: number, version = 'v1') =>
  Array.from({ length: count }, (_, at) => [`changes/c${at}/index.html`, version] as [string, string]);

describe('the search base file', () => {
  const file = join(work, 'search-base.json');

  it('reads back what was written, and nothing from a file of another shape', () => {
    expect(readSearchBase(file)).toBeUndefined();
    writeSearchBase(file, { id: 'abc', madeBy: 'me', pages: Object.fromEntries(pages(2)) });
    expect(readSearchBase(file)).toEqual({
      version: 1,
      id: 'abc',
      madeBy: 'me',
      pages: { 'changes/c0/index.html': 'v1', 'changes/c1/index.html': 'v1' },
    });
    writeFileSync(file, '{"version":2,"id":"abc","madeBy":"me","pages":{}}');
    expect(readSearchBase(file)).toBeUndefined();
    writeFileSync(file, '{"version":1,"id":"abc","pages":{}}');
    expect(readSearchBase(file)).toBeUndefined();
    writeFileSync(file, '{"version":1,"id":"abc"');
    expect(readSearchBase(file)).toBeUndefined();
  });
});

describe('planSearchDelta', () => {
  const base = { version: 1 as const, id: 'b', madeBy: 'me', pages: Object.fromEntries(pages(20)) };

  it('indexes the new and changed pages, and supersedes the changed and gone ones', () => {
    const now = pages(20);
    now[3] = ['changes/c3/index.html', 'v2'];
    now.splice(7, 1);
    now.push(['changes/new/index.html', 'v1']);
    expect(planSearchDelta(base, now, 0.2)).toEqual({
      changed: ['changes/c3/index.html', 'changes/new/index.html'],
      superseded: ['changes/c3/index.html', 'changes/c7/index.html'],
    });
  });

  it('indexes the base whole again past the share, or when nothing is left to index beside it', () => {
    const now = pages(20);
    now[3] = ['changes/c3/index.html', 'v2'];
    now.push(['changes/new/index.html', 'v1']);
    now.splice(9, 1);
    // A changed page counts once, though it is indexed and superseded in the base: 3 of 20 differ.
    expect(planSearchDelta(base, now, 0.15)).toBeDefined();
    expect(planSearchDelta(base, now, 0.14)).toBeUndefined();
    expect(planSearchDelta(base, now, 0)).toBeUndefined();
    expect(planSearchDelta(base, pages(19), 0.5)).toBeUndefined();
    expect(planSearchDelta(base, pages(20), 0.5)).toBeUndefined();
  });
});

describe('supersededPages', () => {
  it('writes each filter value once, in the order first met, filters by name', () => {
    expect(
      supersededPages([
        { id: 'en_1', filters: { type: ['change'], kind: ['gtest', 'ctest'] } },
        { id: 'en_2', filters: { type: ['change'], flaky: ['yes'] } },
      ]),
    ).toEqual({
      values: [
        ['kind', 'gtest'],
        ['kind', 'ctest'],
        ['type', 'change'],
        ['flaky', 'yes'],
      ],
      pages: [
        ['en_1', [0, 1, 2]],
        ['en_2', [3, 2]],
      ],
    });
  });
});
