import { hashText } from '../lib/hash-text.ts';
import type { SinceStatus, Trend } from '../lib/types.ts';

/** Dates as people read them in reports, always in UTC so every reader and every build agree. */
export function formatDate(iso: string | null): string {
  if (!iso) return 'unknown date';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function formatDay(iso: string | null): string {
  return iso ? iso.slice(0, 10) : 'unknown';
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Anchor ids on a change page; input only ever reaches them through a slug. */
export const anchors = {
  message: (id: string) => id,
  run: (job: string, build: number) => `run-${slugPart(job)}-${build}`,
  failure: (job: string, build: number, index: number) => `run-${slugPart(job)}-${build}-f${index + 1}`,
  patchSet: (patchSet: number) => `ps-${patchSet}`,
};

/** A job name as an id part; a name that slugging would change gets a hash, so ids stay unique. */
function slugPart(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === text ? slug : `${slug || 'job'}-${hashText(text, 6)}`;
}

/** CSS class for a Jenkins result. */
export function resultClass(result: string): string {
  if (result === 'SUCCESS') return 'success';
  if (result === 'FAILURE') return 'failure';
  if (result === 'UNSTABLE') return 'unstable';
  return 'neutral';
}

export const kindLabels: Record<string, string> = {
  ctest: 'CTest failure',
  'ctest-timeout': 'CTest timeout',
  gtest: 'GoogleTest failure',
  compile: 'Compile error',
  sanitizer: 'Sanitizer report',
  other: 'Other failure',
};

/** A count with thousands separators, as the totals and charts show it. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** How the site names what changed about a signature since the previous build. */
export const sinceLabels: Record<SinceStatus, string> = {
  new: 'new',
  back: 'back',
  'newly-flaky': 'newly flaky',
  gone: 'gone',
};

export const trendLabels: Record<Trend, string> = {
  rising: '↑ rising',
  steady: '→ steady',
  falling: '↓ falling',
  gone: 'gone',
};

/** CI time as people read it: `2 h 05 min`, `14 min`, `45 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
