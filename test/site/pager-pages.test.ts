import { describe, expect, it } from 'vitest';
import { changeListPageCount } from '../../src/site/change-list.ts';
import { pagerPages } from '../../src/site/pager-pages.ts';

describe('pagerPages', () => {
  it('shows every page of a short list', () => {
    expect(pagerPages(1, 1)).toEqual([1]);
    expect(pagerPages(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('shows the first, the last and two pages either side of the current one, with gaps between', () => {
    expect(pagerPages(50, 100)).toEqual([1, 'gap', 48, 49, 50, 51, 52, 'gap', 100]);
    expect(pagerPages(1, 100)).toEqual([1, 2, 3, 'gap', 100]);
    expect(pagerPages(100, 100)).toEqual([1, 'gap', 98, 99, 100]);
  });

  it('shows a single left-out page instead of a gap', () => {
    expect(pagerPages(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('changeListPageCount', () => {
  it('has a page per hundred changes, and one page for none', () => {
    expect(changeListPageCount(0)).toBe(1);
    expect(changeListPageCount(100)).toBe(1);
    expect(changeListPageCount(101)).toBe(2);
    expect(changeListPageCount(10_000)).toBe(100);
  });
});
