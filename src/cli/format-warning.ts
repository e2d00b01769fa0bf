import type { Warning } from '../lib/types.ts';

/** `file:line: warning: message [code]`, the shape editors and CI logs link up. */
export function formatWarning(warning: Warning): string {
  const where = warning.line === undefined ? warning.file : `${warning.file}:${warning.line}`;
  return `${where}: warning: ${warning.message} [${warning.code}]`;
}
