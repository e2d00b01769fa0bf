import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import BuildMatrix from '../../src/components/BuildMatrix.astro';
import type { Change } from '../../src/lib/types.ts';
import { seedChange, seeds } from './support/fixtures.ts';
import { formatHtml } from './support/format-html.ts';
import { attributes, parseHtml, render, text, texts } from './support/render.ts';

/** The matrix as a reader sees it: per row, the patch set and each cell's runs, `differs` when marked. */
function readMatrix(tree: Root) {
  return selectAll('tbody tr', tree).map((row) => ({
    patchSet: texts(row, 'th')[0],
    cells: selectAll('td', row).map((cell: Element) => {
      if (hasClass(cell, 'empty')) return text(cell);
      const runs = texts(cell, '.runs > li > a.badge').join(', ');
      return hasClass(cell, 'disagree') ? `${runs} (${texts(cell, ':scope > .badge.flaky')[0]})` : runs;
    }),
  }));
}

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

const otherChange = seeds.changes.find((change) => change.id === 'I6418b9a8557b4ac978218706243e97523f95355d') as Change;

describe('BuildMatrix', () => {
  it('has a column per job, grouped by platform', async () => {
    const tree = parseHtml(await render(BuildMatrix, { change: seedChange }));
    expect(texts(tree, 'thead th')).toEqual([
      'Patch set',
      'kv_engine-addresssanitizer-master',
      'kv_engine-clang_analyzer-master',
      'kv_engine-clang_format',
      'kv_engine-linux-master',
      'kv_engine-threadsanitizer-master',
      'kv_engine-undefinedsanitizer-master',
      'kv_engine-windows-master',
    ]);
  });

  it('lists every run of a job on a patch set in one cell, marking rebuilds that ended differently', async () => {
    const tree = parseHtml(await render(BuildMatrix, { change: seedChange }));
    expect(readMatrix(tree)).toEqual([
      {
        patchSet: '25',
        cells: [
          '#1239 SUCCESS',
          '#8401 SUCCESS',
          '#8251 SUCCESS',
          '#9490 SUCCESS',
          '#1273 FAILURE, #1286 SUCCESS (⟳ differs)',
          '#378 SUCCESS',
          '#9403 FAILURE, #9412 FAILURE, #9413 FAILURE, #9414 FAILURE, #9415 FAILURE, #9416 FAILURE, #9417 FAILURE (⟳ differs)',
        ],
      },
    ]);
  });

  it('links each run to its Jenkins build and a failed run to its failures on the page', async () => {
    const tree = parseHtml(await render(BuildMatrix, { change: seedChange }));
    const windows = selectAll('td', tree)[6] as Element;
    expect(attributes(windows, '.runs a.badge', 'href')).toEqual(
      [9403, 9412, 9413, 9414, 9415, 9416, 9417].map(
        (build) => `http://cv.jenkins.couchbase.com/job/kv_engine-windows-master/${build}/`,
      ),
    );
    // The column header names the job; the page's no-referrer policy covers every link.
    expect(attributes(windows, '.runs a.badge', 'title')).toEqual(new Array(7).fill(null));
    expect(texts(windows, 'a.run-failures')).toEqual([
      '1 failure',
      '2 failures',
      '2 failures',
      '1 failure',
      '1 failure',
      '1 failure',
      '1 failure',
    ]);
    expect(attributes(windows, 'a.run-failures', 'href')[0]).toBe('#run-kv_engine-windows-master-9403');
    expect(attributes(tree, 'tbody th a', 'href')).toEqual(['#ps-25']);
    expect(attributes(tree, '.badge.success + a.run-failures', 'href')).toEqual([]);
  });

  it('puts the newest patch set first and says when a job did not run', async () => {
    const withoutRun = {
      ...otherChange,
      runs: otherChange.runs.filter((run) => !(run.patchSet === 4 && run.name === 'kv_engine-clang_format')),
    };
    const tree = parseHtml(await render(BuildMatrix, { change: withoutRun }));
    expect(readMatrix(tree)).toEqual([
      {
        patchSet: '12',
        cells: ['#3719 FAILURE', '#3536 FAILURE', '#2397 SUCCESS', '#4026 FAILURE', '#3866 FAILURE', '#3891 FAILURE'],
      },
      {
        patchSet: '4',
        cells: [
          '#3618 SUCCESS',
          '#3438 SUCCESS',
          'not run',
          '#3917 FAILURE, #3928 SUCCESS (⟳ differs)',
          '#3759 SUCCESS',
          '#3789 SUCCESS',
        ],
      },
    ]);
  });

  it('says so when no build reported anything', async () => {
    const html = await render(BuildMatrix, { change: { ...seedChange, runs: [] } });
    expect(select('table', parseHtml(html))).toBeUndefined();
    expect(texts(parseHtml(html), 'p')).toEqual(['No build results were reported for this change.']);
  });

  it('renders the seed change as in its snapshot', async () => {
    const html = await render(BuildMatrix, { change: seedChange });
    await expect(formatHtml(html)).toMatchFileSnapshot('./__snapshots__/build-matrix.seed-change.html');
  });
});
