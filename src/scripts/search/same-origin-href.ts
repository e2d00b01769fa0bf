/**
 * `url` resolved against the page, when it stays on the page's own origin; otherwise `null`. Result links come
 * from the search index, so they are checked like any other data before they become an `href`.
 */
export function sameOriginHref(url: string, page: { href: string; origin: string }): string | null {
  let resolved: URL;
  try {
    resolved = new URL(url, page.href);
  } catch {
    return null;
  }
  if (resolved.origin !== page.origin || (resolved.protocol !== 'http:' && resolved.protocol !== 'https:')) return null;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
