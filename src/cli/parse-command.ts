import { userReadSettings, userRules } from '../config/user-config.ts';
import { type FailureRule, failureRules } from '../lib/failure-rules.ts';
import { formatWarning } from '../lib/format-warning.ts';
import { modelToJson } from '../lib/model-to-json.ts';
import { parseExport } from '../lib/parse-export.ts';
import type { ReadSettings } from '../lib/read-settings.ts';
import type { ReportModel } from '../lib/types.ts';
import { loadConfigOption } from './load-config-option.ts';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface LoadOptions {
  quiet?: boolean;
  /** Failure rules; default: the built-in table. */
  rules?: readonly FailureRule[];
  /** Bot families, `jobName`, `ticketPattern`; default: the built-in ones. */
  settings?: ReadSettings;
  /** Report progress every this many files. Default: 1000. */
  progressEvery?: number;
}

/** Reads an export, reporting progress and warnings on stderr; `null` when the directory cannot be read. */
export function loadExport(dir: string, io: CommandIo, options: LoadOptions = {}): ReportModel | null {
  const every = options.progressEvery ?? 1000;
  try {
    const model = parseExport(dir, {
      ...(options.rules ? { rules: options.rules } : {}),
      ...(options.settings ? { settings: options.settings } : {}),
      onProgress: (done, total) => {
        if (!options.quiet && (done === total || done % every === 0)) io.stderr(`read ${done}/${total} files\n`);
      },
    });
    for (const warning of model.warnings) io.stderr(`${formatWarning(warning)}\n`);
    return model;
  } catch (error) {
    io.stderr(`review-reports: cannot read the export directory ${dir}: ${(error as Error).message}\n`);
    return null;
  }
}

/** What `parse` and `check` are told: `config` is the `--config` file (failure rules, bot formats, job names). */
export interface ReadOptions {
  quiet: boolean;
  config?: string | undefined;
}

/** `review-reports parse <dir> [--strict]`: the model as JSON on stdout. */
export function parseCommand(dir: string, options: ReadOptions & { strict: boolean }, io: CommandIo): number {
  const model = loadConfiguredExport(dir, options, io);
  if (!model) return 2;
  io.stdout(`${JSON.stringify(modelToJson(model), null, 2)}\n`);
  return options.strict && model.warnings.length > 0 ? 1 : 0;
}

/** `review-reports check <dir>`: what `--strict` would say, without building. */
export function checkCommand(dir: string, options: ReadOptions, io: CommandIo): number {
  const model = loadConfiguredExport(dir, options, io);
  if (!model) return 2;
  const failures = model.signatures.reduce((sum, entry) => sum + entry.occurrences.length, 0);
  io.stderr(
    `${model.files} files, ${model.changes.length} changes, ${failures} failures, ${model.signatures.length} signatures, ${model.warnings.length} warnings\n`,
  );
  return model.warnings.length > 0 ? 1 : 0;
}

/** The export read with the `--config` rules before the built-in ones, and its read settings; `null` (exit 2) on a bad config or dir. */
function loadConfiguredExport(dir: string, options: ReadOptions, io: CommandIo): ReportModel | null {
  const config = loadConfigOption(options.config, io);
  if (!config) return null;
  return loadExport(dir, io, {
    quiet: options.quiet,
    rules: [...userRules(config), ...failureRules],
    settings: userReadSettings(config),
  });
}
