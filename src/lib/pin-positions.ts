import { lineBuildId } from './line-build-id.ts';
import type { ClassifiedMessage, SourcePosition } from './types.ts';

/**
 * A JSON export holds a message on the line of its change, not a line per text line: the message's jobs and
 * failures are placed there too, instead of at lines of the file that hold other things. A run the bot printed
 * without a URL is named by where its line is (`lineBuildId`); on the change's line every message's runs would
 * share that name, so such a run is named by its change's line, the message (`message`, counted from 1 in the
 * change) and its line in the message. The build is copied, as classification memoizes what it returns.
 */
export function pinPositions(classified: ClassifiedMessage, position: SourcePosition, message: number): void {
  const build = classified.build;
  if (!build) return;
  classified.build = {
    ...build,
    jobs: build.jobs.map((job) => {
      const named = job.url === '' && job.build === lineBuildId(job.position);
      const line = job.position.line - position.line + 1;
      const id = named ? `${lineBuildId(position)}, message ${message}, line ${line}` : job.build;
      return { ...job, build: id, position: { ...position } };
    }),
    failures: build.failures.map((failure) => ({ ...failure, position: { ...position } })),
  };
}
