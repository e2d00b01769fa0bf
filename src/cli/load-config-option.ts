import { ConfigError } from '../config/config-error.ts';
import { loadUserConfig, type UserConfig } from '../config/user-config.ts';
import type { CommandIo } from './parse-command.ts';

/**
 * The `--config` of any command: the validated config, or `null` after printing every problem on stderr
 * (the caller exits 2). Only a `ConfigError` is the user's; anything else is a bug and keeps its stack.
 */
export function loadConfigOption(path: string | undefined, io: CommandIo): UserConfig | null {
  try {
    return loadUserConfig(path);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) io.stderr(`review-reports: ${problem}\n`);
    return null;
  }
}
