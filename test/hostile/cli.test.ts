import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { formatWarning } from '../../src/lib/format-warning.ts';
import { expectedWarningLines, warningLines } from './support/expected-warnings.ts';
import { writeHostileExport } from './support/hostile-export.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-hostile-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const hostile = writeHostileExport(join(work, 'export'));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('the CLI on the hostile export', () => {
  it('check: names every bad file (and line), one line each, and exits 1', async () => {
    const { code, stdout, stderr } = await run('check', hostile, '--quiet');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      ...expectedWarningLines,
      '26 files, 18 changes, 39 failures, 39 signatures, 21 warnings',
      '',
    ]);
  });

  it('parse: prints the model on stdout with every warning in it, warnings on stderr, and exits 0', async () => {
    const { code, stdout, stderr } = await run('parse', hostile, '--quiet');
    expect(code).toBe(0);
    expect(warningLines(stderr)).toEqual(expectedWarningLines);
    const json = JSON.parse(stdout) as {
      changes: unknown[];
      warnings: Array<{ file: string; line?: number; code: string }>;
    };
    expect(json.changes).toHaveLength(18);
    expect(json.warnings.map((warning) => [warning.file, warning.line, warning.code])).toEqual([
      ['hostile/\u001b[31mred\u001b[0m.txt', 1, 'not-a-dump'],
      ['hostile/"><img src=x onerror=alert(1)>.txt', 1, 'not-a-dump'],
      ['hostile/README.md', 1, 'not-a-dump'],
      ['hostile/bad-date.txt', 10, 'bad-date'],
      ['hostile/bad-date.txt', 16, 'bad-date'],
      ['hostile/bad-date.txt', 24, 'bad-date'],
      ['hostile/bad-date.txt', 30, 'bad-date'],
      ['hostile/change-id-dotdot.txt', 3, 'bad-change-id'],
      ['hostile/change-id-markup.txt', 3, 'bad-change-id'],
      ['hostile/change-id-number.txt', 3, 'bad-change-id'],
      ['hostile/change-id-percent.txt', 3, 'bad-change-id'],
      ['hostile/change-id-rtl.txt', 3, 'bad-change-id'],
      ['hostile/change-id-slug.txt', 3, 'bad-change-id'],
      ['hostile/core.bin', undefined, 'binary'],
      ['hostile/empty.txt', undefined, 'empty'],
      ['hostile/evil\u202etxt.exe', 1, 'not-a-dump'],
      ['hostile/latin1.txt', 4, 'not-utf8'],
      ['hostile/no-change-id.txt', 3, 'no-change-id'],
      ['hostile/review.txt', undefined, 'duplicate-dump'],
      ['hostile/truncated.txt', 20, 'truncated'],
      ['hostile/whitespace-only.txt', undefined, 'empty'],
    ]);
  });

  it('parse --strict: the same output, and exit 1', async () => {
    const { code, stderr } = await run('parse', hostile, '--strict', '--quiet');
    expect(code).toBe(1);
    expect(warningLines(stderr)).toEqual(expectedWarningLines);
  });

  it('build --strict: names every warning, builds nothing and exits 1', async () => {
    const out = join(work, 'strict-dist');
    const { code, stdout, stderr } = await run('build', hostile, '--out', out, '--strict', '--quiet');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      ...expectedWarningLines,
      'review-reports: 21 warnings and --strict: not building',
      '',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('build --strict, as a program: exit status 1, every warning named on stderr, nothing built', () => {
    const out = join(work, 'strict-process-dist');
    const bin = fileURLToPath(new URL('../../bin/review-reports.mjs', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'build', hostile, '--out', out, '--strict', '--quiet'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect([result.status, result.stdout, warningLines(result.stderr)]).toEqual([1, '', expectedWarningLines]);
    expect(result.stderr).toContain('review-reports: 21 warnings and --strict: not building\n');
    expect(existsSync(out)).toBe(false);
  });

  it('check: a clean export passes, so exit 1 above is the warnings', async () => {
    const clean = writeHostileExport(join(work, 'clean'), { big: false, seeds: true, generated: 3 });
    rmSync(join(clean, 'hostile'), { recursive: true });
    const { code, stderr } = await run('check', clean, '--quiet');
    expect([code, warningLines(stderr)]).toEqual([0, []]);
  });

  it('writes control and bidi characters from the input as \\u escapes, so a warning is one plain line', () => {
    const warning = { code: 'empty' as const, file: 'a\nb\u001b[2J\u202e\u0085.txt', line: 2, message: 'x\ry' };
    expect(formatWarning(warning)).toBe(String.raw`a\u000ab\u001b[2J\u202e\u0085.txt:2: warning: x\u000dy [empty]`);
  });
});
