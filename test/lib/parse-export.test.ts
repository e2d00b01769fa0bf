import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../../src/lib/parse-export.ts';
import { readDump } from '../../src/lib/read-dump.ts';
import type { Change, SignatureEntry } from '../../src/lib/types.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));
const seed000 = '000_202c1d9e46778b0e.txt';
const seed001 = '001_b71f2421c40570d5.txt';
const seed002 = '002_d8a3bd381ac34934.txt';
const id000 = 'I14f6e1718976b9f792fe28ab8aa309e4a61fdf32';
const id001 = 'I6418b9a8557b4ac978218706243e97523f95355d';
const jenkins = 'http://cv.jenkins.couchbase.com/job/';
const body =
  "Stash the data into the eventbuffers send buffer directly (by\ncopying the data over). We'll follow up on this by using\nadvanced bufferevent code in non-copy mode.";

const read = (file: string) => readDump(readFileSync(`${seeds}/${file}`, 'utf8'), file);
const model = parseExport(seeds);
const change = (id: string): Change => {
  const found = model.changes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no change ${id}`);
  return found;
};
const signature = (key: string): SignatureEntry => {
  const found = model.signatures.find((entry) => entry.signature === key);
  if (!found) throw new Error(`no signature ${key}`);
  return found;
};

describe('readDump on the seed dumps', () => {
  it('reads seed 000: description, then nine messages with their authors, dates and lines', () => {
    const { dump, warnings } = read(seed000);
    expect(warnings).toEqual([]);
    expect(dump?.layout).toBe('seed');
    expect(dump?.description).toEqual({
      subject: 'MB-26887: Remove the use of sendmsg [4/7]',
      body,
      text: `MB-26887: Remove the use of sendmsg [4/7]\n\n${body}\n\nChange-Id: ${id000}`,
      changeId: id000,
      tickets: ['MB-26887'],
      series: { index: 4, total: 7 },
      position: { file: seed000, line: 4 },
    });
    expect(dump?.messages.map((m) => [m.author, m.date, m.rawDate, m.position.line, m.textLine])).toEqual([
      ['Trond Norbye', '2018-05-25T19:57:19.000Z', '2018-05-25 19:57:19.000000000', 15, 18],
      ['Build Bot', '2018-05-25T20:52:42.000Z', '2018-05-25 20:52:42.000000000', 20, 23],
      ['Build Bot', '2018-05-28T05:50:54.000Z', '2018-05-28 05:50:54.000000000', 49, 52],
      ['Build Bot', '2018-05-28T17:03:16.000Z', '2018-05-28 17:03:16.000000000', 80, 83],
      ['Build Bot', '2018-05-28T17:27:15.000Z', '2018-05-28 17:27:15.000000000', 111, 114],
      ['Build Bot', '2018-05-28T19:48:36.000Z', '2018-05-28 19:48:36.000000000', 136, 139],
      ['Build Bot', '2018-05-28T20:07:35.000Z', '2018-05-28 20:07:35.000000000', 159, 162],
      ['Build Bot', '2018-05-28T20:30:48.000Z', '2018-05-28 20:30:48.000000000', 182, 185],
      ['Build Bot', '2018-05-29T05:20:39.000Z', '2018-05-29 05:20:39.000000000', 205, 208],
    ]);
    expect(dump?.messages[0]?.text).toBe('Uploaded patch set 25: Patch Set 24 was rebased.');
    // The text keeps its inner blank lines, drops the trailing space of `Build Failed `, ends before the dashes.
    expect(dump?.messages[8]?.text.split('\n').slice(0, 5)).toEqual([
      'Patch Set 25:',
      '',
      'Build Failed',
      '',
      `${jenkins}kv_engine-windows-master/9417/ : FAILURE`,
    ]);
    expect(dump?.messages[8]?.text.split('\n').at(-1)).toBe(
      `${jenkins}kv_engine-addresssanitizer-master/1239/ : SUCCESS`,
    );
    expect(dump?.messages.every((m) => m.inlineComments.length === 0 && !m.mismatched)).toBe(true);
  });

  it('reads seeds 001 and 002: the same description and Change-Id, patch sets 12 and 4', () => {
    const one = read(seed001);
    const two = read(seed002);
    expect([one.warnings, two.warnings]).toEqual([[], []]);
    for (const [dump, file] of [
      [one.dump, seed001],
      [two.dump, seed002],
    ] as const) {
      expect(dump?.description).toEqual({
        subject: 'Refactor: Remove the use of sendmsg',
        body,
        text: `Refactor: Remove the use of sendmsg\n\n${body}\n\nChange-Id: ${id001}`,
        changeId: id001,
        tickets: [],
        position: { file, line: 4 },
      });
    }
    expect(one.dump?.messages.map((m) => [m.author, m.date, m.position.line, m.text.split('\n')[0]])).toEqual([
      ['Trond Norbye', '2017-11-10T06:43:08.000Z', 15, 'Uploaded patch set 12: Patch Set 11 was rebased.'],
      ['Build Bot', '2017-11-10T07:18:29.000Z', 20, 'Patch Set 12: Verified-1'],
    ]);
    expect(two.dump?.messages.map((m) => [m.author, m.date, m.position.line, m.text.split('\n')[0]])).toEqual([
      ['Trond Norbye', '2017-11-08T15:26:58.000Z', 15, 'Uploaded patch set 4: Patch Set 3 was rebased.'],
      ['Build Bot', '2017-11-08T15:51:49.000Z', 20, 'Patch Set 4: Verified-1'],
      ['Build Bot', '2017-11-08T17:17:12.000Z', 41, 'Patch Set 4: Verified+1'],
    ]);
  });
});

describe('parseExport on the seed dumps', () => {
  it('reads every file without a warning', () => {
    expect(model.files).toBe(3);
    expect(model.bytes).toBe(10717 + 4767 + 2456);
    expect(model.warnings).toEqual([]);
    expect(model.newestActivity).toBe('2018-05-29T05:20:39.000Z');
  });

  it('merges seeds 001 and 002, which share a Change-Id, into one change', () => {
    expect(model.changes.map((c) => [c.id, c.patchSets, c.messages.length, c.files])).toEqual([
      [id000, [25], 9, [seed000]],
      [id001, [4, 12], 5, [seed001, seed002]],
    ]);
  });

  it('reads seed 000 field by field', () => {
    const c = change(id000);
    expect({
      slug: c.slug,
      subject: c.subject,
      body: c.body,
      tickets: c.tickets,
      series: c.series,
      owner: c.owner,
      project: c.project,
      outcome: c.outcome,
      firstActivity: c.firstActivity,
      lastActivity: c.lastActivity,
    }).toEqual({
      slug: id000,
      subject: 'MB-26887: Remove the use of sendmsg [4/7]',
      body,
      tickets: ['MB-26887'],
      series: { index: 4, total: 7 },
      owner: 'Trond Norbye',
      project: 'kv_engine',
      outcome: 'open',
      firstActivity: '2018-05-25T19:57:19.000Z',
      lastActivity: '2018-05-29T05:20:39.000Z',
    });
    expect(c.messages.map((m) => [m.kind, m.patchSet, m.upload])).toEqual([
      ['upload', 25, 'rebase'],
      ...Array.from({ length: 8 }, () => ['build-result', 25, undefined]),
    ]);
    expect(c.votes.map((v) => [v.label, v.value, v.patchSet, v.author, v.date])).toEqual([
      ['Verified', -1, 25, 'Build Bot', '2018-05-25T20:52:42.000Z'],
    ]);
  });

  it('gives seed 000 patch set 25 eight build results, each with its jobs and failures', () => {
    const c = change(id000);
    expect(c.builds.map((b) => [b.patchSet, b.verdict, b.date, b.jobs.length])).toEqual([
      [25, 'failed', '2018-05-25T20:52:42.000Z', 7],
      [25, 'failed', '2018-05-28T05:50:54.000Z', 7],
      [25, 'failed', '2018-05-28T17:03:16.000Z', 7],
      [25, 'failed', '2018-05-28T17:27:15.000Z', 7],
      [25, 'failed', '2018-05-28T19:48:36.000Z', 7],
      [25, 'failed', '2018-05-28T20:07:35.000Z', 7],
      [25, 'failed', '2018-05-28T20:30:48.000Z', 7],
      [25, 'failed', '2018-05-29T05:20:39.000Z', 7],
    ]);
    expect(
      c.builds.map((b) => b.failures.map((f) => `${f.job}#${f.build} ${f.signature} @${f.position.line}`)),
    ).toEqual([
      [
        'kv_engine-windows-master#9403 ctest:ep_testsuite.value_eviction @29',
        'kv_engine-threadsanitizer-master#1273 gtest @33',
        'kv_engine-threadsanitizer-master#1273 ctest:ep-engine-persistence-unit-tests.rocksdb @35',
        'kv_engine-threadsanitizer-master#1273 sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156 @37',
      ],
      [
        'kv_engine-threadsanitizer-master#1273 gtest @58',
        'kv_engine-threadsanitizer-master#1273 ctest:ep-engine-persistence-unit-tests.rocksdb @60',
        'kv_engine-threadsanitizer-master#1273 sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156 @62',
        'kv_engine-windows-master#9412 gtest @66',
        'kv_engine-windows-master#9412 ctest:ep_testsuite.full_eviction @68',
      ],
      [
        'kv_engine-threadsanitizer-master#1273 gtest @89',
        'kv_engine-threadsanitizer-master#1273 ctest:ep-engine-persistence-unit-tests.rocksdb @91',
        'kv_engine-threadsanitizer-master#1273 sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156 @93',
        'kv_engine-windows-master#9413 gtest @97',
        'kv_engine-windows-master#9413 ctest:memcached_testapp.ep.TransportProtocols/XattrTest @99',
      ],
      [
        'kv_engine-windows-master#9413 gtest @120',
        'kv_engine-windows-master#9413 ctest:memcached_testapp.ep.TransportProtocols/XattrTest @122',
      ],
      ['kv_engine-windows-master#9414 ctest:memcached_testapp.default.Subdoc/SubdocTestappTest @145'],
      ['kv_engine-windows-master#9415 ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest @168'],
      ['kv_engine-windows-master#9416 ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest @191'],
      ['kv_engine-windows-master#9417 ctest:memcached_testapp.ep.TransportProtocols/SaslTest @214'],
    ]);
    expect(c.builds[0]?.jobs.map((j) => [j.name, j.project, j.platform, j.branch, j.build, j.result, j.url])).toEqual([
      [
        'kv_engine-windows-master',
        'kv_engine',
        'windows',
        'master',
        9403,
        'FAILURE',
        `${jenkins}kv_engine-windows-master/9403/`,
      ],
      [
        'kv_engine-threadsanitizer-master',
        'kv_engine',
        'threadsanitizer',
        'master',
        1273,
        'FAILURE',
        `${jenkins}kv_engine-threadsanitizer-master/1273/`,
      ],
      [
        'kv_engine-clang_format',
        'kv_engine',
        'clang_format',
        '',
        8251,
        'SUCCESS',
        `${jenkins}kv_engine-clang_format/8251/`,
      ],
      [
        'kv_engine-linux-master',
        'kv_engine',
        'linux',
        'master',
        9490,
        'SUCCESS',
        `${jenkins}kv_engine-linux-master/9490/`,
      ],
      [
        'kv_engine-undefinedsanitizer-master',
        'kv_engine',
        'undefinedsanitizer',
        'master',
        378,
        'SUCCESS',
        `${jenkins}kv_engine-undefinedsanitizer-master/378/`,
      ],
      [
        'kv_engine-clang_analyzer-master',
        'kv_engine',
        'clang_analyzer',
        'master',
        8401,
        'SUCCESS',
        `${jenkins}kv_engine-clang_analyzer-master/8401/`,
      ],
      [
        'kv_engine-addresssanitizer-master',
        'kv_engine',
        'addresssanitizer',
        'master',
        1239,
        'SUCCESS',
        `${jenkins}kv_engine-addresssanitizer-master/1239/`,
      ],
    ]);
  });

  it('reads the ThreadSanitizer report of seed 000 into tool, issue, file, line and function', () => {
    const failure = change(id000).builds[0]?.failures[3];
    expect(failure).toEqual({
      kind: 'sanitizer',
      rule: 'sanitizer-located',
      signature: 'sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156',
      tool: 'ThreadSanitizer',
      issue: 'heap-use-after-free',
      file: 'kv_engine/daemon/cookie.h',
      line: 156,
      function: 'Cookie::getConnection() const',
      job: 'kv_engine-threadsanitizer-master',
      build: 1273,
      url: `${jenkins}kv_engine-threadsanitizer-master/1273/`,
      text: 'ThreadSanitizer issue: heap-use-after-free /home/couchbase/jenkins/workspace/kv_engine-threadsanitizer-master/kv_engine/daemon/cookie.h:156 in Cookie::getConnection() const',
      position: { file: seed000, line: 37 },
    });
  });

  it('counts ThreadSanitizer run #1273, reported three times, as one run', () => {
    const c = change(id000);
    expect(c.runs.map((r) => `${r.name}#${r.build} ${r.result} ${r.reportedBy.length}`)).toEqual([
      'kv_engine-addresssanitizer-master#1239 SUCCESS 8',
      'kv_engine-clang_analyzer-master#8401 SUCCESS 8',
      'kv_engine-clang_format#8251 SUCCESS 8',
      'kv_engine-linux-master#9490 SUCCESS 8',
      'kv_engine-threadsanitizer-master#1273 FAILURE 3',
      'kv_engine-threadsanitizer-master#1286 SUCCESS 5',
      'kv_engine-undefinedsanitizer-master#378 SUCCESS 8',
      'kv_engine-windows-master#9403 FAILURE 1',
      'kv_engine-windows-master#9412 FAILURE 1',
      'kv_engine-windows-master#9413 FAILURE 2',
      'kv_engine-windows-master#9414 FAILURE 1',
      'kv_engine-windows-master#9415 FAILURE 1',
      'kv_engine-windows-master#9416 FAILURE 1',
      'kv_engine-windows-master#9417 FAILURE 1',
    ]);
    const tsan = c.runs.find((r) => r.name === 'kv_engine-threadsanitizer-master' && r.build === 1273);
    expect(tsan?.date).toBe('2018-05-25T20:52:42.000Z');
    expect(tsan?.failures.map((f) => f.signature)).toEqual([
      'gtest',
      'ctest:ep-engine-persistence-unit-tests.rocksdb',
      'sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156',
    ]);
  });

  it('makes the ThreadSanitizer failures flaky: #1273 failed and #1286 passed on patch set 25', () => {
    const evidence = {
      change: id000,
      patchSet: 25,
      job: 'kv_engine-threadsanitizer-master',
      failedBuilds: [1273],
      otherBuilds: [1286],
    };
    for (const key of [
      'ctest:ep-engine-persistence-unit-tests.rocksdb',
      'sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156',
    ]) {
      const entry = signature(key);
      expect(entry.occurrences).toEqual([
        {
          change: id000,
          patchSet: 25,
          job: 'kv_engine-threadsanitizer-master',
          platform: 'threadsanitizer',
          build: 1273,
          url: `${jenkins}kv_engine-threadsanitizer-master/1273/`,
          date: '2018-05-25T20:52:42.000Z',
        },
      ]);
      expect([entry.flaky, entry.flakyEvidence]).toEqual([true, [evidence]]);
      expect([entry.firstSeen, entry.lastSeen]).toEqual(['2018-05-25T20:52:42.000Z', '2018-05-25T20:52:42.000Z']);
    }
    const gtest = signature('gtest');
    expect(gtest.occurrences.map((o) => `${o.job}#${o.build}`)).toEqual([
      'kv_engine-threadsanitizer-master#1273',
      'kv_engine-windows-master#9412',
      'kv_engine-windows-master#9413',
    ]);
    expect(gtest.flakyEvidence).toEqual([
      evidence,
      {
        change: id000,
        patchSet: 25,
        job: 'kv_engine-windows-master',
        failedBuilds: [9412, 9413],
        otherBuilds: [9403, 9414, 9415, 9416, 9417],
      },
    ]);
  });

  it('makes each windows ctest failure of seed 000 flaky: another rebuild of the job did not fail with it', () => {
    const windows = [9403, 9412, 9413, 9414, 9415, 9416, 9417];
    const expected: Array<[string, number[]]> = [
      ['ctest:ep_testsuite.value_eviction', [9403]],
      ['ctest:ep_testsuite.full_eviction', [9412]],
      ['ctest:memcached_testapp.ep.TransportProtocols/XattrTest', [9413]],
      ['ctest:memcached_testapp.default.Subdoc/SubdocTestappTest', [9414]],
      ['ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest', [9415, 9416]],
      ['ctest:memcached_testapp.ep.TransportProtocols/SaslTest', [9417]],
    ];
    for (const [key, failed] of expected) {
      const entry = signature(key);
      expect([entry.kind, entry.platforms, entry.jobs, entry.changes]).toEqual([
        'ctest',
        ['windows'],
        ['kv_engine-windows-master'],
        [id000],
      ]);
      expect(entry.occurrences.map((o) => o.build)).toEqual(failed);
      expect(entry.flaky).toBe(true);
      expect(entry.flakyEvidence).toEqual([
        {
          change: id000,
          patchSet: 25,
          job: 'kv_engine-windows-master',
          failedBuilds: failed,
          otherBuilds: windows.filter((build) => !failed.includes(build)),
        },
      ]);
    }
  });

  it('reads seeds 001 and 002 into patch sets 4 and 12 with their builds', () => {
    const c = change(id001);
    expect([c.subject, c.owner, c.outcome, c.tickets, c.series, c.firstActivity, c.lastActivity]).toEqual([
      'Refactor: Remove the use of sendmsg',
      'Trond Norbye',
      'open',
      [],
      undefined,
      '2017-11-08T15:26:58.000Z',
      '2017-11-10T07:18:29.000Z',
    ]);
    expect(c.messages.map((m) => [m.kind, m.patchSet, m.position.file, m.position.line])).toEqual([
      ['upload', 4, seed002, 15],
      ['build-result', 4, seed002, 20],
      ['build-result', 4, seed002, 41],
      ['upload', 12, seed001, 15],
      ['build-result', 12, seed001, 20],
    ]);
    expect(c.builds.map((b) => [b.patchSet, b.verdict, b.jobs.map((j) => `${j.name}#${j.build}:${j.result}`)])).toEqual(
      [
        [
          4,
          'failed',
          [
            'kv_engine-linux-master#3917:FAILURE',
            'kv_engine-clang_format#2296:SUCCESS',
            'kv_engine-windows-master#3789:SUCCESS',
            'kv_engine-threadsanitizer-master#3759:SUCCESS',
            'kv_engine-addresssanitizer-master#3618:SUCCESS',
            'kv_engine-clang_analyzer-master#3438:SUCCESS',
          ],
        ],
        [
          4,
          'successful',
          [
            'kv_engine-clang_format#2296:SUCCESS',
            'kv_engine-windows-master#3789:SUCCESS',
            'kv_engine-threadsanitizer-master#3759:SUCCESS',
            'kv_engine-addresssanitizer-master#3618:SUCCESS',
            'kv_engine-clang_analyzer-master#3438:SUCCESS',
            'kv_engine-linux-master#3928:SUCCESS',
          ],
        ],
        [
          12,
          'failed',
          [
            'kv_engine-linux-master#4026:FAILURE',
            'kv_engine-windows-master#3891:FAILURE',
            'kv_engine-threadsanitizer-master#3866:FAILURE',
            'kv_engine-addresssanitizer-master#3719:FAILURE',
            'kv_engine-clang_analyzer-master#3536:FAILURE',
            'kv_engine-clang_format#2397:SUCCESS',
          ],
        ],
      ],
    );
    expect(c.votes.map((v) => `${v.patchSet} ${v.label}${v.value > 0 ? '+' : ''}${v.value}`)).toEqual([
      '4 Verified-1',
      '4 Verified+1',
      '12 Verified-1',
    ]);
  });

  it('keys the GCC/clang and the MSVC compile errors of seed 001 by workspace-relative file and line', () => {
    const failures = change(id001).builds[2]?.failures ?? [];
    expect(failures.map((f) => [f.job, f.rule, f.signature, f.file, f.line, f.column, f.position.line])).toEqual([
      [
        'kv_engine-linux-master',
        'compile-gcc',
        'compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898',
        'kv_engine/programs/engine_testapp/engine_testapp.cc',
        898,
        46,
        29,
      ],
      [
        'kv_engine-windows-master',
        'compile-msvc',
        'compile:kv_engine/engines/ep/src/ep_engine.cc:1752',
        'kv_engine/engines/ep/src/ep_engine.cc',
        1752,
        undefined,
        35,
      ],
      [
        'kv_engine-threadsanitizer-master',
        'compile-gcc',
        'compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898',
        'kv_engine/programs/engine_testapp/engine_testapp.cc',
        898,
        46,
        39,
      ],
      [
        'kv_engine-addresssanitizer-master',
        'compile-gcc',
        'compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898',
        'kv_engine/programs/engine_testapp/engine_testapp.cc',
        898,
        46,
        45,
      ],
      [
        'kv_engine-clang_analyzer-master',
        'compile-gcc',
        'compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898',
        'kv_engine/programs/engine_testapp/engine_testapp.cc',
        898,
        46,
        51,
      ],
    ]);
    // GCC words it "invalid conversion", clang "assigning to": the same line, so the same signature.
    expect(failures[0]?.message?.startsWith('invalid conversion from "ENGINE_ERROR_CODE (*)(ENGINE_HANDLE*')).toBe(
      true,
    );
    expect(failures[2]?.message?.startsWith('assigning to "ENGINE_ERROR_CODE (*)(ENGINE_HANDLE *')).toBe(true);
    expect(failures[1]?.message?.startsWith('C2440: "=": cannot convert from "ENGINE_ERROR_CODE (__cdecl *)')).toBe(
      true,
    );
    expect(failures[0]?.text.split('\n')[0]).toBe(
      'Compile error at /home/couchbase/jenkins/workspace/kv_engine-linux-master/kv_engine/programs/engine_testapp/engine_testapp.cc:898:46:',
    );
    const entry = signature('compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898');
    expect([entry.occurrences.length, entry.platforms, entry.flaky]).toEqual([
      4,
      ['addresssanitizer', 'clang_analyzer', 'linux', 'threadsanitizer'],
      false,
    ]);
    expect(signature('compile:kv_engine/engines/ep/src/ep_engine.cc:1752').platforms).toEqual(['windows']);
  });

  it('makes the MemCheck timeout of seed 002 flaky: #3917 failed and #3928 passed on patch set 4', () => {
    const entry = signature('ctest-timeout:memcached-legacy-plain-tests');
    expect([entry.kind, entry.rule, entry.test, entry.title]).toEqual([
      'ctest-timeout',
      'ctest-timeout',
      'memcached-legacy-plain-tests',
      'memcached-legacy-plain-tests',
    ]);
    expect(entry.occurrences.map((o) => [o.change, o.patchSet, o.job, o.build, o.date])).toEqual([
      [id001, 4, 'kv_engine-linux-master', 3917, '2017-11-08T15:51:49.000Z'],
    ]);
    expect([entry.flaky, entry.flakyEvidence]).toEqual([
      true,
      [{ change: id001, patchSet: 4, job: 'kv_engine-linux-master', failedBuilds: [3917], otherBuilds: [3928] }],
    ]);
  });

  it('lists every signature of the seeds, most frequent first', () => {
    expect(model.signatures.map((e) => [e.signature, e.occurrences.length, e.flaky])).toEqual([
      ['compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898', 4, false],
      ['gtest', 3, true],
      ['ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest', 2, true],
      ['compile:kv_engine/engines/ep/src/ep_engine.cc:1752', 1, false],
      ['ctest-timeout:memcached-legacy-plain-tests', 1, true],
      ['ctest:ep-engine-persistence-unit-tests.rocksdb', 1, true],
      ['ctest:ep_testsuite.full_eviction', 1, true],
      ['ctest:ep_testsuite.value_eviction', 1, true],
      ['ctest:memcached_testapp.default.Subdoc/SubdocTestappTest', 1, true],
      ['ctest:memcached_testapp.ep.TransportProtocols/SaslTest', 1, true],
      ['ctest:memcached_testapp.ep.TransportProtocols/XattrTest', 1, true],
      ['sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156', 1, true],
    ]);
  });
});
