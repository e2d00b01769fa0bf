import { describe, expect, it } from 'vitest';
import ChangeSummary from '../../src/components/ChangeSummary.astro';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { Change } from '../../src/lib/types.ts';
import { seedChange } from './support/fixtures.ts';
import { attributes, parseHtml, render, texts } from './support/render.ts';

const paged = parseExport(new URL('../fixtures/gerrit/query-paged/export', import.meta.url).pathname);
const merged = paged.changes.find((change) => change.gerrit?.number === 1234) as Change;

async function summary(change: Change) {
  return parseHtml(await render(ChangeSummary, { change, ticketUrl: undefined }));
}

describe('ChangeSummary', () => {
  it('links a change from a Gerrit JSON export to its page on Gerrit, with branch and status', async () => {
    const tree = await summary(merged);
    expect(attributes(tree, 'dl.meta a', 'href')).toEqual(['https://review.example.com/1234']);
    expect(texts(tree, 'dl.meta dt')).toEqual(['Change-Id', 'Gerrit', 'Owner', 'Patch sets', 'Active']);
    expect(texts(tree, 'dl.meta dd').slice(0, 2)).toEqual([
      'I0123456789abcdef0123456789abcdef01234567',
      'change 1234 on master (MERGED)',
    ]);
    expect(texts(tree, '.eyebrow span')).toEqual(['Merged', 'platform/core']);
  });

  it('names the Gerrit change without a link when the export gave no http(s) URL', async () => {
    const tree = await summary({ ...merged, gerrit: { number: 1234, url: 'javascript:alert(1)' } });
    expect(attributes(tree, 'dl.meta a', 'href')).toEqual([]);
    expect(texts(tree, 'dl.meta dd')[1]).toBe('change 1234');
  });

  it('shows no Gerrit line for a change read from text dumps', async () => {
    expect(texts(await summary(seedChange), 'dl.meta dt')).toEqual([
      'Change-Id',
      'Owner',
      'Patch sets',
      'Active',
      'Tickets',
    ]);
  });
});
