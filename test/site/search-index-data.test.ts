import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { searchFilterTotals } from '../../src/data/search-filter-totals.ts';
import { searchPageFilters } from '../../src/data/search-page-filters.ts';
import { signatureCauses } from '../../src/data/signature-causes.ts';
import { signatureSearchRows } from '../../src/data/signature-search-rows.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { SignatureEntry } from '../../src/lib/types.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));
const model = parseExport(seeds);
const changeById = new Map(model.changes.map((change) => [change.id, change]));
const flakySignatures = new Set(model.signatures.filter((entry) => entry.flaky).map((entry) => entry.signature));
const signature = (key: string) => model.signatures.find((entry) => entry.signature === key) as SignatureEntry;

describe('signatureSearchRows', () => {
  it('lists each change once, at its newest occurrence, newest change first, linking to that run', () => {
    const entry = signature('ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest');
    expect(entry.occurrences).toHaveLength(2);
    expect(signatureSearchRows(entry, changeById, 5)).toEqual([
      {
        href: '/changes/I14f6e1718976b9f792fe28ab8aa309e4a61fdf32/#run-kv_engine-windows-master-9416-f1',
        subject: 'MB-26887: Remove the use of sendmsg [4/7]',
        patchSet: 25,
        job: 'kv_engine-windows-master',
        run: '#9416',
        date: '2018-05-28T20:30:48.000Z',
      },
    ]);
  });

  it('orders changes by their newest occurrence and cuts at the limit', () => {
    const occurrence = (change: string, date: string | null, build: number) => ({
      change,
      date,
      build,
      patchSet: 1,
      job: 'kv_engine-linux-master',
      platform: 'linux',
      url: '',
    });
    const [older, newer] = model.changes.map((change) => change.id).sort() as [string, string];
    const entry = {
      signature: 'not-a-failure-of-these-runs',
      occurrences: [
        occurrence(older, '2018-01-03T00:00:00.000Z', 5),
        occurrence(newer, '2018-01-02T00:00:00.000Z', 7),
        occurrence(older, '2018-01-01T00:00:00.000Z', 4),
        occurrence('not-in-the-export', '2019-01-01T00:00:00.000Z', 1),
        occurrence(newer, null, 9),
      ],
    };
    expect(signatureSearchRows(entry, changeById, 5).map((row) => [row.href.split('/')[2], row.run])).toEqual([
      [older, '#5'],
      [newer, '#7'],
    ]);
    expect(signatureSearchRows(entry, changeById, 1)).toHaveLength(1);
  });
});

describe('signatureCauses', () => {
  it('gives the wordings of a cause other than its example, workspaces and numbers aside', () => {
    // Four runs: clang's wording (the example) twice, GCC's twice, in two workspaces.
    const entry = signature('compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898');
    expect(entry.occurrences).toHaveLength(4);
    expect(entry.example).toMatch(/^Compile error at .*engine_testapp\.cc:898:\d+:\nerror: assigning to /);
    const gcc =
      /^Compile error at \/home\/couchbase\/jenkins\/workspace\/kv_engine-[a-z_]+-master\/kv_engine\/programs\/engine_testapp\/engine_testapp\.cc:898:46:\nerror: invalid conversion from /;
    expect(signatureCauses(entry, changeById, 3)).toEqual([expect.stringMatching(gcc)]);
    const msvc = { ...entry, example: 'Compile error at ..\\kv_engine\\engine_testapp.cc(898): error C2440: x' };
    expect(signatureCauses(msvc, changeById, 3)).toEqual([
      expect.stringMatching(/error: assigning to /),
      expect.stringMatching(gcc),
    ]);
    expect(signatureCauses(msvc, changeById, 1)).toHaveLength(1);
  });
});

describe('searchPageFilters and searchFilterTotals', () => {
  it('give the filter values of each page, and their page counts over the index', () => {
    const change = changeById.get('I14f6e1718976b9f792fe28ab8aa309e4a61fdf32');
    expect(change && searchPageFilters({ type: 'change', change }, { flakySignatures, changeById })).toEqual({
      type: ['change'],
      project: ['kv_engine'],
      outcome: ['open'],
      kind: ['gtest', 'ctest', 'sanitizer'],
      platform: ['threadsanitizer', 'windows'],
      'job result': ['SUCCESS', 'FAILURE'],
      flaky: ['yes'],
      author: ['Build Bot', 'Trond Norbye'],
    });
    expect(searchFilterTotals(model, { flakySignatures, changeById })).toEqual({
      type: { change: 2, failure: 12 },
      project: { kv_engine: 14 },
      outcome: { open: 2 },
      kind: { gtest: 2, ctest: 8, sanitizer: 2, 'ctest-timeout': 2, compile: 3 },
      platform: { threadsanitizer: 6, windows: 10, linux: 3, addresssanitizer: 2, clang_analyzer: 2 },
      'job result': { SUCCESS: 2, FAILURE: 14 },
      flaky: { yes: 12, no: 2 },
      author: { 'Build Bot': 2, 'Trond Norbye': 2 },
    });
  });

  it('store a value as Pagefind does: whitespace collapsed, empty values dropped', () => {
    const entry = { ...signature('gtest'), platforms: ['  windows \n server ', ''] };
    expect(searchPageFilters({ type: 'failure', entry }, { flakySignatures, changeById }).platform).toEqual([
      'windows server',
    ]);
  });
});
