import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimOutputDir } from '../../src/cli/claim-output-dir.ts';
import { main } from '../../src/cli/main.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-claim-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const projectRoot = join(import.meta.dirname, '../..');

describe('--out and the folders Astro builds in', () => {
  const builds = join(work, 'project', '.astro', 'builds');
  mkdirSync(builds, { recursive: true });
  const options = {
    force: true,
    keep: [{ path: builds, what: 'the builds' }],
    avoid: [{ path: builds, what: 'the builds' }],
  };

  it('refuses an --out inside them, or holding them, even with --force', () => {
    expect(claimOutputDir(join(builds, '123-site'), options)).toEqual({
      refusal: `--out ${join(builds, '123-site')} is inside the builds (${builds}); build into a folder of its own`,
    });
    expect(claimOutputDir(join(work, 'project'), options)).toEqual({
      refusal: `--out ${join(work, 'project')} holds the builds (${builds}); build into a folder of its own`,
    });
  });

  it('takes a folder beside them', () => {
    expect(claimOutputDir(join(work, 'project', 'site'), options)).toEqual({
      out: join(work, 'project', 'site'),
      ours: new Set(),
    });
  });

  it('is what build refuses with exit 2 before reading anything', async () => {
    const out = join(projectRoot, '.astro', 'builds', 'site');
    let stderr = '';
    const code = await main(['build', 'test/fixtures/seeds', '--out', out, '--quiet'], {
      stdout: () => {},
      stderr: (text) => (stderr += text),
    });
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `review-reports: --out ${out} is inside the work folders of Astro builds (${join(projectRoot, '.astro', 'builds')}); build into a folder of its own\n`,
    });
  });
});
