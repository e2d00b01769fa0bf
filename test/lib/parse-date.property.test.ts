import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseDate } from '../../src/lib/parse-date.ts';

/** The obvious reading through Date objects, which the fast path must agree with. */
function reference(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d+)$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  if ((month as number) < 1 || (month as number) > 12 || (day as number) < 1) return null;
  if ((hour as number) > 23 || (minute as number) > 59 || (second as number) > 60) return null;
  const time = Date.UTC(
    year as number,
    (month as number) - 1,
    day,
    hour,
    minute,
    second,
    Number(`${match[7]}00`.slice(0, 3)),
  );
  const date = new Date(time);
  return date.getUTCDate() === day && date.getUTCMonth() === (month as number) - 1 ? date.toISOString() : null;
}

it('reads every Gerrit date exactly as Date would, rejecting days that do not exist', () => {
  const two = (value: number) => String(value).padStart(2, '0');
  fc.assert(
    fc.property(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 999_999_999 }),
      (year, month, day, hour, minute, second, nanos) => {
        const text = `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(second)}.${String(nanos).padStart(9, '0')}`;
        expect(parseDate(text)).toBe(reference(text));
      },
    ),
    { numRuns: 2000 },
  );
  expect(parseDate('2020-02-29 10:00:00.000000000')).toBe('2020-02-29T10:00:00.000Z');
  expect(parseDate('2019-02-29 10:00:00.000000000')).toBeNull();
});
