import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { exportDir } from '../lib/support/export-dir.ts';

const seeds = fileURLToPath(new URL('../fixtures/seeds', import.meta.url));
const config = fileURLToPath(new URL('../fixtures/known-issues/config.json', import.meta.url));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** A config in a directory of its own, naming a known-issues file with the given content. */
function configWith(knownIssues: unknown): string {
  const dir = exportDir({ 'config.json': JSON.stringify({ knownIssues: 'known.json' }) });
  writeFileSync(join(dir, 'known.json'), typeof knownIssues === 'string' ? knownIssues : JSON.stringify(knownIssues));
  return join(dir, 'config.json');
}

describe('review-reports triage', () => {
  it('lists the signatures no known issue covers and the regressed ones, most impact first, as text', async () => {
    const { code, stdout, stderr } = await run('triage', seeds, '--config', config);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `12 signatures, 5 with a known issue: 7 untriaged and 1 regressed, most impact first

rebuilds  rejected  sole  changes  trend   signature
       1         1     0        1  rising  ctest:ep-engine-persistence-unit-tests.rocksdb
       1         1     0        1  rising  ctest:ep_testsuite.value_eviction
       1         1     0        1  rising  sanitizer:ThreadSanitizer:heap-use-after-free:kv_engine/daemon/cookie.h:156
       0         1     0        1  gone    compile:kv_engine/programs/engine_testapp/engine_testapp.cc:898
       0         1     0        1  gone    compile:kv_engine/engines/ep/src/ep_engine.cc:1752
       1         0     0        1  rising  ctest:ep_testsuite.full_eviction
       1         0     0        1  rising  ctest:memcached_testapp.default.Subdoc/SubdocTestappTest
       0         0     0        1  rising  ctest:memcached_testapp.ep.TransportProtocols/SaslTest  REGRESSED: MB-30002 fixed on 2018-05-28, failed 2018-05-29T05:20:39.000Z
`,
    );
  });

  it('prints the same list as JSON for a CI job', async () => {
    const { code, stdout } = await run('triage', seeds, '--config', config, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect({ ...json, list: json.list.length }).toEqual({
      generatedAt: '2018-05-29T05:20:39.000Z',
      signatures: 12,
      known: 5,
      untriaged: 7,
      regressed: 1,
      list: 8,
    });
    expect(json.list.at(-1)).toEqual({
      signature: 'ctest:memcached_testapp.ep.TransportProtocols/SaslTest',
      title: 'memcached_testapp.ep.TransportProtocols/SaslTest',
      kind: 'ctest',
      slug: expect.stringMatching(/^ctest-memcached-testapp-ep-transportprotocols-sasltest-[0-9a-f]{8}$/),
      occurrences: 1,
      firstSeen: '2018-05-29T05:20:39.000Z',
      lastSeen: '2018-05-29T05:20:39.000Z',
      flaky: true,
      impact: {
        rebuilds: 0,
        rejectedPatchSets: 0,
        soleCauseRejections: 0,
        changes: 1,
        ciSeconds: null,
        trend: 'rising',
      },
      regressed: { ticket: 'MB-30002', fixedOn: '2018-05-28', since: '2018-05-29T05:20:39.000Z' },
    });
  });

  it('lists every signature without a known-issues file', async () => {
    const { code, stdout } = await run('triage', seeds, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ signatures: 12, known: 0, untriaged: 12, regressed: 0 });
  });
});

describe('known-issues.json validation', () => {
  it('names the file, the entry by position and ticket, and the field; exit 2', async () => {
    const path = configWith({
      version: 1,
      issues: [
        { signature: 'gtest', ticket: 'MB-1', status: 'open' },
        { signature: 'gtest', ticket: 'MB-2', status: 'closed' },
        { pattern: '(unclosed', ticket: 'MB-3', status: 'open' },
        { ticket: 'MB-4', status: 'fixed' },
        { signature: 'x', ticket: 'MB-5', status: 'open', fixedOn: '2018-02-30' },
        { signature: 'x', ticket: '', status: 'open', html: '<b>' },
      ],
    });
    const { code, stderr } = await run('triage', seeds, '--config', path);
    expect(code).toBe(2);
    const file = join(path, '..', 'known.json');
    expect(stderr).toBe(
      `review-reports: invalid known-issues file ${file}:
  issues[1] ("MB-2").status: Invalid option: expected one of "open"|"fixed"|"wontfix"
  issues[2] ("MB-3").pattern: must be a JavaScript regular expression
  issues[3] ("MB-4"): give exactly one of "signature" and "pattern"
  issues[3] ("MB-4").fixedOn: a fixed issue needs "fixedOn", the day the fix landed, so failures after it show as regressed
  issues[4] ("MB-5").fixedOn: is no real date
  issues[4] ("MB-5").fixedOn: only a fixed issue has "fixedOn"
  issues[5].ticket: Too small: expected string to have >=1 characters
  issues[5]: Unrecognized key: "html"
`,
    );
  });

  it('refuses a file that is not JSON, or of another version, and the build too', async () => {
    const broken = configWith('{ "version": 1, "issues": [');
    const notJson = await run('triage', seeds, '--config', broken);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^review-reports: cannot read the known-issues file .*known\.json: /);
    const future = await run(
      'build',
      seeds,
      '--config',
      configWith({ version: 2, issues: [] }),
      '--out',
      join(broken, '..', 'out'),
    );
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(
      /invalid known-issues file .*known\.json:\n {2}version: Invalid input: expected 1\n$/,
    );
  });
});
