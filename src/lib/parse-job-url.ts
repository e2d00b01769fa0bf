import type { JobIdentity } from './types.ts';

/** A Jenkins build URL read into its job and build number. */
export interface JobUrl extends JobIdentity {
  build: number;
  /** The URL with a trailing slash, the form runs are matched by. */
  url: string;
}

const buildUrl = /^https?:\/\/[^\s/]+(?:\/(?!job\/)[^/\s]+)*((?:\/job\/[^/\s]+)+)\/(\d+)\/?(?:[?#]\S*)?$/;

/**
 * Reads a Jenkins build URL: `http://host/job/kv_engine-windows-master/9403/` or the multibranch shape
 * `http://host/job/kv_engine-linux/job/master/123/`. Returns `null` for a URL that names no job build.
 */
export function parseJobUrl(url: string): JobUrl | null {
  const match = buildUrl.exec(url.trim());
  if (!match) return null;
  const segments = (match[1] as string)
    .split('/job/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  const identity = splitJobName(segments);
  const base = url.trim().replace(/[?#].*$/, '');
  return { ...identity, build: Number(match[2]), url: base.endsWith('/') ? base : `${base}/` };
}

/**
 * Splits a job into project, platform and branch. The first `-`-separated word of the job is the project;
 * with three or more words the last is the branch and the middle ones the platform; with two, the second is
 * the platform. In a multibranch URL the last `/job/` segment is the branch.
 */
export function splitJobName(segments: readonly string[]): JobIdentity {
  const name = segments.join('/');
  const base = segments[0] ?? '';
  const words = base.split('-').filter((word) => word !== '');
  const project = words[0] ?? base;
  let platform = '';
  let branch = '';
  if (segments.length > 1) {
    branch = segments.at(-1) as string;
    platform = words.slice(1).join('-');
  } else if (words.length >= 3) {
    branch = words.at(-1) as string;
    platform = words.slice(1, -1).join('-');
  } else if (words.length === 2) {
    platform = words[1] as string;
  }
  return { name, project, platform, branch };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
