import { classifyMessage } from './classify-message.ts';
import { compareBuilds } from './compare-builds.ts';
import { dateRange } from './date-range.ts';
import type { FailureRule } from './failure-rules.ts';
import { failureRules } from './failure-rules.ts';
import { defaultTicketPattern, findTickets } from './find-tickets.ts';
import { hashText } from './hash-text.ts';
import { defaultReadSettings, type ReadSettings } from './read-settings.ts';
import { changeSlug } from './slug.ts';
import { splitJobName } from './split-job-name.ts';
import type {
  Build,
  Change,
  Dump,
  Failure,
  JobRun,
  Message,
  Outcome,
  RawMessage,
  SourcePosition,
  Warning,
} from './types.ts';
import { unclassifiedFailure } from './unclassified-failure.ts';

/** Changes assembled from dumps, with what was wrong on the way. */
export interface AssembledChanges {
  changes: Change[];
  warnings: Warning[];
}

/**
 * Groups dumps by Change-Id (in any order, under any file names) and merges each group into one change:
 * messages in date order, each kept once however many dumps hold it; builds; job runs (one per job name and
 * build number, however often the bot repeats it); votes; outcome. A dump without a Change-Id is a change
 * of its own.
 */
export function assembleChanges(
  dumps: readonly Dump[],
  rules: readonly FailureRule[] = failureRules,
  settings: ReadSettings = defaultReadSettings,
): AssembledChanges {
  const warnings: Warning[] = [];
  const groups = new Map<string, Dump[]>();
  for (const dump of dumps) {
    let id = dump.description.changeId;
    if (id === undefined) {
      id = `nochangeid-${hashText(dump.file, 12)}`;
      warnings.push({
        code: 'no-change-id',
        file: dump.file,
        line: dump.description.position.line,
        message: `the commit message has no Change-Id footer; the dump is reported as change ${id}`,
      });
    }
    const group = groups.get(id);
    if (group) group.push(dump);
    else groups.set(id, [dump]);
  }

  const changes: Change[] = [];
  for (const id of [...groups.keys()].sort()) {
    changes.push(assembleChange(id, groups.get(id) as Dump[], rules, settings, warnings));
  }
  return { changes, warnings };
}

function assembleChange(
  id: string,
  dumps: Dump[],
  rules: readonly FailureRule[],
  settings: ReadSettings,
  warnings: Warning[],
): Change {
  const slug = changeSlug(id);
  if (slug !== id) {
    const first = dumps[0] as Dump;
    warnings.push({
      code: 'bad-change-id',
      file: first.file,
      line: first.description.position.line,
      message: `the Change-Id ${JSON.stringify(id.slice(0, 80))} is not a plain identifier; its pages use ${slug}`,
    });
  }

  const patchSetOf = new Map(dumps.map((dump) => [dump, dumpPatchSet(dump)]));
  const ordered = [...dumps].sort(
    (a, b) => (patchSetOf.get(a) as number) - (patchSetOf.get(b) as number) || compare(a.file, b.file),
  );
  const seen = new Map<string, Message>();
  const fingerprints = new Map<string, string>();
  const candidates: Array<{ message: Message; sortDate: string; order: number; named: boolean }> = [];
  let order = 0;

  for (const dump of ordered) {
    const ownPatchSet = patchSetOf.get(dump) as number;
    const keys: string[] = [];
    let lastDate = '';
    for (const raw of dump.messages) {
      const key = messageKey(raw);
      keys.push(key);
      if (raw.date) lastDate = raw.date;
      if (seen.has(key)) continue;
      const classified = classifyMessage(raw.text, { file: raw.position.file, line: raw.textLine }, rules, settings);
      const message: Message = {
        ...classified,
        id: `m-${key.slice(0, 12)}`,
        author: raw.author,
        date: raw.date,
        text: raw.text,
        inlineComments: raw.inlineComments,
        mismatched: raw.mismatched,
        patchSet: classified.patchSet ?? ownPatchSet,
        position: raw.position,
      };
      seen.set(key, message);
      candidates.push({
        message,
        sortDate: raw.date ?? lastDate,
        order: order++,
        named: classified.patchSet !== undefined,
      });
    }
    const fingerprint = hashText(`${dump.description.text}\u0000${keys.join('\u0000')}`, 16);
    const earlier = fingerprints.get(fingerprint);
    if (earlier !== undefined) {
      warnings.push({
        code: 'duplicate-dump',
        file: dump.file,
        message: `the dump repeats ${earlier}; its messages are counted once`,
      });
    } else {
      fingerprints.set(fingerprint, dump.file);
    }
  }

  candidates.sort((a, b) => compare(a.sortDate, b.sortDate) || a.order - b.order);
  // A message that names no patch set (a merge, an abandon, a plain comment) is about the newest patch set
  // named so far, not the first one its dump happens to hold.
  let current = 0;
  for (const { message, named } of candidates) {
    if (named) current = Math.max(current, message.patchSet);
    else if (current > 0) message.patchSet = current;
  }
  const messages = candidates.map((candidate) => candidate.message);
  const latest = ordered.at(-1) as Dump;
  const description = latest.description;

  const builds: Build[] = [];
  const runs = new ChangeRuns();
  for (const message of messages) {
    if (!message.build) continue;
    const build: Build = {
      messageId: message.id,
      patchSet: message.patchSet,
      date: message.date,
      verdict: message.build.verdict,
      family: message.build.family,
      jobs: message.build.jobs,
      failures: message.build.failures,
    };
    if (message.build.pipeline) build.pipeline = message.build.pipeline;
    builds.push(build);
    collectRuns(runs, message);
  }
  // Causes are attributed once every job line of the change is known: a cause may name a run that only
  // another message lists.
  for (const message of messages) attributeFailures(runs, message, settings, warnings);
  for (const run of runs.byKey.values()) {
    if (run.outcome === 'failed' && run.failures.length === 0) {
      run.failures.push(unclassifiedFailure(run, runs.positions.get(run) as SourcePosition));
    }
  }

  const activity = dateRange(messages.map((message) => message.date));
  const patchSets = new Set<number>(messages.map((message) => message.patchSet));
  for (const dump of dumps) patchSets.add(patchSetOf.get(dump) as number);
  if (patchSets.size > 1) patchSets.delete(0);

  const change: Change = {
    id,
    slug,
    subject: description.subject,
    body: description.body,
    description: description.text,
    // The reader finds tickets by the default pattern; a configured one reads the commit message again.
    tickets:
      settings.ticketPattern === defaultTicketPattern
        ? description.tickets
        : findTickets(`${description.subject}\n${description.body}`, settings.ticketPattern),
    owner: findOwner(messages),
    project: mostCommon([...runs.byKey.values()].map((run) => run.project)),
    patchSets: [...patchSets].sort((a, b) => a - b),
    messages,
    builds,
    runs: [...runs.byKey.values()].sort(
      (a, b) => a.patchSet - b.patchSet || compare(a.name, b.name) || compareBuilds(a.build, b.build),
    ),
    votes: messages.flatMap((message) =>
      message.votes.map((vote) => ({
        ...vote,
        patchSet: message.patchSet,
        author: message.author,
        date: message.date,
        messageId: message.id,
      })),
    ),
    outcome: findOutcome(messages),
    firstActivity: activity.first,
    lastActivity: activity.last,
    files: dumps.map((dump) => dump.file).sort(compare),
    digest: hashText(
      dumps
        .map((dump) => `${dump.file}\u0000${dump.digest ?? hashText(JSON.stringify(dump), 16)}`)
        .sort(compare)
        .join('\u0000'),
      16,
    ),
  };
  if (description.series) change.series = description.series;
  return change;
}

/** The patch set a dump is about: the one its upload message names, else the highest one any message names. */
function dumpPatchSet(dump: Dump): number {
  let highest = 0;
  for (const message of dump.messages) {
    const upload = /^Uploaded patch set (\d+)/i.exec(message.text);
    if (upload) return Number(upload[1]);
    const named = /^Patch Set (\d+)/i.exec(message.text);
    if (named) highest = Math.max(highest, Number(named[1]));
  }
  return highest;
}

/**
 * Two copies of one message agree on author, date, text and inline comments (whitespace at line ends does
 * not count: the reader drops it). The key is a digest, so a big export does not keep a second copy of
 * every text only to find repeats.
 */
function messageKey(message: RawMessage): string {
  const inline = message.inlineComments.map((comment) => `${comment.path}:${comment.line ?? ''}:${comment.text}`);
  return hashText(
    [message.author, message.date ?? message.rawDate, hashText(message.text, 40), ...inline].join('\u0000'),
    40,
  );
}

/** The runs of a change, by job and build, and by URL: a cause names its run by URL. */
class ChangeRuns {
  readonly byKey = new Map<string, JobRun>();
  readonly byUrl = new Map<string, JobRun>();
  /** Where each run was first reported: an unclassified failure points there. */
  readonly positions = new Map<JobRun, SourcePosition>();

  add(run: JobRun, position: SourcePosition): void {
    this.byKey.set(runKey(run.name, run.build), run);
    if (run.url !== '' && !this.byUrl.has(run.url)) this.byUrl.set(run.url, run);
    this.positions.set(run, position);
  }
}

function runKey(name: string, build: JobRun['build']): string {
  return `${name}#${typeof build}:${build}`;
}

function collectRuns(runs: ChangeRuns, message: Message): void {
  const build = message.build;
  if (!build) return;
  for (const job of build.jobs) {
    const existing = runs.byKey.get(runKey(job.name, job.build));
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
    let run = runs.byUrl.get(failure.url) ?? runs.byKey.get(runKey(failure.job, failure.build));
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

function findOwner(messages: readonly Message[]): string {
  const uploads = messages.filter((message) => message.kind === 'upload');
  const first = uploads.find((message) => message.patchSet === 1) ?? uploads[0] ?? messages[0];
  return first?.author ?? '';
}

function findOutcome(messages: readonly Message[]): Outcome {
  let outcome: Outcome = 'open';
  for (const message of messages) {
    if (message.kind === 'merged') return 'merged';
    if (message.kind === 'abandoned') outcome = 'abandoned';
    else if (message.kind === 'restored') outcome = 'open';
  }
  return outcome;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [value, count] of [...counts].sort((a, b) => compare(a[0], b[0]))) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
