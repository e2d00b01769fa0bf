import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { changeFileBasis, writeChangeFiles } from '../../src/integration/write-change-files.ts';
import { FAILURE_RULES_VERSION } from '../../src/lib/failure-rules.ts';
import { changeToJson, MODEL_JSON_VERSION } from '../../src/lib/model-to-json.ts';
import { parseExport } from '../../src/lib/parse-export.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'review-reports-change-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const model = parseExport(seeds);
const cacheDir = join(work, 'cache');
const site = (name: string) => {
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  return root;
};
const files = (root: string) => readdirSync(join(root, 'api', 'changes')).sort();

describe('writeChangeFiles', () => {
  const slugs = model.changes.map((change) => `${change.slug}.json`).sort();

  it('writes each change as parse prints it, and takes it from the cache when nothing it depends on changed', () => {
    const basis = changeFileBasis({}, '1.0.0');
    const first = site('first');
    expect(writeChangeFiles(first, model, { dir: cacheDir, basis })).toEqual({ written: 2, reused: 0 });
    expect(files(first)).toEqual(slugs);
    const change = model.changes[0];
    if (!change) throw new Error('no change');
    expect(JSON.parse(readFileSync(join(first, 'api', 'changes', `${change.slug}.json`), 'utf8'))).toEqual(
      JSON.parse(
        JSON.stringify({
          version: MODEL_JSON_VERSION,
          rulesVersion: FAILURE_RULES_VERSION,
          change: changeToJson(change),
        }),
      ),
    );

    const second = site('second');
    expect(writeChangeFiles(second, model, { dir: cacheDir, basis })).toEqual({ written: 0, reused: 2 });
    for (const name of slugs) {
      expect(readFileSync(join(second, 'api', 'changes', name))).toEqual(
        readFileSync(join(first, 'api', 'changes', name)),
      );
    }
  });

  it('writes again under another config or version, keeps no stale entry and touches no file it did not name', () => {
    writeFileSync(join(cacheDir, 'notes.txt'), 'mine');
    const third = site('third');
    const basis = changeFileBasis({ ticketUrl: 'https://jira.example/browse/{ticket}' }, '1.0.0');
    expect(writeChangeFiles(third, model, { dir: cacheDir, basis })).toEqual({ written: 2, reused: 0 });
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    expect(readFileSync(join(cacheDir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(writeChangeFiles(site('fourth'), model, { dir: cacheDir, basis: changeFileBasis({}, '1.0.1') })).toEqual({
      written: 2,
      reused: 0,
    });
  });

  it('writing over a file an earlier build linked to the cache leaves the cached file as it was', () => {
    const basis = changeFileBasis({}, '2.0.0');
    const root = site('dist');
    writeChangeFiles(root, model, { dir: cacheDir, basis });
    const cached = readdirSync(cacheDir).filter((name) => name.endsWith('.json'));
    const before = cached.map((name) => readFileSync(join(cacheDir, name), 'utf8'));
    // The same folder again, without a cache: every file is written anew.
    expect(
      writeChangeFiles(root, { ...model, changes: model.changes.map((c) => ({ ...c, subject: 'x' })) }, null),
    ).toEqual({
      written: 2,
      reused: 0,
    });
    expect(cached.map((name) => readFileSync(join(cacheDir, name), 'utf8'))).toEqual(before);
  });
});
