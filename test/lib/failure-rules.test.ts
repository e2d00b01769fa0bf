import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/lib/classify-failure.ts';
import { FAILURE_RULES_VERSION, type FailureRule, failureRules } from '../../src/lib/failure-rules.ts';
import { fillSignature } from '../../src/lib/fill-signature.ts';
import { maskText } from '../../src/lib/mask-text.ts';
import { workspacePath } from '../../src/lib/workspace-path.ts';

const linux = (job: string) => `/home/couchbase/jenkins/workspace/${job}`;
const windows = (job: string) => `C:\\Jenkins\\workspace\\${job}`;

describe('the failure rule table', () => {
  it('is versioned and lists its rules in the order they are tried', () => {
    expect(FAILURE_RULES_VERSION).toBe(3);
    expect(failureRules.map((rule) => [rule.id, rule.kind, rule.signature])).toEqual([
      ['ctest-timeout', 'ctest-timeout', 'ctest-timeout:{test}'],
      ['ctest-failure', 'ctest', 'ctest:{test}'],
      ['ctest-unnumbered', 'ctest', 'ctest:{test}'],
      ['gtest', 'gtest', 'gtest[:{test}]'],
      ['compile-msvc', 'compile', 'compile:{file}:{line}'],
      ['compile-gcc', 'compile', 'compile:{file}:{line}'],
      ['compile-other', 'compile', 'compile:{masked}'],
      ['sanitizer-located', 'sanitizer', 'sanitizer:{tool}:{issue}:{file}:{line}'],
      ['sanitizer-leak', 'sanitizer', 'sanitizer:{tool}:leak'],
      ['sanitizer-unlocated', 'sanitizer', 'sanitizer:{tool}:{issue}[:{function}]'],
      ['other', 'other', 'other:{masked}'],
    ]);
  });

  it("matches each rule's own example with that rule", () => {
    expect(failureRules.map((rule) => [rule.id, classifyFailure(rule.example).rule])).toEqual(
      failureRules.map((rule) => [rule.id, rule.id]),
    );
  });

  it('reads each example into the expected fields and signature', () => {
    expect(failureRules.map((rule) => classifyFailure(rule.example))).toEqual([
      {
        kind: 'ctest-timeout',
        rule: 'ctest-timeout',
        signature: 'ctest-timeout:memcached-legacy-plain-tests',
        test: 'memcached-legacy-plain-tests',
      },
      {
        kind: 'ctest',
        rule: 'ctest-failure',
        signature: 'ctest:ep_testsuite.value_eviction',
        test: 'ep_testsuite.value_eviction',
      },
      {
        kind: 'ctest',
        rule: 'ctest-unnumbered',
        signature: 'ctest:ep_testsuite.value_eviction',
        test: 'ep_testsuite.value_eviction',
      },
      { kind: 'gtest', rule: 'gtest', signature: 'gtest' },
      {
        kind: 'compile',
        rule: 'compile-msvc',
        signature: 'compile:kv_engine/engines/ep/src/ep_engine.cc:1752',
        file: 'kv_engine/engines/ep/src/ep_engine.cc',
        line: 1752,
        message: 'C2440: "=": cannot convert',
      },
      {
        kind: 'compile',
        rule: 'compile-gcc',
        signature: 'compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898',
        file: 'kv_engine/programs/engine_testapp/engine_testapp.cc',
        line: 898,
        column: 46,
        message: 'invalid conversion',
      },
      { kind: 'compile', rule: 'compile-other', signature: 'compile:Compile error at linking stage' },
      {
        kind: 'sanitizer',
        rule: 'sanitizer-located',
        signature: 'sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156',
        tool: 'ThreadSanitizer',
        issue: 'heap-use-after-free',
        file: 'kv_engine/daemon/cookie.h',
        line: 156,
        function: 'Cookie::getConnection() const',
      },
      {
        kind: 'sanitizer',
        rule: 'sanitizer-leak',
        signature: 'sanitizer:AddressSanitizer:leak',
        tool: 'AddressSanitizer',
      },
      {
        kind: 'sanitizer',
        rule: 'sanitizer-unlocated',
        signature: 'sanitizer:AddressSanitizer:memory-leak:cb_malloc',
        tool: 'AddressSanitizer',
        issue: 'memory-leak',
        function: 'cb_malloc',
      },
      { kind: 'other', rule: 'other', signature: 'other:Build timed out after N minutes' },
    ]);
  });

  it('gives every rule a description and an example', () => {
    for (const rule of failureRules) {
      expect(rule.description.length, rule.id).toBeGreaterThan(20);
      expect(rule.example.length, rule.id).toBeGreaterThan(10);
    }
  });
});

/** The same failure printed by jobs on different platforms, with different numbering and builds. */
const sameFailure: Array<{ name: string; signature: string; rule: string; forms: string[] }> = [
  {
    name: 'a CTest failure',
    rule: 'ctest-failure',
    signature: 'ctest:ep_testsuite.value_eviction',
    forms: [
      'Failure of a CTest test  28/145 Test  #24: ep_testsuite.value_eviction ..........................',
      'Failure of a CTest test 131/150 Test #130: ep_testsuite.value_eviction ....***Failed  61.20 sec',
      'Failure of a CTest test 1/1 Test #1: ep_testsuite.value_eviction',
    ],
  },
  {
    name: 'a CTest failure of a one-letter test',
    rule: 'ctest-failure',
    signature: 'ctest:a',
    forms: ['Failure of a CTest test 1/9 Test #3: a ........', 'Failure of a CTest test 2/9 Test #4: a'],
  },
  {
    name: 'a CTest timeout',
    rule: 'ctest-timeout',
    signature: 'ctest-timeout:memcached-legacy-plain-tests',
    forms: [
      'Timeout of a CTest test 18/82 MemCheck #61: memcached-legacy-plain-tests ...................}',
      'Timeout of a CTest test 40/90 Test #44: memcached-legacy-plain-tests ...................***Timeout 600.01 sec',
      'Timeout of a CTest test memcached-legacy-plain-tests',
    ],
  },
  {
    name: 'a named GoogleTest failure',
    rule: 'gtest',
    signature: 'gtest:ItemPagerTest.ServerQuotaReached',
    forms: [
      'Failure of a GoogleTest ItemPagerTest.ServerQuotaReached',
      'Failure of a GoogleTest test: ItemPagerTest.ServerQuotaReached',
    ],
  },
  {
    name: 'a GCC/clang compile error',
    rule: 'compile-gcc',
    signature: 'compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898',
    forms: [
      `Compile error at ${linux('kv_engine-linux-master')}/kv_engine/programs/engine_testapp/engine_testapp.cc:898:46:\nerror: invalid conversion from "A" to "B" [-fpermissive]`,
      `Compile error at ${linux('kv_engine-threadsanitizer-master')}/kv_engine/programs/engine_testapp/engine_testapp.cc:898:46:\nerror: assigning to "B" from incompatible type "A"`,
      `Compile error at ${windows('kv_engine-windows-master')}\\kv_engine\\programs\\engine_testapp\\engine_testapp.cc:898:46: error: assigning to "B"`,
      'Compile error at ..\\kv_engine\\programs\\engine_testapp\\engine_testapp.cc:898: fatal error: engine.h: No such file',
      'Compile error at ../kv_engine/programs/engine_testapp/engine_testapp.cc:898:3: error: x',
    ],
  },
  {
    name: 'an MSVC compile error',
    rule: 'compile-msvc',
    signature: 'compile:kv_engine/engines/ep/src/ep_engine.cc:1752',
    forms: [
      'Compile error at ..\\kv_engine\\engines\\ep\\src\\ep_engine.cc(1752): error C2440: "=": cannot convert',
      `Compile error at ${windows('kv_engine-windows-master')}\\kv_engine\\engines\\ep\\src\\ep_engine.cc(1752,12): error C2440: "=": cannot convert`,
      `Compile error at ${linux('kv_engine-windows-master')}/kv_engine/engines/ep/src/ep_engine.cc(1752): fatal error C1083: Cannot open include file: "x.h"`,
    ],
  },
  {
    name: 'a located sanitizer report',
    rule: 'sanitizer-located',
    signature: 'sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156',
    forms: [
      `ThreadSanitizer issue: heap-use-after-free ${linux('kv_engine-threadsanitizer-master')}/kv_engine/daemon/cookie.h:156 in Cookie::getConnection() const`,
      `ThreadSanitizer issue: heap-use-after-free ${windows('kv_engine-threadsanitizer-master')}\\kv_engine\\daemon\\cookie.h:156:9 in Cookie::getConnection() const`,
      'ThreadSanitizer issue: heap-use-after-free ..\\kv_engine\\daemon\\cookie.h:156',
    ],
  },
  {
    name: 'a ThreadSanitizer data race (an issue type of two words)',
    rule: 'sanitizer-located',
    signature: 'sanitizer:ThreadSanitizer:data race:kv_engine/engines/ep/src/checkpoint.cc:1031',
    forms: [
      `ThreadSanitizer issue: data race ${linux('kv_engine-threadsanitizer-master')}/kv_engine/engines/ep/src/checkpoint.cc:1031:5 in CheckpointManager::queueDirty()`,
      `ThreadSanitizer issue: data race ${windows('kv_engine-threadsanitizer-master')}\\kv_engine\\engines\\ep\\src\\checkpoint.cc:1031 in CheckpointManager::queueDirty()`,
    ],
  },
  {
    name: 'an UndefinedBehaviorSanitizer report (which ends with a bare `in`)',
    rule: 'sanitizer-located',
    signature: 'sanitizer:UndefinedBehaviorSanitizer:undefined-behavior:kv_engine/engines/ep/src/item.cc:88',
    forms: [
      `UndefinedBehaviorSanitizer issue: undefined-behavior ${linux('kv_engine-undefinedsanitizer-master')}/kv_engine/engines/ep/src/item.cc:88:23 in`,
      `UndefinedBehaviorSanitizer issue: undefined-behavior ${windows('kv_engine-undefinedsanitizer-master')}\\kv_engine\\engines\\ep\\src\\item.cc:88:23 in `,
    ],
  },
  {
    name: 'an unlocated sanitizer report',
    rule: 'sanitizer-unlocated',
    signature: 'sanitizer:ThreadSanitizer:thread leak:main',
    forms: ['ThreadSanitizer issue: thread leak in main', 'ThreadSanitizer issue: thread leak  in  main '],
  },
  {
    name: 'a compile error without a location',
    rule: 'compile-other',
    signature: 'compile:Compile error at linking stage of kv_engine_N',
    forms: ['Compile error at linking stage of kv_engine_1', 'Compile error at linking stage of kv_engine_22'],
  },
  {
    name: 'any other cause',
    rule: 'other',
    signature: 'other:Build timed out (after N minutes) at 0x#, commit #',
    forms: [
      'Build timed out (after 120 minutes) at 0x7f3a2c001e40, commit 202c1d9e46778b0e',
      'Build timed out (after 240 minutes)  at 0xdeadbeef, commit b71f2421c40570d5',
    ],
  },
];

describe('signatures', () => {
  for (const { name, rule, signature, forms } of sameFailure) {
    it(`are the same for ${name} whatever the job, build, workspace, separator or numbering`, () => {
      expect(forms.map((form) => [classifyFailure(form).rule, classifyFailure(form).signature])).toEqual(
        forms.map(() => [rule, signature]),
      );
    });
  }

  it('read the fields of a Windows-path MSVC error', () => {
    expect(
      classifyFailure(
        `Compile error at ${windows('kv_engine-windows-master')}\\kv_engine\\engines\\ep\\src\\ep_engine.cc(1752,12): fatal error C1083: Cannot open include file: "x.h"`,
      ),
    ).toEqual({
      kind: 'compile',
      rule: 'compile-msvc',
      signature: 'compile:kv_engine/engines/ep/src/ep_engine.cc:1752',
      file: 'kv_engine/engines/ep/src/ep_engine.cc',
      line: 1752,
      column: 12,
      message: 'C1083: Cannot open include file: "x.h"',
    });
  });

  it('read the fields of a data race', () => {
    expect(
      classifyFailure(
        `ThreadSanitizer issue: data race ${linux('kv_engine-threadsanitizer-master')}/kv_engine/engines/ep/src/checkpoint.cc:1031:5 in CheckpointManager::queueDirty()`,
      ),
    ).toEqual({
      kind: 'sanitizer',
      rule: 'sanitizer-located',
      signature: 'sanitizer:ThreadSanitizer:data race:kv_engine/engines/ep/src/checkpoint.cc:1031',
      tool: 'ThreadSanitizer',
      issue: 'data race',
      file: 'kv_engine/engines/ep/src/checkpoint.cc',
      line: 1031,
      column: 5,
      function: 'CheckpointManager::queueDirty()',
    });
  });

  it('tell different tests, files, lines and issues apart', () => {
    const keys = [
      'Failure of a CTest test 1/2 Test #1: ep_testsuite.value_eviction ....',
      'Failure of a CTest test 1/2 Test #1: ep_testsuite.full_eviction ....',
      'Timeout of a CTest test 1/2 Test #1: ep_testsuite.value_eviction ....',
      'Compile error at ../kv_engine/a.cc:10:1: error: x',
      'Compile error at ../kv_engine/a.cc:11:1: error: x',
      'Compile error at ../kv_engine/b.cc:10:1: error: x',
      'ThreadSanitizer issue: data race ../kv_engine/a.cc:10 in f',
      'ThreadSanitizer issue: heap-use-after-free ../kv_engine/a.cc:10 in f',
      'AddressSanitizer issue: heap-use-after-free ../kv_engine/a.cc:10 in f',
      'Failure of a GoogleTest',
      'Failure of a GoogleTest A.B',
    ].map((cause) => classifyFailure(cause).signature);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fall back to the last rule, or to `other` when no rule matches at all', () => {
    const strict: FailureRule[] = failureRules.filter((rule) => rule.id !== 'other');
    expect(classifyFailure('Slave went offline during the build', strict)).toEqual({
      kind: 'other',
      rule: 'other',
      signature: 'other:Slave went offline during the build',
    });
    expect(classifyFailure('')).toEqual({ kind: 'other', rule: 'other', signature: 'other:' });
  });

  it('use a custom rule placed before the built-in ones', () => {
    const python: FailureRule = {
      id: 'python-test',
      kind: 'other',
      pattern: /^Failure of a Python test (?<test>\S+)/s,
      signature: 'python:{test}',
      description: 'A failed Python test, keyed by its name.',
      example: 'Failure of a Python test test_rebalance',
    };
    expect(classifyFailure('Failure of a Python test test_rebalance (12 s)', [python, ...failureRules])).toEqual({
      kind: 'other',
      rule: 'python-test',
      signature: 'python:test_rebalance',
      test: 'test_rebalance',
    });
  });
});

describe('workspacePath', () => {
  it('makes Linux workspace, Windows workspace and relative paths the same', () => {
    expect(
      [
        '/home/couchbase/jenkins/workspace/kv_engine-linux-master/kv_engine/daemon/cookie.h',
        'C:\\Jenkins\\workspace\\kv_engine-windows-master\\kv_engine\\daemon\\cookie.h',
        'c:/jenkins/Workspace/job/kv_engine/daemon/cookie.h',
        '..\\kv_engine\\daemon\\cookie.h',
        '../../kv_engine/daemon/cookie.h',
        './kv_engine//daemon/cookie.h',
        '  kv_engine\\daemon\\cookie.h ',
      ].map(workspacePath),
    ).toEqual(Array.from({ length: 7 }, () => 'kv_engine/daemon/cookie.h'));
  });

  it('keeps a path outside any workspace, without its drive letter', () => {
    expect(workspacePath('/usr/include/c++/7/bits/stl_vector.h')).toBe('/usr/include/c++/7/bits/stl_vector.h');
    expect(workspacePath('C:\\Program Files\\MSVC\\include\\xmemory')).toBe('/Program Files/MSVC/include/xmemory');
  });
});

describe('maskText', () => {
  it('masks numbers as N, hex as 0x# and hashes as #, and collapses whitespace', () => {
    expect(maskText('Build 9403 timed out at 0x7f3a2c001e40\n\tcommit 202c1d9e46778b0e  (after 120 min)')).toBe(
      'Build N timed out at 0x# commit # (after N min)',
    );
  });

  it('keeps words made of hex letters only', () => {
    expect(maskText('deadbeef facade 0xABC')).toBe('deadbeef facade 0x#');
  });

  it('cuts a long text to 160 characters and an ellipsis', () => {
    const masked = maskText('x'.repeat(300));
    expect([masked.length, masked.endsWith('…')]).toEqual([161, true]);
  });
});

describe('fillSignature', () => {
  it('fills fields and drops an optional part whose field is missing', () => {
    expect(fillSignature('gtest[:{test}]', { test: 'A.B' })).toBe('gtest:A.B');
    expect(fillSignature('gtest[:{test}]', {})).toBe('gtest');
    expect(fillSignature('gtest[:{test}]', { test: '' })).toBe('gtest');
    expect(fillSignature('a:{x}[:{y}:{z}]', { x: '1', y: '2' })).toBe('a:1');
    expect(fillSignature('a:{x}[:{y}:{z}]', { x: '1', y: '2', z: '3' })).toBe('a:1:2:3');
    expect(fillSignature('{missing}!', {})).toBe('!');
  });
});
