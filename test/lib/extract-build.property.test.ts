import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { botFormats } from '../../src/lib/bot-formats.ts';
import { extractBuild } from '../../src/lib/extract-build.ts';
import { matchVerdict } from '../../src/lib/match-verdict.ts';

const at = { file: 'dump.txt', line: 1 };
const jenkins = 'https://jenkins.example.org/job/';
const gerritTrigger = botFormats.find((format) => format.id === 'gerrit-trigger');

/** A piece of a Gerrit Trigger verdict: a job line, a cause of one of the jobs, or a log line. */
const piece = fc.oneof(
  fc
    .record({ job: fc.constantFrom('app-a', 'app-b', 'lib-c'), build: fc.integer({ min: 1, max: 999 }) })
    .chain(({ job, build }) =>
      fc
        .constantFrom('SUCCESS', 'FAILURE', 'UNSTABLE', 'ABORTED', 'NOT_BUILT')
        .map((result) => [`${jenkins}${job}/${build}/ : ${result}`]),
    ),
  fc
    .record({
      text: fc.constantFrom(
        'Failure of a GoogleTest',
        'Compile error at x.cc:1:2:\nerror: no',
        'Timeout of a CTest test t',
      ),
      job: fc.constantFrom('app-a', 'app-b', 'lib-c'),
      build: fc.integer({ min: 1, max: 999 }),
    })
    .map(({ text, job, build }) => `${text} ( ${jenkins}${job}/${build}/ )`.split('\n')),
  fc.constantFrom(['Logs: https://logs.example.org/1/'], ['https://logs.example.org/2/console.log']),
);

/** Any line that is not a cause: its own paragraph, it must leave the failures as they were. */
const notACause = fc
  .string({
    unit: fc.constantFrom('a', 'Z', '0', ' ', ':', '(', ')', '/', '.', '-', 'é', 'h', 't', 'p', 's'),
    maxLength: 60,
  })
  .map((line) => line.trim())
  .filter(
    (line) =>
      line !== '' &&
      !gerritTrigger?.causeEnd?.test(line) &&
      !gerritTrigger?.jobLine.test(line) &&
      matchVerdict(line, botFormats).length === 0,
  );

const failuresOf = (text: string) =>
  (extractBuild(text, at)?.failures ?? []).map((failure) => [
    failure.signature,
    failure.text,
    failure.job,
    failure.build,
  ]);

describe('extractBuild, on any Gerrit Trigger verdict', () => {
  it('never makes a line that is not a cause a failure, wherever it stands', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), notACause, fc.nat(), (pieces, extra, where) => {
        const paragraphs = pieces.map((lines) => lines.join('\n'));
        const without = ['Build Failed', ...paragraphs].join('\n\n');
        const index = where % (paragraphs.length + 1);
        const withExtra = ['Build Failed', ...paragraphs.slice(0, index), extra, ...paragraphs.slice(index)].join(
          '\n\n',
        );
        expect(failuresOf(withExtra)).toEqual(failuresOf(without));
      }),
    );
  });

  it('finds no failure at all in a verdict without cause lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(notACause, fc.constant('')), { maxLength: 20 }), (lines) => {
        const text = ['Build Failed', `${jenkins}app-a/1/ : FAILURE`, ...lines].join('\n');
        expect(failuresOf(text)).toEqual([]);
      }),
    );
  });
});
