import { BOT_FORMATS_VERSION } from './bot-formats.ts';
import { FAILURE_RULES_VERSION } from './failure-rules.ts';
import type { Build, Change, Failure, ReportModel, SignatureEntry } from './types.ts';

/**
 * Version of the JSON shape written by `parse` and the site's `/api/*.json`. 3: a verdict's jobs name their run
 * (`name`, `build`) and leave its `url` to `runs`, unless the verdict wrote a different one.
 */
export const MODEL_JSON_VERSION = 3;

/** The model as `review-reports parse` prints it and `/api/*.json` serves it. */
export function modelToJson(model: ReportModel) {
  return {
    version: MODEL_JSON_VERSION,
    rulesVersion: FAILURE_RULES_VERSION,
    botFormatsVersion: BOT_FORMATS_VERSION,
    generatedAt: model.newestActivity,
    changes: model.changes.map(changeToJson),
    signatures: model.signatures.map(signatureToJson),
    warnings: model.warnings,
  };
}

/** A change in a list: what the site's `/api/changes.json` holds for each change (details in a file per change). */
export function changeSummaryToJson(change: Change) {
  return {
    id: change.id,
    slug: change.slug,
    subject: change.subject,
    owner: change.owner,
    project: change.project,
    outcome: change.outcome,
    tickets: change.tickets,
    series: change.series ?? null,
    patchSets: change.patchSets,
    messages: change.messages.length,
    runs: change.runs.length,
    failures: change.runs.reduce((sum, run) => sum + run.failures.length, 0),
    firstActivity: change.firstActivity,
    lastActivity: change.lastActivity,
  };
}

/** A change whole, as `parse` prints it: the summary, then its builds, runs and votes. */
export function changeToJson(change: Change) {
  const runUrls = new Map(change.runs.map((run) => [`${run.name}#${run.build}`, run.url]));
  return {
    ...changeSummaryToJson(change),
    // Only a change a Gerrit JSON export held has it: the text-only shape stays as it was.
    ...(change.gerrit ? { gerrit: change.gerrit } : {}),
    files: change.files,
    builds: change.builds.map((build) => buildToJson(build, runUrls)),
    runs: change.runs.map((run) => ({
      name: run.name,
      build: run.build,
      url: run.url,
      result: run.result,
      outcome: run.outcome,
      voting: run.voting,
      ...(run.pipeline === undefined ? {} : { pipeline: run.pipeline }),
      ...(run.durationSeconds === undefined ? {} : { durationSeconds: run.durationSeconds }),
      ...(run.logUrl === undefined ? {} : { logUrl: run.logUrl }),
      ...(run.note === undefined ? {} : { note: run.note }),
      patchSet: run.patchSet,
      project: run.project,
      platform: run.platform,
      branch: run.branch,
      date: run.date,
      // Each run's causes once, with their text; a verdict that repeats the run lists them without it.
      failures: run.failures.map((failure) => failureToJson(failure, true)),
    })),
    votes: change.votes.map((vote) => ({
      patchSet: vote.patchSet,
      label: vote.label,
      value: vote.value,
      removed: vote.removed,
      author: vote.author,
      date: vote.date,
    })),
  };
}

// Every verdict repeats the latest run of each job: its URL, already in `runs`, was a third of a change's JSON.
function buildToJson(build: Build, runUrls: ReadonlyMap<string, string>) {
  return {
    patchSet: build.patchSet,
    date: build.date,
    result: build.verdict,
    family: build.family,
    ...(build.pipeline === undefined ? {} : { pipeline: build.pipeline }),
    jobs: build.jobs.map((job) =>
      runUrls.get(`${job.name}#${job.build}`) === job.url
        ? { name: job.name, build: job.build, result: job.result, voting: job.voting }
        : { name: job.name, build: job.build, url: job.url, result: job.result, voting: job.voting },
    ),
    failures: build.failures.map((failure) => failureToJson(failure, false)),
  };
}

export function failureToJson(failure: Failure, withText: boolean) {
  const json: Record<string, string | number> = {
    kind: failure.kind,
    signature: failure.signature,
    job: failure.job,
    build: failure.build,
  };
  for (const key of ['test', 'file', 'line', 'column', 'tool', 'issue', 'function', 'message'] as const) {
    const value = failure[key];
    if (value !== undefined) json[key] = value;
  }
  if (withText) {
    json.text = failure.text;
    json.source = `${failure.position.file}:${failure.position.line}`;
  }
  return json;
}

export function signatureToJson(entry: SignatureEntry) {
  return {
    signature: entry.signature,
    slug: entry.slug,
    kind: entry.kind,
    rule: entry.rule,
    title: entry.title,
    occurrences: entry.occurrences,
    changes: entry.changes.length,
    changeIds: entry.changes,
    jobs: entry.jobs,
    platforms: entry.platforms,
    firstSeen: entry.firstSeen,
    lastSeen: entry.lastSeen,
    flaky: entry.flaky,
    flakyEvidence: entry.flakyEvidence,
    impact: entry.impact,
  };
}
