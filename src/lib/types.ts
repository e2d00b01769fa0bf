/**
 * The data model of review-reports, stage by stage:
 * bytes → {@link Dump} (reader) → {@link ClassifiedMessage} (classifier, build
 * and failure extraction) → {@link Change} and {@link SignatureEntry} (model).
 *
 * Dates are ISO 8601 strings in UTC (`2018-05-25T19:57:19.000Z`), or `null`
 * when the export held a date that does not parse (a warning says where).
 */

/** Where a piece of the export came from: a path relative to the export root and a 1-based line. */
export interface SourcePosition {
  file: string;
  line: number;
}

/** Every class of problem the reader and the model report. */
export type WarningCode =
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'not-utf8'
  | 'not-a-dump'
  | 'truncated'
  | 'bad-date'
  | 'missing-header'
  | 'no-change-id'
  | 'bad-change-id'
  | 'duplicate-dump'
  | 'conflicting-change-id'
  | 'orphan-failure';

/** A problem in the input. The build goes on; `--strict` turns any warning into a failure. */
export interface Warning {
  code: WarningCode;
  /** Path relative to the export root. */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  message: string;
}

/** The two export layouts the reader understands. */
export type DumpLayout = 'seed' | 'crop';

/** The commit message of a patch set, with the parts reports show on their own. */
export interface Description {
  /** First non-blank line of the commit message. */
  subject: string;
  /** The commit message without its subject line and without the `Change-Id:` footer. */
  body: string;
  /** The whole commit message as exported. */
  text: string;
  /** Value of the last `Change-Id:` footer, if any. */
  changeId?: string;
  /** Ticket references such as `MB-26887`, in order of first appearance, without repeats. */
  tickets: string[];
  /** Position in a patch series, from a `[4/7]` marker in the subject. */
  series?: { index: number; total: number };
  /** Where the commit message starts. */
  position: SourcePosition;
}

/** A review comment anchored on a file (and usually a line). */
export interface InlineComment {
  path: string;
  /** Absent for a `File Comment:`. */
  line?: number;
  text: string;
  position: SourcePosition;
}

/** One review message as the reader found it. */
export interface RawMessage {
  author: string;
  date: string | null;
  /** The date exactly as written in the export. */
  rawDate: string;
  /** Message text, without leading and trailing blank lines. */
  text: string;
  /** 1-based line of the first line of `text` in the file. */
  textLine: number;
  inlineComments: InlineComment[];
  /** A CROP `MISMATCHED INLINE COMMENT` block: inline comments that matched no message. */
  mismatched: boolean;
  /** Where the message's author header is. */
  position: SourcePosition;
}

/** One export file, read. */
export interface Dump {
  /** Path relative to the export root, with `/` separators. */
  file: string;
  /** Digest of the file's bytes, when the reader was given them: what caches and page keys compare. */
  digest?: string;
  layout: DumpLayout;
  description: Description;
  messages: RawMessage[];
}

/** A label vote: `Code-Review+2` is `{ label: 'Code-Review', value: 2 }`; `-Verified` removes a vote (`value: 0, removed: true`). */
export interface Vote {
  label: string;
  value: number;
  removed: boolean;
}

/** What a message is about. A message that is none of the specific kinds is a `comment`. */
export type MessageKind =
  | 'upload'
  | 'build-started'
  | 'build-result'
  | 'merged'
  | 'cherry-picked'
  | 'abandoned'
  | 'restored'
  | 'reverted'
  | 'vote'
  | 'comment';

/** How a patch set came to be, from the upload message. */
export type UploadKind = 'new' | 'rebase' | 'commit-message' | 'other';

/** The overall verdict line of a CI message; `merge-failed` is a change the CI could not merge, so nothing ran. */
export const verdicts = ['successful', 'failed', 'unstable', 'aborted', 'no-builds', 'merge-failed'] as const;
export type Verdict = (typeof verdicts)[number];

/** The result of one job run, as the bot printed it (`SUCCESS`, `FAILURE`, `UNSTABLE`, `ABORTED`, `NOT_BUILT`, Zuul's `TIMED_OUT`, …). */
export type JobResult = string;

/**
 * What a result says about the code: `passed`, `failed`, or `inconclusive` (aborted, not built, skipped, or a
 * result the bot family does not list), which is no evidence either way. Each bot family lists its results.
 */
export const runOutcomes = ['passed', 'failed', 'inconclusive'] as const;
export type RunOutcome = (typeof runOutcomes)[number];

/**
 * Identifies a run of a job: a Jenkins build number, or, where the CI names builds otherwise (Zuul's build
 * UUID, a log URL), that id as a string.
 */
export type BuildId = number | string;

/** A job name split into the parts reports group by, by the `jobName` pattern of the config. */
export interface JobIdentity {
  /** Full job name: the `/job/<name>` segments joined with `/`, or the name the bot printed. */
  name: string;
  /** `''` when the name does not fit the `jobName` pattern. */
  project: string;
  /** `''` when the name has no platform part. */
  platform: string;
  /** `''` when the name has no branch part. */
  branch: string;
}

/** One job line of a CI message (`<url> : RESULT`, Zuul's `- <job> <url> : RESULT in 3m 21s`). */
export interface JobReport extends JobIdentity {
  build: BuildId;
  /** The run's URL as printed (a Jenkins build URL with a trailing slash); `''` when the bot printed none. */
  url: string;
  result: JobResult;
  outcome: RunOutcome;
  /** `false` for a Zuul `(non-voting)` job or a Gerrit Trigger `(skipped)` vote: its failure does not fail the verdict. */
  voting: boolean;
  /** How long the run took, when the bot says (Zuul's `in 1h 02m 03s`). */
  durationSeconds?: number;
  /** The run's log, from a `Logs: <url>`, `Console: <url>` or bare URL line under the job line. */
  logUrl?: string;
  /** Other text the bot printed under the job line that is not a cause: shown with the run, never a failure. */
  note?: string;
  position: SourcePosition;
}

export const failureKinds = [
  'ctest',
  'ctest-timeout',
  'gtest',
  'compile',
  'sanitizer',
  'other',
  'unclassified',
] as const;
/** `unclassified` is a failed run the bot named no cause for (see `unclassifiedFailure`). */
export type FailureKind = (typeof failureKinds)[number];

/** One failure cause of a CI message, attributed to the job run whose URL it names. */
export interface Failure {
  kind: FailureKind;
  /** Stable key, independent of job, build, workspace and path style: see `failure-rules.ts`. */
  signature: string;
  /** The id of the rule that matched. */
  rule: string;
  job: string;
  build: BuildId;
  url: string;
  /** The cause exactly as printed, without the trailing `( url )`; `''` for an unclassified failure. */
  text: string;
  test?: string;
  /** Path relative to the job's workspace, with `/` separators. */
  file?: string;
  line?: number;
  column?: number;
  /** Compiler or sanitizer message. */
  message?: string;
  /** Sanitizer name, e.g. `ThreadSanitizer`. */
  tool?: string;
  /** Sanitizer issue type, e.g. `heap-use-after-free`. */
  issue?: string;
  /** Function named by a sanitizer report. */
  function?: string;
  position: SourcePosition;
}

/** A CI verdict message: its jobs and failure causes. */
export interface BuildReport {
  verdict: Verdict;
  /** Id of the bot family (`bot-formats.ts`) whose format the message has. */
  family: string;
  /** Zuul's pipeline (`check`, `gate`), from `Build failed (gate pipeline).`. */
  pipeline?: string;
  jobs: JobReport[];
  /**
   * Every cause of the message. A cause whose URL names no job line of the message keeps the job and build its
   * URL names (or its URL as both), for the change to attribute.
   */
  failures: Failure[];
}

/** A `Build Started <url> (k/n)` message, or Zuul's `Starting check jobs.`. */
export interface BuildStart {
  /** `''` when the bot names no build. */
  url: string;
  /** `0` when the bot does not number its builds. */
  index: number;
  total: number;
  pipeline?: string;
}

/** A message with its meaning read off. */
export interface ClassifiedMessage {
  kind: MessageKind;
  /** Patch set the message names (`Patch Set 4:` or `Uploaded patch set 4`). */
  patchSet?: number;
  upload?: UploadKind;
  votes: Vote[];
  /** From a `(N comments)` line. */
  commentCount?: number;
  build?: BuildReport;
  buildStart?: BuildStart;
}

/** A message of a change, after merging the dumps of the change. */
export interface Message extends ClassifiedMessage {
  /** Stable id, unique within the change: `m-` and a hash of author, date and text. */
  id: string;
  author: string;
  date: string | null;
  text: string;
  inlineComments: InlineComment[];
  mismatched: boolean;
  /** The patch set the message belongs to: named in it, else the newest one named before it, else its dump's. */
  patchSet: number;
  position: SourcePosition;
}

/** One run of one job: identified by job name and build number, however often the bot repeats it. */
export interface JobRun extends JobIdentity {
  build: BuildId;
  url: string;
  /** `''` for a run only a cause's URL names: the bot printed no result for it. */
  result: JobResult;
  outcome: RunOutcome;
  voting: boolean;
  durationSeconds?: number;
  logUrl?: string;
  note?: string;
  /** Zuul's pipeline of the message that first reported the run. */
  pipeline?: string;
  patchSet: number;
  /** Date of the first message that reported the run. */
  date: string | null;
  /** Ids of the messages that reported the run. */
  reportedBy: string[];
  failures: Failure[];
}

/** A build-result message of a change. */
export interface Build {
  messageId: string;
  patchSet: number;
  date: string | null;
  verdict: Verdict;
  family: string;
  pipeline?: string;
  jobs: JobReport[];
  failures: Failure[];
}

export type Outcome = 'merged' | 'abandoned' | 'open';

/** A change: every dump sharing a Change-Id, merged. */
export interface Change {
  /** The Change-Id, or `nochangeid-<hash>` for a dump without one. */
  id: string;
  /** URL-safe form of `id`, used in paths. */
  slug: string;
  subject: string;
  body: string;
  description: string;
  tickets: string[];
  series?: { index: number; total: number };
  /** Author of the earliest upload, or of the earliest message. */
  owner: string;
  /** Most common project of the change's jobs, or `''`. */
  project: string;
  patchSets: number[];
  messages: Message[];
  builds: Build[];
  /** Every job run, ordered by patch set, job name and build number. */
  runs: JobRun[];
  votes: Array<Vote & { patchSet: number; author: string; date: string | null; messageId: string }>;
  outcome: Outcome;
  firstActivity: string | null;
  lastActivity: string | null;
  /** Export files the change was assembled from. */
  files: string[];
  /** Changes whenever any dump of the change changes: a key for caching what is derived from it. */
  digest: string;
}

/** One failure of one signature in one job run. */
export interface Occurrence {
  change: string;
  patchSet: number;
  job: string;
  platform: string;
  build: BuildId;
  url: string;
  date: string | null;
}

/** Two or more runs of one job on one patch set that disagreed about a signature. */
export interface FlakyEvidence {
  change: string;
  patchSet: number;
  job: string;
  /** Runs that failed with the signature. */
  failedBuilds: BuildId[];
  /** Runs that did not (passed, or failed for other reasons). */
  otherBuilds: BuildId[];
}

/** A failure signature across the whole export. */
export interface SignatureEntry {
  signature: string;
  /** URL-safe, stable form of the signature. */
  slug: string;
  kind: FailureKind;
  rule: string;
  /** A readable one-line title. */
  title: string;
  test?: string;
  file?: string;
  line?: number;
  tool?: string;
  issue?: string;
  occurrences: Occurrence[];
  changes: string[];
  jobs: string[];
  platforms: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  flaky: boolean;
  flakyEvidence: FlakyEvidence[];
  /** One cause text of the signature, for display. */
  example: string;
}

/** The parsed export. */
export interface ReportModel {
  changes: Change[];
  signatures: SignatureEntry[];
  warnings: Warning[];
  /** Newest message date in the export: the reproducible "generated at" stamp. */
  newestActivity: string | null;
  /** Number of export files read (dumps or not). */
  files: number;
  bytes: number;
}
