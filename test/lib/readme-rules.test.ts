import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { botFormats } from '../../src/lib/bot-formats.ts';
import { describeBotFormats } from '../../src/lib/describe-bot-formats.ts';
import { describeRules } from '../../src/lib/describe-rules.ts';
import { failureRules } from '../../src/lib/failure-rules.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

it('documents the current failure rules in the README (run `npm run docs:rules` after changing them)', () => {
  expect(readme).toContain(`<!-- rules:start -->\n${describeRules(failureRules)}\n<!-- rules:end -->`);
});

it('documents the current bot families in the README (run `npm run docs:rules` after changing them)', () => {
  expect(readme).toContain(`<!-- bots:start -->\n${describeBotFormats(botFormats)}\n<!-- bots:end -->`);
});
