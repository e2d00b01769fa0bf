/** The earliest and latest of some ISO dates, ignoring missing ones; `null` when none is known. */
export function dateRange(dates: Iterable<string | null>): { first: string | null; last: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  for (const date of dates) {
    if (date === null) continue;
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  return { first, last };
}
