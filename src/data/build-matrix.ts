import { compareBuilds } from '../lib/compare-builds.ts';
import type { Change, JobRun } from '../lib/types.ts';

/** One cell of the build matrix: the runs of one job on one patch set. */
export interface MatrixCell {
  runs: JobRun[];
  /** Two runs of the cell ended differently: a rebuild changed the outcome. */
  disagree: boolean;
}

export interface MatrixRow {
  patchSet: number;
  /** One cell per column, in column order; `null` when the job did not run on the patch set. */
  cells: Array<MatrixCell | null>;
}

export interface BuildMatrix {
  /** Job names, grouped by platform so related jobs sit together. */
  jobs: string[];
  rows: MatrixRow[];
}

/** Patch sets × jobs, from the change's job runs. Rows are the patch sets that have runs, newest first. */
export function buildMatrix(change: Change): BuildMatrix {
  const jobs = [...new Map(change.runs.map((run) => [run.name, run])).values()]
    .sort((a, b) => compare(a.platform, b.platform) || compare(a.name, b.name))
    .map((run) => run.name);
  const column = new Map(jobs.map((job, index) => [job, index]));
  const byPatchSet = new Map<number, MatrixRow>();
  for (const run of change.runs) {
    let row = byPatchSet.get(run.patchSet);
    if (!row) {
      row = { patchSet: run.patchSet, cells: jobs.map(() => null) };
      byPatchSet.set(run.patchSet, row);
    }
    const index = column.get(run.name) as number;
    const cell = row.cells[index] ?? { runs: [], disagree: false };
    cell.runs.push(run);
    row.cells[index] = cell;
  }
  const rows = [...byPatchSet.values()].sort((a, b) => b.patchSet - a.patchSet);
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell) continue;
      cell.runs.sort((a, b) => compareBuilds(a.build, b.build));
      cell.disagree = new Set(cell.runs.map(outcomeKey)).size > 1;
    }
  }
  return { jobs, rows };
}

/** Two runs agree when they have the same result and fail with the same signatures. */
function outcomeKey(run: JobRun): string {
  const signatures = [...new Set(run.failures.map((failure) => failure.signature))].sort();
  return `${run.result}\u0000${signatures.join('\u0000')}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
