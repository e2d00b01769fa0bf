import { describe, expect, it } from 'vitest';
import { assembleChanges } from '../../src/lib/assemble-changes.ts';
import { indexFailures } from '../../src/lib/index-failures.ts';
import { readDump } from '../../src/lib/read-dump.ts';
import type { Dump, IndexedSignature } from '../../src/lib/types.ts';
import { type WrittenMessage, writeCrop } from './support/write-dump.ts';

const jenkins = 'http://cv.jenkins.couchbase.com/job/';
interface Run {
  job: string;
  build: number;
  result: string;
  causes?: string[];
}

let minute = 0;
const at = () => {
  minute++;
  return `2018-07-01 ${String(10 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000000000`;
};
const upload = (patchSet: number): WrittenMessage => ({
  author: 'Owner',
  date: at(),
  text: `Uploaded patch set ${patchSet}.`,
});
const verdict = (patchSet: number, runs: Run[]): WrittenMessage => {
  const failed = runs.some((run) => run.result !== 'SUCCESS');
  const lines = [
    `Patch Set ${patchSet}: Verified${failed ? '-1' : '+1'}`,
    '',
    failed ? 'Build Failed ' : 'Build Successful ',
  ];
  for (const run of runs) {
    const url = `${jenkins}${run.job}/${run.build}/`;
    lines.push('', `${url} : ${run.result}`);
    for (const cause of run.causes ?? []) lines.push('', `${cause} ( ${url} )`);
  }
  return { author: 'Build Bot', date: at(), text: lines.join('\n') };
};
const change = (id: string, messages: WrittenMessage[]): Dump => {
  const { dump } = readDump(writeCrop({ description: `Change ${id}\n\nChange-Id: ${id}`, messages }), `${id}.txt`);
  if (!dump) throw new Error('not a dump');
  return dump;
};
const index = (...dumps: Dump[]) => indexFailures(assembleChanges(dumps).changes);
const flakiness = (entries: IndexedSignature[]) => entries.map((e) => [e.signature, e.occurrences.length, e.flaky]);

const ctest = (name: string) => `Failure of a CTest test 1/9 Test #3: ${name} ........`;
const linux = 'kv_engine-linux-master';
const windows = 'kv_engine-windows-master';

describe('indexFailures: flaky signatures', () => {
  it('is not flaky when every run of the job on the patch set failed with it', () => {
    const entries = index(
      change('Ia', [
        upload(1),
        verdict(1, [{ job: linux, build: 1, result: 'FAILURE', causes: [ctest('a')] }]),
        verdict(1, [{ job: linux, build: 2, result: 'FAILURE', causes: [ctest('a')] }]),
      ]),
    );
    expect(flakiness(entries)).toEqual([['ctest:a', 2, false]]);
  });

  it('is flaky when another run of the job on the patch set passed', () => {
    const entries = index(
      change('Ia', [
        upload(1),
        verdict(1, [{ job: linux, build: 1, result: 'FAILURE', causes: [ctest('a')] }]),
        verdict(1, [{ job: linux, build: 2, result: 'SUCCESS' }]),
      ]),
    );
    expect(flakiness(entries)).toEqual([['ctest:a', 1, true]]);
    expect(entries[0]?.flakyEvidence).toEqual([
      { change: 'Ia', patchSet: 1, job: linux, failedBuilds: [1], otherBuilds: [2] },
    ]);
  });

  it('is flaky when another run of the job on the patch set failed for other reasons', () => {
    const entries = index(
      change('Ia', [
        upload(1),
        verdict(1, [{ job: linux, build: 1, result: 'FAILURE', causes: [ctest('a')] }]),
        verdict(1, [{ job: linux, build: 2, result: 'UNSTABLE', causes: [ctest('b')] }]),
      ]),
    );
    expect(flakiness(entries)).toEqual([
      ['ctest:a', 1, true],
      ['ctest:b', 1, true],
    ]);
  });

  it('does not count an aborted or unbuilt run as evidence', () => {
    const entries = index(
      change('Ia', [
        upload(1),
        verdict(1, [{ job: linux, build: 1, result: 'FAILURE', causes: [ctest('a')] }]),
        verdict(1, [{ job: linux, build: 2, result: 'ABORTED' }]),
        verdict(1, [{ job: linux, build: 3, result: 'NOT_BUILT' }]),
      ]),
    );
    expect(flakiness(entries)).toEqual([['ctest:a', 1, false]]);
  });

  it('does not compare runs of different patch sets, or of different jobs', () => {
    const entries = index(
      change('Ia', [
        upload(1),
        verdict(1, [
          { job: linux, build: 1, result: 'FAILURE', causes: [ctest('a')] },
          { job: windows, build: 7, result: 'SUCCESS' },
        ]),
        upload(2),
        verdict(2, [
          { job: linux, build: 2, result: 'SUCCESS' },
          { job: windows, build: 8, result: 'SUCCESS' },
        ]),
      ]),
    );
    expect(flakiness(entries)).toEqual([['ctest:a', 1, false]]);
  });

  it('counts one occurrence per run, however often the bot repeats the run and its causes', () => {
    const failing = {
      job: linux,
      build: 1,
      result: 'FAILURE',
      causes: [ctest('a'), ctest('a'), 'Failure of a GoogleTest'],
    };
    const entries = index(
      change('Ia', [
        upload(1),
        verdict(1, [failing, { job: windows, build: 7, result: 'FAILURE', causes: [ctest('a')] }]),
        verdict(1, [failing, { job: windows, build: 8, result: 'SUCCESS' }]),
        verdict(1, [failing, { job: windows, build: 8, result: 'SUCCESS' }]),
      ]),
    );
    expect(flakiness(entries)).toEqual([
      ['ctest:a', 2, true],
      ['gtest', 1, false],
    ]);
    expect(entries[0]?.occurrences.map((o) => [o.job, o.platform, o.build, o.patchSet])).toEqual([
      [linux, 'linux', 1, 1],
      [windows, 'windows', 7, 1],
    ]);
    expect(entries[0]?.flakyEvidence).toEqual([
      { change: 'Ia', patchSet: 1, job: windows, failedBuilds: [7], otherBuilds: [8] },
    ]);
  });
});

describe('indexFailures: the index', () => {
  it('gathers a signature across changes with its jobs, platforms, dates, title and example', () => {
    const sanitizer =
      'ThreadSanitizer issue: data race /home/couchbase/jenkins/workspace/kv_engine-threadsanitizer-master/kv_engine/a.cc:10 in f()';
    minute = 0;
    const one = change('I1', [
      upload(1),
      verdict(1, [{ job: 'kv_engine-threadsanitizer-master', build: 5, result: 'FAILURE', causes: [sanitizer] }]),
    ]);
    const two = change('I2', [
      upload(3),
      verdict(3, [{ job: 'kv_engine-threadsanitizer-master', build: 9, result: 'FAILURE', causes: [sanitizer] }]),
    ]);
    const entries = index(two, one);
    expect(entries).toEqual([
      {
        signature: 'sanitizer:ThreadSanitizer:data race:kv_engine/a.cc:10',
        slug: expect.stringMatching(/^sanitizer-threadsanitizer-data-race-kv-engine-a-cc-10-[0-9a-f]{8}$/),
        kind: 'sanitizer',
        rule: 'sanitizer-located',
        title: 'ThreadSanitizer data race kv_engine/a.cc:10',
        tool: 'ThreadSanitizer',
        issue: 'data race',
        file: 'kv_engine/a.cc',
        line: 10,
        occurrences: [
          {
            change: 'I1',
            patchSet: 1,
            job: 'kv_engine-threadsanitizer-master',
            platform: 'threadsanitizer',
            build: 5,
            url: `${jenkins}kv_engine-threadsanitizer-master/5/`,
            date: '2018-07-01T10:02:00.000Z',
          },
          {
            change: 'I2',
            patchSet: 3,
            job: 'kv_engine-threadsanitizer-master',
            platform: 'threadsanitizer',
            build: 9,
            url: `${jenkins}kv_engine-threadsanitizer-master/9/`,
            date: '2018-07-01T10:04:00.000Z',
          },
        ],
        changes: ['I1', 'I2'],
        jobs: ['kv_engine-threadsanitizer-master'],
        platforms: ['threadsanitizer'],
        firstSeen: '2018-07-01T10:02:00.000Z',
        lastSeen: '2018-07-01T10:04:00.000Z',
        flaky: false,
        flakyEvidence: [],
        example: sanitizer,
      },
    ]);
  });

  it('orders signatures by occurrences, then by signature', () => {
    const entries = index(
      change('Ia', [
        upload(1),
        verdict(1, [
          { job: linux, build: 1, result: 'FAILURE', causes: [ctest('z'), ctest('b')] },
          { job: windows, build: 1, result: 'FAILURE', causes: [ctest('z'), 'Build timed out after 120 minutes'] },
        ]),
      ]),
    );
    expect(entries.map((e) => [e.signature, e.title])).toEqual([
      ['ctest:z', 'z'],
      ['ctest:b', 'b'],
      ['other:Build timed out after N minutes', 'Build timed out after N minutes'],
    ]);
  });

  it('is empty for changes without failures', () => {
    expect(index(change('Ia', [upload(1), verdict(1, [{ job: linux, build: 1, result: 'SUCCESS' }])]))).toEqual([]);
  });
});
