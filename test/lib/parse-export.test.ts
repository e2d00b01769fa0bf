import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../../src/lib/parse-export.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));

describe('parseExport on the seed dumps', () => {
  const model = parseExport(seeds);
  const seed000 = model.changes.find((change) => change.id === 'I14f6e1718976b9f792fe28ab8aa309e4a61fdf32');

  it('reads every file without a warning', () => {
    expect(model.files).toBe(3);
    expect(model.warnings).toEqual([]);
  });

  it('merges seeds 001 and 002, which share a Change-Id, into one change', () => {
    expect(model.changes.map((change) => [change.id, change.patchSets, change.messages.length])).toEqual([
      ['I14f6e1718976b9f792fe28ab8aa309e4a61fdf32', [25], 9],
      ['I6418b9a8557b4ac978218706243e97523f95355d', [4, 12], 5],
    ]);
  });

  it('gives seed 000 patch set 25 eight build results', () => {
    expect(seed000?.builds.map((build) => [build.patchSet, build.verdict])).toEqual(
      Array.from({ length: 8 }, () => [25, 'failed']),
    );
  });
});
