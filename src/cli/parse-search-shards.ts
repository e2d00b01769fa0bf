/**
 * `--search-shards /a/,/b/`: the bases of every shard of a sharded site. Only plain path bases are kept: each
 * becomes part of a URL the search page loads.
 */
export function parseSearchShards(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((base) => base.trim())
    .filter((base) => /^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(base));
}
