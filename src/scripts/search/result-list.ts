import type { ResultData, SearchResult } from './pagefind-types.ts';

/** The results of a search, in the order they are shown; drawn a page at a time. */
export interface ResultList {
  readonly length: number;
  /** The results from `from` up to `to` (not included), in order. */
  take(from: number, to: number): Promise<SearchResult[]>;
}

/** Results already in their order (Pagefind's own, or several indexes' merged by score). */
export function listOf(results: readonly SearchResult[]): ResultList {
  return { length: results.length, take: async (from, to) => results.slice(from, to) };
}

/**
 * The results of several indexes, each sorted by Pagefind on a key, merged on that key: the order a single
 * index's sort would give. The key is in each result's data, so the merge loads, besides the results it returns,
 * only the next result of each index (Pagefind keeps what it loaded). Ties keep the indexes' order.
 */
export function mergeSorted(
  lists: readonly (readonly SearchResult[])[],
  key: (data: ResultData) => string,
  direction: 'asc' | 'desc',
): ResultList {
  const merged: SearchResult[] = [];
  const next = lists.map(() => 0);
  const length = lists.reduce((sum, list) => sum + list.length, 0);
  const before = (a: string, b: string) => (direction === 'asc' ? a < b : a > b);
  return {
    length,
    async take(from, to) {
      while (merged.length < Math.min(to, length)) {
        const heads = await Promise.all(
          lists.map(async (list, at) => {
            const result = list[next[at] as number];
            return result ? { at, result, key: key(await result.data()) } : undefined;
          }),
        );
        let best: { at: number; result: SearchResult; key: string } | undefined;
        for (const head of heads) if (head && (!best || before(head.key, best.key))) best = head;
        if (!best) break;
        merged.push(best.result);
        next[best.at] = (next[best.at] as number) + 1;
      }
      return merged.slice(from, to);
    },
  };
}
