import type { Trend } from './types.ts';

const DAY = 86_400_000;
/** The window whose occurrences say whether a signature is still happening. */
export const RECENT_DAYS = 7;
/** The window before it, the baseline: four weeks, so one busy or quiet week does not set it. */
export const BASELINE_DAYS = 28;

/** Occurrences in the last {@link RECENT_DAYS} and the {@link BASELINE_DAYS} before, and what they say. */
export interface OccurrenceTrend {
  trend: Trend;
  recent: number;
  before: number;
}

/**
 * Compares the occurrences of the last week before `newest` (the export's own newest date: the clock would make
 * two builds of one export differ) with the weekly average of the four weeks before:
 * - `gone`: no occurrence in either window;
 * - `rising`: the last week has more than 1.5 × the weekly average (any occurrence after four quiet weeks);
 * - `falling`: it has less than the weekly average ÷ 1.5 (none at all after some);
 * - `steady`: anything between.
 * An occurrence without a known date is in no window.
 */
export function occurrenceTrend(dates: Iterable<string | null>, newest: string | null): OccurrenceTrend {
  let recent = 0;
  let before = 0;
  const end = newest === null ? Number.NaN : Date.parse(newest);
  if (!Number.isNaN(end)) {
    // Model dates are ISO strings in UTC of one form, so they compare as strings: no parse per occurrence.
    const until = new Date(end).toISOString();
    const recentStart = new Date(end - RECENT_DAYS * DAY).toISOString();
    const baselineStart = new Date(end - (RECENT_DAYS + BASELINE_DAYS) * DAY).toISOString();
    for (const date of dates) {
      if (date === null || date > until || date <= baselineStart) continue;
      if (date > recentStart) recent++;
      else before++;
    }
  }
  return { trend: trendOf(recent, before), recent, before };
}

function trendOf(recent: number, before: number): Trend {
  if (recent === 0 && before === 0) return 'gone';
  const weeks = BASELINE_DAYS / RECENT_DAYS;
  // recent > 1.5 × before / weeks, and recent < before / weeks / 1.5, in integers.
  if (recent * weeks * 2 > before * 3) return 'rising';
  if (recent * weeks * 3 < before * 2) return 'falling';
  return 'steady';
}
