import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/lib/decode-text.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import { readDump } from '../../src/lib/read-dump.ts';
import { readExportFile } from '../../src/lib/read-export-file.ts';
import { exportDir } from './support/export-dir.ts';

const seedFile = '002_d8a3bd381ac34934.txt';
const seed = readFileSync(new URL(`../fixtures/seeds/${seedFile}`, import.meta.url), 'utf8');
const seedBytes = readFileSync(new URL(`../fixtures/seeds/${seedFile}`, import.meta.url));
const crop = readFileSync(new URL('../fixtures/dumps/crop-review/input.txt', import.meta.url), 'utf8');
const latin1 = readFileSync(new URL('../fixtures/dumps/latin1/input.txt', import.meta.url));
const readme = readFileSync(new URL('../fixtures/dumps/not-a-dump/input.txt', import.meta.url));

describe('bad input gives a warning with file and line, and never throws', () => {
  it('reads bytes that are not UTF-8 as Windows-1252, naming the line of the first bad byte', () => {
    const { dump, warnings } = readExportFile(latin1, 'latin1.txt');
    expect(warnings).toEqual([
      {
        code: 'not-utf8',
        file: 'latin1.txt',
        line: 4,
        message: 'the file is not valid UTF-8; read it as Windows-1252 (Latin-1)',
      },
    ]);
    expect(dump?.description.subject).toBe('MB-28000: Café support in the key encoder');
    expect(dump?.messages.map((m) => m.author)).toEqual(['José Martínez', 'Dave Rigby']);
  });

  it('reads Windows-1252 characters that Latin-1 lacks', () => {
    const bytes = Buffer.concat([Buffer.from('DESCRIPTION:\n\nQuote \x93this\x94 \x80 5\n\nCOMMENTS\n', 'latin1')]);
    const { dump, warnings } = readExportFile(bytes, 'cp1252.txt');
    expect(dump?.description.subject).toBe('Quote \u201cthis\u201d \u20ac 5');
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['not-utf8', 3]]);
  });

  it('finds the line of an overlong or surrogate sequence, which look like UTF-8 but are not', () => {
    for (const bad of [
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf0, 0x80, 0x80, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xc0, 0xaf],
      [0xe2, 0x82],
    ]) {
      const bytes = Buffer.concat([Buffer.from('one\ntwo\nthree '), Buffer.from(bad), Buffer.from('\nfour\nfive\n')]);
      expect([bad, decodeText(bytes).fallback, decodeText(bytes).firstBadLine]).toEqual([bad, true, 3]);
    }
    expect(decodeText(Buffer.from('caf\u00e9 \u{1f600}\n')).fallback).toBe(false);
  });

  it('skips an empty file', () => {
    expect(readExportFile(new Uint8Array(0), 'empty.txt')).toEqual({
      dump: null,
      warnings: [{ code: 'empty', file: 'empty.txt', message: 'the file is empty; skipped' }],
    });
  });

  it('skips a whitespace-only file', () => {
    expect(readExportFile(Buffer.from(' \n\t\r\n  \n'), 'blank.txt')).toEqual({
      dump: null,
      warnings: [{ code: 'empty', file: 'blank.txt', message: 'the file is empty or holds only whitespace; skipped' }],
    });
  });

  it('skips a binary file', () => {
    const bytes = Buffer.concat([seedBytes.subarray(0, 200), Buffer.from([0, 0, 0, 1, 2, 3]), seedBytes.subarray(200)]);
    expect(readExportFile(bytes, 'core.bin')).toEqual({
      dump: null,
      warnings: [{ code: 'binary', file: 'core.bin', message: 'the file holds binary data, not text; skipped' }],
    });
  });

  it('keeps the messages of a truncated file and says where it ends', () => {
    const lines = seed.split('\n');
    const { dump, warnings } = readDump(lines.slice(0, 35).join('\n'), 'cut.txt');
    expect(warnings).toEqual([
      {
        code: 'truncated',
        file: 'cut.txt',
        line: 35,
        message: 'the last message (line 20) has no closing separator; kept what is there',
      },
    ]);
    expect(dump?.messages.map((m) => [m.author, m.text.split('\n').at(-1)])).toEqual([
      ['Trond Norbye', 'Uploaded patch set 4: Patch Set 3 was rebased.'],
      ['Build Bot', 'http://cv.jenkins.couchbase.com/job/kv_engine-threadsanitizer-master/3759/ : SUCCESS'],
    ]);
  });

  it('keeps the description of a file cut before its COMMENTS', () => {
    const { dump, warnings } = readDump(seed.split('\n').slice(0, 8).join('\n'), 'cut.txt');
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['truncated', 8]]);
    expect([dump?.description.subject, dump?.messages]).toEqual(['Refactor: Remove the use of sendmsg', []]);
  });

  it('keeps a message whose date does not parse, without a date', () => {
    const { dump, warnings } = readDump(seed.replace('2017-11-08 15:51:49.000000000', '2017-11-31 15:51:49'), 'd.txt');
    expect(warnings).toEqual([
      {
        code: 'bad-date',
        file: 'd.txt',
        line: 21,
        message: 'the date "2017-11-31 15:51:49" does not parse; the message is kept without a date',
      },
    ]);
    expect(dump?.messages.map((m) => [m.date, m.rawDate])).toEqual([
      ['2017-11-08T15:26:58.000Z', '2017-11-08 15:26:58.000000000'],
      [null, '2017-11-31 15:51:49'],
      ['2017-11-08T17:17:12.000Z', '2017-11-08 17:17:12.000000000'],
    ]);
  });

  it('skips a file that is not a dump', () => {
    expect(readExportFile(readme, 'README.md')).toEqual({
      dump: null,
      warnings: [
        {
          code: 'not-a-dump',
          file: 'README.md',
          line: 1,
          message:
            'expected a DESCRIPTION line, found "# kv_engine review export"; the file is not a review dump and was skipped',
        },
      ],
    });
  });

  it('reads text where the first author/date header should be as a message by nobody, with a warning', () => {
    const text = [
      'DESCRIPTION', // 1
      '',
      'Subject',
      '',
      'COMMENTS', // 5
      '',
      'stray text',
      '-------------------------------------',
      'author: A', // 9
      'date: 2018-01-01 00:00:00',
      '',
      'hi',
      '',
      '-------------------------------------',
      '',
    ].join('\n');
    const { dump, warnings } = readDump(text, 's.txt');
    expect(warnings).toEqual([
      {
        code: 'missing-header',
        file: 's.txt',
        line: 7,
        message: 'expected an author/date header, found "stray text"; kept the text as a message by an unknown author',
      },
    ]);
    expect(dump?.messages.map((m) => [m.author, m.date, m.text, m.position.line])).toEqual([
      ['', null, 'stray text', 7],
      ['A', '2018-01-01T00:00:00.000Z', 'hi', 9],
    ]);
  });

  it('takes a dash line followed by text, not a header, for message text (so the last message is truncated)', () => {
    const text =
      'DESCRIPTION\n\nSubject\n\nCOMMENTS\n\nauthor: A\ndate: 2018-01-01 00:00:00\n\nhi\n\n-------------------------------------\nstray text\n';
    const { dump, warnings } = readDump(text, 's.txt');
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['truncated', 13]]);
    expect(dump?.messages.map((m) => m.text)).toEqual(['hi\n\n-------------------------------------\nstray text']);
  });
});

describe('the reader reads these silently, as the clean file', () => {
  const clean = (text: string, file: string) => readExportFile(Buffer.from(text), file);
  for (const [name, text] of [
    ['seed', seed],
    ['crop', crop],
  ] as const) {
    it(`reads CRLF line ends (${name} layout)`, () => {
      expect(clean(text.replace(/\n/g, '\r\n'), 'f.txt')).toEqual(clean(text, 'f.txt'));
    });
    it(`reads a BOM (${name} layout)`, () => {
      expect(readExportFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'f.txt')).toEqual(
        clean(text, 'f.txt'),
      );
      expect(readDump(`\ufeff${text}`, 'f.txt')).toEqual(clean(text, 'f.txt'));
    });
    it(`reads trailing spaces and tabs (${name} layout)`, () => {
      expect(clean(text.replace(/\n/g, ' \t \n'), 'f.txt')).toEqual(clean(text, 'f.txt'));
    });
    it(`reads old Mac line ends (${name} layout)`, () => {
      expect(clean(text.replace(/\n/g, '\r'), 'f.txt')).toEqual(clean(text, 'f.txt'));
    });
  }
});

describe('parseExport on a folder of bad input', () => {
  const clean = readFileSync(new URL('../fixtures/dumps/crop-build/input.txt', import.meta.url), 'utf8');
  const root = exportDir({
    'README.md': readme,
    'empty.txt': '',
    'blank.txt': '  \n\n',
    'core.bin': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]),
    'latin1.txt': latin1,
    'nested/seed.txt': seed,
    'nested/copy-of-seed.txt': seed,
    'no-id.txt': readFileSync(new URL('../fixtures/dumps/no-change-id/input.txt', import.meta.url)),
    'windows.txt': `\ufeff${clean.replace(/\n/g, '  \r\n')}`,
    '.hidden/ignored.txt': 'not read',
  });
  const model = parseExport(root);

  it('reads every file, warns about each bad one with file and line, and keeps the rest', () => {
    expect(model.files).toBe(9);
    expect(model.warnings.map((w) => [w.code, w.file, w.line])).toEqual([
      ['not-a-dump', 'README.md', 1],
      ['empty', 'blank.txt', undefined],
      ['binary', 'core.bin', undefined],
      ['empty', 'empty.txt', undefined],
      ['not-utf8', 'latin1.txt', 4],
      ['duplicate-dump', 'nested/seed.txt', undefined],
      ['no-change-id', 'no-id.txt', 3],
    ]);
  });

  it('counts the messages of a dump present twice once', () => {
    const change = model.changes.find((c) => c.id === 'I6418b9a8557b4ac978218706243e97523f95355d');
    expect([change?.files, change?.messages.length, change?.builds.length]).toEqual([
      ['nested/copy-of-seed.txt', 'nested/seed.txt'],
      3,
      2,
    ]);
    expect(model.warnings.find((w) => w.code === 'duplicate-dump')?.message).toBe(
      'the dump repeats nested/copy-of-seed.txt; its messages are counted once',
    );
  });

  it('still makes a change of a dump without Change-Id', () => {
    const change = model.changes.find((c) => c.files.includes('no-id.txt'));
    expect(change?.id).toMatch(/^nochangeid-[0-9a-f]{12}$/);
    expect([change?.subject, change?.owner, change?.patchSets, change?.messages.length]).toEqual([
      'Quick fix for the build',
      'Trond Norbye',
      [1],
      2,
    ]);
    expect(model.warnings.find((w) => w.code === 'no-change-id')?.message).toBe(
      `the commit message has no Change-Id footer; the dump is reported as change ${change?.id}`,
    );
  });

  it('reads the CRLF, BOM and trailing-space copy as the clean dump', () => {
    const windows = model.changes.find((c) => c.files.includes('windows.txt'));
    const reference = parseExport(exportDir({ 'windows.txt': clean })).changes[0];
    // Only the digest of the bytes, which caches compare, tells them apart.
    expect(windows?.digest).not.toBe(reference?.digest);
    expect(windows).toEqual({ ...reference, digest: windows?.digest });
  });

  it('throws only when the directory cannot be read', () => {
    expect(() => parseExport(`${root}/does-not-exist`)).toThrow(/ENOENT/);
  });

  describe('a file cut inside its last line', () => {
    const separator = '-------------------------------------';
    const closed = `DESCRIPTION\n\nSubject\n\nCOMMENTS\n\nauthor: A\ndate: 2018-01-01 00:00:00\n\nhi\n${separator}\nauthor: B\ndate: 2018-01-01 00:01:00\n\nho\n`;

    it('is not truncated when every message is closed and the last line ends', () => {
      expect(readDump(`${closed}${separator}\n`, 's.txt').warnings).toEqual([]);
      // Blanks after the last line break are not a cut line.
      expect(readDump(`${closed}${separator}\r\n  \t`, 's.txt').warnings).toEqual([]);
    });

    it('is truncated when the last line has no line break after it', () => {
      const { dump, warnings } = readDump(`${closed}${separator}`, 's.txt');
      expect(warnings).toEqual([
        {
          code: 'truncated',
          file: 's.txt',
          line: 16,
          message: 'the file ends inside its last line (no line break after it); kept what is there',
        },
      ]);
      expect(dump?.messages.map((m) => m.text)).toEqual(['hi', 'ho']);
    });

    it('is truncated when its closing separator is shorter than the others', () => {
      const { dump, warnings } = readDump(`${closed}${separator.slice(0, 12)}\n`, 's.txt');
      expect(warnings).toEqual([
        {
          code: 'truncated',
          file: 's.txt',
          line: 16,
          message: 'the closing separator has 12 dashes where the others have 37: the file was cut; kept what is there',
        },
      ]);
      expect(dump?.messages.map((m) => m.text)).toEqual(['hi', 'ho']);
    });

    it('says so once when the last message is also unclosed', () => {
      const { warnings } = readDump(closed.trimEnd(), 's.txt');
      expect(warnings.map((w) => [w.code, w.line, w.message])).toEqual([
        ['truncated', 15, 'the last message (line 12) has no closing separator; kept what is there'],
      ]);
    });
  });
});
