#!/usr/bin/env -S node --max-old-space-size=12288 --max-semi-space-size=32
// The CLI is TypeScript run through Node's type stripping (Node >= 22.18, pinned to 24 by the `node` devDependency).
import { main } from '../src/cli/main.ts';

// `review-reports parse dir | head` closes stdout early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
