import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stagePages, unstagePages } from '../../src/integration/stage-pages.ts';
import { fileTree } from '../e2e/support/site-differences.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-stage-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('staging pages for one Pagefind run', () => {
  it('links each page at its own path, leaves out a lost one, and removes only what it made', () => {
    const site = join(work, 'site');
    const present = ['changes/a/index.html', 'failures/s/index.html', 'failures/s/occurrences/2/index.html'];
    for (const page of [...present, 'changes/other/index.html']) {
      mkdirSync(dirname(join(site, page)), { recursive: true });
      writeFileSync(join(site, page), `<p>${page}</p>`);
    }
    const pages = [...present, 'changes/lost/index.html'];
    const stage = join(work, 'stage');
    stagePages(site, pages, stage);
    expect([...fileTree(stage).keys()].sort()).toEqual([...present].sort());
    expect(readFileSync(join(stage, 'failures/s/occurrences/2/index.html'), 'utf8')).toBe(
      '<p>failures/s/occurrences/2/index.html</p>',
    );
    // A link, not a copy: staging 11k pages writes no page bytes.
    expect(statSync(join(stage, 'changes/a/index.html')).ino).toBe(statSync(join(site, 'changes/a/index.html')).ino);

    unstagePages(stage, pages);
    expect(existsSync(stage)).toBe(false);
    expect([...fileTree(site).keys()].sort()).toEqual([...present, 'changes/other/index.html'].sort());
  });

  it('removes its folder whole when something else got into it', () => {
    const site = join(work, 'site2');
    mkdirSync(join(site, 'changes', 'a'), { recursive: true });
    writeFileSync(join(site, 'changes', 'a', 'index.html'), 'a');
    const stage = join(work, 'stage2');
    stagePages(site, ['changes/a/index.html'], stage);
    writeFileSync(join(stage, 'changes', 'a', 'more.html'), 'more');
    unstagePages(stage, ['changes/a/index.html']);
    expect(existsSync(stage)).toBe(false);
    expect(readFileSync(join(site, 'changes', 'a', 'index.html'), 'utf8')).toBe('a');
  });
});
