/**
 * Whether a process with this id runs (one of another user's counts: it answers with EPERM). Work folders are
 * named after the build that made them, and only a gone build's are removed.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
