import type { SignatureEntry } from '../lib/types.ts';

// What splits a test name into the parts engineers search by: `memcached_testapp.ep.CleanOrUnclean/PersistToTest`
// is binary, fixture and case; `Suite.Case/3` is suite, case and parameter. `_` and `-` stay inside a part
// (`memcached_testapp`), as Pagefind indexes their pieces itself.
const namePart = /[^./:#\s]+/g;
const maxRunParts = 8;

/**
 * The extra words a signature page puts into the search index, so that each form an engineer pastes is a
 * word of the index and not only a piece of a longer one: every run of consecutive parts of the test name
 * (`PersistToTest`, `CleanOrUnclean/PersistToTest`, `Suite.Case/3`), the file by each of its path suffixes
 * (`kv_engine/daemon/cookie.h`, `daemon/cookie.h`, `cookie.h`) with and without `:line`, and by its directories
 * and its name without extension (`engine_testapp`).
 *
 * Why: Pagefind loads only the one index chunk whose word range holds a query word, and finds a word there by
 * prefix. A word that is only part of a longer token (Pagefind indexes `…/PersistToTest` as one word plus its
 * camel-case pieces `persist`, `to`, `test`) is then found only while its pieces share that chunk: on a small
 * site, never on a large one.
 */
export function searchTerms(entry: Pick<SignatureEntry, 'test' | 'file' | 'line'>): string[] {
  const terms = [...(entry.test ? nameRuns(entry.test) : []), ...(entry.file ? fileTerms(entry.file, entry.line) : [])];
  return [...new Set(terms)];
}

/** Every run of consecutive parts of a name, with the separators it had; single characters and bare numbers left out. */
function nameRuns(name: string): string[] {
  const parts: Array<{ start: number; end: number }> = [];
  for (const match of name.matchAll(namePart)) parts.push({ start: match.index, end: match.index + match[0].length });
  const runs: string[] = [];
  // A name of many parts would give quadratically many runs: then only its parts and the whole name.
  const longest = parts.length > maxRunParts ? 1 : parts.length;
  for (let first = 0; first < parts.length; first++) {
    for (let last = first; last < Math.min(parts.length, first + longest); last++) {
      const run = name.slice((parts[first] as { start: number }).start, (parts[last] as { end: number }).end);
      if (run.length > 1 && !/^\d+$/.test(run)) runs.push(run);
    }
  }
  if (parts.length > maxRunParts) runs.push(name.trim());
  return runs;
}

/** `a/b/c.h` at 12 → `a/b/c.h`, `b/c.h`, `c.h`, each also with `:12`, then `a`, `b` and `c`. */
function fileTerms(path: string, line: number | undefined): string[] {
  const segments = path.split('/').filter(Boolean);
  const suffixes = segments.map((_, index) => segments.slice(index).join('/'));
  const withLine = suffixes.flatMap((suffix) => (line === undefined ? [suffix] : [suffix, `${suffix}:${line}`]));
  const stem = (segments.at(-1) ?? '').replace(/\.[^.]*$/, '');
  return [...withLine, ...segments.slice(0, -1), stem].filter((term) => term.length > 1);
}
