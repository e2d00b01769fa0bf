import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { hashText } from '../lib/hash-text.ts';
import { placeFile } from './place-file.ts';
import { removeAbandoned } from './remove-abandoned.ts';

/**
 * The pages of earlier builds, kept by their key, so that a rebuild renders only the pages whose data changed.
 * Astro's own incremental build restores an unchanged page by copying it into the output (a `mkdir`, an
 * `existsSync` and a `copyFile` through the thread pool: 8.7 s for 11k pages of a 10k-change export here) and
 * writes every rendered page twice; this cache links instead, and Astro never sees a restored page at all.
 */
export interface PageCache {
  /**
   * Whether the page at `page` (relative to the output folder, `changes/<slug>/index.html`) with this key is
   * kept from an earlier build. If it is, the page's route must leave it out and {@link PageCache.finish}
   * places it; if not, Astro renders it and `finish` keeps it for later builds.
   */
  restore(page: string, key: string): boolean;
  /**
   * The name of the cache entry of the page at `page` in this build, which changes whenever its bytes do;
   * undefined for a page without a key.
   */
  entryOf(page: string): string | undefined;
  /** The entry the page at `page` is placed from in this build; undefined for a page Astro renders. */
  restoredEntry(page: string): string | undefined;
  /**
   * A name made like an entry's, of the rendering code and `page` with `key`: for what depends on a part of
   * a page's key only (the search index on what Pagefind reads of it, see `changeSearchKey`).
   */
  nameOf(page: string, key: string): string;
  /** Before Astro writes into `root`: see {@link detachPlacedPages}. */
  prepare(root: string): void;
  /** After Astro wrote the site into `root`: places the restored pages, keeps the rendered ones. */
  finish(root: string): PagesPlaced;
}

/** What {@link PageCache.finish} did. */
export interface PagesPlaced {
  /** Pages taken from the cache. */
  restored: number;
  /** Rendered pages kept for later builds. */
  stored: number;
}

/** The cache's own file names: anything else in its folder is not its own and stays. */
const entryName = /^[0-9a-f]{32}\.html$/;
const indexFile = 'pages.json';

/**
 * Opens the page cache in `dir`. `basis` is everything besides a page's key that decides its bytes (the code
 * that renders it, the base path, the versions): a page is kept under a name made of the basis, its path and
 * its key, so a changed basis finds nothing.
 */
export function openPageCache(dir: string, basis: string): PageCache {
  let names: Set<string>;
  try {
    names = new Set(readdirSync(dir).filter((name) => entryName.test(name)));
  } catch {
    names = new Set();
  }
  /** The entry of each page of this build, and whether it was restored. */
  const pages = new Map<string, { name: string; restored: boolean }>();
  const nameOf = (page: string, key: string) => `${hashText(`${basis}\u0000${page}\u0000${key}`, 32)}.html`;

  return {
    restore(page, key) {
      const name = nameOf(page, key);
      const restored = names.has(name);
      pages.set(page, { name, restored });
      return restored;
    },
    entryOf(page) {
      return pages.get(page)?.name;
    },
    restoredEntry(page) {
      const entry = pages.get(page);
      return entry?.restored ? entry.name : undefined;
    },
    nameOf,
    prepare(root) {
      detachPlacedPages(root, dir);
    },
    finish(root) {
      mkdirSync(dir, { recursive: true });
      const placed: PagesPlaced = { restored: 0, stored: 0 };
      const made = new Set<string>();
      for (const [page, entry] of pages) {
        const target = join(root, page);
        if (entry.restored) {
          const folder = dirname(target);
          if (!made.has(folder)) {
            mkdirSync(folder, { recursive: true });
            made.add(folder);
          }
          placeFile(join(dir, entry.name), target);
          placed.restored++;
        } else if (!names.has(entry.name)) {
          // Whole or not at all: a build killed here must not leave the next one a cut page under a good name.
          const partial = join(dir, `${entry.name}.${process.pid}.partial`);
          try {
            placeFile(target, partial);
          } catch (error) {
            // A page its route did not write (it failed, and Astro said so) has nothing to keep.
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
            throw error;
          }
          renameSync(partial, join(dir, entry.name));
          placed.stored++;
        }
      }
      const used = new Set([...pages.values()].map((entry) => entry.name));
      for (const name of names) if (!used.has(name)) rmSync(join(dir, name), { force: true });
      // Partial entries (`<name>.<pid>.partial`) of builds killed before they could rename them.
      removeAbandoned(dir, (name) => {
        const partial = /^[0-9a-f]{32}\.html\.(\d+)\.partial$/.exec(name);
        return partial ? Number(partial[1]) : null;
      });
      const index = Object.fromEntries([...pages].map(([page, entry]) => [page, entry.name]));
      writeFileSync(join(dir, `${indexFile}.${process.pid}`), JSON.stringify(index));
      renameSync(join(dir, `${indexFile}.${process.pid}`), join(dir, indexFile));
      return placed;
    },
  };
}

/**
 * Placed pages are hard links to the cache's entries. `review-reports build` renders into a fresh folder every
 * time, but a plain `astro build` renders into the `dist/` of the build before, and Astro writes a page in place:
 * through a link it would change the cached entry of the page's old key. So before Astro writes, every page that
 * is still a link to the entry the cache's index names for it is unlinked (the cache keeps its bytes); nothing
 * else in `root` is touched.
 */
export function detachPlacedPages(root: string, dir: string): void {
  let index: Record<string, string>;
  try {
    index = JSON.parse(readFileSync(join(dir, indexFile), 'utf8')) as Record<string, string>;
  } catch {
    return;
  }
  // A fresh folder (what `review-reports build` renders into) has none of the pages' folders: nothing to look at.
  const folders = new Set(Object.keys(index).map((page) => page.split('/')[0] as string));
  if (![...folders].some((folder) => existsSync(join(root, folder)))) return;
  for (const [page, name] of Object.entries(index)) {
    if (!entryName.test(name)) continue;
    const placed = join(root, page);
    try {
      const a = lstatSync(placed);
      const b = statSync(join(dir, name));
      if (a.isFile() && a.ino === b.ino && a.dev === b.dev) unlinkSync(placed);
    } catch {
      // Not there, or not a link to the cache: not ours to detach.
    }
  }
}
