import type { SourcePosition } from './types.ts';

/** The id of a run the bot printed without a URL (Zuul prints the job name in its place): where its job line is. */
export function lineBuildId(position: SourcePosition): string {
  return `${position.file}:${position.line}`;
}
