import { describe, expect, it } from 'vitest';
import { botFormats } from '../../src/lib/bot-formats.ts';
import { extractBuild } from '../../src/lib/extract-build.ts';
import { matchVerdict } from '../../src/lib/match-verdict.ts';

const at = { file: 'dump.txt', line: 100 };
const jenkins = 'http://cv.jenkins.couchbase.com/job/';

describe('extractBuild', () => {
  it('returns null for a message without a verdict', () => {
    expect(extractBuild('Patch Set 3:\n\nLooks fine.', at)).toBeNull();
  });

  it('reads every job line and attributes each cause to the run its URL names, with positions', () => {
    const text = [
      'Patch Set 3: Verified-1', // 100
      '',
      'Build Failed ',
      '',
      `${jenkins}kv_engine-linux/job/master/12/ : FAILURE`, // 104
      '',
      `Failure of a GoogleTest ItemPagerTest.Evict ( ${jenkins}kv_engine-linux/job/master/12/ )`, // 106
      '',
      `${jenkins}kv_engine-windows-master/9/ : UNSTABLE`, // 108
      '',
      // A cause may name a run that no job line lists; its URL decides.
      `Failure of a CTest test 3/9 Test #4: ep_testsuite ........ ( ${jenkins}kv_engine-macos-master/77/ )`, // 110
      '',
      `${jenkins}kv_engine-clang_format/5/ : SUCCESS`,
    ].join('\n');
    expect(extractBuild(text, at)).toEqual({
      verdict: 'failed',
      family: 'gerrit-trigger',
      jobs: [
        {
          name: 'kv_engine-linux/master',
          project: 'kv_engine',
          platform: 'linux',
          branch: 'master',
          build: 12,
          url: `${jenkins}kv_engine-linux/job/master/12/`,
          result: 'FAILURE',
          outcome: 'failed',
          voting: true,
          position: { file: 'dump.txt', line: 104 },
        },
        {
          name: 'kv_engine-windows-master',
          project: 'kv_engine',
          platform: 'windows',
          branch: 'master',
          build: 9,
          url: `${jenkins}kv_engine-windows-master/9/`,
          result: 'UNSTABLE',
          outcome: 'failed',
          voting: true,
          position: { file: 'dump.txt', line: 108 },
        },
        {
          name: 'kv_engine-clang_format',
          project: 'kv_engine',
          platform: 'clang_format',
          branch: '',
          build: 5,
          url: `${jenkins}kv_engine-clang_format/5/`,
          result: 'SUCCESS',
          outcome: 'passed',
          voting: true,
          position: { file: 'dump.txt', line: 112 },
        },
      ],
      failures: [
        {
          kind: 'gtest',
          rule: 'gtest',
          signature: 'gtest:ItemPagerTest.Evict',
          test: 'ItemPagerTest.Evict',
          job: 'kv_engine-linux/master',
          build: 12,
          url: `${jenkins}kv_engine-linux/job/master/12/`,
          text: 'Failure of a GoogleTest ItemPagerTest.Evict',
          position: { file: 'dump.txt', line: 106 },
        },
        {
          kind: 'ctest',
          rule: 'ctest-failure',
          signature: 'ctest:ep_testsuite',
          test: 'ep_testsuite',
          job: 'kv_engine-macos-master',
          build: 77,
          url: `${jenkins}kv_engine-macos-master/77/`,
          text: 'Failure of a CTest test 3/9 Test #4: ep_testsuite ........',
          position: { file: 'dump.txt', line: 110 },
        },
      ],
    });
  });

  it('reads a GCC cause over several lines, ending at the line that names the run', () => {
    const text = [
      'Build Failed',
      `${jenkins}kv_engine-linux-master/4026/ : FAILURE`,
      'Compile error at /home/couchbase/jenkins/workspace/kv_engine-linux-master/kv_engine/a.cc:898:46:',
      'error: invalid conversion',
      ` ( ${jenkins}kv_engine-linux-master/4026/ )`,
    ].join('\n');
    const failures = extractBuild(text, at)?.failures ?? [];
    expect(failures.map((f) => [f.signature, f.text, f.message, f.job, f.build, f.position.line])).toEqual([
      [
        'compile:kv_engine/a.cc:898',
        'Compile error at /home/couchbase/jenkins/workspace/kv_engine-linux-master/kv_engine/a.cc:898:46:\nerror: invalid conversion',
        'invalid conversion',
        'kv_engine-linux-master',
        4026,
        102,
      ],
    ]);
  });

  it("keeps text under a job line that names no run as the run's note, never a failure", () => {
    const text = [
      'Build Failed',
      '',
      `${jenkins}kv_engine-windows-master/3891/ : FAILURE`,
      '',
      'Compile error at ..\\kv_engine\\engines\\ep\\src\\ep_engine.cc(1752): error C2440: "=": cannot convert',
      '',
      `${jenkins}kv_engine-clang_format/2397/ : SUCCESS`,
      '',
      'Text after a passing job is not a failure',
    ].join('\n');
    const build = extractBuild(text, at);
    expect(build?.failures).toEqual([]);
    expect(build?.jobs.map((job) => [job.name, job.note])).toEqual([
      [
        'kv_engine-windows-master',
        'Compile error at ..\\kv_engine\\engines\\ep\\src\\ep_engine.cc(1752): error C2440: "=": cannot convert',
      ],
      ['kv_engine-clang_format', 'Text after a passing job is not a failure'],
    ]);
  });

  it('strips the URL of a cause line that was cut before its closing parenthesis', () => {
    const text = [
      'Build Failed',
      `${jenkins}kv_engine-linux-master/4026/ : FAILURE`,
      `Failure of a GoogleTest ( ${jenkins}kv_engine-linux-master/40`,
    ].join('\n');
    const failures = extractBuild(text, at)?.failures ?? [];
    expect(failures.map((f) => [f.signature, f.text, f.job, f.build, f.url])).toEqual([
      ['gtest', 'Failure of a GoogleTest', 'kv_engine-linux-master', 4026, `${jenkins}kv_engine-linux-master/4026/`],
    ]);
  });

  it('reads job results other than the usual four', () => {
    const text = `No Builds Executed\n\n${jenkins}kv_engine-linux-master/1/ : NOT_BUILT`;
    expect(extractBuild(text, at)?.jobs.map((j) => j.result)).toEqual(['NOT_BUILT']);
  });
});

describe('extractBuild: run URLs that are not Jenkins builds', () => {
  // Gerrit Trigger prints a job's custom URL in place of the build URL when one is set; it may be any page.
  it('names a run by its URL, as job and as build, and invents no build number', () => {
    const build = extractBuild(
      [
        'Build Failed ',
        '',
        'https://logs.example.org/netconf-verify/55/console-log.html : ABORTED',
        '',
        'https://buildkite.example.com/acme/netconf/builds/4411 : FAILURE',
      ].join('\n'),
      at,
    );
    expect(build?.jobs.map((job) => [job.name, job.build, job.url, job.result, job.outcome])).toEqual([
      [
        'https://logs.example.org/netconf-verify/55/console-log.html',
        'https://logs.example.org/netconf-verify/55/console-log.html',
        'https://logs.example.org/netconf-verify/55/console-log.html',
        'ABORTED',
        'inconclusive',
      ],
      [
        'https://buildkite.example.com/acme/netconf/builds/4411',
        'https://buildkite.example.com/acme/netconf/builds/4411',
        'https://buildkite.example.com/acme/netconf/builds/4411',
        'FAILURE',
        'failed',
      ],
    ]);
  });
});

describe('matchVerdict', () => {
  it('knows the Gerrit Trigger and Zuul verdicts and nothing else', () => {
    expect(
      [
        'Build Successful',
        'Build Failed ',
        'build unstable',
        'Build Aborted',
        'Build Not Built',
        'No Builds Executed',
        'Build succeeded (check pipeline).',
        'Build failed (gate pipeline).  For information on how to proceed, see https://docs.example.org/',
        'Merge Failed.',
        'Build Started x',
        'Built',
      ].map((line) => matchVerdict(line, botFormats).map((m) => [m.format.id, m.verdict, m.pipeline ?? ''])),
    ).toEqual([
      [['gerrit-trigger', 'successful', '']],
      [['gerrit-trigger', 'failed', '']],
      [['gerrit-trigger', 'unstable', '']],
      [['gerrit-trigger', 'aborted', '']],
      [['gerrit-trigger', 'no-builds', '']],
      [['gerrit-trigger', 'no-builds', '']],
      [['zuul', 'successful', 'check']],
      [
        ['zuul', 'failed', 'gate'],
        ['gerrit-trigger', 'failed', ''],
      ],
      [['zuul', 'merge-failed', '']],
      [],
      [],
    ]);
  });
});

describe('the bot-format table', () => {
  it('reads the example of each family as a message of that family, with its job lines as runs', () => {
    expect(
      botFormats.map((format) => {
        const build = extractBuild(format.example, at);
        return [
          format.id,
          build?.family,
          build?.verdict,
          build?.jobs.map((job) => [job.result, job.outcome, job.voting]),
        ];
      }),
    ).toEqual([
      [
        'zuul',
        'zuul',
        'failed',
        [
          ['SUCCESS', 'passed', true],
          ['TIMED_OUT', 'failed', true],
          ['FAILURE', 'failed', false],
        ],
      ],
      [
        'gerrit-trigger',
        'gerrit-trigger',
        'failed',
        [
          ['FAILURE', 'failed', true],
          ['SUCCESS', 'passed', true],
        ],
      ],
    ]);
  });
});
