/**
 * Makes a compiler or sanitizer path relative to the job's workspace, with `/` separators, so the same source
 * line has the same key on every job and platform: `/home/ci/jenkins/workspace/kv_engine-linux-master/kv_engine/x.cc`
 * and `..\kv_engine\x.cc` both become `kv_engine/x.cc`.
 */
export function workspacePath(path: string): string {
  let result = path
    .trim()
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/');
  const workspace = /(?:^|\/)workspace\/[^/]+\/(.*)$/i.exec(result);
  if (workspace) result = workspace[1] as string;
  result = result.replace(/^[A-Za-z]:\//, '/');
  for (;;) {
    const next = result.replace(/^(?:\.\.?\/)+/, '');
    if (next === result) break;
    result = next;
  }
  return result;
}
