import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../../src/lib/parse-export.ts';

/**
 * Gerrit JSON export cases, written from Gerrit's documentation (`cmd-query.txt`, `json.txt`, `rest-api.txt`,
 * `rest-api-changes.txt`; see `test/fixtures/gerrit/README.md`): `<case>/export/` is parsed whole and must give
 * `<case>/expected.json`: every change as the model holds it, and every warning. A missing expected file is
 * written on first run and `UPDATE=1` rewrites them all: read every written file before committing it.
 */
const root = new URL('../fixtures/gerrit/', import.meta.url);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('Gerrit JSON export fixtures', () => {
  it('has every case the readers must handle', () => {
    expect(cases).toEqual([
      'both-forms',
      'error-line',
      'missing-last-page',
      'query-paged',
      'rest-detail',
      'rest-paged',
      'truncated',
      'zuul-opendev',
    ]);
  });

  for (const name of cases) {
    it(`reads ${name}/export as ${name}/expected.json says`, () => {
      const model = parseExport(fileURLToPath(new URL(`${name}/export`, root)));
      const actual = JSON.parse(JSON.stringify({ changes: model.changes, warnings: model.warnings }));
      const expectedFile = new URL(`${name}/expected.json`, root);
      if (process.env.UPDATE === '1' || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
