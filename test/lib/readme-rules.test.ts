import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeRules } from '../../src/lib/describe-rules.ts';
import { failureRules } from '../../src/lib/failure-rules.ts';

it('documents the current failure rules in the README (run `npm run docs:rules` after changing them)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(`<!-- rules:start -->\n${describeRules(failureRules)}\n<!-- rules:end -->`);
});
