// Rewrites the failure-rule table in README.md from src/lib/failure-rules.ts: `npm run docs:rules`.
import { readFileSync, writeFileSync } from 'node:fs';
import { describeRules } from '../src/lib/describe-rules.ts';
import { failureRules } from '../src/lib/failure-rules.ts';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error('README.md has no <!-- rules:start --> … <!-- rules:end --> block');
writeFileSync(path, `${readme.slice(0, from + start.length)}\n${describeRules(failureRules)}\n${readme.slice(to)}`);
