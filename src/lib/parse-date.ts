// `2018-05-25 19:57:19.000000000`: how every text dump writes a date (UTC, nanoseconds).
const gerritUtc = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3,}$/;
const gerritDate =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a review date: Gerrit's `2018-05-25 19:57:19.000000000` (UTC, nanoseconds) or ISO 8601.
 * Returns an ISO string in UTC, or `null` when the text is not a real date.
 */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  if (gerritUtc.test(trimmed)) {
    const date = gerritUtcDate(trimmed);
    if (date !== undefined) return date;
  }
  const match = gerritDate.exec(trimmed);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '0', zone] = match as unknown as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const millis = Number(`${fraction}00`.slice(0, 3));
  // Every message has a date: the common UTC case is written out directly, without Date objects.
  if ((!zone || !/^[+-]/.test(zone)) && second < 60) {
    if (day > daysInMonth(year, month)) return null;
    const two = (value: number) => String(value).padStart(2, '0');
    // One join makes one flat string; a template literal makes a tree of concatenations (V8 cons strings), kept
    // for every message of the model and copied by every garbage collection until something flattens it.
    return [
      y,
      '-',
      mo,
      '-',
      d,
      'T',
      two(hour),
      ':',
      two(minute),
      ':',
      two(second),
      '.',
      String(millis).padStart(3, '0'),
      'Z',
    ].join('');
  }
  let time = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(time);
  // Date.UTC rolls 31 February over into March; a date that rolls over was not a date.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  if (zone && /^[+-]/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return new Date(time).toISOString();
}

/**
 * A date in Gerrit's own form rewritten in place, its fields checked by their digits: no regex groups, no numbers
 * turned back into text, for the date of every message. `undefined` for a leap second (`:60`), which the general
 * path rolls over into the next minute.
 */
function gerritUtcDate(text: string): string | null | undefined {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (digits(text, 11, 2) > 23 || digits(text, 14, 2) > 59) return null;
  const second = digits(text, 17, 2);
  if (second === 60) return undefined;
  if (second > 60) return null;
  // Milliseconds are the first three digits of the fraction. One join makes one flat string (see below).
  return [text.slice(0, 10), 'T', text.slice(11, 19), '.', text.slice(20, 23), 'Z'].join('');
}

/** The number that `length` ASCII digits at `start` of `text` write; the caller has checked they are digits. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let k = start; k < start + length; k++) value = value * 10 + text.charCodeAt(k) - 48;
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
