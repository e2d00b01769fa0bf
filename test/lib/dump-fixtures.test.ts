import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExportFile } from '../../src/lib/read-export-file.ts';

/**
 * Fixture pairs: `test/fixtures/dumps/<case>/input.txt` is read through `readExportFile` (bytes in, so the
 * encoding cases are real) and must give `expected.json`, the whole result with every position. A missing
 * expected file is written on first run and `UPDATE=1` rewrites them all: read every written file before
 * committing it, it must be what the reader should say, not just what it says.
 */
const root = new URL('../fixtures/dumps/', import.meta.url);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function expectedOf(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${name}/expected.json`, root), 'utf8'));
}

describe('dump fixtures', () => {
  it('has every case the reader must handle', () => {
    expect(cases).toEqual([
      'bad-date',
      'binary',
      'crlf-bom-trailing',
      'crop-build',
      'crop-review',
      'empty',
      'latin1',
      'no-change-id',
      'not-a-dump',
      'seed-dash-line',
      'truncated',
      'whitespace-only',
    ]);
  });

  for (const name of cases) {
    it(`reads ${name}/input.txt as ${name}/expected.json says`, () => {
      const bytes = readFileSync(new URL(`${name}/input.txt`, root));
      const actual = JSON.parse(JSON.stringify(readExportFile(bytes, 'input.txt')));
      const expectedFile = new URL(`${name}/expected.json`, root);
      if (process.env.UPDATE === '1' || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(expectedOf(name));
    });
  }

  it('reads CRLF line ends, a BOM and trailing spaces silently, as the clean file', () => {
    expect(expectedOf('crlf-bom-trailing')).toEqual(expectedOf('crop-build'));
  });
});
