/**
 * The query as Pagefind's index holds its words. Pagefind 1.6's indexer drops the ASCII punctuation of each
 * whitespace-separated word except `_` (and keeps other characters), so
 * `memcached_testapp.ep.CleanOrUnclean/PersistToTest` is the one word `memcached_testappepcleanoruncleanpersisttotest`.
 * Its browser side drops punctuation from a query but keeps ASCII symbols (`+`, `<`, `=`, `$`, `~`, `|`, `^`,
 * `` ` ``), so `a+b` or `x<y>` would never match. Dropping here what the indexer drops makes a pasted name the
 * same word as in the index. A query in double quotes stays a phrase (Pagefind's exact search).
 */
export function pagefindTerm(query: string): string {
  const phrase = /^\s*".+"\s*$/s.test(query);
  const words = query
    .split(/\s+/)
    .map((word) => word.replace(droppedByIndexer, ''))
    .filter(Boolean)
    .join(' ');
  return phrase && words ? `"${words}"` : words;
}

/** ASCII punctuation but `_`: what Pagefind's indexer drops from a word. */
export const droppedByIndexer = /[!-/:-@[-^`{-~]+/g;
