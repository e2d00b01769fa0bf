// Builds the seeds through Astro's build() and the integration with a model changed in memory, and prints what
// came back. Run by Node itself, as the CLI runs: under Vitest's module runner the integration would be a second
// copy of itself, which is what the test must not hide.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'astro';
import { userConfigSchema } from '../../../src/config/user-config.ts';
import { astroConfig } from '../../../src/integration/astro-config.ts';
import type { BuildStats } from '../../../src/integration/site-data.ts';
import { siteRegistry } from '../../../src/integration/site-registry.ts';
import { failureRules } from '../../../src/lib/failure-rules.ts';
import { parseExport } from '../../../src/lib/parse-export.ts';

const [root, work] = process.argv.slice(2) as [string, string];
const model = parseExport(join(root, 'test/fixtures/seeds'), { rules: failureRules });
const change = model.changes[0];
if (!change) throw new Error('no change in the seeds');
// In memory only: a page showing this read the object passed in, not a parse of its own.
change.subject = 'Subject that no dump holds';
let stats: BuildStats | undefined;
const outDir = join(work, 'out');
await build(
  astroConfig(
    { root, outDir, cacheDir: join(work, 'cache'), logLevel: 'error' },
    {
      model,
      config: userConfigSchema.parse({ title: 'Handed-in title' }),
      searchShards: ['/a/', '/b/'],
      onStats: (done) => {
        stats = done;
      },
    },
  ),
);
const page = readFileSync(join(outDir, 'changes', change.slug, 'index.html'), 'utf8');
const search = readFileSync(join(outDir, 'search', 'index.html'), 'utf8');
process.stdout.write(
  JSON.stringify({
    title: /<title>(.*?)<\/title>/.exec(page)?.[1],
    shards: /data-search-shards="([^"]*)"/.exec(search)?.[1],
    htmlPages: readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'))
      .length,
    stats,
    registeredAfter: siteRegistry.size,
  }),
);
