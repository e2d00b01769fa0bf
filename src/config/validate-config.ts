import type { core } from 'zod';
import { type UserConfig, userConfigSchema } from './user-config-schema.ts';

export type ConfigValidation = { config: UserConfig; errors?: never } | { config?: never; errors: string[] };

/**
 * Checks a parsed config file against the schema, every pattern compiled and every template checked against
 * its pattern's groups. Errors read `config.json: rules[2] "id": …`, one per problem, in file order.
 */
export function validateConfig(raw: unknown, label: string): ConfigValidation {
  const parsed = userConfigSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data };
  const errors: string[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push(`${label}: ${where([...issue.path, key])}is not a config field`);
    } else errors.push(`${label}: ${where(issue.path)}${describe(issue)}`);
  }
  return { errors };
}

/** `rules[2] "id": `: the array steps as indexes, the field last and quoted, as the user wrote it. */
function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  const last = path.at(-1);
  const steps = typeof last === 'number' ? path : path.slice(0, -1);
  let head = '';
  for (const step of steps) head += typeof step === 'number' ? `[${step}]` : head ? `.${String(step)}` : String(step);
  const field = typeof last === 'number' ? '' : JSON.stringify(String(last));
  return `${[head, field].filter(Boolean).join(' ')}: `;
}

function describe(issue: core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
