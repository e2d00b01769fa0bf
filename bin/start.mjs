import { existsSync } from 'node:fs';

// A checkout runs its TypeScript (Node's type stripping, Node 24 from the `node` devDependency); the installed
// package, whose files hold no `src/cli/`, its compiled JavaScript (`npm run build:package`).
const checkout = new URL('../src/cli/main.ts', import.meta.url);
const { main } = await import(
  existsSync(checkout) ? checkout.href : new URL('../compiled/cli/main.js', import.meta.url).href
);

// `review-reports parse dir | head` closes stdout early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
