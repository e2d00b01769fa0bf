import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import BuildMatrix from '../../src/components/BuildMatrix.astro';
import FailureList from '../../src/components/FailureList.astro';
import { logsChange, zuulChange } from './support/fixtures.ts';
import { attributes, parseHtml, render, text, texts } from './support/render.ts';

describe('runs on the change page', () => {
  it('show their log link, their note as text, and a skipped vote as non-voting in the build matrix', async () => {
    const tree = parseHtml(await render(BuildMatrix, { change: logsChange }));
    expect(attributes(tree, 'a.run-log', 'href')).toEqual([
      'https://logs.example.com/app-verify-linux/101/',
      'https://logs.example.com/app-verify-linux/102/',
      'https://logs.example.com/app-verify-windows/55/console.log.gz',
    ]);
    expect(texts(tree, '.run-note pre')).toEqual([
      'The node windows-7 went offline during the build. It was taken out of the pool.',
    ]);
    expect(texts(tree, '.run-facts')).toEqual(['non-voting']);
  });

  it('show the pipeline, the voting status and the duration of Zuul runs, labelled by their build UUID', async () => {
    const tree = parseHtml(await render(BuildMatrix, { change: zuulChange }));
    const py312 = selectAll('.runs li', tree).filter((item) => text(item).includes('TIMED_OUT'));
    expect(py312.map((item) => [texts(item, 'a.badge'), texts(item, '.run-facts')])).toEqual([
      [['00000000 TIMED_OUT'], ['check · 1h 00m 04s']],
    ]);
    const docs = selectAll('.runs li', tree).filter((item) => text(item).includes('non-voting'));
    expect(docs.map((item) => texts(item, '.run-facts')[0])).toEqual([
      'check · non-voting · 45s',
      'check · non-voting · 44s',
    ]);
  });

  it('list a failed run with no identified cause as such, with its log link and note beside it', async () => {
    const tree = parseHtml(await render(FailureList, { change: logsChange, flaky: new Set() }));
    const windows = selectAll('.failure-run', tree).find((run) =>
      text(select('h3', run) as Element).startsWith('app-verify-windows'),
    ) as Element;
    expect(attributes(windows, 'a.run-log-link', 'href')).toEqual([
      'https://logs.example.com/app-verify-windows/55/console.log.gz',
    ]);
    expect(texts(windows, 'pre.run-note-text')).toEqual([
      'The node windows-7 went offline during the build. It was taken out of the pool.',
    ]);
    expect(texts(windows, 'li.failure h4 code')).toEqual(['unclassified:app-verify-windows']);
    expect(texts(windows, 'li.failure p')).toEqual(['The run failed and the CI named no cause for it.']);
  });
});
