import { boundedMemo } from './bounded-memo.ts';

/** A run URL read into the run it names. */
export interface JobUrl {
  /** The Jenkins job: the `/job/<name>` segments joined with `/`; absent for a URL that names only a build (Zuul). */
  name?: string;
  /** The Jenkins build number, or Zuul's build UUID. */
  build: number | string;
  /** The run's own URL, the form runs are matched by: a Jenkins build URL with a trailing slash and nothing after it. */
  url: string;
}

// Anything may follow the build number: `console`, `consoleFull`, `display/redirect`, `artifact/…`, `testReport/`.
const jenkinsBuild =
  /^(https?:\/\/[^\s/]+(?:\/(?!job\/)[^/\s]+)*((?:\/job\/[^/\s]+)+)\/(\d+))(?:\/[^\s?#]*)?(?:[?#]\S*)?$/;
const slash = 0x2f;
const zuulBuild =
  /^(https?:\/\/[^\s/]+(?:\/[^/\s]+)*?\/build\/([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}))(?:\/[^\s?#]*)?(?:[?#]\S*)?$/i;

/**
 * Reads a run URL: a Jenkins build (`http://host/job/kv_engine-windows-master/9403/`, the folder or multibranch
 * shape `/job/folder/job/x/123/`, with `console` or `display/redirect` after it) or a Zuul build
 * (`https://zuul.example.org/t/main/build/<uuid>`). Returns `null` for a URL that names no run. The run's URL
 * may be `url` itself (trimmed): a view into the text it was read from, which the model holds anyway.
 */
export function parseJobUrl(url: string): JobUrl | null {
  const trimmed = url.trim();
  const jenkins = jenkinsBuild.exec(trimmed);
  if (jenkins) {
    const name = jobName(jenkins[2] as string);
    const base = jenkins[1] as string;
    // Most run URLs are written in this form already: then the URL read is the run's URL, no new string. Otherwise
    // a join is one flat string of its own: a template literal would keep the matched line alive through a cons
    // string, for every run of the model.
    const own = trimmed.length === base.length + 1 && trimmed.charCodeAt(base.length) === slash;
    return { name, build: Number(jenkins[3]), url: own ? trimmed : [base, '/'].join('') };
  }
  const zuul = zuulBuild.exec(trimmed);
  if (zuul) return { build: (zuul[2] as string).toLowerCase(), url: zuul[1] as string };
  return null;
}

// Every run URL is new (its build number), but a few dozen jobs run them all: their names are read once, and
// each is one shared string, so equal names compare and hash as the same string further on.
const jobName = boundedMemo((path: string) =>
  path
    .split('/job/')
    .filter((segment) => segment !== '')
    .map(decodeSegment)
    .join('/'),
);

function decodeSegment(segment: string): string {
  // Only a `%` escape decodes to something else; most job names have none.
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
