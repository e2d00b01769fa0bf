import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchKnownIssues } from '../../src/lib/match-known-issues.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import type { KnownIssue } from '../../src/lib/types.ts';

const model = parseExport(fileURLToPath(new URL('../fixtures/seeds', import.meta.url)));

describe('matchKnownIssues on the seed export', () => {
  const issues: KnownIssue[] = [
    { pattern: '^ctest:memcached_testapp\\.', ticket: 'MB-2', status: 'fixed', note: '', fixedOn: '2018-05-28' },
    { signature: 'ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest', ticket: 'MB-1', status: 'open', note: 'n' },
    { pattern: '^compile:', ticket: 'MB-3', status: 'wontfix', note: '' },
    { pattern: '^compile:kv_engine/engines/', ticket: 'MB-4', status: 'open', note: '' },
  ];
  const matches = matchKnownIssues(model.signatures, issues);
  const summary = [...matches].map(([signature, match]) => [signature, match.issue.ticket, match.regressed]).sort();

  it('prefers an exact entry to a pattern, and the first matching pattern to later ones', () => {
    expect(summary).toEqual([
      ['compile:kv_engine/engines/ep/src/ep_engine.cc:1752', 'MB-3', false],
      ['compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898', 'MB-3', false],
      ['ctest:memcached_testapp.default.Subdoc/SubdocTestappTest', 'MB-2', false],
      ['ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest', 'MB-1', false],
      ['ctest:memcached_testapp.ep.TransportProtocols/SaslTest', 'MB-2', true],
      ['ctest:memcached_testapp.ep.TransportProtocols/XattrTest', 'MB-2', false],
    ]);
  });

  it('flags a fixed issue regressed at the first failure after the day of the fix, not during it', () => {
    expect(matches.get('ctest:memcached_testapp.ep.TransportProtocols/SaslTest')).toMatchObject({
      index: 0,
      regressed: true,
      regressedAt: {
        change: 'I14f6e1718976b9f792fe28ab8aa309e4a61fdf32',
        build: 9417,
        date: '2018-05-29T05:20:39.000Z',
      },
    });
    // Subdoc failed at 19:48 on the day of the fix; with a time of day before it, that is a regression.
    const timed = matchKnownIssues(model.signatures, [
      { ...(issues[0] as KnownIssue), fixedOn: '2018-05-28T12:00:00Z' },
    ]);
    expect(
      [...timed]
        .filter(([, match]) => match.regressed)
        .map(([signature]) => signature)
        .sort(),
    ).toEqual([
      'ctest:memcached_testapp.default.Subdoc/SubdocTestappTest',
      'ctest:memcached_testapp.ep.CleanOrUnclean/PersistToTest',
      'ctest:memcached_testapp.ep.TransportProtocols/SaslTest',
      'ctest:memcached_testapp.ep.TransportProtocols/XattrTest',
    ]);
  });

  it('matches nothing without entries', () => {
    expect(matchKnownIssues(model.signatures, []).size).toBe(0);
  });
});
