import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadUserConfig } from '../../src/config/user-config.ts';
import { createReport } from '../../src/data/create-report.ts';
import { changePageKey, changeSearchKey, signatureHistoryKey } from '../../src/data/page-key.ts';
import { signatureCauses } from '../../src/data/signature-causes.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { Change, SignatureEntry, SignatureSince } from '../../src/lib/types.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'review-reports-page-key-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const compile = 'compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898';
const reportOf = (root: string) => createReport(parseExport(root), loadUserConfig(undefined));
const entryOf = (report: ReturnType<typeof reportOf>) => report.signatureByKey.get(compile) as SignatureEntry;

describe('signatureHistoryKey', () => {
  it('changes when a cause the page shows in other words changes, though the entry does not', () => {
    // GCC's wording of the clang example, in one dump: the page lists it under "Reported in other words".
    const edited = join(work, 'seeds');
    cpSync(seeds, edited, { recursive: true });
    const dump = join(edited, '001_b71f2421c40570d5.txt');
    writeFileSync(dump, readFileSync(dump, 'utf8').replaceAll('invalid conversion from', 'invalid conversion of'));

    const before = reportOf(seeds);
    const after = reportOf(edited);
    expect(entryOf(after)).toEqual(entryOf(before));
    expect(signatureCauses(entryOf(after), after.changeById, 3)).not.toEqual(
      signatureCauses(entryOf(before), before.changeById, 3),
    );
    expect(signatureHistoryKey(after, entryOf(after))).not.toBe(signatureHistoryKey(before, entryOf(before)));
    expect(signatureHistoryKey(reportOf(seeds), entryOf(before))).toBe(signatureHistoryKey(before, entryOf(before)));
  });
});

describe('changePageKey', () => {
  const report = reportOf(seeds);
  const change = report.model.changes.find((each) =>
    each.runs.some((run) => run.failures.some((failure) => failure.signature === compile)),
  ) as Change;
  const since: SignatureSince = {
    signature: compile,
    status: 'back',
    title: 'engine_testapp.cc:898',
    kind: 'compile',
    slug: 'x',
    firstOccurrence: null,
    lastSeen: '2018-01-01T00:00:00.000Z',
  };
  const withSince = (entry: SignatureSince) => ({
    ...report,
    sinceBySignature: new Map([...report.sinceBySignature, [compile, entry]]),
  });

  it('moves with a badge the page shows, not with what a new dump moves and the page does not show', () => {
    const back = changePageKey(withSince(since), change);
    expect(back).not.toBe(changePageKey(report, change));
    // A day's new dumps move a signature's last sighting and first occurrence; its change pages show neither.
    expect(changePageKey(withSince({ ...since, lastSeen: '2019-02-02T00:00:00.000Z', title: 'other' }), change)).toBe(
      back,
    );
    expect(changePageKey(withSince({ ...since, status: 'new' }), change)).not.toBe(back);
  });

  it('keeps the search key when only a badge changed, and moves it with the flaky filter', () => {
    const key = changeSearchKey(report, change);
    expect(changeSearchKey(withSince(since), change)).toBe(key);
    expect(changeSearchKey(withSince({ ...since, status: 'new' }), change)).toBe(key);
    // With no signature flaky yet, one turning flaky flips the page's filter; a second changes nothing Pagefind reads.
    const signatures = [...new Set(change.runs.flatMap((run) => run.failures.map((failure) => failure.signature)))];
    expect(signatures.length).toBeGreaterThan(1);
    const [first, second] = signatures as [string, string];
    const flaky = (...names: string[]) => ({ ...report, flakySignatures: new Set(names) });
    expect(changeSearchKey(flaky(first), change)).not.toBe(changeSearchKey(flaky(), change));
    expect(changeSearchKey(flaky(first, second), change)).toBe(changeSearchKey(flaky(first), change));
  });
});

describe('page keys and the config', () => {
  const report = reportOf(seeds);
  const change = report.model.changes[0] as Change;
  const keys = (config: typeof report.config) => {
    const changed = { ...report, config };
    return [
      changePageKey(changed, change),
      changeSearchKey(changed, change),
      signatureHistoryKey(changed, entryOf(report)),
    ];
  };

  it('leave out how the search index is cut and kept, and nothing else of the config', () => {
    const before = keys(report.config);
    expect(keys({ ...report.config, searchParts: { large: 4, small: 2 } })).toEqual(before);
    expect(keys({ ...report.config, searchSuperseded: 0 })).toEqual(before);
    const retitled = keys({ ...report.config, title: 'Other reports' });
    expect(retitled.filter((key, index) => key === before[index])).toEqual([]);
  });
});
