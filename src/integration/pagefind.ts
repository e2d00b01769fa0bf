import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefindApi from 'pagefind';

/**
 * Pagefind's binary for this platform, found as its npm wrapper finds it (`PAGEFIND_BINARY_PATH` and the like
 * first), when first needed: a dev server never is. Run directly, not through the wrapper, so that stopping it
 * stops Pagefind.
 */
let pagefindBinary: Promise<string> | undefined;
function findPagefindBinary(): Promise<string> {
  pagefindBinary ??= import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href).then(
    (module: { resolveBinaryPath(names: readonly string[]): string }) =>
      module.resolveBinaryPath(['pagefind_extended', 'pagefind']),
  );
  return pagefindBinary;
}

/**
 * Indexes the pages in `folder` with Pagefind and writes the index to `outputPath`. Pagefind reads the files
 * itself, on its own threads: handing it rendered pages instead costs the build's main thread more (each page
 * is JSON- and base64-encoded) than it saves. Its command line, not its Node API: Pagefind 1.6's service builds
 * the whole index twice for each `writeFiles` (once in the request's handler, once in the call it makes), which
 * was a third of the index phase of a 10k-change build. `whileReading` runs while Pagefind works (it must not
 * change the pages); if it throws, the index is abandoned. Each call is its own Pagefind process, so a build's
 * peak memory is that of its largest part, not of the whole site.
 */
export async function indexFolder(
  folder: string,
  outputPath: string,
  whileReading: () => void = () => {},
): Promise<{ pages: number }> {
  // Pagefind's own word rules, no `--include-characters`: with `:` and `.` kept, `error C2440:` and `MB-26887:`
  // were indexed as `c2440:` and `mb-26887:`, found by `C2440` only when both sat in one index chunk. The search
  // page drops from a query what the indexer drops from a word (search/pagefind-term.ts), and signature pages add
  // each part of a test name and path as a word of its own (site/search-terms.ts). Pagefind would also read its
  // settings from the environment (`PAGEFIND_GLOB`, …) and from a config file in its working folder: neither may
  // change what this build indexes, so it runs in the folder of pages with none of them.
  const output = resolve(outputPath);
  if (readdirSync(folder).length === 0) {
    whileReading();
    await writeEmptyIndex(output);
    return { pages: 0 };
  }
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));
  const pagefind = spawn(await findPagefindBinary(), ['--site', '.', '--output-path', output, '--silent'], {
    cwd: folder,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    windowsHide: true,
  });
  // A build that exits meanwhile (a signal, an error elsewhere) must not leave Pagefind writing into its cache.
  const stop = () => pagefind.kill();
  process.once('exit', stop);
  let errors = '';
  pagefind.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    pagefind.on('error', reject);
    pagefind.on('close', resolve);
  });
  let code: number | null;
  try {
    whileReading();
    code = await exited;
  } catch (error) {
    pagefind.kill();
    await exited.catch(() => {});
    throw error;
  } finally {
    process.removeListener('exit', stop);
  }
  if (code !== 0) throw new Error(`Pagefind could not index ${folder} (exit code ${code}): ${errors.trim()}`);
  return { pages: indexedPages(output) };
}

/**
 * Writes an index of no pages (its scripts and styles, no language), which the search page loads as it loads any
 * other. Pagefind's command line refuses a folder without pages; its Node API writes this index.
 */
async function writeEmptyIndex(outputPath: string): Promise<void> {
  try {
    const { index, errors } = await pagefindApi.createIndex({});
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefindApi.close();
  }
}

/** The pages in the index Pagefind wrote to `outputPath`, over all its languages. */
function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
