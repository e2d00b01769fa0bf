import type { Occurrence } from '../lib/types.ts';
import { weekStart } from './dashboard-stats.ts';

const WEEK = 7 * 86_400_000;

/**
 * Occurrences counted per week (weeks start on Monday, UTC), oldest first, with the empty weeks in between, so a
 * gap shows as a gap. Undated occurrences are in no week.
 */
export function occurrencesByWeek(occurrences: readonly Occurrence[]): Array<{ week: string; count: number }> {
  const counts = new Map<string, number>();
  for (const occurrence of occurrences) {
    if (!occurrence.date) continue;
    const week = weekStart(occurrence.date);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  const weeks = [...counts.keys()].sort();
  const first = weeks[0];
  const last = weeks.at(-1);
  if (first === undefined || last === undefined) return [];
  const result: Array<{ week: string; count: number }> = [];
  for (let time = Date.parse(`${first}T00:00:00Z`); ; time += WEEK) {
    const week = new Date(time).toISOString().slice(0, 10);
    result.push({ week, count: counts.get(week) ?? 0 });
    if (week >= last) break;
  }
  return result;
}
