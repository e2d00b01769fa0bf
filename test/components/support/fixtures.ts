import { resolve } from 'node:path';
import { failureRules } from '../../../src/lib/failure-rules.ts';
import { parseExport } from '../../../src/lib/parse-export.ts';
import type { Change, ReportModel } from '../../../src/lib/types.ts';

const root = resolve(import.meta.dirname, '../../..');

function parse(dir: string): ReportModel {
  return parseExport(resolve(root, dir), { rules: failureRules });
}

function change(model: ReportModel, id: string): Change {
  const found = model.changes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`fixture: no change ${id}`);
  return found;
}

/** The three real seed dumps. */
export const seeds = parse('test/fixtures/seeds');

/** The seed change with rebuilds that disagree: patch set 25, seven windows runs, a flaky TSan report. */
export const seedChange = change(seeds, 'I14f6e1718976b9f792fe28ab8aa309e4a61fdf32');

/** Signatures flaky anywhere in the seeds, as the change page passes them to the failure list. */
export const seedFlaky: ReadonlySet<string> = new Set(
  seeds.signatures.filter((entry) => entry.flaky).map((entry) => entry.signature),
);

/** A CROP-layout review by people: Markdown, inline and file comments, votes, and markup that must stay text. */
export const reviewChange = change(parse('test/e2e/fixtures'), 'I99999999aaaabbbbccccddddeeeeffff00001111');

/** The Zuul fixture: check and gate reports, non-voting and timed-out jobs, durations. */
export const zuulChange = parse('test/fixtures/bots/zuul/export').changes[0] as Change;

/** The Gerrit Trigger fixture without the analyzer: log lines, a note, a skipped vote, no causes. */
export const logsChange = parse('test/fixtures/bots/gerrit-trigger-logs/export').changes[0] as Change;
