import type { Failure, JobRun, SourcePosition } from './types.ts';

/**
 * The one failure of a failed run the bot named no cause for (no cause line, or only the analyzer's "No problems
 * were identified"). Its signature is per job, so unexplained failures of one job group together and rebuilds
 * that passed mark them flaky like any signature.
 */
export function unclassifiedFailure(run: JobRun, position: SourcePosition): Failure {
  return {
    kind: 'unclassified',
    signature: `unclassified:${run.name}`,
    rule: 'unclassified',
    job: run.name,
    build: run.build,
    url: run.url,
    text: '',
    position,
  };
}
