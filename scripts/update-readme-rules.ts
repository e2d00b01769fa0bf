// Rewrites the failure-rule and bot-family tables in README.md from src/lib/failure-rules.ts and
// src/lib/bot-formats.ts: `npm run docs:rules`.
import { readFileSync, writeFileSync } from 'node:fs';
import { botFormats } from '../src/lib/bot-formats.ts';
import { describeBotFormats } from '../src/lib/describe-bot-formats.ts';
import { describeRules } from '../src/lib/describe-rules.ts';
import { failureRules } from '../src/lib/failure-rules.ts';

const path = new URL('../README.md', import.meta.url);
let readme = readFileSync(path, 'utf8');
for (const [name, table] of [
  ['rules', describeRules(failureRules)],
  ['bots', describeBotFormats(botFormats)],
] as const) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  readme = `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`;
}
writeFileSync(path, readme);
