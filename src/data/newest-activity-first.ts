/** What ordering by activity needs: a change, or its collection entry's data. */
export interface ActivityDated {
  slug: string;
  lastActivity: string | null;
}

/**
 * Orders changes by their last activity, most recent first; changes without a known date go last. Ties are
 * broken by slug, so every build lists changes in the same order.
 */
export function newestActivityFirst(a: ActivityDated, b: ActivityDated): number {
  return compare(b.lastActivity ?? '', a.lastActivity ?? '') || compare(a.slug, b.slug);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
