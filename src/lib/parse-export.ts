import { join } from 'node:path';
import { buildModel } from './build-model.ts';
import type { FailureRule } from './failure-rules.ts';
import { failureRules } from './failure-rules.ts';
import { listExportFiles } from './list-export-files.ts';
import { readAhead } from './read-ahead.ts';
import { readExportSource } from './read-export-source.ts';
import { defaultReadSettings, type ReadSettings } from './read-settings.ts';
import type { Dump, ReportModel, Warning } from './types.ts';

export interface ParseExportOptions {
  /** Failure rules, tried in order; defaults to the built-in table. */
  rules?: readonly FailureRule[];
  /** Bot families, `jobName` and `ticketPattern`; defaults to the built-in ones. */
  settings?: ReadSettings;
  /** Called after each file with the number of files read and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads every file of an export directory into the report model: text dumps and Gerrit's JSON exports alike,
 * each file's form told from its content. Bad files give warnings and are skipped or read as far as they go;
 * only an unreadable directory throws.
 */
export function parseExport(root: string, options: ParseExportOptions = {}): ReportModel {
  const rules = options.rules ?? failureRules;
  const files = listExportFiles(root);
  const dumps: Dump[] = [];
  const warnings: Warning[] = [];
  let bytes = 0;
  const pages: Array<{ file: string; more: boolean }> = [];
  const paths = files.map((file) => join(root, file));
  const readingAhead = readAhead(paths);
  try {
    files.forEach((file, index) => {
      const source = readExportSource(paths[index] as string, file);
      bytes += source.bytes;
      if (source.more !== undefined) pages.push({ file, more: source.more });
      for (const dump of source.dumps) dumps.push(dump);
      for (const warning of source.warnings) warnings.push(warning);
      options.onProgress?.(index + 1, files.length);
    });
  } finally {
    readingAhead.stop();
  }
  // Each page but the last of a paged export says more changes follow; when every page says so, the last is missing.
  if (pages.length > 0 && pages.every((page) => page.more)) {
    warnings.push({
      code: 'incomplete-query',
      file: (pages.at(-1) as { file: string }).file,
      message:
        'every Gerrit JSON page of the export says Gerrit holds more changes: its last page is missing (see the README on paging)',
    });
  }
  return buildModel(dumps, warnings, { files: files.length, bytes }, rules, options.settings ?? defaultReadSettings);
}
