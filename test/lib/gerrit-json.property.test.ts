import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectExportFormat } from '../../src/lib/detect-export-format.ts';
import { readGerritQuery } from '../../src/lib/read-gerrit-query.ts';
import { readGerritRest } from '../../src/lib/read-gerrit-rest.ts';
import { readLines } from '../../src/lib/read-lines.ts';
import { splitJsonElements } from '../../src/lib/split-json-elements.ts';
import { exportDir } from './support/export-dir.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/gerrit/${path}`, import.meta.url), 'utf8');
const realLines = [
  ...fixture('query-paged/export/page-1.json').split('\n'),
  ...fixture('error-line/export/export.json').split('\n'),
];
const realPage = fixture('rest-paged/export/changes-S0.json');

// JSON-ish lines: real change lines cut and spliced, arbitrary JSON values, and arbitrary text.
const line = fc.oneof(
  fc.constantFrom(...realLines),
  fc
    .tuple(fc.constantFrom(...realLines), fc.nat(), fc.nat())
    .map(([text, a, b]) => text.slice(Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1))),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.object().map((value) => JSON.stringify({ id: 'Iabc', ...value })),
  fc.object().map((value) => JSON.stringify({ change_id: 'Iabc', ...value })),
  fc
    .record({
      type: fc.constantFrom('stats', 'error'),
      message: fc.anything(),
      rowCount: fc.anything(),
      moreChanges: fc.anything(),
    })
    .map((value) => JSON.stringify(value)),
  fc.string(),
);

describe('the Gerrit JSON readers on arbitrary input', () => {
  it('readGerritQuery never throws, and every line it skips is a warning naming its line', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (texts, terminated) => {
        const lines = texts.map((text, index) => ({
          text,
          line: index + 1,
          terminated: terminated || index < texts.length - 1,
        }));
        const result = readGerritQuery(lines, 'q.json');
        for (const warning of result.warnings) {
          expect(warning.file).toBe('q.json');
          expect(warning.line === undefined || (warning.line >= 1 && warning.line <= texts.length)).toBe(true);
        }
        for (const dump of result.dumps) expect(typeof dump.description.changeId).toBe('string');
        // A stats or error line is never a change.
        const changeLines = new Set(result.dumps.map((dump) => dump.description.position.line));
        texts.forEach((text, index) => {
          if (/^\{"type":"(?:stats|error)"/.test(text)) expect(changeLines.has(index + 1)).toBe(false);
        });
      }),
    );
  });

  it('readGerritRest never throws on any text, cut-off pages included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat({ max: realPage.length }).map((end) => realPage.slice(0, end)),
          fc
            .tuple(fc.nat({ max: realPage.length }), fc.string())
            .map(([at, text]) => realPage.slice(0, at) + text + realPage.slice(at)),
          fc.jsonValue().map((value) => `)]}'\n${JSON.stringify(value)}`),
          fc.string(),
        ),
        (text) => {
          const result = readGerritRest(text, 'r.json');
          for (const warning of result.warnings) expect(warning.file).toBe('r.json');
        },
      ),
    );
  });

  it('splitJsonElements cuts a JSON array into exactly its values, each parsing to the same value', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 6 }), fc.boolean(), (values, pretty) => {
        const text = JSON.stringify(values, null, pretty ? 2 : undefined);
        const split = splitJsonElements(text);
        expect(split.truncated).toBe(false);
        expect(split.trailingLine).toBeUndefined();
        // Compared with the text parsed whole: JSON has no -0, so `values` itself may differ from any JSON of it.
        expect(split.elements.map((element) => JSON.parse(element.text))).toEqual(JSON.parse(text));
        const lines = text.split('\n');
        for (const element of split.elements) {
          expect(lines[element.line - 1]?.includes(element.text.split('\n')[0] as string)).toBe(true);
        }
      }),
    );
  });

  it('readLines gives the same lines whatever the chunk size, a cut-off last line marked', () => {
    const text = `${realLines.join('\r\n')}\nlast line without end`;
    const root = exportDir({ 'lines.json': text });
    const expected = text.split('\n').map((value, index, all) => ({
      text: value.replace(/\r$/, ''),
      line: index + 1,
      terminated: index < all.length - 1,
    }));
    for (const chunkSize of [1, 2, 7, 64, 1 << 20]) {
      const fd = openSync(join(root, 'lines.json'), 'r');
      try {
        const lines = [...readLines(fd, chunkSize)].map(({ bytes, line, terminated }) => ({
          text: bytes.toString('utf8'),
          line,
          terminated,
        }));
        expect(lines, `chunks of ${chunkSize}`).toEqual(expected);
      } finally {
        closeSync(fd);
      }
    }
  });

  it('detectExportFormat tells the forms from their first bytes', () => {
    const detect = (text: string) => detectExportFormat(Buffer.from(text));
    expect(
      [
        ")]}'\n[]",
        '\ufeff  [{"change_id":"I1"}]',
        '{\n  "change_id": "I1"\n}\n',
        '{"id":"I1","number":1}\n{"type":"stats","rowCount":1}\n',
        '{"id":"I1"',
        '=====\nDESCRIPTION:\n',
        'DESCRIPTION\n',
        '',
        ')]} not a guard',
      ].map(detect),
    ).toEqual([
      'gerrit-rest',
      'gerrit-rest',
      'gerrit-rest',
      'gerrit-query',
      'gerrit-query',
      'text',
      'text',
      'text',
      'text',
    ]);
  });
});
