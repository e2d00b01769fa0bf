import { readDump } from '../../../src/lib/read-dump.ts';
import type { Dump } from '../../../src/lib/types.ts';
import { type WrittenMessage, writeCrop } from './write-dump.ts';

/** One job run a verdict reports, with its failure causes as the Gerrit Trigger bot prints them. */
export interface ScriptedRun {
  job: string;
  build: number;
  result: string;
  causes?: string[];
}

export const jenkins = 'http://cv.jenkins.couchbase.com/job/';
export const ctest = (name: string) => `Failure of a CTest test 1/9 Test #3: ${name} ........`;

/**
 * Writes review messages as the Couchbase bot and a developer would, at given dates, so tests can build exports
 * that exercise one case each. `vote` is the Verified vote of a verdict: `-1` rejects, `0` posts none.
 */
export const script = {
  upload: (patchSet: number, date: string): WrittenMessage => ({
    author: 'Owner',
    date: gerritDate(date),
    text: `Uploaded patch set ${patchSet}.`,
  }),
  verdict: (patchSet: number, date: string, runs: ScriptedRun[], vote: -1 | 0 | 1 = -1): WrittenMessage => {
    const failed = runs.some((run) => run.result !== 'SUCCESS');
    const lines = [
      vote === 0 ? `Patch Set ${patchSet}:` : `Patch Set ${patchSet}: Verified${vote < 0 ? '-1' : '+1'}`,
      '',
      failed ? 'Build Failed ' : 'Build Successful ',
    ];
    for (const run of runs) {
      const url = `${jenkins}${run.job}/${run.build}/`;
      lines.push('', `${url} : ${run.result}`);
      for (const cause of run.causes ?? []) lines.push('', `${cause} ( ${url} )`);
    }
    return { author: 'Build Bot', date: gerritDate(date), text: lines.join('\n') };
  },
};

/** A CROP-layout dump of one change. */
export function scriptedDumpText(id: string, messages: WrittenMessage[]): string {
  return writeCrop({ description: `Change ${id}\n\nChange-Id: ${id}`, messages });
}

export function scriptedDump(id: string, messages: WrittenMessage[]): Dump {
  const { dump } = readDump(scriptedDumpText(id, messages), `${id}.txt`);
  if (!dump) throw new Error('not a dump');
  return dump;
}

/** `2018-07-01T10:00` → Gerrit's `2018-07-01 10:00:00.000000000`. */
function gerritDate(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)}:00.000000000`;
}
