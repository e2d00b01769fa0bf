import { readFileSync } from 'node:fs';
import { type BotFormat, botFormats } from '../lib/bot-formats.ts';
import type { FailureRule } from '../lib/failure-rules.ts';
import { defaultTicketPattern } from '../lib/find-tickets.ts';
import { defaultReadSettings, type ReadSettings } from '../lib/read-settings.ts';
import { defaultJobName } from '../lib/split-job-name.ts';
import { ConfigError } from './config-error.ts';
import { type UserConfig, userConfigSchema } from './user-config-schema.ts';
import { validateConfig } from './validate-config.ts';

export { type UserConfig, userConfigSchema } from './user-config-schema.ts';

/**
 * Reads and validates a config file (`path` as the user gave it, which the messages name); no path gives the
 * defaults. Throws a `ConfigError` listing every problem.
 */
export function loadUserConfig(path: string | undefined): UserConfig {
  if (!path) return userConfigSchema.parse({});
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ConfigError([`${path}: cannot be read: ${code === 'ENOENT' ? 'no such file' : (code ?? message)}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`${path}: is not JSON: ${(error as Error).message}`]);
  }
  const validated = validateConfig(raw, path);
  if (validated.errors) throw new ConfigError(validated.errors);
  return validated.config;
}

/** The user's extra rules as rule-table entries (their patterns compile: `validateConfig` tried them). */
export function userRules(config: UserConfig): FailureRule[] {
  return config.rules.map((rule) => ({
    id: rule.id,
    kind: rule.kind,
    pattern: new RegExp(rule.pattern, rule.flags),
    signature: rule.signature,
    description: rule.description,
    example: rule.example,
  }));
}

/**
 * The user's bot families, `jobName` and `ticketPattern`, with the built-in ones where the config has none (every
 * pattern compiles: `validateConfig` tried them).
 */
export function userReadSettings(config: UserConfig): ReadSettings {
  if (config.jobName === undefined && config.ticketPattern === undefined && config.botFormats.length === 0) {
    return defaultReadSettings;
  }
  const formats: BotFormat[] = config.botFormats.map((format) => {
    const built: BotFormat = {
      id: format.id,
      description: format.description,
      verdicts: format.verdicts.map(({ pattern, verdict, standsAlone }) => ({
        pattern: new RegExp(pattern),
        verdict,
        standsAlone,
      })),
      jobLine: new RegExp(format.jobLine),
      noCause: format.noCause.map((pattern) => new RegExp(pattern)),
      textUnderJob: format.textUnderJob,
      passed: format.passed,
      failed: format.failed,
      example: '',
    };
    if (format.started !== undefined) built.started = new RegExp(format.started);
    if (format.blockEnd !== undefined) built.blockEnd = new RegExp(format.blockEnd);
    if (format.causeEnd !== undefined) built.causeEnd = new RegExp(format.causeEnd);
    if (format.logLine !== undefined) built.logLine = new RegExp(format.logLine);
    return built;
  });
  return {
    formats: [...formats, ...botFormats],
    jobName: config.jobName === undefined ? defaultJobName : new RegExp(config.jobName),
    ticketPattern: config.ticketPattern === undefined ? defaultTicketPattern : new RegExp(config.ticketPattern, 'g'),
  };
}
