import { ctest, script, scriptedDumpText } from './review-script.ts';
import type { WrittenMessage } from './write-dump.ts';

const linux = 'kv_engine-linux-master';
const { upload, verdict } = script;

/** One change failing once with `name` on `day` (`2018-02-25`), on linux build `build`. */
function failingOnce(id: string, day: string, build: number, name: string, more: WrittenMessage[] = []): string {
  return scriptedDumpText(id, [
    upload(1, `${day}T10:00`),
    verdict(1, `${day}T11:00`, [{ job: linux, build, result: 'FAILURE', causes: [ctest(name)] }]),
    ...more,
  ]);
}

/**
 * Two exports of one project a few weeks apart, the second cumulative but for one change, built so each status
 * occurs once. The previous export's newest date is 2018-02-27, the current one's 2018-03-19.
 * - `a` fails in both exports' last 28 days: no status;
 * - `b` failed on 2018-01-01 (outside the previous export's last 28 days) and again on 2018-03-15: back;
 * - `c` fails in both, and a rebuild that passed makes it flaky in the current export only: newly flaky;
 * - `d` failed on 2018-02-10 only: in the previous export's last 28 days, not in the current one's: gone;
 * - `e` appears on 2018-03-19: new;
 * - `f`'s only change is not in the current export: gone, and it has no page.
 */
export function sinceExports(): { previous: Record<string, string>; current: Record<string, string> } {
  const shared = {
    'Ia.txt': failingOnce('Ia', '2018-02-25', 1, 'a'),
    'Ib.txt': failingOnce('Ib', '2018-01-01', 2, 'b'),
    'Ic.txt': failingOnce('Ic', '2018-02-26', 3, 'c'),
    'Id.txt': failingOnce('Id', '2018-02-10', 4, 'd'),
  };
  return {
    previous: { ...shared, 'If.txt': failingOnce('If', '2018-02-27', 5, 'f') },
    current: {
      ...shared,
      'Ia2.txt': failingOnce('Ia2', '2018-03-18', 10, 'a'),
      'Ib2.txt': failingOnce('Ib2', '2018-03-15', 11, 'b'),
      'Ic2.txt': failingOnce('Ic2', '2018-03-16', 12, 'c', [
        verdict(1, '2018-03-17T11:00', [{ job: linux, build: 13, result: 'SUCCESS' }], 1),
      ]),
      'Ie.txt': failingOnce('Ie', '2018-03-19', 14, 'e'),
    },
  };
}
