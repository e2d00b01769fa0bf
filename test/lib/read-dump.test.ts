import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/lib/parse-date.ts';
import { parseDescription } from '../../src/lib/parse-description.ts';
import { readDump } from '../../src/lib/read-dump.ts';
import { cropSeparator, seedSeparator, writeCrop, writeSeed } from './support/write-dump.ts';

const description = 'MB-1234: Subject line\n\nBody.\n\nChange-Id: I00000000000000000000000000000000000000aa';

describe('readDump: the CROP layout', () => {
  it('reads the exact output of the CROP writer: messages, inline comments, file comments, mismatched blocks', () => {
    const text = writeCrop({
      description,
      messages: [
        { author: 'Trond Norbye', date: '2018-05-25 19:57:19.000000000', text: 'Uploaded patch set 1.' },
        {
          author: 'Dave Rigby',
          date: '2018-05-25 20:00:00.000000000',
          text: 'Patch Set 1: Code-Review-1\n\n(2 comments)',
          inlineComments: [
            { path: 'daemon/cookie.cc', line: 12, text: 'Leaks on the error path.\nSee line 40 too.' },
            { path: 'daemon/cookie.h', text: 'Missing licence header.' },
          ],
        },
        {
          author: '',
          date: '2018-05-25 21:00:00.000000000',
          text: 'Change has been successfully merged by Dave Rigby',
        },
      ],
      mismatched: [
        {
          author: 'Jim Walker',
          date: '2018-05-25 20:30:00.000000000',
          comment: { path: 'daemon/old.cc', line: 3, text: 'Stale.' },
        },
      ],
    });
    const { dump, warnings } = readDump(text, 'crop.txt');
    expect(warnings).toEqual([]);
    expect(dump?.layout).toBe('crop');
    expect(dump?.description.position).toEqual({ file: 'crop.txt', line: 3 });
    expect(dump?.messages).toEqual([
      {
        author: 'Trond Norbye',
        date: '2018-05-25T19:57:19.000Z',
        rawDate: '2018-05-25 19:57:19.000000000',
        text: 'Uploaded patch set 1.',
        textLine: 14,
        inlineComments: [],
        mismatched: false,
        position: { file: 'crop.txt', line: 11 },
      },
      {
        author: 'Dave Rigby',
        date: '2018-05-25T20:00:00.000Z',
        rawDate: '2018-05-25 20:00:00.000000000',
        text: 'Patch Set 1: Code-Review-1\n\n(2 comments)',
        textLine: 20,
        inlineComments: [
          {
            path: 'daemon/cookie.cc',
            line: 12,
            text: 'Leaks on the error path.\nSee line 40 too.',
            position: { file: 'crop.txt', line: 24 },
          },
          { path: 'daemon/cookie.h', text: 'Missing licence header.', position: { file: 'crop.txt', line: 27 } },
        ],
        mismatched: false,
        position: { file: 'crop.txt', line: 17 },
      },
      {
        author: 'Gerrit Code Review',
        date: '2018-05-25T21:00:00.000Z',
        rawDate: '2018-05-25 21:00:00.000000000',
        text: 'Change has been successfully merged by Dave Rigby',
        textLine: 33,
        inlineComments: [],
        mismatched: false,
        position: { file: 'crop.txt', line: 30 },
      },
      {
        author: 'Jim Walker',
        date: '2018-05-25T20:30:00.000Z',
        rawDate: '2018-05-25 20:30:00.000000000',
        text: '',
        textLine: 39,
        inlineComments: [{ path: 'daemon/old.cc', line: 3, text: 'Stale.', position: { file: 'crop.txt', line: 40 } }],
        mismatched: true,
        position: { file: 'crop.txt', line: 36 },
      },
    ]);
  });

  it('keeps a dash line inside a message as text, and ends the message at the 37 dashes', () => {
    const text = writeCrop({
      description,
      messages: [
        { author: 'A', date: '2018-01-01 00:00:00', text: `before\n${cropSeparator}\nafter\n\n${'-'.repeat(80)}` },
        { author: 'B', date: '2018-01-01 00:01:00', text: 'next' },
      ],
    });
    expect(readDump(text, 'f.txt').dump?.messages.map((m) => [m.author, m.text])).toEqual([
      ['A', `before\n${cropSeparator}\nafter\n\n${'-'.repeat(80)}`],
      ['B', 'next'],
    ]);
  });

  it('keeps an Author: line inside a message as text', () => {
    const text = writeCrop({
      description,
      messages: [
        { author: 'A', date: '2018-01-01 00:00:00', text: 'Forwarded:\nAuthor: Someone\nauthor: else\n\nend' },
      ],
    });
    const { dump, warnings } = readDump(text, 'f.txt');
    expect(warnings).toEqual([]);
    expect(dump?.messages.map((m) => m.text)).toEqual(['Forwarded:\nAuthor: Someone\nauthor: else\n\nend']);
  });

  it('keeps an author/date pair inside a message as text when no separator comes before it', () => {
    const text = writeCrop({
      description,
      messages: [
        { author: 'A', date: '2018-01-01 00:00:00', text: 'quoted:\nauthor: B\ndate: 2017-01-01 00:00:00\nend' },
      ],
    });
    expect(readDump(text, 'f.txt').dump?.messages.map((m) => [m.author, m.text])).toEqual([
      ['A', 'quoted:\nauthor: B\ndate: 2017-01-01 00:00:00\nend'],
    ]);
  });

  it('reads headers and inline comments that hold a Unicode line separator (U+2028), which is not a line end', () => {
    const text = writeCrop({
      description,
      messages: [
        {
          author: 'Jos\u2028é',
          date: '2018-01-01 00:00:00',
          text: 'pasted\u2028text',
          inlineComments: [{ path: 'a.cc', line: 3, text: 'one\u2028two' }],
        },
      ],
    });
    const { dump, warnings } = readDump(text, 'f.txt');
    expect(warnings).toEqual([]);
    expect(dump?.messages.map((m) => [m.author, m.text, m.inlineComments.map((c) => c.text)])).toEqual([
      ['Jos\u2028é', 'pasted\u2028text', ['one\u2028two']],
    ]);
  });

  it('reads a dump with no messages', () => {
    expect(readDump(writeCrop({ description, messages: [] }), 'f.txt')).toEqual({
      dump: {
        file: 'f.txt',
        layout: 'crop',
        description: parseDescription(description, { file: 'f.txt', line: 3 }),
        messages: [],
      },
      warnings: [],
    });
  });
});

describe('readDump: the seed layout', () => {
  it('reads Author/Date/Message blocks between dash lines', () => {
    const text = writeSeed({
      description,
      messages: [
        { author: 'Trond Norbye', date: '2018-05-25 19:57:19.000000000', text: 'Uploaded patch set 1.' },
        {
          author: 'Build Bot',
          date: '2018-05-25 20:00:00.000000000',
          text: 'Patch Set 1: Verified+1\n\nBuild Successful ',
        },
      ],
    });
    const { dump, warnings } = readDump(text, 'seed.txt');
    expect(warnings).toEqual([]);
    expect(dump?.layout).toBe('seed');
    expect(dump?.description.position).toEqual({ file: 'seed.txt', line: 4 });
    expect(dump?.messages.map((m) => [m.author, m.date, m.text, m.position.line, m.textLine])).toEqual([
      ['Trond Norbye', '2018-05-25T19:57:19.000Z', 'Uploaded patch set 1.', 13, 16],
      ['Build Bot', '2018-05-25T20:00:00.000Z', 'Patch Set 1: Verified+1\n\nBuild Successful', 18, 21],
    ]);
  });

  it('reads text that starts on the Message: line', () => {
    const text = `DESCRIPTION:\nSubject\nCOMMENTS\nAuthor: A\nDate: 2018-01-01 00:00:00\nMessage: Patch Set 2: Code-Review+1\n${seedSeparator}\n`;
    expect(readDump(text, 'f.txt').dump?.messages.map((m) => [m.text, m.textLine])).toEqual([
      ['Patch Set 2: Code-Review+1', 6],
    ]);
  });

  it('keeps a dash line that is not followed by a header, and a fake Author: line, as message text', () => {
    const body = `Quoting the log:\n${'-'.repeat(40)}\nAuthor: not a header\n${seedSeparator}\nstill the same message`;
    const text = writeSeed({
      description,
      messages: [
        { author: 'A', date: '2018-01-01 00:00:00', text: body },
        { author: 'B', date: '2018-01-01 00:01:00', text: 'second' },
      ],
    });
    expect(readDump(text, 'f.txt').dump?.messages.map((m) => [m.author, m.text])).toEqual([
      ['A', body],
      ['B', 'second'],
    ]);
  });

  it('reads a seed-layout dump without rulers', () => {
    const text =
      'DESCRIPTION:\n\nSubject\n\nCOMMENTS\nAuthor: A\nDate: 2018-01-01 00:00:00\nMessage: \nhi\n----------\n';
    const { dump, warnings } = readDump(text, 'f.txt');
    expect([warnings, dump?.layout, dump?.description.subject, dump?.messages.map((m) => m.text)]).toEqual([
      [],
      'seed',
      'Subject',
      ['hi'],
    ]);
  });

  it('does not end the description at a COMMENTS line of the commit message', () => {
    const text = writeSeed({
      description: 'Subject\n\nCOMMENTS\nare now stored per vbucket.\n\nChange-Id: I1',
      messages: [{ author: 'A', date: '2018-01-01 00:00:00', text: 'hi' }],
    });
    const { dump } = readDump(text, 'f.txt');
    expect([dump?.description.body, dump?.description.changeId, dump?.messages.length]).toEqual([
      'COMMENTS\nare now stored per vbucket.',
      'I1',
      1,
    ]);
  });
});

describe('parseDescription', () => {
  it('reads subject, body, Change-Id, tickets and series position', () => {
    expect(
      parseDescription(
        '\nMB-26887: Remove the use of sendmsg [4/7]\n\nFixes MB-26887 and MB-1000; see also CBSE-42.\n\nChange-Id: Iabc\nReviewed-on: http://review.couchbase.org/94121',
        { file: 'f.txt', line: 3 },
      ),
    ).toEqual({
      subject: 'MB-26887: Remove the use of sendmsg [4/7]',
      body: 'Fixes MB-26887 and MB-1000; see also CBSE-42.\n\nReviewed-on: http://review.couchbase.org/94121',
      text: '\nMB-26887: Remove the use of sendmsg [4/7]\n\nFixes MB-26887 and MB-1000; see also CBSE-42.\n\nChange-Id: Iabc\nReviewed-on: http://review.couchbase.org/94121',
      changeId: 'Iabc',
      tickets: ['MB-26887', 'MB-1000', 'CBSE-42'],
      series: { index: 4, total: 7 },
      position: { file: 'f.txt', line: 4 },
    });
  });

  it('ignores a series marker that is not a position', () => {
    expect(parseDescription('Fix [0/3] and [5/3]', { file: 'f', line: 1 }).series).toBeUndefined();
    expect(parseDescription('[2/3] Fix', { file: 'f', line: 1 }).series).toEqual({ index: 2, total: 3 });
  });

  it('reads an empty commit message', () => {
    expect(parseDescription('', { file: 'f', line: 2 })).toEqual({
      subject: '',
      body: '',
      text: '',
      tickets: [],
      position: { file: 'f', line: 2 },
    });
  });
});

describe('parseDate', () => {
  it("reads Gerrit's date and ISO 8601, in UTC", () => {
    expect(
      [
        '2018-05-25 19:57:19.000000000',
        '2018-05-25 19:57:19.123456789',
        '2018-05-25T19:57:19Z',
        '2018-05-25 19:57',
        '2018-05-25 21:57:19 +02:00',
        '2018-05-25 14:57:19-0500',
        '2016-02-29 00:00:00 UTC',
      ].map(parseDate),
    ).toEqual([
      '2018-05-25T19:57:19.000Z',
      '2018-05-25T19:57:19.123Z',
      '2018-05-25T19:57:19.000Z',
      '2018-05-25T19:57:00.000Z',
      '2018-05-25T19:57:19.000Z',
      '2018-05-25T19:57:19.000Z',
      '2016-02-29T00:00:00.000Z',
    ]);
  });

  it('refuses what is not a real date', () => {
    expect(
      [
        '',
        'yesterday',
        '2018-02-30 00:00:00',
        '2017-02-29 00:00:00',
        '2018-13-01 00:00:00',
        '2018-01-01 24:00:00',
        '2018-01-01',
      ].map(parseDate),
    ).toEqual([null, null, null, null, null, null, null]);
  });
});
