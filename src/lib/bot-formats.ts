import type { Verdict } from './types.ts';

/**
 * Version of the bot-format table. Bump it whenever a format changes what is read as a job run or a cause, so
 * users comparing two reports can tell that runs and failures may have moved.
 */
export const BOT_FORMATS_VERSION = 2;

/** A verdict line of a bot family: the line that leads a CI result message. */
export interface VerdictPattern {
  /** Matched against the message's first line of text; the named group `pipeline` is the CI pipeline. */
  pattern: RegExp;
  verdict: Verdict;
  /**
   * The bot writes this verdict with no job line under it (Zuul's merge failures). Any other verdict that has
   * words after it on its line and no job line or cause under it is a person's sentence (`Build failed on my
   * laptop too`), read as a comment.
   */
  standsAlone?: boolean;
}

/**
 * One family of CI bots and the shape of its result messages. Which family wrote a message is decided by its
 * text, never by the author: the families whose verdict pattern matches the lead line are candidates, and the
 * one whose job-line pattern matches most lines wins (ties go to the earlier in the table).
 */
export interface BotFormat {
  id: string;
  /** What writes these messages, for the README. */
  description: string;
  verdicts: readonly VerdictPattern[];
  /** The line that leads a "build started" message; named groups `url`, `index`, `total` (`(1/3)`), `pipeline`. */
  started?: RegExp;
  /**
   * A job line: one run. Named groups: `url` and `result` (required); `name` when the bot prints the job name
   * (otherwise it is read off a Jenkins URL); `detail` (text after the result, kept as the run's note);
   * `duration` (`1h 02m 03s`); `nonvoting` (present when the job does not vote); `block` (present when the
   * run's note follows in a block closed by a `blockEnd` line).
   */
  jobLine: RegExp;
  blockEnd?: RegExp;
  /**
   * The last line of a cause the bot attributes to a run (`<text> ( <run url> )`), named group `url`. A cause is
   * the paragraph that this line ends. Without it, the family names no causes.
   */
  causeEnd?: RegExp;
  /** A cause text that says that no cause was found: kept as the run's note, the run is unclassified. */
  noCause: readonly RegExp[];
  /**
   * A line under a job line that is the run's log link (`Logs: <url>`, `Console: <url>`, a bare URL), named
   * group `url`. Without it, no line is a log link.
   */
  logLine?: RegExp;
  /** Whether text under a job line is about that run (Gerrit Trigger) or about the whole message (Zuul). */
  textUnderJob: boolean;
  /** Results that mean the run passed or failed; any other result (aborted, skipped, …) is no evidence. */
  passed: readonly string[];
  failed: readonly string[];
  /** A message of the family, checked by the tests and shown in the README. */
  example: string;
}

// The URL may hold parentheses (`…alert(1)…`): it runs to the closing ` )`, or to the end of a line cut short.
const jenkinsCause = /(?:^|\s+)\(\s*(?<url>https?:\/\/\S+?)\s*\)?$/;

export const botFormats: readonly BotFormat[] = [
  {
    id: 'zuul',
    description:
      'Zuul (OpenDev, Software Factory, …): `Build succeeded (check pipeline).`, `Build failed (gate pipeline).`, `Build canceled.`, `Merge Failed.`, then `- <job> <url> : <RESULT>[ <detail>][ in 3m 21s][ (non-voting)]` lines.',
    verdicts: [
      { pattern: /^Build succeeded(?: \((?<pipeline>[^()]+?) pipeline\))?\./, verdict: 'successful' },
      { pattern: /^Build failed(?: \((?<pipeline>[^()]+?) pipeline\))?\./, verdict: 'failed' },
      // The pipeline's dequeue-message: the item left the pipeline before it had a result (its jobs ABORTED, CANCELED).
      { pattern: /^Build canceled(?: \((?<pipeline>[^()]+?) pipeline\))?\./, verdict: 'aborted' },
      { pattern: /^Merge Failed\./, verdict: 'merge-failed', standsAlone: true },
      {
        pattern: /^(?:This change|These changes) depends? on a change that failed to merge\./,
        verdict: 'merge-failed',
        standsAlone: true,
      },
      {
        pattern: /^(?:This change|These changes) (?:is|are) unable to merge due to/,
        verdict: 'merge-failed',
        standsAlone: true,
      },
      { pattern: /^This change is part of a dependency cycle that failed\./, verdict: 'failed' },
    ],
    started: /^Starting (?<pipeline>\S+) jobs\./,
    jobLine:
      /^- (?<name>\S+) (?<url>\S+) : (?<result>[A-Z][A-Z_]*)(?: (?<detail>.*?))??(?: in (?<duration>(?:\d+h )?(?:\d+m )?\d+s))?(?<nonvoting> \(non-voting\))?$/,
    noCause: [],
    textUnderJob: false,
    passed: ['SUCCESS'],
    failed: [
      'FAILURE',
      'TIMED_OUT',
      'POST_FAILURE',
      'RETRY_LIMIT',
      'NODE_FAILURE',
      'ERROR',
      'MERGER_FAILURE',
      'MERGE_CONFLICT',
      'CONFIG_ERROR',
      'DISK_FULL',
      'LOST',
      'EXCEPTION',
    ],
    example: [
      'Build failed (check pipeline).  For information on how to proceed, see https://docs.example.org/ci.html',
      '',
      'https://zuul.example.org/t/main/buildset/7d1c3e1f0a8b4f6c9e2d5a4b3c2d1e0f',
      '',
      '- tox-pep8 https://zuul.example.org/t/main/build/0f1e2d3c4b5a69788796a5b4c3d2e1f0 : SUCCESS in 3m 21s',
      '- tox-py312 https://zuul.example.org/t/main/build/1a2b3c4d5e6f708192a3b4c5d6e7f809 : TIMED_OUT in 1h 00m 04s',
      '- docs-build https://zuul.example.org/t/main/build/2b3c4d5e6f708192a3b4c5d6e7f8091a : FAILURE in 45s (non-voting)',
    ].join('\n'),
  },
  {
    id: 'gerrit-trigger',
    description:
      "The Jenkins Gerrit Trigger plugin: `Build Successful`, `Build Failed`, `Build Unstable`, `Build Aborted`, `Build Not Built`, `No Builds Executed`, then `<url> : <RESULT>` lines, each followed by the run's text: the Build Failure Analyzer's causes `<text> ( <url> )`, a log link, a `<<<` … `>>>` message.",
    verdicts: [
      { pattern: /^Build\s+Successful\b/i, verdict: 'successful' },
      { pattern: /^Build\s+Failed\b/i, verdict: 'failed' },
      { pattern: /^Build\s+Unstable\b/i, verdict: 'unstable' },
      { pattern: /^Build\s+Aborted\b/i, verdict: 'aborted' },
      { pattern: /^(?:Build\s+Not\s+Built|No\s+Builds\s+Executed)\b/i, verdict: 'no-builds' },
    ],
    started: /^Build Started\s+(?<url>\S+)(?:\s+\((?<index>\d+)\/(?<total>\d+)\))?/i,
    jobLine: /^(?<url>https?:\/\/\S+)\s+:\s+(?<result>[A-Z][A-Z_]*)(?<nonvoting>\s+\(skipped\))?(?<block>\s+<<<)?$/,
    blockEnd: /^>>>$/,
    causeEnd: jenkinsCause,
    noCause: [/^No problems were identified\b/i],
    logLine: /^(?:[A-Za-z][\w .()-]{0,40}?\s*:\s*)?<?(?<url>https?:\/\/[^\s<>()]+)>?$/,
    textUnderJob: true,
    passed: ['SUCCESS'],
    failed: ['FAILURE', 'UNSTABLE'],
    example: [
      'Build Failed',
      '',
      'https://jenkins.example.org/job/app-verify/1041/ : FAILURE',
      '',
      'Logs: https://logs.example.org/app-verify/1041/',
      '',
      'Failure of a CTest test  3/40 Test  #7: app_unit ........ ( https://jenkins.example.org/job/app-verify/1041/ )',
      '',
      'https://jenkins.example.org/job/app-docs/77/ : SUCCESS',
    ].join('\n'),
  },
];
