import type { Holding } from './holds-query.ts';
import type { FilterCounts, SearchResponse, SearchResult } from './pagefind-types.ts';

/** One index's response to a query, and how its first result holds the words of the query (`holds-query.ts`). */
export interface IndexAnswer {
  response: SearchResponse;
  holds: Holding;
  /** Letters of the query that its first result's highlighted words begin with (`matchedLetters`). */
  letters: number;
}

/**
 * One answer from the answers of a site's indexes (its own and its shards'). Pagefind answers a word an index
 * lacks with a shorter word of that index: an index whose first result does not hold the query answered only
 * part of it, and is left out while another index answers the whole query. When none does, every index's
 * results are kept and the answer is `partial`. Results of several indexes are ordered by score, as Pagefind's
 * own merged search orders them; one index's results keep their order (a date sort's).
 */
export function combineAnswers(answers: readonly IndexAnswer[]): {
  response: SearchResponse;
  partial: boolean;
  /** The results of each index kept, each in its own order: a sort other than by score merges them on its key. */
  lists: SearchResult[][];
} {
  const answering = answers.filter((answer) => answer.response.results.length > 0);
  // An index whose first result holds the query's words as words answered it; one whose first result holds them
  // only inside other words may have matched a shorter word, and counts only while no index holds them as words.
  const byWords = answering.filter((answer) => answer.holds === 'words');
  const whole = byWords.length > 0 ? byWords : answering.filter((answer) => answer.holds === 'text');
  const partial = answering.length > 0 && whole.length === 0;
  // Of indexes that each answered part of the query, those that came closest: one index answers a misspelt test
  // name with that test's signature, another with every page of a word its first two letters make.
  const closest = Math.max(0, ...answering.map((answer) => answer.letters));
  // With no results anywhere, every index's (empty) response still brings its filter counts.
  const kept = partial ? answering.filter((answer) => answer.letters === closest) : whole.length > 0 ? whole : answers;
  const lists = kept.map((answer) => answer.response.results);
  if (kept.length === 1) return { response: (kept[0] as IndexAnswer).response, partial, lists };
  const responses = kept.map((answer) => answer.response);
  return {
    lists,
    response: {
      results: responses.flatMap((response) => response.results).sort((a, b) => b.score - a.score),
      unfilteredResultCount: responses.reduce((sum, response) => sum + response.unfilteredResultCount, 0),
      filters: addCounts(responses.map((response) => response.filters)),
      totalFilters: addCounts(responses.map((response) => response.totalFilters)),
    },
    partial,
  };
}

/** Filter counts of several indexes, added value by value. */
export function addCounts(counts: readonly FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const each of counts) {
    for (const [name, values] of Object.entries(each)) {
      const into = sum[name] ?? {};
      sum[name] = into;
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
