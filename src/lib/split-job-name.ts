import type { JobIdentity } from './types.ts';

const word = '[A-Za-z0-9_.]+';
const branch = String.raw`(?:master|main|trunk|develop|stable|release|v?\d+(?:\.\d+)*(?:\.x)?)`;

/**
 * The default `jobName` pattern, the Couchbase scheme: `<project>-<platform>[-<branch>]`
 * (`kv_engine-windows-master`, `kv_engine-clang_format`), and the multibranch form `<project>[-<platform>]/<branch>`
 * (`/job/kv_engine-linux/job/master/123/`). A branch is `master`, `main`, `trunk`, `develop`, `stable`, `release` or a version
 * (`7.6.x`, `v2`): Jenkins URLs do not tell a folder from a multibranch job, and job names do not mark their
 * parts, so names with more parts (`lf-infra-lftools-tox-verify-any`), a last part that is not a branch
 * (`openstack-tox-py312`) or a folder (`releng/app-verify`) do not fit: they are not split.
 */
export const defaultJobName = new RegExp(
  `^(?<project>${word})-(?<platform>${word})(?:-(?<branch>${branch}))?$` +
    `|^(?<project>${word})(?:-(?<platform>${word}))?/(?<branch>${branch})$`,
);

/**
 * Splits a job name into project, platform and branch by the named groups of `pattern`. A name that does not fit
 * keeps empty parts: nothing is invented, and the job is shown by its name.
 */
export function splitJobName(name: string, pattern: RegExp = defaultJobName): JobIdentity {
  const groups = pattern.exec(name)?.groups ?? {};
  return { name, project: groups.project ?? '', platform: groups.platform ?? '', branch: groups.branch ?? '' };
}
