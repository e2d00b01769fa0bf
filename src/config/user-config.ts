import { readFileSync } from 'node:fs';
import type { FailureRule } from '../lib/failure-rules.ts';
import { ConfigError } from './config-error.ts';
import { type UserConfig, userConfigSchema } from './user-config-schema.ts';
import { validateConfig } from './validate-config.ts';

export type { UserConfig } from './user-config-schema.ts';

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
