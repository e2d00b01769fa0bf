import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/lib/build-model.ts';
import type { ReadDumpResult } from '../../src/lib/read-dump.ts';
import { readDump } from '../../src/lib/read-dump.ts';
import { readExportFile } from '../../src/lib/read-export-file.ts';
import { type WrittenDump, type WrittenInlineComment, writeCrop, writeSeed } from './support/write-dump.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const realDumps = [
  fixture('seeds/000_202c1d9e46778b0e.txt'),
  fixture('seeds/001_b71f2421c40570d5.txt'),
  fixture('seeds/002_d8a3bd381ac34934.txt'),
  fixture('dumps/crop-review/input.txt'),
  fixture('dumps/crop-build/input.txt'),
];

/** How the reader documents message text: trailing whitespace of each line and blank lines around it dropped. */
function normalize(text: string): string {
  const lines = text.split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

// Lines a writer never puts inside message text without meaning them as structure: a `date:` line (which
// would make a preceding `author:` line a header), inline comment lines and the mismatched marker.
const structural = /^(?:date:|Line:\s*\d+,|File Comment:|MISMATCHED INLINE COMMENT$)/i;

const plainLine = fc
  .string({
    unit: fc.constantFrom(
      'a',
      'Z',
      ' ',
      '\t',
      '-',
      '=',
      ':',
      '>',
      '(',
      ')',
      '#',
      '1',
      '9',
      'é',
      '\u00a0',
      '\u2028',
      '🙂',
    ),
    maxLength: 30,
  })
  .filter((line) => !structural.test(line));
const anyLine = fc
  .string({ unit: 'grapheme', maxLength: 30 })
  .filter((line) => !/[\r\n]/.test(line) && !structural.test(line));
const trickyLine = fc.oneof(
  fc.integer({ min: 1, max: 130 }).map((n) => '-'.repeat(n)),
  fc.constantFrom('-'.repeat(37), '-'.repeat(118), '='.repeat(118), '', '   ', '\t'),
  fc.constantFrom('Author: Trond Norbye', 'author: someone', 'Message: hello', 'message:', 'COMMENTS', 'DESCRIPTION'),
  fc.constantFrom('Patch Set 3: Code-Review+2', 'Build Failed ', '(2 comments)', 'Uploaded patch set 4.'),
);
const textLine = fc.oneof(plainLine, anyLine, trickyLine);
const text = fc.array(textLine, { maxLength: 12 }).map((lines) => lines.join('\n'));
const author = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .map((name) => name.trim())
  .filter((name) => name !== '' && !/[\r\n]/.test(name));
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => ({ raw: `${d.toISOString().slice(0, 23).replace('T', ' ')}000000`, iso: d.toISOString() }));
const path = fc
  .string({ unit: fc.constantFrom('a', 'b', '/', '.', '_', '-', ' ', '>', 'é'), minLength: 1, maxLength: 20 })
  .map((p) => p.trim())
  // ` ->` in a path would make `path -> text` ambiguous; no real path holds it.
  .filter((p) => p !== '' && !p.includes(' ->'));
const inlineComment: fc.Arbitrary<WrittenInlineComment> = fc.oneof(
  fc.record({ path, line: fc.integer({ min: 1, max: 99999 }), text }),
  fc.record({ path, text }),
);
const generatedMessage = fc.record({ author, date, text, inline: fc.array(inlineComment, { maxLength: 3 }) });

const description =
  'MB-12345: Generated change [1/2]\n\nA body line.\n\nChange-Id: I0000000000000000000000000000000000000001';
type Generated = { author: string; date: { raw: string; iso: string }; text: string; inline: WrittenInlineComment[] };

function checkRead(result: ReadDumpResult, layout: 'crop' | 'seed', messages: Generated[], headers: number[]) {
  expect(result.warnings).toEqual([]);
  expect(result.dump?.layout).toBe(layout);
  expect(result.dump?.description.changeId).toBe('I0000000000000000000000000000000000000001');
  expect(
    result.dump?.messages.map((m) => ({
      author: m.author,
      date: m.date,
      text: m.text,
      line: m.position.line,
      inline: m.inlineComments.map((c) => ({ path: c.path, line: c.line, text: c.text })),
    })),
  ).toEqual(
    messages.map((m, k) => ({
      author: m.author,
      date: m.date.iso,
      text: normalize(m.text),
      line: headers[k],
      inline: m.inline.map((c) => ({ path: c.path, line: c.line, text: normalize(c.text) })),
    })),
  );
}

describe('readDump never loses a message', () => {
  it('returns exactly the written messages, with authors, dates, texts and lines (seed layout)', () => {
    fc.assert(
      fc.property(
        fc.array(
          generatedMessage.map((m) => ({ ...m, inline: [] })),
          { maxLength: 8 },
        ),
        (messages) => {
          const headers: number[] = [];
          const dump: WrittenDump = {
            description,
            messages: messages.map((m) => ({ author: m.author, date: m.date.raw, text: m.text })),
          };
          checkRead(readDump(writeSeed(dump, headers), 'gen.txt'), 'seed', messages, headers);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns exactly the written messages and inline comments, mismatched blocks included (CROP layout)', () => {
    fc.assert(
      fc.property(
        fc.array(generatedMessage, { maxLength: 8 }),
        fc.array(fc.record({ author, date, comment: inlineComment }), { maxLength: 2 }),
        (messages, mismatched) => {
          const headers: number[] = [];
          const dump: WrittenDump = {
            description,
            messages: messages.map((m) => ({
              author: m.author,
              date: m.date.raw,
              text: m.text,
              inlineComments: m.inline,
            })),
            mismatched: mismatched.map((m) => ({ author: m.author, date: m.date.raw, comment: m.comment })),
          };
          const result = readDump(writeCrop(dump, headers), 'gen.txt');
          const expected = [...messages, ...mismatched.map((m) => ({ ...m, text: '', inline: [m.comment] }))];
          checkRead(result, 'crop', expected, headers);
          expect(result.dump?.messages.map((m) => m.mismatched)).toEqual(expected.map((_, k) => k >= messages.length));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes "Gerrit Code Review" for a message by no author, and reads it back', () => {
    const text = writeCrop({ description, messages: [{ author: '', date: '2018-01-01 00:00:00', text: 'merged' }] });
    expect(readDump(text, 'gen.txt').dump?.messages.map((m) => m.author)).toEqual(['Gerrit Code Review']);
  });
});

describe('readDump never throws', () => {
  const check = (input: string) => {
    const result = readDump(input, 'x.txt');
    for (const warning of result.warnings) expect(warning.file).toBe('x.txt');
    // The rest of the pipeline must take whatever the reader gives it.
    if (result.dump) buildModel([result.dump], result.warnings, { files: 1, bytes: input.length });
  };

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), check), { numRuns: 300 });
  });

  it('on strings made of dump-like lines', () => {
    const dumpLine = fc.oneof(
      textLine,
      fc.constantFrom(
        'DESCRIPTION:',
        'COMMENTS',
        'Author: A',
        'author: B',
        'Date: 2018-05-25 19:57:19.000000000',
        'date: nonsense',
        'Message: ',
        'Line:12, a.cc -> x',
        'File Comment: a.cc -> y',
        'MISMATCHED INLINE COMMENT',
        'Change-Id: I1',
        'Build Failed',
        'http://cv.jenkins.couchbase.com/job/kv_engine-linux-master/1/ : FAILURE',
        'Failure of a GoogleTest ( http://cv.jenkins.couchbase.com/job/kv_engine-linux-master/1/ )',
        'Compile error at a.cc:1:2:',
      ),
    );
    fc.assert(
      fc.property(fc.array(dumpLine, { maxLength: 60 }), (lines) => check(lines.join('\n'))),
      { numRuns: 300 },
    );
  });

  type Mutation = { kind: 'insert' | 'delete' | 'duplicate'; at: number; line: string };
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom('insert' as const, 'delete' as const, 'duplicate' as const),
    at: fc.nat(),
    line: textLine,
  });

  it('on real dumps with lines inserted, deleted or duplicated, CRLF line ends and a BOM', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...realDumps),
        fc.array(mutation, { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (source, mutations, crlf, bom) => {
          const lines = source.split('\n');
          for (const { kind, at, line } of mutations) {
            const k = at % (lines.length + 1);
            if (kind === 'insert') lines.splice(k, 0, line);
            else if (kind === 'delete') lines.splice(k, 1);
            else if (k < lines.length) lines.splice(k, 0, lines[k] as string);
          }
          const joined = lines.join(crlf ? '\r\n' : '\n');
          check(bom ? `\ufeff${joined}` : joined);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on real dumps with random bytes, through readExportFile', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...realDumps),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
        fc.nat(),
        (source, edits, cut) => {
          const bytes = Buffer.from(source, 'utf8');
          for (const { at, byte } of edits) bytes[at % bytes.length] = byte;
          const truncated = bytes.subarray(0, bytes.length - (cut % 200));
          const result = readExportFile(truncated, 'x.txt');
          for (const warning of result.warnings) expect(warning.file).toBe('x.txt');
          buildModel(result.dump ? [result.dump] : [], result.warnings, { files: 1, bytes: truncated.length });
        },
      ),
      { numRuns: 300 },
    );
  });
});
