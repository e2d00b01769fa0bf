import type { Occurrence } from '../lib/types.ts';

/** Occurrences counted per calendar month (UTC), oldest first, with empty months in between filled in. */
export function occurrencesByMonth(occurrences: readonly Occurrence[]): Array<{ month: string; count: number }> {
  const counts = new Map<string, number>();
  for (const occurrence of occurrences) {
    if (!occurrence.date) continue;
    const month = occurrence.date.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const months = [...counts.keys()].sort();
  if (months.length === 0) return [];
  const result: Array<{ month: string; count: number }> = [];
  let [year, month] = (months[0] as string).split('-').map(Number) as [number, number];
  const last = months.at(-1) as string;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    result.push({ month: key, count: counts.get(key) ?? 0 });
    if (key >= last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return result;
}
