import { type FailureRule, failureRules } from './failure-rules.ts';
import { fillSignature } from './fill-signature.ts';
import { maskText } from './mask-text.ts';
import type { Failure } from './types.ts';
import { workspacePath } from './workspace-path.ts';

/** What the rule table says about one cause text: a failure without its job, run and position. */
export type ClassifiedFailure = Omit<Failure, 'job' | 'build' | 'url' | 'text' | 'position'>;

/**
 * Finds the first rule that matches a cause text and forms its signature. The last built-in rule matches
 * anything, so every cause gets a kind and a signature.
 */
export function classifyFailure(text: string, rules: readonly FailureRule[] = failureRules): ClassifiedFailure {
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const groups: Record<string, string | undefined> = { ...match.groups };
    for (const [name, value] of Object.entries(groups)) {
      groups[name] = value === undefined ? undefined : value.replace(/\s+/g, ' ').trim() || undefined;
    }
    if (groups.file) groups.file = workspacePath(groups.file);
    // Only a template that names it reads the masked text: two of the built-in rules. Four regex passes are
    // saved on every other cause.
    if (rule.signature.includes('{masked}')) groups.masked = maskText(text);
    const result: ClassifiedFailure = {
      kind: rule.kind,
      rule: rule.id,
      signature: fillSignature(rule.signature, groups),
    };
    if (groups.test) result.test = groups.test;
    if (groups.file) result.file = groups.file;
    if (groups.line) result.line = Number(groups.line);
    if (groups.column) result.column = Number(groups.column);
    if (groups.message) result.message = groups.message;
    else if (groups.code) result.message = groups.code;
    if (groups.code && groups.message) result.message = `${groups.code}: ${groups.message}`;
    if (groups.tool) result.tool = groups.tool;
    if (groups.issue) result.issue = groups.issue;
    if (groups.function) result.function = groups.function;
    return result;
  }
  return { kind: 'other', rule: 'other', signature: `other:${maskText(text)}` };
}
