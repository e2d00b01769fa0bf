import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExport } from '../../src/lib/parse-export.ts';
import { readDump } from '../../src/lib/read-dump.ts';
import { changeSlug } from '../../src/lib/slug.ts';
import type { Change } from '../../src/lib/types.ts';
import { exportDir } from '../lib/support/export-dir.ts';
import {
  bigMessageSize,
  bigMessageText,
  generatedIds,
  hostileFixtures,
  longLineSize,
  longLineText,
  patchSetCount,
  writeHostileExport,
} from './support/hostile-export.ts';

const work = mkdtempSync(join(tmpdir(), 'review-reports-hostile-model-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const model = parseExport(writeHostileExport(join(work, 'export')));
const fixture = (name: string) => readFileSync(join(hostileFixtures, name));

function change(id: string): Change {
  const found = model.changes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no change ${id}`);
  return found;
}
const texts = (id: string) => change(id).messages.map((message) => [message.author, message.date, message.text]);

describe('the hostile export, read into the model', () => {
  it('makes a change of every dump, skipping only the files that are not dumps', () => {
    expect(model.changes.map((entry) => [entry.id, entry.slug, entry.files])).toEqual([
      [
        '%2e%2e%2f%2e%2e%2fescaped-percent',
        '2e-2e-2f-2e-2e-2fescaped-percent-8d34fb5bf8',
        ['hostile/change-id-percent.txt'],
      ],
      ['../../../escaped-change', 'escaped-change-bef65d1b35', ['hostile/change-id-dotdot.txt']],
      ['2', '2-da4b9237ba', ['hostile/change-id-number.txt']],
      ['I"><script>alert(1)</script>', 'i-script-alert-1-script-0fa1f90a25', ['hostile/change-id-markup.txt']],
      ...[
        ['I3000100000000000000000000000000000000001', 'truncated'],
        ['I3000200000000000000000000000000000000002', 'crlf'],
        ['I3000300000000000000000000000000000000003', 'bom'],
        ['I3000400000000000000000000000000000000004', 'latin1'],
        ['I3000500000000000000000000000000000000005', 'bad-date'],
      ].map(([id, file]) => [id, id, [`hostile/${file}.txt`]]),
      [
        'I3000700000000000000000000000000000000007',
        'I3000700000000000000000000000000000000007',
        ['hostile/copies/review (copy).txt', 'hostile/review.txt'],
      ],
      [
        'I3000800000000000000000000000000000000008',
        'I3000800000000000000000000000000000000008',
        ['hostile/fake-separator.txt'],
      ],
      [
        'I30010000000000000000000000000000000000aa',
        'I30010000000000000000000000000000000000aa',
        ['hostile/markup.txt'],
      ],
      [generatedIds.bigMessage, generatedIds.bigMessage, ['hostile/big-message.txt']],
      [generatedIds.longLine, generatedIds.longLine, ['hostile/long-line.txt']],
      [generatedIds.manyPatchSets, generatedIds.manyPatchSets, ['hostile/many-patch-sets.txt']],
      ['I\u202etxt.exe', 'i-txt-exe-f3d75d0f8b', ['hostile/change-id-rtl.txt']],
      ['escaped-change-bef65d1b35', 'escaped-change-bef65d1b35-c4ddb3deb4', ['hostile/change-id-slug.txt']],
      ['nochangeid-66babb995757', 'nochangeid-66babb995757', ['hostile/no-change-id.txt']],
    ]);
  });

  it('never lets a Change-Id name a path: every slug is one plain path segment', () => {
    for (const entry of model.changes) expect(entry.slug, entry.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);
    for (const entry of model.signatures) expect(entry.slug, entry.signature).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(changeSlug('..')).toBe('change-9d891e731f');
    // A Change-Id that reads like another one's slug, or like a page of the change list, gets a slug of its own.
    expect(changeSlug('2')).toBe('2-da4b9237ba');
    expect(changeSlug('escaped-change-bef65d1b35')).toBe('escaped-change-bef65d1b35-c4ddb3deb4');
    expect(new Set(model.changes.map((entry) => entry.slug)).size).toBe(model.changes.length);
    expect(new Set(model.signatures.map((entry) => entry.slug)).size).toBe(model.signatures.length);
    expect(changeSlug('.')).toBe('change-3a52ce7809');
  });

  it('keeps a duplicate dump once: its messages, its run and its failure', () => {
    const twice = change('I3000700000000000000000000000000000000007');
    expect(twice.messages.map((message) => message.author)).toEqual(['Trond Norbye', 'Build Bot', 'Dave Rigby']);
    expect(twice.runs.map((run) => [run.name, run.build, run.failures.length])).toEqual([
      ['kv_engine-linux-master', 5007, 1],
    ]);
    const signature = model.signatures.find((entry) => entry.signature === 'ctest:ep_testsuite_dcp.twice');
    expect(signature?.occurrences).toHaveLength(1);
  });

  it('reads CRLF and a BOM silently, as the same dump with LF and no BOM', () => {
    const crlf = fixture('crlf.txt');
    const bom = fixture('bom.txt');
    expect([crlf.includes('\r\n'), bom.subarray(0, 3)]).toEqual([true, Buffer.from([0xef, 0xbb, 0xbf])]);
    const clean = parseExport(
      exportDir({
        'hostile/crlf.txt': crlf.toString('utf8').replaceAll('\r\n', '\n'),
        'hostile/bom.txt': bom.subarray(3),
      }),
    );
    for (const [index, id] of [
      'I3000200000000000000000000000000000000002',
      'I3000300000000000000000000000000000000003',
    ].entries()) {
      expect({ ...change(id), digest: '' }).toEqual({ ...clean.changes[index], digest: '' });
    }
    expect(clean.warnings).toEqual([]);
    expect(model.warnings.filter((warning) => /crlf|bom/.test(warning.file))).toEqual([]);
  });

  it('decodes Latin-1 bytes instead of dropping them', () => {
    expect(texts('I3000400000000000000000000000000000000004')).toEqual([
      ['José Martínez', '2018-06-04T10:00:00.000Z', 'Uploaded patch set 1.'],
      ['Dave Rigby', '2018-06-04T11:00:00.000Z', 'Patch Set 1:\n\nDéjà vu: © 2016, ½ done.'],
    ]);
    expect(change('I3000400000000000000000000000000000000004').subject).toBe('MB-30004: Café crème in the key encoder');
  });

  it('keeps the truncated message as far as it goes, and messages with bad dates without a date', () => {
    expect(texts('I3000100000000000000000000000000000000001')).toEqual([
      ['Trond Norbye', '2018-06-01T10:00:00.000Z', 'Uploaded patch set 1.'],
      ['Dave Rigby', '2018-06-01T11:00:00.000Z', 'Patch Set 1:\n\nThe export stopped while writing thi'],
    ]);
    expect(texts('I3000500000000000000000000000000000000005').map(([author, date]) => [author, date])).toEqual([
      ['Trond Norbye', null],
      ['Dave Rigby', null],
      ['Jim Walker', null],
      ['Build Bot', null],
    ]);
  });

  it('reads a quoted dash line and fake Author: lines as text of the message that holds them', () => {
    const dash = '-'.repeat(118);
    expect(texts('I3000800000000000000000000000000000000008')).toEqual([
      ['Trond Norbye', '2018-06-08T10:00:00.000Z', 'Uploaded patch set 1.'],
      [
        'Mallory',
        '2018-06-08T11:00:00.000Z',
        [
          'Patch Set 1:',
          '',
          'The export looked like this:',
          dash,
          'Author: Dave Rigby',
          'This line is not a Date: header, so none of this is a new message.',
          dash,
          '',
          'And a fake header with no separator before it:',
          'Author: Nobody',
          'Date: 2018-06-08 12:00:00.000000000',
          'Message: still the same message',
        ].join('\n'),
      ],
      ['Dave Rigby', '2018-06-08T13:00:00.000Z', 'Patch Set 1: Code-Review+1'],
    ]);
  });

  it('loses no text when a message quotes a whole header after a separator (which the format cannot tell apart)', () => {
    const separator = '-'.repeat(37);
    const text = `DESCRIPTION\n\nS\n\nChange-Id: I1\n\nCOMMENTS\n\nauthor: A\ndate: 2018-01-01 00:00:00\n\nbefore\n${separator}\nauthor: Fake\ndate: 2018-01-01 00:00:01\n\nafter\n\n${separator}\n`;
    const { dump, warnings } = readDump(text, 'quoted.txt');
    expect(warnings).toEqual([]);
    expect(dump?.messages.map((message) => [message.author, message.text])).toEqual([
      ['A', 'before'],
      ['Fake', 'after'],
    ]);
  });

  it('keeps markup in subjects, authors, Change-Ids, test names, paths and URLs as the exact text it is', () => {
    const markup = change('I30010000000000000000000000000000000000aa');
    expect(markup.subject).toBe('MB-30010: <script>alert("subject")</script> "><img src=x onerror=alert(1)> [1/1]');
    expect(markup.messages.map((message) => message.author)).toEqual([
      "<img src=x onerror=alert('author')>",
      'Build Bot',
      'Build Bot',
      '"><script>alert(1)</script>',
    ]);
    // Text under a job line that is no job line and no cause (its URL is no http URL) is the run's note, as text.
    expect(markup.runs.find((run) => run.build === 78)?.note).toBe(
      'javascript:alert(1) : FAILURE\n\nFailure of a GoogleTest ( javascript:alert(1) )',
    );
    expect(markup.runs.map((run) => [run.name, run.build, run.failures.map((failure) => failure.signature)])).toEqual([
      [
        '../../../escaped-job',
        78,
        [
          'sanitizer:ThreadSanitizer:data race /home/couchbase/jenkins/workspace/x/kv_engine/<b:onmouseover=alert(1)>.h:7',
          'ctest:\u202etset_live\u202c \u0007bell\u001b[31mred',
        ],
      ],
      [
        // A URL that is no Jenkins build URL names its run, as job and as build, as text.
        `http://cv.jenkins.couchbase.com/job/kv_engine-"><svg/onload=alert(1)>-master/79/?a="b'&c=<d>`,
        `http://cv.jenkins.couchbase.com/job/kv_engine-"><svg/onload=alert(1)>-master/79/?a="b'&c=<d>`,
        [`ctest:raw"url'test`],
      ],
      [
        'kv_engine-"><img src=x onerror=alert(1)>-master',
        77,
        [
          "ctest:<script>alert('test')</script>",
          'ctest:../../etc/passwd',
          'ctest:%2e%2e/%2e%2e/etc/passwd',
          'compile:kv_engine/"><svg onload=alert(1)>.cc:12',
        ],
      ],
    ]);
    expect(markup.messages[3]?.inlineComments.map((comment) => [comment.path, comment.line, comment.text])).toEqual([
      ['kv_engine/"><img src=x onerror=alert(1)>.cc', 1, "<script>alert('inline')</script>"],
      ['../../../etc/passwd', undefined, '<b onclick=alert(1)>bold</b> [x](javascript:alert(1))'],
    ]);
  });

  it('keeps a 10 MB message whole, character for character', () => {
    const [upload, big, reply] = change(generatedIds.bigMessage).messages;
    expect([upload?.text, reply?.text]).toEqual([
      'Uploaded patch set 1.',
      'Patch Set 1:\n\nPlease attach logs instead.',
    ]);
    expect(big?.text.length).toBe(bigMessageSize);
    expect(big?.text === bigMessageText()).toBe(true);
  });

  it('keeps a 50 kB line without spaces whole, in a message and as a test name', () => {
    const long = change(generatedIds.longLine);
    expect(long.messages[1]?.text === `Patch Set 1:\n\n${longLineText()}`).toBe(true);
    expect(longLineText()).toHaveLength(longLineSize);
    expect(long.runs[0]?.failures.map((failure) => failure.signature === `ctest:${longLineText()}`)).toEqual([true]);
  });

  it('reads a change of 3000 patch sets: every patch set, message and run', () => {
    const many = change(generatedIds.manyPatchSets);
    expect(many.patchSets).toEqual(Array.from({ length: patchSetCount }, (_, index) => index + 1));
    expect(many.messages).toHaveLength(patchSetCount + patchSetCount / 100);
    expect(many.runs.map((run) => [run.patchSet, run.build])).toEqual(
      Array.from({ length: 30 }, (_, index) => [(index + 1) * 100, 7000 + (index + 1) * 100]),
    );
    expect(model.warnings.filter((warning) => /big-message|long-line|many-patch-sets/.test(warning.file))).toEqual([]);
  });
});
