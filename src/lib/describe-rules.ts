import type { FailureRule } from './failure-rules.ts';

/** The rule table as Markdown for the README (kept current by a test): a summary table, then each pattern. */
export function describeRules(rules: readonly FailureRule[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = rules.map(
    (rule, index) =>
      `| ${index + 1} | \`${rule.id}\` | ${rule.kind} | \`${cell(rule.signature)}\` | ${cell(rule.description)} |`,
  );
  const patterns = rules.map((rule) => `${rule.id}  /${rule.pattern.source}/${rule.pattern.flags}`);
  return [
    '| # | rule | kind | signature | what it matches |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '<details><summary>The patterns</summary>',
    '',
    '```text',
    ...patterns,
    '```',
    '',
    '</details>',
  ].join('\n');
}
