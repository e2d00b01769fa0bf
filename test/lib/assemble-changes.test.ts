import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleChanges } from '../../src/lib/assemble-changes.ts';
import { buildModel } from '../../src/lib/build-model.ts';
import { modelToJson } from '../../src/lib/model-to-json.ts';
import { parseExport } from '../../src/lib/parse-export.ts';
import { readDump } from '../../src/lib/read-dump.ts';
import type { Dump } from '../../src/lib/types.ts';
import { exportDir } from './support/export-dir.ts';
import { type WrittenMessage, writeCrop, writeSeed } from './support/write-dump.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const sources: Record<string, string> = {
  '000_202c1d9e46778b0e.txt': fixture('seeds/000_202c1d9e46778b0e.txt'),
  '001_b71f2421c40570d5.txt': fixture('seeds/001_b71f2421c40570d5.txt'),
  '002_d8a3bd381ac34934.txt': fixture('seeds/002_d8a3bd381ac34934.txt'),
  'crop-build.txt': fixture('dumps/crop-build/input.txt'),
  'crop-review.txt': fixture('dumps/crop-review/input.txt'),
};
const dumpOf = (text: string, file: string): Dump => {
  const { dump } = readDump(text, file);
  if (!dump) throw new Error(`${file} is not a dump`);
  return dump;
};
const description = (id: string) => `Subject of ${id}\n\nChange-Id: ${id}`;
const message = (author: string, minute: number, text: string): WrittenMessage => ({
  author,
  date: `2018-06-01 10:${String(minute).padStart(2, '0')}:00.000000000`,
  text,
});

describe('assembleChanges', () => {
  it('gives the same model whatever the order of the dumps', () => {
    const dumps = Object.entries(sources).map(([file, text]) => dumpOf(text, file));
    const reference = assembleChanges(dumps);
    fc.assert(
      fc.property(fc.shuffledSubarray(dumps, { minLength: dumps.length, maxLength: dumps.length }), (shuffled) => {
        expect(assembleChanges(shuffled)).toEqual(reference);
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same model whatever the file names, in any folders', () => {
    const names = Object.keys(sources);
    const renamed = new Map(
      names.map((name, index) => [name, `z/${String(9 - index)}-${name.split('').reverse().join('')}`]),
    );
    const original = parseExport(exportDir(sources));
    const other = parseExport(
      exportDir(Object.fromEntries(Object.entries(sources).map(([name, text]) => [renamed.get(name) as string, text]))),
    );
    // Map the new names back: then only the digests, which cover the names, may differ.
    let json = JSON.stringify(modelToJson(other));
    for (const [name, to] of renamed) json = json.split(to).join(name);
    const back = JSON.parse(json);
    const expected = JSON.parse(JSON.stringify(modelToJson(original)));
    // `files` is sorted by name, so it is in another order.
    for (const change of back.changes) change.files.sort();
    expect(back.changes.map((c: { id: string }) => c.id)).toEqual(expected.changes.map((c: { id: string }) => c.id));
    expect(back).toEqual(expected);
    expect(other.changes.map((c) => c.messages.length)).toEqual(original.changes.map((c) => c.messages.length));
  });

  it('keeps a message present in two dumps once, and orders the messages of all dumps by date', () => {
    const id = 'I1111111111111111111111111111111111111111';
    const first = writeCrop({
      description: description(id),
      messages: [
        message('Owner', 0, 'Uploaded patch set 1.'),
        message('Reviewer', 5, 'Patch Set 1: Code-Review-1\n\nPlease split this.'),
        message('Owner', 20, 'Uploaded patch set 2.'),
      ],
    });
    // The export of patch set 2 repeats the whole history, in the seed layout this time.
    const second = writeSeed({
      description: description(id),
      messages: [
        message('Owner', 0, 'Uploaded patch set 1.'),
        message('Reviewer', 5, 'Patch Set 1: Code-Review-1\n\nPlease split this.'),
        message('Owner', 20, 'Uploaded patch set 2.'),
        message('Reviewer', 25, 'Patch Set 2: Code-Review+2'),
        message('Owner', 10, 'Patch Set 1:\n\nDone, see patch set 2.'),
      ],
    });
    const { changes, warnings } = assembleChanges([dumpOf(second, 'ps2.txt'), dumpOf(first, 'ps1.txt')]);
    expect(warnings).toEqual([]);
    expect(changes).toHaveLength(1);
    const change = changes[0];
    expect(change?.messages.map((m) => [m.author, m.date, m.kind, m.patchSet, m.position.file])).toEqual([
      ['Owner', '2018-06-01T10:00:00.000Z', 'upload', 1, 'ps1.txt'],
      ['Reviewer', '2018-06-01T10:05:00.000Z', 'comment', 1, 'ps1.txt'],
      ['Owner', '2018-06-01T10:10:00.000Z', 'comment', 1, 'ps2.txt'],
      ['Owner', '2018-06-01T10:20:00.000Z', 'upload', 2, 'ps1.txt'],
      ['Reviewer', '2018-06-01T10:25:00.000Z', 'vote', 2, 'ps2.txt'],
    ]);
    expect(new Set(change?.messages.map((m) => m.id)).size).toBe(5);
    expect([change?.patchSets, change?.owner, change?.outcome, change?.files]).toEqual([
      [1, 2],
      'Owner',
      'open',
      ['ps1.txt', 'ps2.txt'],
    ]);
    expect(change?.votes.map((v) => [v.patchSet, v.label, v.value, v.author])).toEqual([
      [1, 'Code-Review', -1, 'Reviewer'],
      [2, 'Code-Review', 2, 'Reviewer'],
    ]);
  });

  it('gives a message that names no patch set the newest patch set named before it', () => {
    const text = writeCrop({
      description: description('I5555555555555555555555555555555555555555'),
      messages: [
        message('Owner', 0, 'Uploaded patch set 1.'),
        message('Owner', 1, 'Uploaded patch set 2.'),
        message('Reviewer', 2, 'Patch Set 1:\n\nAn old question answered late.'),
        message('Reviewer', 3, 'Looks good now.'),
        message('', 4, 'Change has been successfully merged by Reviewer'),
      ],
    });
    const change = assembleChanges([dumpOf(text, 'p.txt')]).changes[0];
    expect(change?.messages.map((m) => [m.kind, m.patchSet])).toEqual([
      ['upload', 1],
      ['upload', 2],
      ['comment', 1],
      ['comment', 2],
      ['merged', 2],
    ]);
  });

  it('tells two messages with the same text but different dates or authors apart', () => {
    const id = 'I2222222222222222222222222222222222222222';
    const text = writeCrop({
      description: description(id),
      messages: [message('A', 0, 'recheck'), message('A', 1, 'recheck'), message('B', 1, 'recheck')],
    });
    expect(assembleChanges([dumpOf(text, 'a.txt')]).changes[0]?.messages).toHaveLength(3);
  });

  it('keeps a message posted twice in the same second (a double-clicked recheck) twice, in every dump of it', () => {
    const id = 'I2323232323232323232323232323232323232323';
    const messages = [
      message('Owner', 0, 'Uploaded patch set 1.'),
      message('A', 1, 'recheck'),
      message('A', 1, 'recheck'),
    ];
    const ps1 = writeSeed({ description: description(id), messages });
    // The export of patch set 2 repeats the history: the two copies there are the same two messages.
    const ps2 = writeSeed({
      description: description(id),
      messages: [...messages, message('Owner', 2, 'Uploaded patch set 2.')],
    });
    const { changes, warnings } = assembleChanges([dumpOf(ps1, 'ps1.txt'), dumpOf(ps2, 'ps2.txt')]);
    expect(warnings).toEqual([]);
    const change = changes[0];
    expect(change?.messages.map((m) => [m.author, m.text, m.position.file, m.position.line])).toEqual([
      ['Owner', 'Uploaded patch set 1.', 'ps1.txt', 11],
      ['A', 'recheck', 'ps1.txt', 16],
      ['A', 'recheck', 'ps1.txt', 21],
      ['Owner', 'Uploaded patch set 2.', 'ps2.txt', 26],
    ]);
    expect(new Set(change?.messages.map((m) => m.id)).size).toBe(4);
  });

  it('finds the outcome: merged, abandoned, or open again once restored', () => {
    const outcome = (...texts: string[]) => {
      const text = writeCrop({
        description: description('I3333333333333333333333333333333333333333'),
        messages: [message('Owner', 0, 'Uploaded patch set 1.'), ...texts.map((t, k) => message('Owner', k + 1, t))],
      });
      return assembleChanges([dumpOf(text, 'o.txt')]).changes[0]?.outcome;
    };
    expect([
      outcome(),
      outcome('Abandoned'),
      outcome('Abandoned', 'Restored'),
      outcome('Abandoned', 'Restored', 'Change has been successfully merged by X'),
      outcome('Change has been successfully cherry-picked as 1234567 by X'),
    ]).toEqual(['open', 'abandoned', 'open', 'merged', 'merged']);
  });

  it('names the owner after the upload of patch set 1, whoever wrote first', () => {
    const text = writeCrop({
      description: description('I4444444444444444444444444444444444444444'),
      messages: [
        message('Bot', 0, 'Patch Set 1:\n\nBuild Started http://ci/job/x-linux-master/1/ (1/1)'),
        message('Jim', 1, 'Uploaded patch set 1.'),
        message('Dave', 2, 'Uploaded patch set 2.'),
      ],
    });
    expect(assembleChanges([dumpOf(text, 'w.txt')]).changes[0]?.owner).toBe('Jim');
  });

  it('warns about a dump without Change-Id and a dump repeated under another name', () => {
    const text = writeCrop({ description: 'No footer here', messages: [message('A', 0, 'Uploaded patch set 1.')] });
    const { changes, warnings } = assembleChanges([
      dumpOf(text, 'x.txt'),
      dumpOf(sources['crop-build.txt'] as string, 'b.txt'),
      dumpOf(sources['crop-build.txt'] as string, 'a.txt'),
    ]);
    expect(warnings.map((w) => [w.code, w.file, w.line])).toEqual([
      ['no-change-id', 'x.txt', 3],
      ['duplicate-dump', 'b.txt', undefined],
    ]);
    expect(changes.map((c) => [c.id.replace(/^nochangeid-[0-9a-f]{12}$/, 'nochangeid-…'), c.messages.length])).toEqual([
      ['Ie1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4', 9],
      ['nochangeid-…', 1],
    ]);
  });

  it('builds the model of a CROP change: builds, runs, votes and outcome', () => {
    const model = buildModel([dumpOf(sources['crop-build.txt'] as string, 'crop-build.txt')], [], {
      files: 1,
      bytes: 0,
    });
    const change = model.changes[0];
    expect(
      change?.messages.map((m) => [m.kind, m.patchSet, m.upload ?? m.buildStart?.index ?? m.build?.verdict ?? '']),
    ).toEqual([
      ['upload', 3, 'rebase'],
      ['build-started', 3, 1],
      ['build-started', 3, 2],
      ['build-result', 3, 'failed'],
      ['comment', 3, ''],
      ['upload', 4, 'new'],
      ['build-result', 4, 'successful'],
      ['vote', 4, ''],
      ['abandoned', 4, ''],
    ]);
    expect([change?.patchSets, change?.outcome, change?.owner, change?.project]).toEqual([
      [3, 4],
      'abandoned',
      'Trond Norbye',
      'kv_engine',
    ]);
    expect(
      change?.runs.map((r) => [
        r.patchSet,
        r.name,
        r.platform,
        r.branch,
        r.build,
        r.result,
        r.failures.map((f) => f.signature),
      ]),
    ).toEqual([
      [3, 'kv_engine-linux/master', 'linux', 'master', 4410, 'SUCCESS', []],
      [3, 'kv_engine-windows-master', 'windows', 'master', 9100, 'FAILURE', ['compile:kv_engine/daemon/socket.cc:88']],
      [4, 'kv_engine-linux/master', 'linux', 'master', 4418, 'SUCCESS', []],
      [4, 'kv_engine-windows-master', 'windows', 'master', 9107, 'SUCCESS', []],
    ]);
    expect(change?.votes.map((v) => [v.patchSet, v.label, v.value, v.removed, v.author])).toEqual([
      [3, 'Verified', -1, false, 'Build Bot'],
      [4, 'Verified', 1, false, 'Build Bot'],
      [4, 'Code-Review', 2, false, 'Dave Rigby'],
      [4, 'Verified', 0, true, 'Dave Rigby'],
    ]);
    // The compile error was fixed by a new patch set, not by a rebuild: not flaky.
    expect(model.signatures.map((s) => [s.signature, s.flaky, s.platforms])).toEqual([
      ['compile:kv_engine/daemon/socket.cc:88', false, ['windows']],
    ]);
  });

  it('reads the inline comments of a CROP review onto its messages', () => {
    const change = assembleChanges([dumpOf(sources['crop-review.txt'] as string, 'r.txt')]).changes[0];
    expect(
      change?.messages.map((m) => [
        m.author,
        m.kind,
        m.patchSet,
        m.commentCount,
        m.inlineComments.length,
        m.mismatched,
      ]),
    ).toEqual([
      ['Jim Walker', 'upload', 1, undefined, 0, false],
      ['Trond Norbye', 'comment', 1, undefined, 1, true],
      ['Dave Rigby', 'comment', 1, 3, 3, false],
      ['Jim Walker', 'upload', 2, undefined, 0, false],
      ['Jim Walker', 'comment', 2, 1, 1, false],
      ['Dave Rigby', 'vote', 2, undefined, 0, false],
      ['Gerrit Code Review', 'merged', 2, undefined, 0, false],
    ]);
    expect([change?.outcome, change?.series, change?.tickets]).toEqual([
      'merged',
      { index: 2, total: 3 },
      ['MB-30123'],
    ]);
  });
});
