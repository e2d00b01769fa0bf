import type { ResultData, SubResult } from './pagefind-types.ts';

/**
 * The regions of a result page that matched, best first: the failures (`<h4 id="run-…-f1">`), runs and messages
 * (`<h3 id="m-…">`) whose headings give deep links. The region before the first heading is left out when a
 * heading matched too, since its link is the page itself.
 */
export function rankSubResults(data: Pick<ResultData, 'url' | 'sub_results'>, limit = 3): SubResult[] {
  const anchored = data.sub_results.filter((sub) => sub.anchor !== undefined && sub.url !== data.url);
  return anchored
    .map((sub, index) => ({ sub, index, score: score(sub) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ sub }) => sub);
}

/** Pagefind's own per-word scores when it gives them, else the number of matching words. */
function score(sub: SubResult): number {
  if (sub.weighted_locations && sub.weighted_locations.length > 0) {
    return sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
  }
  return sub.locations.length;
}
