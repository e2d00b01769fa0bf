import * as pagefind from 'pagefind';

/**
 * Indexes the pages in `folder` with Pagefind's Node API and writes the index to `outputPath`. Pagefind reads
 * the files itself, on its own threads: handing it rendered pages through the API instead costs the build's main
 * thread more (each page is JSON- and base64-encoded) than it saves, and Pagefind took twice as long to take 11k
 * pages one by one as to read them from a folder. `whileReading` runs while Pagefind reads the pages (it must not
 * change them); if it throws, the index is abandoned. Each call is its own Pagefind process, closed at the end,
 * so a build's peak memory is that of its largest part, not of the whole site.
 */
export async function indexFolder(
  folder: string,
  outputPath: string,
  whileReading: () => void = () => {},
): Promise<{ pages: number }> {
  // Pagefind's own word rules, no `includeCharacters`: with `:` and `.` kept, `error C2440:` and `MB-26887:` were
  // indexed as `c2440:` and `mb-26887:`, found by `C2440` only when both sat in one index chunk. The search page
  // drops from a query what the indexer drops from a word (search/pagefind-term.ts), and signature pages add each
  // part of a test name and path as a word of its own (site/search-terms.ts).
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const adding = index.addDirectory({ path: folder });
    // Awaited below; when `whileReading` throws instead, closing Pagefind rejects it, and that is no news.
    adding.catch(() => {});
    // One turn of the event loop sends the request; Pagefind then works on its own while the caller does.
    await new Promise((resolve) => setImmediate(resolve));
    whileReading();
    const added = await adding;
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${folder}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
