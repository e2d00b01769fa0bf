import { compareBuilds } from './compare-builds.ts';
import type { ReadSettings } from './read-settings.ts';
import { splitJobName } from './split-job-name.ts';
import type { Failure, JobRun, Message, SourcePosition, Warning } from './types.ts';
import { unclassifiedFailure } from './unclassified-failure.ts';

/**
 * The job runs of a change, from the messages of its verdicts: one run per job name and build (however often the
 * bot repeats it), each with the causes that name it by URL. Causes are attributed once every job line of the
 * change is known, since a cause may name a run that only another message lists; a cause whose run no job line
 * lists is kept on a run of its own, with an `orphan-failure` warning. A failed run with no cause gets one
 * unclassified failure. Ordered by patch set, job name and build.
 */
export function collectRuns(messages: readonly Message[], settings: ReadSettings, warnings: Warning[]): JobRun[] {
  const runs = new ChangeRuns();
  for (const message of messages) addRuns(runs, message);
  for (const message of messages) attributeFailures(runs, message, settings, warnings);
  for (const run of runs.all) {
    if (run.outcome === 'failed' && run.failures.length === 0) {
      run.failures.push(unclassifiedFailure(run, runs.positions.get(run) as SourcePosition));
    }
  }
  return runs.all.sort((a, b) => a.patchSet - b.patchSet || compare(a.name, b.name) || compareBuilds(a.build, b.build));
}

/** The runs of a change, by job and build, and by URL: a cause names its run by URL. */
class ChangeRuns {
  /** Every run, in the order first reported. */
  readonly all: JobRun[] = [];
  /**
   * By job name, then build. Two levels instead of one `name#build` key: a job's name is one shared string whose
   * hash V8 keeps, and a build number hashes as a number, where a composed key is a new string to build and hash
   * for each of the 260k job lines of a 10k export. A Map tells `5` from `'5'` as the composed key's type did.
   */
  private readonly byJob = new Map<string, Map<JobRun['build'], JobRun>>();
  readonly byUrl = new Map<string, JobRun>();
  /** Where each run was first reported: an unclassified failure points there. */
  readonly positions = new Map<JobRun, SourcePosition>();

  get(name: string, build: JobRun['build']): JobRun | undefined {
    return this.byJob.get(name)?.get(build);
  }

  add(run: JobRun, position: SourcePosition): void {
    const builds = this.byJob.get(run.name);
    if (builds) builds.set(run.build, run);
    else this.byJob.set(run.name, new Map([[run.build, run]]));
    this.all.push(run);
    if (run.url !== '' && !this.byUrl.has(run.url)) this.byUrl.set(run.url, run);
    this.positions.set(run, position);
  }
}

function addRuns(runs: ChangeRuns, message: Message): void {
  const build = message.build;
  if (!build) return;
  for (const job of build.jobs) {
    const existing = runs.get(job.name, job.build);
    if (existing) {
      // A later verdict repeating a run carries its latest known result.
      existing.result = job.result;
      existing.outcome = job.outcome;
      if (existing.logUrl === undefined && job.logUrl !== undefined) existing.logUrl = job.logUrl;
      if (existing.note === undefined && job.note !== undefined) existing.note = job.note;
      if (existing.durationSeconds === undefined && job.durationSeconds !== undefined) {
        existing.durationSeconds = job.durationSeconds;
      }
      if (!existing.reportedBy.includes(message.id)) existing.reportedBy.push(message.id);
      continue;
    }
    const run: JobRun = {
      name: job.name,
      project: job.project,
      platform: job.platform,
      branch: job.branch,
      build: job.build,
      url: job.url,
      result: job.result,
      outcome: job.outcome,
      voting: job.voting,
      patchSet: message.patchSet,
      date: message.date,
      reportedBy: [message.id],
      failures: [],
    };
    if (job.durationSeconds !== undefined) run.durationSeconds = job.durationSeconds;
    if (job.logUrl !== undefined) run.logUrl = job.logUrl;
    if (job.note !== undefined) run.note = job.note;
    if (build.pipeline) run.pipeline = build.pipeline;
    runs.add(run, job.position);
  }
}

function attributeFailures(runs: ChangeRuns, message: Message, settings: ReadSettings, warnings: Warning[]): void {
  for (const failure of message.build?.failures ?? []) {
    let run = runs.byUrl.get(failure.url) ?? runs.get(failure.job, failure.build);
    if (!run) {
      // No job line of the change lists the run the cause names: the cause is kept, on that run, and said.
      const name = failure.job || failure.url;
      warnings.push({
        code: 'orphan-failure',
        file: failure.position.file,
        line: failure.position.line,
        message: `a cause names the run ${failure.url}, which no job line of the change lists; it is shown as a failure of that run`,
      });
      run = {
        ...splitJobName(name, settings.jobName),
        build: failure.build,
        url: failure.url,
        result: '',
        outcome: 'inconclusive',
        voting: true,
        patchSet: message.patchSet,
        date: message.date,
        reportedBy: [message.id],
        failures: [],
      };
      runs.add(run, failure.position);
    }
    if (!run.reportedBy.includes(message.id)) run.reportedBy.push(message.id);
    const attributed =
      run.name === failure.job && run.build === failure.build
        ? failure
        : { ...failure, job: run.name, build: run.build, url: run.url };
    if (!run.failures.some((known) => sameFailure(known, attributed))) run.failures.push(attributed);
  }
}

function sameFailure(a: Failure, b: Failure): boolean {
  return a.signature === b.signature && a.text === b.text;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
