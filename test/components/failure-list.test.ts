import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import FailureList from '../../src/components/FailureList.astro';
import type { Change } from '../../src/lib/types.ts';
import { seedChange, seedFlaky, seeds } from './support/fixtures.ts';
import { formatHtml } from './support/format-html.ts';
import { highlighter } from './support/highlighter.ts';
import { attributes, parseHtml, render, text, texts } from './support/render.ts';

const tsan = 'sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156';

/** The failure whose heading has the given id. */
function failure(tree: ReturnType<typeof parseHtml>, id: string): Element {
  const heading = select(`h4#${id}`, tree);
  const item = selectAll('li.failure', tree).find((candidate) => select('h4', candidate) === heading);
  if (!item) throw new Error(`no failure ${id}`);
  return item;
}

describe('FailureList', () => {
  it('has a section per failed run, in the order of the runs, each linking to its build', async () => {
    const tree = parseHtml(await render(FailureList, { highlighter, change: seedChange, flaky: seedFlaky }));
    expect(attributes(tree, '.failure-run > h3', 'id')).toEqual([
      'run-kv_engine-threadsanitizer-master-1273',
      ...[9403, 9412, 9413, 9414, 9415, 9416, 9417].map((build) => `run-kv_engine-windows-master-${build}`),
    ]);
    const first = select('.failure-run > h3', tree) as Element;
    expect(texts(first, 'a')).toEqual(['#1273']);
    expect(attributes(first, 'a', 'href')).toEqual([
      'http://cv.jenkins.couchbase.com/job/kv_engine-threadsanitizer-master/1273/',
    ]);
    expect(texts(first, '.muted')).toEqual(['· patch set 25']);
    expect(texts(first, '.badge')).toEqual(['FAILURE']);
  });

  it('shows every failure with its kind, its signature linking to the signature page, and a flaky badge', async () => {
    const tree = parseHtml(await render(FailureList, { highlighter, change: seedChange, flaky: seedFlaky }));
    expect(selectAll('li.failure', tree)).toHaveLength(12);
    const item = failure(tree, 'run-kv_engine-threadsanitizer-master-1273-f3');
    expect(item.properties.dataKind).toBe('sanitizer');
    expect(texts(item, 'h4 .badge')).toEqual(['Sanitizer report', 'flaky']);
    expect(texts(item, 'h4 a code')).toEqual([tsan]);
    expect(attributes(item, 'h4 a', 'href')).toEqual([
      '/failures/sanitizer-threadsanitizer-heap-use-after-free-kv-engine-daem-c92c807d/',
    ]);
    expect(texts(tree, 'h4 code')).toEqual([
      'gtest',
      'ctest:ep-engine-persistence-unit-tests.rocksdb',
      tsan,
      'ctest:ep_testsuite.value_eviction',
      'gtest',
      'ctest:ep_testsuite.full_eviction',
      'gtest',
      'ctest:memcached_testapp.ep.TransportProtocols/XattrTest',
      'ctest:memcached_testapp.default.Subdoc/SubdocTestappTest',
      'ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest',
      'ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest',
      'ctest:memcached_testapp.ep.TransportProtocols/SaslTest',
    ]);
  });

  it('shows the cause highlighted, its error line marked', async () => {
    const tree = parseHtml(await render(FailureList, { highlighter, change: seedChange, flaky: seedFlaky }));
    const item = failure(tree, 'run-kv_engine-threadsanitizer-master-1273-f3');
    expect(texts(item, '.snippet pre.shiki .line.error-line')).toEqual([
      'ThreadSanitizer issue: heap-use-after-free /home/couchbase/jenkins/workspace/kv_engine-threadsanitizer-master/kv_engine/daemon/cookie.h:156 in Cookie::getConnection() const',
    ]);
  });

  // Known bug, reported to the owner of FailureList.astro: its `errorLine` matches the word "error" of the first
  // line, "Compile error at <file>:898:46:", so the location line is marked instead of the `error:` line.
  // Turn this back into `it` when it is fixed.
  it('marks the error line of a compiler message, not its location line', async () => {
    const change = seeds.changes.find(
      (candidate) => candidate.id === 'I6418b9a8557b4ac978218706243e97523f95355d',
    ) as Change;
    const tree = parseHtml(await render(FailureList, { highlighter, change, flaky: new Set() }));
    const compile = selectAll('li.failure', tree).find((item) => item.properties.dataKind === 'compile') as Element;
    expect(texts(compile, 'h4 .badge')).toEqual(['Compile error']);
    const lines = selectAll('.snippet .line', compile);
    expect(lines.map((line) => (line.properties.className as string[]).includes('error-line'))).toEqual([false, true]);
    expect(text(lines[1] as Element)).toMatch(/^error: /);
  });

  it('shows no flaky badge for a signature that never disagreed', async () => {
    const tree = parseHtml(await render(FailureList, { highlighter, change: seedChange, flaky: new Set() }));
    expect(selectAll('.badge.flaky', tree)).toEqual([]);
  });

  it('says so when no failure was reported', async () => {
    const change = { ...seedChange, runs: seedChange.runs.map((run) => ({ ...run, failures: [] })) };
    expect(texts(parseHtml(await render(FailureList, { highlighter, change, flaky: seedFlaky })), 'p')).toEqual([
      'No failures were reported for this change.',
    ]);
  });

  it('renders the seed change as in its snapshot', async () => {
    const html = await render(FailureList, { highlighter, change: seedChange, flaky: seedFlaky });
    await expect(formatHtml(html)).toMatchFileSnapshot('./__snapshots__/failure-list.seed-change.html');
  });
});
