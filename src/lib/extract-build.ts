import type { BotFormat } from './bot-formats.ts';
import { boundedMemo } from './bounded-memo.ts';
import { classifyFailure } from './classify-failure.ts';
import type { FailureRule } from './failure-rules.ts';
import { failureRules } from './failure-rules.ts';
import { lineBuildId } from './line-build-id.ts';
import { matchVerdict, type VerdictMatch } from './match-verdict.ts';
import { ownString } from './own-string.ts';
import { parseDuration } from './parse-duration.ts';
import { parseJobUrl } from './parse-job-url.ts';
import { defaultReadSettings, type ReadSettings } from './read-settings.ts';
import { defaultJobName, splitJobName } from './split-job-name.ts';
import { trimBlankLines } from './trim-blank-lines.ts';
import type { BuildId, BuildReport, Failure, JobReport, RunOutcome, SourcePosition } from './types.ts';

// The bot repeats the latest run of every job, with its causes, in each new verdict: the same job names and cause
// texts come back again and again, so they are read once. Run URLs are not memoized: four in five are new (each
// run has its own build number), so a memo of them mostly grows and is dropped.
const splitWithDefault = boundedMemo((name: string) => splitJobName(name, defaultJobName));
// One memo per rule table: a build hands the same table (the user's rules, then the built-in ones) to every message.
const classifiers = new WeakMap<readonly FailureRule[], (cause: string) => ReturnType<typeof classifyFailure>>();
function classifierFor(rules: readonly FailureRule[]): (cause: string) => ReturnType<typeof classifyFailure> {
  let classify = classifiers.get(rules);
  if (!classify) {
    classify = boundedMemo((cause: string) => classifyFailure(cause, rules));
    classifiers.set(rules, classify);
  }
  return classify;
}
const httpUrl = /^https?:\/\//;
// `SUCCESS` on 200k job lines: one shared string instead of a copy per line. A memo of its own in front of
// `ownString`'s: a handful of results, so a look-up stays in the CPU cache, and the many one-off texts that share
// `ownString`'s memo never drop them.
const ownResult = boundedMemo(ownString);

/**
 * Reads a CI verdict message in the shape of the bot family that wrote it (`bot-formats.ts`): the verdict, the
 * pipeline, every job line as a run, and every cause the bot attributes to a run by its URL (`… ( <url> )`, on
 * one line or ending a paragraph: GCC's `file:line:col:` then `error: …`). Text under a job line that is not a
 * cause is the run's: a URL line is its log link, anything else its note. Nothing is guessed into a failure.
 * Returns `null` when no line of the message is a verdict line, or when the verdict line has words after the
 * verdict and no job line or cause follows (a person's sentence), unless the verdict stands alone.
 *
 * `at` is where the message text starts, so each job and failure keeps its file and line.
 */
export function extractBuild(
  text: string,
  at: SourcePosition,
  rules: readonly FailureRule[] = failureRules,
  settings: ReadSettings = defaultReadSettings,
): BuildReport | null {
  const lines = text.split('\n');
  let v = 0;
  let candidates: VerdictMatch[] = [];
  for (; v < lines.length; v++) {
    candidates = matchVerdict(lines[v] as string, settings.formats);
    if (candidates.length > 0) break;
  }
  if (candidates.length === 0) return null;
  const { format, verdict, pipeline, rest, standsAlone } = pickFormat(candidates, lines, v + 1);

  const jobs: JobReport[] = [];
  const failures: Failure[] = [];
  // Each run's note, paragraph by paragraph.
  const notes = new Map<JobReport, string[][]>();
  let current: JobReport | undefined;
  let paragraph: string[] = [];
  let paragraphStart = 0;
  let inBlock = false;

  const addNote = (job: JobReport | undefined, lines: readonly string[], sameParagraph = false) => {
    if (!job) return;
    const known = notes.get(job);
    if (!known) notes.set(job, [[...lines]]);
    else if (sameParagraph && known.length > 0) (known.at(-1) as string[]).push(...lines);
    else known.push([...lines]);
  };
  const flushParagraph = () => {
    if (paragraph.length > 0 && format.textUnderJob) addNote(current, paragraph);
    paragraph = [];
  };
  const findJob = (url: string, cut: boolean): JobReport | undefined => {
    const parsed = parseJobUrl(url);
    const canonical = parsed?.url ?? url;
    const byUrl = jobs.find((job) => job.url === canonical);
    if (byUrl) return byUrl;
    if (parsed?.name !== undefined) {
      const byRun = jobs.find((job) => job.name === parsed.name && job.build === parsed.build);
      if (byRun) return byRun;
    }
    // Without its `)` the URL may be cut short (`…/job/x/40` of run 4026): one that begins a job's URL names it.
    if (!cut) return undefined;
    return current?.url.startsWith(url) ? current : jobs.find((job) => job.url !== '' && job.url.startsWith(url));
  };
  const addCause = (causeLines: string[], url: string, cut: boolean, startIndex: number) => {
    const cause = trimBlankLines(causeLines).join('\n');
    const job = findJob(url, cut);
    if (cause === '' || format.noCause.some((pattern) => pattern.test(cause))) {
      if (format.textUnderJob) addNote(job ?? current, causeLines);
      return;
    }
    const classified = classifierFor(rules)(cause);
    const parsed = job ? null : parseJobUrl(url);
    const failure: Failure = {
      ...classified,
      job: job?.name ?? parsed?.name ?? '',
      build: job?.build ?? parsed?.build ?? parsed?.url ?? url,
      url: job?.url ?? parsed?.url ?? url,
      text: cause,
      position: { file: at.file, line: at.line + startIndex },
    };
    failures.push(failure);
  };

  for (let i = v + 1; i < lines.length; i++) {
    const line = (lines[i] as string).trimEnd();
    if (inBlock) {
      if (format.blockEnd?.test(line.trim())) inBlock = false;
      else addNote(current, [line], true);
      continue;
    }
    const job = format.jobLine.exec(line);
    if (job?.groups) {
      flushParagraph();
      current = jobReport(job.groups, format, settings, { file: at.file, line: at.line + i });
      jobs.push(current);
      if (job.groups.detail) addNote(current, [job.groups.detail]);
      inBlock = job.groups.block !== undefined && format.blockEnd !== undefined;
      if (inBlock) addNote(current, []);
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    const end = format.causeEnd?.exec(line);
    if (end?.groups?.url) {
      if (paragraph.length === 0) paragraphStart = i;
      paragraph.push(line.slice(0, end.index));
      addCause(paragraph, end.groups.url, !end[0].endsWith(')'), paragraphStart);
      paragraph = [];
      continue;
    }
    const log = format.textUnderJob && current && !current.logUrl ? format.logLine?.exec(line.trim()) : null;
    if (log?.groups?.url && current) {
      flushParagraph();
      current.logUrl = log.groups.url;
      continue;
    }
    if (paragraph.length === 0) paragraphStart = i;
    paragraph.push(line);
  }
  flushParagraph();
  // "Build failed on my laptop too": words after the verdict and nothing under it that a bot prints.
  if (jobs.length === 0 && failures.length === 0 && rest !== '' && !standsAlone) return null;
  for (const [job, paragraphs] of notes) {
    const note = paragraphs
      .map((lines) => trimBlankLines(lines).join('\n'))
      .filter((text) => text !== '')
      .join('\n\n');
    if (note !== '') job.note = note;
  }
  const report: BuildReport = { verdict, family: format.id, jobs, failures };
  if (pipeline) report.pipeline = pipeline;
  return report;
}

/** The candidate family whose job lines match most lines of the message; ties go to the first in the table. */
function pickFormat(candidates: VerdictMatch[], lines: readonly string[], from: number): VerdictMatch {
  if (candidates.length === 1) return candidates[0] as VerdictMatch;
  let best = candidates[0] as VerdictMatch;
  let bestCount = -1;
  for (const candidate of candidates) {
    let count = 0;
    for (let i = from; i < lines.length; i++)
      if (candidate.format.jobLine.test((lines[i] as string).trimEnd())) count++;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function jobReport(
  groups: Record<string, string | undefined>,
  format: BotFormat,
  settings: ReadSettings,
  position: SourcePosition,
): JobReport {
  const printed = groups.url as string;
  const isUrl = httpUrl.test(printed);
  const parsed = isUrl ? parseJobUrl(printed) : null;
  const name = groups.name ?? parsed?.name ?? printed;
  // The default scheme is a Jenkins naming convention, for names read off a Jenkins job URL. A name a bot prints
  // (Zuul's `nova-next`, `tox-py312`) is a free-form job name: split by the default, `nova-next` would read as
  // project nova on platform next. A `jobName` of the user's own applies to every name.
  const identity =
    settings.jobName !== defaultJobName
      ? splitJobName(name, settings.jobName)
      : parsed?.name === name
        ? splitWithDefault(name)
        : { name, project: '', platform: '', branch: '' };
  // A run the bot gives no URL (Zuul prints the job name in its place) is still one run: its line names it. A URL
  // that names no Jenkins or Zuul build (a Gerrit Trigger custom URL, a log page) is the run's id as printed.
  let build: BuildId;
  if (parsed) build = parsed.build;
  else if (isUrl) build = printed;
  else build = lineBuildId(position);
  const result = ownResult(groups.result as string);
  // Written out rather than spread from `identity`: a spread object gets its later fields in a separate
  // property store, one more heap object for each of the 260k job lines of a 10k export.
  const report: JobReport = {
    name: identity.name,
    project: identity.project,
    platform: identity.platform,
    branch: identity.branch,
    build,
    url: parsed?.url ?? (isUrl ? printed : ''),
    result,
    outcome: outcomeOf(result, format),
    voting: groups.nonvoting === undefined,
    position,
  };
  const duration = groups.duration === undefined ? undefined : parseDuration(groups.duration);
  if (duration !== undefined) report.durationSeconds = duration;
  return report;
}

function outcomeOf(result: string, format: BotFormat): RunOutcome {
  if (format.passed.includes(result)) return 'passed';
  if (format.failed.includes(result)) return 'failed';
  return 'inconclusive';
}
