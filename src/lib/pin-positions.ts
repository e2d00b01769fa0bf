import type { ClassifiedMessage, SourcePosition } from './types.ts';

/**
 * A JSON export holds a message on the line of its change, not a line per text line: the message's jobs and
 * failures are placed there too, instead of at lines of the file that hold other things. The build is copied,
 * as classification memoizes what it returns.
 */
export function pinPositions(classified: ClassifiedMessage, position: SourcePosition): void {
  const build = classified.build;
  if (!build) return;
  classified.build = {
    ...build,
    jobs: build.jobs.map((job) => ({ ...job, position: { ...position } })),
    failures: build.failures.map((failure) => ({ ...failure, position: { ...position } })),
  };
}
