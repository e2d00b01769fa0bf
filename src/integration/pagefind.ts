import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/** Indexes the built site with Pagefind's Node API and writes the index to `<dir>/pagefind/`. */
export async function buildSearchIndex(dir: URL, logger: AstroIntegrationLogger): Promise<{ pages: number }> {
  const root = fileURLToPath(dir);
  const { index, errors: createErrors } = await pagefind.createIndex({ includeCharacters: '_-./:#' });
  try {
    if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
    const added = await index.addDirectory({ path: root });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${root}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${root}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    logger.info(`indexed ${added.page_count} pages for search`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
