import { describe, expect, it } from 'vitest';
import { changeToJson } from '../../src/lib/model-to-json.ts';
import type { Change } from '../../src/lib/types.ts';

const run = (name: string, build: number, url: string) => ({
  name,
  build,
  url,
  result: 'FAILURE',
  patchSet: 1,
  project: 'kv_engine',
  platform: 'linux',
  branch: 'master',
  date: null,
  reportedBy: ['m-1'],
  failures: [],
});

describe('changeToJson', () => {
  it("leaves a verdict's job URL to its run, and keeps one the verdict wrote differently", () => {
    const change = {
      id: 'I1',
      slug: 'I1',
      subject: 's',
      owner: 'o',
      project: 'kv_engine',
      outcome: 'open',
      tickets: [],
      patchSets: [1],
      messages: [],
      files: ['a.txt'],
      firstActivity: null,
      lastActivity: null,
      votes: [],
      runs: [run('kv-linux', 7, 'https://ci/job/kv-linux/7/')],
      builds: [
        {
          messageId: 'm-1',
          patchSet: 1,
          date: null,
          verdict: 'failed',
          failures: [],
          jobs: [
            { name: 'kv-linux', build: 7, url: 'https://ci/job/kv-linux/7/', result: 'FAILURE' },
            { name: 'kv-linux', build: 7, url: 'http://ci/job/kv-linux/7/', result: 'FAILURE' },
          ],
        },
      ],
    } as unknown as Change;
    expect(changeToJson(change).builds[0]?.jobs).toEqual([
      { name: 'kv-linux', build: 7, result: 'FAILURE' },
      { name: 'kv-linux', build: 7, url: 'http://ci/job/kv-linux/7/', result: 'FAILURE' },
    ]);
  });
});
