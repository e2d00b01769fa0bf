import { readFileSync } from 'node:fs';
import { writeFileWhole } from './write-file-whole.ts';

/** The page-cache entries of change pages that passed the conservation check, kept between builds. */
export interface VerifiedPages {
  /** Whether the entry's bytes passed the check in an earlier build. */
  has(entry: string): boolean;
  /** Records this build's entries, which have just passed the check, in place of the earlier ones. */
  save(entries: Iterable<string>): void;
}

/**
 * The verified entries kept in `file` (a missing or unreadable file holds none). An entry is named by the
 * rendering code, the page and its data (`PageCache.entryOf`), so what the check expects of a page restored
 * under a verified name is what it found there before: the page need not be read again. At 50k changes the
 * check read 2 GB of change pages in every build, 8–14 s, on this thread.
 */
export function openVerifiedPages(file: string): VerifiedPages {
  let known: Set<string>;
  try {
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    known = new Set(Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : []);
  } catch {
    known = new Set();
  }
  return {
    has: (entry) => known.has(entry),
    save: (entries) => writeFileWhole(file, JSON.stringify([...entries])),
  };
}
