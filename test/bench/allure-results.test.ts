import { join } from 'node:path';
import { expect, it } from 'vitest';
import { allureResults } from '../../bench/allure-results.ts';
import { parseExport } from '../../src/lib/parse-export.ts';

it('turns every job run of the seeds into one Allure result', () => {
  const model = parseExport(join(import.meta.dirname, '../fixtures/seeds'));
  const results = allureResults(model);
  expect(results).toHaveLength(model.changes.reduce((sum, change) => sum + change.runs.length, 0));
  const tsan = results.find((result) => result.name === 'kv_engine-threadsanitizer-master #1273');
  expect(tsan).toEqual({
    uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    historyId: expect.any(String),
    testCaseId: expect.any(String),
    name: 'kv_engine-threadsanitizer-master #1273',
    fullName: 'I14f6e1718976b9f792fe28ab8aa309e4a61fdf32/25/kv_engine-threadsanitizer-master',
    status: 'failed',
    statusDetails: { message: expect.stringContaining('ThreadSanitizer issue: heap-use-after-free') },
    stage: 'finished',
    start: Date.parse('2018-05-25T20:52:42.000Z'),
    stop: Date.parse('2018-05-25T20:52:43.000Z'),
    labels: [
      { name: 'parentSuite', value: 'kv_engine' },
      { name: 'suite', value: 'MB-26887: Remove the use of sendmsg [4/7]' },
      { name: 'subSuite', value: 'patch set 25' },
      { name: 'host', value: 'threadsanitizer' },
      { name: 'tag', value: 'master' },
    ],
  });
  expect(results.filter((result) => result.status === 'passed').map((result) => result.name)).toContain(
    'kv_engine-threadsanitizer-master #1286',
  );
  expect(new Set(results.map((result) => result.uuid)).size).toBe(results.length);
});
