/** Whether the tests run in CI (`.ci/run` runs with `CI=true`), where a missing browser is an error. */
export function inCI(): boolean {
  return Boolean(process.env.CI) && process.env.CI !== 'false';
}
