import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../e2e/support/build-site.ts';

const root = resolve(import.meta.dirname, '../..');
// Inside the project: Astro bundles the pages beside the output when it is under the working directory.
mkdirSync(join(root, '.astro'), { recursive: true });
const work = mkdtempSync(join(root, '.astro', 'site-data-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the data path from the caller through Astro', () => {
  it('renders the very model it is given, and its pages report to the integration that gave it', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(root, 'test/integration/support/build-with-model.ts'), root, work],
      { cwd: root, env: buildEnv() },
    );
    const result = JSON.parse(stdout);
    expect(result).toEqual({
      title: 'Subject that no dump holds · Handed-in title',
      shards: '[&quot;/a/&quot;,&quot;/b/&quot;]',
      htmlPages: 31,
      // Every page counted on the integration's own record: the pages' module instance is the integration's.
      stats: {
        renderedPages: 31,
        pages: 31,
        changeFilesReused: 0,
        indexMs: result.stats.indexMs,
        // The change and signature pages: the only ones with searchable text.
        searchPages: 14,
        searchPagesReused: 0,
      },
      // The build's entry is gone once it is done.
      registeredAfter: 0,
    });
  }, 120_000);
});
