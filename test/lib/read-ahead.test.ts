import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readAhead } from '../../src/lib/read-ahead.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const paths = Array.from({ length: 40 }, (_, index) => {
  const path = join(dir, `${index}.txt`);
  writeFileSync(path, `dump ${index}\n`.repeat(index * 100));
  return path;
});

test('a list shorter than minFiles starts no thread', async () => {
  expect(await readAhead(paths).finished).toEqual({ slowProbes: 0, read: 0, unreadable: 0 });
});

test('files that read slower than the cache are all read through, and an unreadable one is skipped', async () => {
  const missing = join(dir, 'gone.txt');
  const report = await readAhead([...paths.slice(0, 20), missing, ...paths.slice(20)], {
    minFiles: 1,
    probes: 4,
    // Every read counts as slow: what a disk without the files in its cache looks like.
    cachedMicros: -1,
  }).finished;
  expect(report).toEqual({ slowProbes: 4, read: 40, unreadable: 1 });
});

test('files that read as fast as the cache are not read again', async () => {
  const report = await readAhead(paths, { minFiles: 1, probes: 4, cachedMicros: Number.POSITIVE_INFINITY }).finished;
  expect(report).toEqual({ slowProbes: 0, read: 0, unreadable: 0 });
});

test('a stopped thread never reports', async () => {
  const reading = readAhead(paths, { minFiles: 1, cachedMicros: -1 });
  reading.stop();
  const settled = await Promise.race([
    reading.finished.then(() => 'finished'),
    new Promise((resolve) => setTimeout(() => resolve('silent'), 500)),
  ]);
  expect(settled).toBe('silent');
});
