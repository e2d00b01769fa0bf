import { hash } from 'node:crypto';
import type { ReportModel } from '../src/lib/types.ts';

/** One Allure 3 result file: the same job run as review-reports reports it. */
export interface AllureResult {
  uuid: string;
  historyId: string;
  testCaseId: string;
  name: string;
  fullName: string;
  status: 'passed' | 'failed' | 'broken' | 'skipped';
  statusDetails: { message: string };
  stage: 'finished';
  start: number;
  stop: number;
  labels: Array<{ name: string; value: string }>;
}

const statuses: Record<string, AllureResult['status']> = {
  SUCCESS: 'passed',
  FAILURE: 'failed',
  UNSTABLE: 'broken',
};

function uuidOf(text: string): string {
  const hex = hash('sha1', text, 'hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The job runs of a parsed export as Allure results, one per run, so both tools report the same data: the
 * benchmark times `allure generate` on them beside review-reports' own build.
 */
export function allureResults(model: ReportModel): AllureResult[] {
  const results: AllureResult[] = [];
  for (const change of model.changes) {
    for (const run of change.runs) {
      const start = run.date ? Date.parse(run.date) : 0;
      results.push({
        uuid: uuidOf(`${change.id}\u0000${run.name}\u0000${run.build}`),
        historyId: uuidOf(`${change.id}\u0000${run.name}`),
        testCaseId: uuidOf(run.name),
        name: `${run.name} #${run.build}`,
        fullName: `${change.id}/${run.patchSet}/${run.name}`,
        status: statuses[run.result] ?? 'skipped',
        statusDetails: { message: run.failures.map((failure) => failure.text).join('\n\n') },
        stage: 'finished',
        start,
        stop: start + 1000,
        labels: [
          { name: 'parentSuite', value: change.project || 'other' },
          { name: 'suite', value: change.subject },
          { name: 'subSuite', value: `patch set ${run.patchSet}` },
          { name: 'host', value: run.platform },
          { name: 'tag', value: run.branch || 'no branch' },
        ],
      });
    }
  }
  return results;
}
