import type { FailureKind } from './types.ts';

/**
 * Version of the rule table. Bump it whenever a rule changes how signatures are formed, so caches and
 * users comparing two reports can tell that signatures moved.
 */
export const FAILURE_RULES_VERSION = 3;

/**
 * One way of reading a failure cause. Rules are tried in order; the first whose `pattern` matches the cause
 * text (without its trailing `( url )`) decides the kind, and its named groups fill the fields.
 *
 * Named groups a pattern may capture: `test`, `file`, `line`, `column`, `message`, `code`, `tool`, `issue`,
 * `function`. Before the signature is formed, `file` is made relative to the job's workspace with `/`
 * separators, and `masked` is always available: the whole cause with numbers and hex masked.
 *
 * `signature` is a template: `{field}` is replaced by the field; a `[...]` part is dropped when a field inside
 * it is missing.
 */
export interface FailureRule {
  id: string;
  kind: FailureKind;
  pattern: RegExp;
  signature: string;
  /** What the rule recognizes, for the README and the failure pages. */
  description: string;
  /** A cause the rule matches, checked by the tests. */
  example: string;
}

const ctestNumbering = String.raw`(?:\d+\s*/\s*\d+\s+)?(?:Test|MemCheck)\s+#\s*\d+:\s*`;
// CTest pads names with dots to a column, and sometimes cuts the line there (`....}`). The lazy `??` lets a
// one-character name stop before the padding instead of swallowing it.
const ctestName = String.raw`(?<test>\S(?:.*?\S)??)(?:\s+\.{2,}.*)?`;

export const failureRules: readonly FailureRule[] = [
  {
    id: 'ctest-timeout',
    kind: 'ctest-timeout',
    // The numbering is optional: the bot prints a timeout without it too, and the signature must not change.
    pattern: new RegExp(String.raw`^Timeout of a CTest test\s+(?:${ctestNumbering})?${ctestName}$`, 's'),
    signature: 'ctest-timeout:{test}',
    description: 'A CTest test (or MemCheck run) that timed out; keyed by test name without numbering.',
    example: 'Timeout of a CTest test 18/82 MemCheck #61: memcached-legacy-plain-tests ...................}',
  },
  {
    id: 'ctest-failure',
    kind: 'ctest',
    pattern: new RegExp(String.raw`^Failure of a CTest test\s+${ctestNumbering}${ctestName}$`, 's'),
    signature: 'ctest:{test}',
    description: 'A failed CTest test; keyed by test name without the `N/M Test #K:` numbering and dot padding.',
    example: 'Failure of a CTest test  28/145 Test  #24: ep_testsuite.value_eviction ..........................',
  },
  {
    id: 'ctest-unnumbered',
    kind: 'ctest',
    pattern: new RegExp(String.raw`^Failure of a CTest test\s+${ctestName}$`, 's'),
    signature: 'ctest:{test}',
    description: 'A failed CTest test printed without its numbering.',
    example: 'Failure of a CTest test ep_testsuite.value_eviction',
  },
  {
    id: 'gtest',
    kind: 'gtest',
    pattern: /^Failure of a GoogleTest(?:\s+test)?(?::?\s+(?<test>\S(?:.*\S)?))?\s*$/s,
    signature: 'gtest[:{test}]',
    description: 'A failed GoogleTest binary; keyed by test name when the bot names one.',
    example: 'Failure of a GoogleTest',
  },
  {
    id: 'compile-msvc',
    kind: 'compile',
    pattern:
      /^Compile error at\s+(?<file>.+?)\((?<line>\d+)(?:,(?<column>\d+))?\)\s*:\s*(?:fatal\s+)?error\s+(?<code>[A-Z]+\d+)\s*:\s*(?<message>.*?)\s*$/s,
    signature: 'compile:{file}:{line}',
    description: 'An MSVC error `file(line): error Cnnnn: message`; keyed by workspace-relative file and line.',
    example: 'Compile error at ..\\kv_engine\\engines\\ep\\src\\ep_engine.cc(1752): error C2440: "=": cannot convert',
  },
  {
    id: 'compile-gcc',
    kind: 'compile',
    pattern:
      /^Compile error at\s+(?<file>.+?):(?<line>\d+)(?::(?<column>\d+))?:?\s*(?:(?:fatal\s+)?error:\s*)?(?<message>.*?)\s*$/s,
    signature: 'compile:{file}:{line}',
    description:
      'A GCC or clang error `file:line:column:` then `error: message`; keyed by workspace-relative file and line, since compilers word the same error differently.',
    example:
      'Compile error at /home/couchbase/jenkins/workspace/kv_engine-linux-master/kv_engine/programs/engine_testapp/engine_testapp.cc:898:46:\nerror: invalid conversion',
  },
  {
    id: 'compile-other',
    kind: 'compile',
    pattern: /^Compile error\b.*$/s,
    signature: 'compile:{masked}',
    description: 'A compile error without a file and line; keyed by its masked text.',
    example: 'Compile error at linking stage',
  },
  // The bot quotes a sanitizer's SUMMARY line: the issue type may be several words (ThreadSanitizer's
  // `data race`), and UndefinedBehaviorSanitizer ends with a bare `in` where others name the function.
  {
    id: 'sanitizer-located',
    kind: 'sanitizer',
    pattern:
      /^(?<tool>[A-Za-z]*Sanitizer) issue:\s*(?<issue>\S.*?)\s+(?<file>\S+?):(?<line>\d+)(?::(?<column>\d+))?(?:\s+in(?:\s+(?<function>.+?))?)?\s*$/s,
    signature: 'sanitizer:{tool}:{issue}:{file}:{line}',
    description:
      'A ThreadSanitizer, AddressSanitizer or UndefinedBehaviorSanitizer report with a location; keyed by tool, issue type, file and line.',
    example:
      'ThreadSanitizer issue: heap-use-after-free /home/couchbase/jenkins/workspace/kv_engine-threadsanitizer-master/kv_engine/daemon/cookie.h:156 in Cookie::getConnection() const',
  },
  {
    id: 'sanitizer-leak',
    kind: 'sanitizer',
    pattern: /^(?<tool>[A-Za-z]*Sanitizer) issue:\s*\d+ byte\(s\) leaked in \d+ allocation\(s\)\.?\s*$/s,
    signature: 'sanitizer:{tool}:leak',
    description:
      'A LeakSanitizer summary (`N byte(s) leaked in M allocation(s)`); keyed by tool, since the sizes vary from run to run.',
    example: 'AddressSanitizer issue: 96 byte(s) leaked in 2 allocation(s).',
  },
  {
    id: 'sanitizer-unlocated',
    kind: 'sanitizer',
    pattern: /^(?<tool>[A-Za-z]*Sanitizer) issue:\s*(?<issue>\S.*?)(?:\s+in(?:\s+(?<function>.+?))?)?\s*$/s,
    signature: 'sanitizer:{tool}:{issue}[:{function}]',
    description: 'A sanitizer report without a file and line; keyed by tool, issue type and function.',
    example: 'AddressSanitizer issue: memory-leak in cb_malloc',
  },
  {
    id: 'other',
    kind: 'other',
    pattern: /^.*$/s,
    signature: 'other:{masked}',
    description: 'Any other cause, kept with its text; keyed by the text with numbers and hex masked.',
    example: 'Build timed out after 120 minutes',
  },
];
