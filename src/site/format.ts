import { hashText } from '../lib/hash-text.ts';
import type { BuildId, SinceStatus, Trend } from '../lib/types.ts';

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
  run: (job: string, build: BuildId) => `run-${slugPart(job)}-${buildPart(build)}`,
  failure: (job: string, build: BuildId, index: number) => `run-${slugPart(job)}-${buildPart(build)}-f${index + 1}`,
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

/** A build id as an id part: a number as it is, a string id (Zuul's UUID, a URL) slugged. */
function buildPart(build: BuildId): string {
  return typeof build === 'number' ? String(build) : slugPart(build);
}

/**
 * How a run is named beside its job: `#9403` for a Jenkins build, the first 8 characters of a Zuul build UUID,
 * and `run` for a run whose id is its URL or its line.
 */
export function runLabel(build: BuildId): string {
  if (typeof build === 'number') return `#${build}`;
  if (/^[0-9a-f-]{8,}$/i.test(build)) return build.slice(0, 8);
  return 'run';
}

/** A run's duration as Zuul prints it: `1h 02m 03s`, `3m 21s`, `45s`. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
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
  unclassified: 'No identified cause',
};

/** A count with thousands separators, as the totals and charts show it. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** A part of a whole as people read it: `37%`, `<1%` for a small non-zero part, `0%` of nothing. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0 || part === 0) return '0%';
  const percent = Math.round((part / whole) * 100);
  return percent === 0 ? '<1%' : `${percent}%`;
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

/** CI time summed over many runs, rounded as people read it: `2 h 05 min`, `14 min`, `45 s`. */
export function formatCiTime(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
