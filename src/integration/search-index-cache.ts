import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { placeFile } from './place-file.ts';
import { removeAbandoned } from './remove-abandoned.ts';

/**
 * The search index parts of earlier builds, each kept by the identity of the pages it was made from (see
 * `search-index.ts`), so that a rebuild runs Pagefind only on the parts whose pages changed.
 */
export interface SearchIndexCache {
  /**
   * Places the index kept under `id` at `to` (hard links), but for the files whose names `leave` matches; false
   * when none is kept.
   */
  place(id: string, to: string, leave?: RegExp): boolean;
  /** The folder of the index kept under `id`, to read; undefined when none is kept. */
  folder(id: string): string | undefined;
  /**
   * Keeps the index `write` makes in the folder it is given, under `id`, and places it at `to`. Whole or not at
   * all: a build killed while writing leaves a partial folder that no build takes for an index.
   */
  keep<T>(id: string, to: string, write: (folder: string) => Promise<T>): Promise<T>;
  /** Removes the kept indexes this build neither placed nor kept, and partial ones of builds that are gone. */
  finish(): void;
}

/** The cache's own entry names: anything else in its folder is not its own and stays. */
const entryName = /^[0-9a-f]{32}$/;
const partialName = /^[0-9a-f]{32}\.(\d+)\.partial$/;

export function openSearchIndexCache(dir: string): SearchIndexCache {
  let names: Set<string>;
  try {
    names = new Set(readdirSync(dir).filter((name) => entryName.test(name)));
  } catch {
    names = new Set();
  }
  const used = new Set<string>();
  return {
    place(id, to, leave) {
      if (!names.has(id)) return false;
      placeTree(join(dir, id), to, leave);
      used.add(id);
      return true;
    },
    folder(id) {
      return names.has(id) ? join(dir, id) : undefined;
    },
    async keep(id, to, write) {
      mkdirSync(dir, { recursive: true });
      const partial = join(dir, `${id}.${process.pid}.partial`);
      rmSync(partial, { recursive: true, force: true });
      const result = await write(partial);
      rmSync(join(dir, id), { recursive: true, force: true });
      renameSync(partial, join(dir, id));
      names.add(id);
      used.add(id);
      placeTree(join(dir, id), to);
      return result;
    },
    finish() {
      for (const name of names) if (!used.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
      removeAbandoned(dir, (name) => {
        const partial = partialName.exec(name);
        return partial ? Number(partial[1]) : null;
      });
    },
  };
}

/** Every file under `from` placed at the same place under `to`, but those whose names `leave` matches. */
function placeTree(from: string, to: string, leave?: RegExp): void {
  const made = new Set<string>();
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || leave?.test(entry.name)) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    placeFile(source, target);
  }
}
