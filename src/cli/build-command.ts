import { resolve } from 'node:path';
import { loadUserConfig, userRules } from '../config/user-config.ts';
import { provideReport } from '../data/load-report.ts';
import { failureRules } from '../lib/failure-rules.ts';
import { parseExport } from '../lib/parse-export.ts';
import { formatWarning } from './format-warning.ts';
import type { CommandIo } from './parse-command.ts';
import { bundledExport, projectRoot } from './project-root.ts';

export interface BuildOptions {
  exportDir: string | undefined;
  out: string;
  base: string | undefined;
  site: string | undefined;
  config: string | undefined;
  strict: boolean;
  quiet: boolean;
}

/**
 * `review-reports build [<dir>]`: parses the export once, then runs Astro (pages and the content layer read
 * the parsed model) and Pagefind. Warnings never stop the build unless `--strict`.
 */
export async function buildCommand(options: BuildOptions, io: CommandIo): Promise<number> {
  const exportDir = resolve(options.exportDir ?? bundledExport);
  let config: ReturnType<typeof loadUserConfig>;
  try {
    config = loadUserConfig(options.config && resolve(options.config));
  } catch (error) {
    io.stderr(`review-reports: ${(error as Error).message}\n`);
    return 2;
  }
  let model: ReturnType<typeof parseExport>;
  try {
    model = parseExport(exportDir, {
      rules: [...userRules(config), ...failureRules],
      onProgress: (done, total) => {
        if (!options.quiet && (done === total || done % 2000 === 0)) io.stderr(`read ${done}/${total} files\n`);
      },
    });
  } catch (error) {
    io.stderr(`review-reports: cannot read the export directory ${exportDir}: ${(error as Error).message}\n`);
    return 2;
  }
  for (const warning of model.warnings) io.stderr(`${formatWarning(warning)}\n`);
  if (options.strict && model.warnings.length > 0) {
    io.stderr(`review-reports: ${model.warnings.length} warnings and --strict: not building\n`);
    return 1;
  }

  process.env.REVIEW_REPORTS_EXPORT = exportDir;
  if (options.config) process.env.REVIEW_REPORTS_CONFIG = resolve(options.config);
  else delete process.env.REVIEW_REPORTS_CONFIG;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  provideReport(model, config);

  const { build } = await import('astro');
  await build({
    root: projectRoot,
    outDir: resolve(options.out),
    ...(options.base ? { base: options.base } : {}),
    ...(options.site ? { site: options.site } : {}),
    logLevel: options.quiet ? 'warn' : 'info',
  });
  return 0;
}
