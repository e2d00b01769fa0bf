import { hashText } from './hash-text.ts';
import { queryChangeToDump } from './query-change-to-dump.ts';
import { restChangeToDump } from './rest-change-to-dump.ts';
import type { Dump, Warning } from './types.ts';

/** One line of a JSON-lines export, decoded. */
export interface JsonLine {
  text: string;
  line: number;
  /** The line ended with a newline; the last line of a cut-off file does not. */
  terminated: boolean;
}

/** The changes of one export file and what was wrong with it. */
export interface JsonExportResult {
  dumps: Dump[];
  warnings: Warning[];
  /** What the file's last page marker says: Gerrit holds more changes than this file (`moreChanges`, `_more_changes`). */
  more?: boolean;
}

/**
 * Reads `gerrit query --format=JSON` output (Gerrit's `cmd-query.txt`): one change per line, then a
 * `{"type":"stats","rowCount":N,"moreChanges":…}` line; an `{"type":"error","message":…}` line reports a failed
 * query. Lines are taken one at a time, so the file can be streamed. A stats or error line is never a change:
 * an error is a warning, and so is a stats line that counted more changes than were read; `moreChanges` is
 * passed on (one page of several says it, the last page does not). A line that is not JSON is a warning naming
 * it; the other lines are kept. A line holding a REST ChangeInfo (`change_id`) is read as one: some tools save
 * REST results a change per line.
 */
export function readGerritQuery(lines: Iterable<JsonLine>, file: string): JsonExportResult {
  const dumps: Dump[] = [];
  const warnings: Warning[] = [];
  let sinceStats = 0;
  let lastLine = 0;
  let sawStats = false;
  let sawError = false;
  let cutOff = false;
  let more: boolean | undefined;
  for (const { text, line, terminated } of lines) {
    lastLine = line;
    if (text.trim() === '') continue;
    const position = { file, line };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      cutOff = !terminated;
      warnings.push(
        terminated
          ? { code: 'bad-json', ...position, message: `not JSON (${(error as Error).message}); the line was skipped` }
          : { code: 'truncated', ...position, message: 'the last line is cut off before its JSON ends; skipped' },
      );
      continue;
    }
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    if (record.type === 'stats') {
      sawStats = true;
      const rowCount = typeof record.rowCount === 'number' ? record.rowCount : undefined;
      more = record.moreChanges === true;
      if (rowCount !== undefined && rowCount > sinceStats) {
        warnings.push({
          code: 'incomplete-query',
          ...position,
          message: `Gerrit sent ${rowCount} changes but ${sinceStats} were read before this stats line`,
        });
      }
      sinceStats = 0;
      continue;
    }
    if (record.type === 'error') {
      const reason = typeof record.message === 'string' ? record.message : JSON.stringify(record.message ?? null);
      warnings.push({
        code: 'gerrit-error',
        ...position,
        message: `Gerrit reported an error: ${reason.slice(0, 500)}`,
      });
      sawError = true;
      continue;
    }
    const digest = hashText(text, 16);
    const isRest = typeof record.change_id === 'string';
    const result = isRest ? restChangeToDump(value, position, digest) : queryChangeToDump(value, position, digest);
    warnings.push(...result.warnings);
    if (result.dump) {
      dumps.push(result.dump);
      sinceStats++;
    }
  }
  // Gerrit ends a failed query with its error line, not with stats; a cut-off last line is already reported.
  if (!sawStats && !sawError && !cutOff && lastLine > 0) {
    warnings.push({
      code: 'truncated',
      file,
      line: lastLine,
      message: 'no closing {"type":"stats"} line: the query output may be cut off; kept what is there',
    });
  }
  return more === undefined ? { dumps, warnings } : { dumps, warnings, more };
}
