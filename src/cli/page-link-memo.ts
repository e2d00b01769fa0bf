import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { type PageLinkMemo, type PageLinks, readPageLinks } from '../integration/check-links.ts';
import { writeFileWhole } from '../integration/write-file-whole.ts';

/** Version of the file's layout: a file of another version is not read. */
const MEMO_VERSION = 1;

/** A page-link memo kept in a file, for the link check of the next build with the same `--cache-dir`. */
export interface StoredPageLinkMemo extends PageLinkMemo {
  /**
   * Reads the pages no earlier check read into the memo, ahead of the check, which then only resolves their links
   * against the finished site. The pages must not change until the check.
   */
  readAhead(pages: readonly string[]): void;
  /** Writes what this build's check took from its pages, replacing what earlier builds took; without a file, none. */
  save(): void;
}

/**
 * The link check's memo of the pages under `root`, read from `file` (without one, or a missing or unreadable
 * one, an empty memo). A page is named by its inode, size and modification time to the nanosecond: a page kept from the page
 * cache is a hard link to the same file in every build, and a page written again is a new file. At 50k changes
 * the check read 2.4 GB of pages in 11 s in every build; a rebuild now reads the pages it rendered.
 */
export function openPageLinkMemo(file: string | undefined, root: string): StoredPageLinkMemo {
  const known = file === undefined ? new Map<string, PageLinks>() : readMemo(file);
  const next = new Map<string, PageLinks>();
  const identity = (page: string) => {
    const stat = statSync(join(root, page), { bigint: true, throwIfNoEntry: false });
    return stat?.isFile() ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}` : undefined;
  };
  return {
    identity,
    known,
    next,
    readAhead: (pages) => {
      for (const page of pages) {
        const name = identity(page);
        if (name === undefined || known.has(name)) continue;
        const links = readPageLinks(root, page);
        if (links) known.set(name, links);
      }
    },
    save: () => {
      if (file === undefined) return;
      const entries = [...next].map(([identity, links]) => [identity, links.ids, links.links]);
      writeFileWhole(file, serialize({ version: MEMO_VERSION, entries }));
    },
  };
}

function readMemo(file: string): Map<string, PageLinks> {
  const known = new Map<string, PageLinks>();
  let stored: unknown;
  try {
    stored = deserialize(readFileSync(file));
  } catch {
    return known;
  }
  const { version, entries } = (stored ?? {}) as { version?: unknown; entries?: unknown };
  if (version !== MEMO_VERSION || !Array.isArray(entries)) return known;
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((part) => typeof part === 'string')) continue;
    const [identity, ids, links] = entry as [string, string, string];
    known.set(identity, { ids, links });
  }
  return known;
}
