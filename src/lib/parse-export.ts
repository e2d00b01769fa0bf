import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from './build-model.ts';
import type { FailureRule } from './failure-rules.ts';
import { failureRules } from './failure-rules.ts';
import { listExportFiles } from './list-export-files.ts';
import { readExportFile } from './read-export-file.ts';
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
 * Reads every file of an export directory into the report model. Bad files give warnings and are skipped
 * or read as far as they go; only an unreadable directory throws.
 */
export function parseExport(root: string, options: ParseExportOptions = {}): ReportModel {
  const rules = options.rules ?? failureRules;
  const files = listExportFiles(root);
  const dumps: Dump[] = [];
  const warnings: Warning[] = [];
  let bytes = 0;
  files.forEach((file, index) => {
    let content: Buffer;
    try {
      content = readFileSync(join(root, file));
    } catch (error) {
      warnings.push({ code: 'unreadable', file, message: `cannot read the file: ${(error as Error).message}` });
      return;
    }
    bytes += content.length;
    const result = readExportFile(content, file);
    if (result.dump) {
      result.dump.digest = hashBytes(content);
      dumps.push(result.dump);
    }
    warnings.push(...result.warnings);
    options.onProgress?.(index + 1, files.length);
  });
  return buildModel(dumps, warnings, { files: files.length, bytes }, rules, options.settings ?? defaultReadSettings);
}

function hashBytes(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'hex').slice(0, 16);
}
