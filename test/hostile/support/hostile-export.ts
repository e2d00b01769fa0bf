import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateExport } from '../../../scripts/generate-export.ts';

/** The committed hostile fixtures: small files, one kind of bad input each (see its README). */
export const hostileFixtures = resolve(import.meta.dirname, '../../fixtures/hostile');
export const seedFixtures = resolve(import.meta.dirname, '../../fixtures/seeds');

const separator = '-'.repeat(37);

/** Change-Ids of the generated cases. */
export const generatedIds = {
  bigMessage: 'I3001100000000000000000000000000000000011',
  longLine: 'I3001200000000000000000000000000000000012',
  manyPatchSets: 'I3001300000000000000000000000000000000013',
};

/** Size of the generated big message, in characters (all ASCII, so bytes too). */
export const bigMessageSize = 10 * 1024 * 1024;
export const longLineSize = 50 * 1024;
export const patchSetCount = 3000;

/**
 * The text of the 10 MB message: numbered lines of review-log text with markup in them, exactly
 * `bigMessageSize` characters, no trailing spaces (the reader drops those) and no blank lines at either end.
 */
export function bigMessageText(): string {
  const head = 'Patch Set 1:\n\nThe whole log, pasted:\n';
  const lines: string[] = [head.slice(0, -1)];
  let size = head.length;
  for (let n = 1; size < bigMessageSize; n++) {
    const line = `${String(n).padStart(7, '0')} <b>run</b> & "quoted" <script>alert(${n})</script> lorem ipsum dolor sit amet`;
    lines.push(line);
    size += line.length + 1;
  }
  const text = lines.join('\n');
  // Trim to the exact size without ending on a space or a partial markup-free edge case.
  return `${text.slice(0, bigMessageSize - 1)}x`;
}

/** A line of `longLineSize` characters without a space: markup, a URL-like start and an entity in it. */
export function longLineText(): string {
  const unit = '<i>no-space</i>&amp;javascript:alert(1)/..%2f';
  return 'https://example.com/'.concat(unit.repeat(Math.ceil(longLineSize / unit.length))).slice(0, longLineSize);
}

function crop(description: string, messages: Array<[author: string, date: string, text: string]>): string {
  let out = `DESCRIPTION\n\n${description}\n\nCOMMENTS\n\n`;
  for (const [author, date, text] of messages) out += `author: ${author}\ndate: ${date}\n\n${text}\n\n${separator}\n`;
  return out;
}

function date(minutes: number): string {
  return new Date(Date.UTC(2018, 6, 1) + minutes * 60_000).toISOString().replace('T', ' ').replace('Z', '000000');
}

/** File names made of markup, terminal escapes and a right-to-left override: not dumps, so they are named in warnings. */
export const hostileFileNames = [
  '"><img src=x onerror=alert(1)>.txt',
  '\u001b[31mred\u001b[0m.txt',
  'evil\u202etxt.exe',
];

export interface HostileExportOptions {
  /** Also copy the three seed dumps. Default false. */
  seeds?: boolean;
  /** Also write a generated sample export of this many changes (scripts/generate-export.ts). Default 0. */
  generated?: number;
  /** Write the big cases (10 MB message, 50 kB line, 3000 patch sets). Default true. */
  big?: boolean;
}

/**
 * Writes the hostile export into `dir` (created): the committed fixtures of `test/fixtures/hostile/`, the big
 * cases generated here so that no megabytes are committed, and files with hostile names.
 */
export function writeHostileExport(dir: string, options: HostileExportOptions = {}): string {
  mkdirSync(dir, { recursive: true });
  cpSync(hostileFixtures, join(dir, 'hostile'), { recursive: true });
  if (options.seeds) cpSync(seedFixtures, join(dir, 'seeds'), { recursive: true });
  if (options.generated) {
    for (const file of generateExport({ changes: options.generated, seed: 7 })) {
      const path = join(dir, 'generated', file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  }
  for (const name of hostileFileNames) writeFileSync(join(dir, 'hostile', name), `not a dump: ${name}\n`);
  if (options.big === false) return dir;

  writeFileSync(
    join(dir, 'hostile/big-message.txt'),
    crop(`MB-30011: A 10 MB log pasted into a review\n\nChange-Id: ${generatedIds.bigMessage}`, [
      ['Trond Norbye', date(0), 'Uploaded patch set 1.'],
      ['Log Paster', date(1), bigMessageText()],
      ['Dave Rigby', date(2), 'Patch Set 1:\n\nPlease attach logs instead.'],
    ]),
  );

  const job = 'http://cv.jenkins.couchbase.com/job/kv_engine-linux-master/6012/';
  writeFileSync(
    join(dir, 'hostile/long-line.txt'),
    crop(`MB-30012: A 50 kB line without spaces\n\nChange-Id: ${generatedIds.longLine}`, [
      ['Trond Norbye', date(10), 'Uploaded patch set 1.'],
      ['Dave Rigby', date(11), `Patch Set 1:\n\n${longLineText()}`],
      [
        'Build Bot',
        date(12),
        `Patch Set 1: Verified-1\n\nBuild Failed \n\n${job} : FAILURE\n\nFailure of a CTest test  1/1 Test  #1: ${longLineText()} ....... ( ${job} )`,
      ],
    ]),
  );

  const messages: Array<[string, string, string]> = [];
  for (let n = 1; n <= patchSetCount; n++) {
    messages.push(['Trond Norbye', date(100 + 2 * n), n === 1 ? 'Uploaded patch set 1.' : `Uploaded patch set ${n}.`]);
    if (n % 100 === 0) {
      const url = `http://cv.jenkins.couchbase.com/job/kv_engine-linux-master/${7000 + n}/`;
      messages.push([
        'Build Bot',
        date(101 + 2 * n),
        `Patch Set ${n}: Verified-1\n\nBuild Failed \n\n${url} : FAILURE\n\nFailure of a CTest test  1/1 Test  #1: ep_testsuite.patch_set_${n} ....... ( ${url} )`,
      ]);
    }
  }
  writeFileSync(
    join(dir, 'hostile/many-patch-sets.txt'),
    crop(`MB-30013: Three thousand patch sets\n\nChange-Id: ${generatedIds.manyPatchSets}`, messages),
  );
  return dir;
}
