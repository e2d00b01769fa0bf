import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** `new`: a site being assembled; `old`: the site a swap replaced, until what it holds is accounted for. */
export type WorkDirRole = 'new' | 'old';

export interface WorkDir {
  path: string;
  role: WorkDirRole;
  pid: number;
}

export interface SiteWorkDirs {
  /** The folder that holds `--out` and its work folders: renames within it never cross file systems. */
  parent: string;
  /** A fresh work folder name for this process. */
  create: (role: WorkDirRole) => WorkDir;
  /** The work folder a name in `parent` is, if it is one of this site's. */
  recognize: (name: string) => WorkDir | null;
}

/**
 * The work folders of the site at `out` (a real path): hidden siblings `.<out>.review-reports-<role>-<pid>-<hex>`,
 * so every rename is within one directory, and the pid tells a later build whether their maker still runs.
 */
export function siteWorkDirs(out: string): SiteWorkDirs {
  const parent = dirname(out);
  const prefix = `.${basename(out)}.review-reports-`;
  return {
    parent,
    create: (role) => ({
      path: join(parent, `${prefix}${role}-${process.pid}-${randomBytes(4).toString('hex')}`),
      role,
      pid: process.pid,
    }),
    recognize: (name) => {
      if (!name.startsWith(prefix)) return null;
      const match = /^(new|old)-([1-9]\d{0,9})-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
      if (!match) return null;
      return { path: join(parent, name), role: match[1] as WorkDirRole, pid: Number(match[2]) };
    },
  };
}
