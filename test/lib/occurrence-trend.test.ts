import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrenceTrend } from '../../src/lib/occurrence-trend.ts';

const newest = '2018-05-29T12:00:00.000Z';
const daysBefore = (days: number) => new Date(Date.parse(newest) - days * 86_400_000).toISOString();
const dates = (days: number[]) => days.map(daysBefore);

describe('occurrenceTrend', () => {
  it('counts the last 7 days and the 28 before, up to the export’s newest date', () => {
    // 7 days before is the baseline's last instant; 35 days before is just outside it.
    expect(occurrenceTrend(dates([0, 6.9, 7, 34.9, 35, 40]), newest)).toEqual({
      trend: 'rising',
      recent: 2,
      before: 2,
    });
    // A date after the newest one (a clock set wrong) is in neither window.
    expect(occurrenceTrend(dates([-1]), newest)).toEqual({ trend: 'gone', recent: 0, before: 0 });
  });

  it('is rising above 1.5 times the weekly baseline, falling below it divided by 1.5, steady between', () => {
    expect(occurrenceTrend(dates([1]), newest).trend).toBe('rising');
    expect(occurrenceTrend(dates([1, 2, 10, 11, 12, 13]), newest)).toEqual({ trend: 'rising', recent: 2, before: 4 });
    expect(occurrenceTrend(dates([1, 10, 11, 12, 13]), newest)).toEqual({ trend: 'steady', recent: 1, before: 4 });
    expect(occurrenceTrend(dates([1, 10, 11, 12, 13, 14, 15]), newest)).toEqual({
      trend: 'steady',
      recent: 1,
      before: 6,
    });
    expect(occurrenceTrend(dates([1, 10, 11, 12, 13, 14, 15, 16]), newest)).toEqual({
      trend: 'falling',
      recent: 1,
      before: 7,
    });
    expect(occurrenceTrend(dates([20]), newest)).toEqual({ trend: 'falling', recent: 0, before: 1 });
    expect(occurrenceTrend(dates([36, 100]), newest)).toEqual({ trend: 'gone', recent: 0, before: 0 });
  });

  it('puts undated occurrences and exports without a date in no window', () => {
    expect(occurrenceTrend([null, daysBefore(1)], newest)).toEqual({ trend: 'rising', recent: 1, before: 0 });
    expect(occurrenceTrend(dates([1]), null)).toEqual({ trend: 'gone', recent: 0, before: 0 });
  });

  it('is gone exactly when no date falls in the last 35 days, and rising whenever only the last week has some', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5 * 1440, max: 60 * 1440 }), { maxLength: 30 }), (minutes) => {
        const result = occurrenceTrend(dates(minutes.map((minute) => minute / 1440)), newest);
        const inWindow = minutes.filter((minute) => minute >= 0 && minute < 35 * 1440);
        expect(result.recent + result.before).toBe(inWindow.length);
        expect(result.trend === 'gone').toBe(inWindow.length === 0);
        if (result.recent > 0 && result.before === 0) expect(result.trend).toBe('rising');
      }),
    );
  });
});
