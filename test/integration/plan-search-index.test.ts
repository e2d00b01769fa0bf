import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PageToIndex, planSearchIndex, type SearchBase } from '../../src/integration/plan-search-index.ts';

const page = (path: string, epoch: string, entry: string | undefined = `${path}@1`): PageToIndex => ({
  page: path,
  epoch,
  entry,
});
const baseOf = (pages: PageToIndex[], basis = 'b'): SearchBase => ({
  basis,
  pages: Object.fromEntries(pages.map((p) => [p.page, [p.entry as string, p.epoch]])),
});

const site = [
  page('changes/a/index.html', '2019-01-01'),
  page('changes/b/index.html', '2019-01-02'),
  page('changes/c/index.html', '2019-01-03'),
  page('changes/d/index.html', '2019-01-04'),
  page('failures/x/index.html', '2019-01-04'),
  page('changes/u/index.html', 'undated'),
  page('changes/e/index.html', '2019-01-05'),
  page('changes/f/index.html', '2019-01-06'),
];

describe('planSearchIndex', () => {
  it('indexes the whole site without a base, or when the basis changed', () => {
    expect(planSearchIndex(null, 'b', site)).toEqual({ kind: 'full', reason: 'no earlier index in the cache' });
    expect(planSearchIndex(baseOf(site, 'old'), 'b', site)).toEqual({
      kind: 'full',
      reason: 'the pages or Pagefind changed since the cached index',
    });
  });

  it('takes the base as it is when no page changed', () => {
    expect(planSearchIndex(baseOf(site), 'b', site)).toEqual({ kind: 'base' });
  });

  it('indexes apart every page from the earliest changed day on, and supersedes those days in the base', () => {
    const now = site.map((p) => (p.page === 'changes/d/index.html' ? page(p.page, p.epoch, 'changes/d@2') : p));
    expect(planSearchIndex(baseOf(site), 'b', [...now, page('changes/g/index.html', '2019-01-07')], 0.9)).toEqual({
      kind: 'delta',
      pages: [
        'changes/d/index.html',
        'failures/x/index.html',
        'changes/e/index.html',
        'changes/f/index.html',
        'changes/g/index.html',
      ],
      superseded: ['2019-01-04', '2019-01-05', '2019-01-06'],
    });
  });

  it('counts the day a changed page had in the base, and the day of a page that went away', () => {
    // b moved from the 2nd to the 6th: the 2nd is stale in the base.
    const moved = site.map((p) => (p.page === 'changes/b/index.html' ? page(p.page, '2019-01-06', 'b@2') : p));
    expect(planSearchIndex(baseOf(site), 'b', moved, 0.9)).toMatchObject({
      kind: 'delta',
      superseded: ['2019-01-02', '2019-01-03', '2019-01-04', '2019-01-05', '2019-01-06'],
    });
    const gone = site.filter((p) => p.page !== 'changes/e/index.html');
    expect(planSearchIndex(baseOf(site), 'b', gone, 0.9)).toEqual({
      kind: 'delta',
      pages: ['changes/f/index.html'],
      superseded: ['2019-01-05', '2019-01-06'],
    });
  });

  it('keeps undated pages apart from dated ones', () => {
    const now = site.map((p) => (p.epoch === 'undated' ? page(p.page, p.epoch, 'u@2') : p));
    expect(planSearchIndex(baseOf(site), 'b', now)).toEqual({
      kind: 'delta',
      pages: ['changes/u/index.html'],
      superseded: ['undated'],
    });
  });

  it('indexes the whole site again once the second index would hold more than its share of the pages', () => {
    const now = site.map((p) => (p.page === 'changes/a/index.html' ? page(p.page, p.epoch, 'a@2') : p));
    expect(planSearchIndex(baseOf(site), 'b', now)).toEqual({
      kind: 'full',
      reason: '7 of 8 pages would be indexed again',
    });
  });

  it('answers for every page of the site exactly once, in its current version', () => {
    const epochs = fc.constantFrom('2019-01-01', '2019-01-02', '2019-01-03', '2019-01-04', 'undated');
    const pages = fc.uniqueArray(
      fc.record({ page: fc.constantFrom(...'abcdefghij'.split('')), epoch: epochs, entry: fc.constantFrom('1', '2') }),
      { selector: (p) => p.page, maxLength: 10 },
    );
    fc.assert(
      fc.property(pages, pages, (before, now) => {
        const plan = planSearchIndex(baseOf(before), 'b', now, 1);
        if (plan.kind === 'full') return;
        const fromDelta = plan.kind === 'delta' ? plan.pages : [];
        const superseded = plan.kind === 'delta' ? plan.superseded : [];
        const fromBase = Object.entries(baseOf(before).pages)
          .filter(([, [, epoch]]) => !superseded.includes(epoch))
          .map(([path]) => path);
        // Each page answered for once, by an index that holds its current version; nothing gone is answered for.
        expect([...fromDelta, ...fromBase].sort()).toEqual(now.map((p) => p.page).sort());
        for (const path of fromBase) {
          const current = now.find((p) => p.page === path);
          expect(current?.entry).toBe(baseOf(before).pages[path]?.[0]);
          expect(current?.epoch).toBe(baseOf(before).pages[path]?.[1]);
        }
        // Every dated epoch of the second index is later than every dated epoch the base still answers for.
        const dated = (list: string[]) =>
          list.map((path) => now.find((p) => p.page === path)?.epoch).filter((e) => e && e !== 'undated');
        const earliestDelta = dated(fromDelta).sort()[0];
        const latestBase = dated(fromBase).sort().at(-1);
        if (earliestDelta && latestBase) expect(latestBase < earliestDelta).toBe(true);
      }),
    );
  });
});
