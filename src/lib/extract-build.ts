import { boundedMemo } from './bounded-memo.ts';
import { classifyFailure } from './classify-failure.ts';
import type { FailureRule } from './failure-rules.ts';
import { failureRules } from './failure-rules.ts';
import { parseJobUrl } from './parse-job-url.ts';
import { trimBlankLines } from './trim-blank-lines.ts';
import type { BuildReport, Failure, JobReport, SourcePosition, Verdict } from './types.ts';

const verdictLine = /^(?:Build\s+(Successful|Failed|Unstable|Aborted)|(No Builds Executed))\b/i;
const jobLine = /^(https?:\/\/\S+)\s+:\s+([A-Z][A-Z_]*)$/;
// The closing parenthesis is optional: a line the bot cut short still names its run, and the URL must not leak
// into the cause text (and so into the signature).
const causeEnd = /\s*\(\s*(https?:\/\/[^\s()]+)\s*\)?$/;

// The bot repeats the latest run of every job, with its causes, in each new verdict: the same URLs and
// cause texts come back again and again, so they are read once.
const readJobUrl = boundedMemo(parseJobUrl);
const classifyWithDefaultRules = boundedMemo((cause: string) => classifyFailure(cause, failureRules));

const verdicts: Record<string, Verdict> = {
  successful: 'successful',
  failed: 'failed',
  unstable: 'unstable',
  aborted: 'aborted',
};

/** Whether a line of a message is a CI verdict line. */
export function isVerdictLine(line: string): boolean {
  return verdictLine.test(line);
}

/**
 * Reads a CI verdict message: the verdict, every `<url> : RESULT` job line, and every failure cause, each
 * attributed to the job run whose URL ends it (`… ( <url> )`). A cause may span several lines (GCC's
 * `file:line:col:` then `error: …`). Text after a failed job line that names no URL is a cause of that job.
 * Returns `null` when the message has no verdict line.
 *
 * `at` is where the message text starts, so each job and failure keeps its file and line.
 */
export function extractBuild(
  text: string,
  at: SourcePosition,
  rules: readonly FailureRule[] = failureRules,
): BuildReport | null {
  const lines = text.split('\n');
  let v = 0;
  let verdict: Verdict | null = null;
  for (; v < lines.length; v++) {
    const match = verdictLine.exec((lines[v] as string).trim());
    if (match) {
      verdict = match[2] ? 'no-builds' : (verdicts[(match[1] as string).toLowerCase()] ?? 'failed');
      break;
    }
  }
  if (verdict === null) return null;

  const jobs: JobReport[] = [];
  const failures: Failure[] = [];
  let pending: string[] = [];
  let pendingStart = 0;
  let lastJob: JobReport | undefined;

  const addFailure = (causeLines: string[], url: string, startIndex: number) => {
    const cause = trimBlankLines(causeLines).join('\n');
    if (cause === '') return;
    const job = readJobUrl(url);
    const classified = rules === failureRules ? classifyWithDefaultRules(cause) : classifyFailure(cause, rules);
    failures.push({
      ...classified,
      job: job?.name ?? lastJob?.name ?? url,
      build: job?.build ?? lastJob?.build ?? 0,
      url: job?.url ?? lastJob?.url ?? url,
      text: cause,
      position: { file: at.file, line: at.line + startIndex },
    });
  };
  const flushOrphan = () => {
    if (pending.some((line) => line.trim() !== '') && lastJob && lastJob.result !== 'SUCCESS') {
      addFailure(pending, lastJob.url, pendingStart);
    }
    pending = [];
  };

  for (let i = v + 1; i < lines.length; i++) {
    const line = (lines[i] as string).trimEnd();
    const job = jobLine.exec(line);
    if (job) {
      flushOrphan();
      const parsed = readJobUrl(job[1] as string);
      const report: JobReport = {
        name: parsed?.name ?? (job[1] as string),
        project: parsed?.project ?? '',
        platform: parsed?.platform ?? '',
        branch: parsed?.branch ?? '',
        build: parsed?.build ?? 0,
        url: parsed?.url ?? (job[1] as string),
        result: job[2] as string,
        position: { file: at.file, line: at.line + i },
      };
      jobs.push(report);
      lastJob = report;
      continue;
    }
    if (line.trim() === '') {
      if (pending.length > 0) pending.push('');
      continue;
    }
    if (pending.length === 0) pendingStart = i;
    const end = causeEnd.exec(line);
    if (end) {
      pending.push(line.slice(0, end.index));
      // Without its `)` the URL may be cut short (`…/job/x/40` of run 4026): one that begins the failed job's
      // URL names that job.
      let url = end[1] as string;
      if (!end[0].endsWith(')') && lastJob?.url.startsWith(url)) url = lastJob.url;
      addFailure(pending, url, pendingStart);
      pending = [];
      continue;
    }
    pending.push(line);
  }
  flushOrphan();
  return { verdict, jobs, failures };
}
