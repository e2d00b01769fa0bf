/**
 * The query as Pagefind's index holds its words. The indexer keeps only letters and digits of each
 * whitespace-separated word (Rust's `char::is_alphanumeric`), so `memcached_testapp.ep.CleanOrUnclean/PersistToTest`
 * is the one word `memcachedtestappepcleanoruncleanpersisttotest`; Pagefind's browser side drops punctuation
 * from a query but keeps `_`, `+`, `<`, `=` and other symbols, so `engine_testapp` would never match. Dropping
 * here everything the indexer drops makes a pasted name the same word as in the index. A query in double
 * quotes stays a phrase (Pagefind's exact search).
 */
export function pagefindTerm(query: string): string {
  const phrase = /^\s*".+"\s*$/s.test(query);
  const words = query
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{Alphabetic}\p{N}]+/gu, ''))
    .filter(Boolean)
    .join(' ');
  return phrase && words ? `"${words}"` : words;
}
