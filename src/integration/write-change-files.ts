import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOT_FORMATS_VERSION } from '../lib/bot-formats.ts';
import { FAILURE_RULES_VERSION } from '../lib/failure-rules.ts';
import { hashText } from '../lib/hash-text.ts';
import { changeToJson, MODEL_JSON_VERSION } from '../lib/model-to-json.ts';
import type { Change, ReportModel } from '../lib/types.ts';
import { hasCutMessages } from '../site/message-limit.ts';
import { placeFile } from './place-file.ts';

/** Where earlier builds' change files are kept, and what besides a change's own dumps decides their bytes. */
export interface ChangeFileCache {
  dir: string;
  /** The user config and the versions of the code that turn a change into its JSON. */
  basis: string;
}

/** What {@link writeChangeFiles} did. */
export interface ChangeFilesWritten {
  written: number;
  reused: number;
}

const cachedName = /^[A-Za-z0-9_-]+\.[0-9a-f]{16}\.json$/;

/**
 * Writes each change's files that are data, not pages: `api/changes/<slug>.json` (the change in the shape
 * `review-reports parse` prints) and, for a change with a message cut short on its page, the full text of its
 * messages in `changes/<slug>/messages.txt`. As Astro routes these cost Astro's per-route machinery (render, a
 * `Response`, two writes: the file and its incremental-cache copy) for a `JSON.stringify`: at 10k changes they
 * took as long as a third of the change pages. A change whose dumps and basis are unchanged since an earlier
 * build with this cache gets that build's file (a hard link; a copy across file systems) instead of a new one.
 */
export function writeChangeFiles(root: string, model: ReportModel, cache: ChangeFileCache | null): ChangeFilesWritten {
  const counts: ChangeFilesWritten = { written: 0, reused: 0 };
  mkdirSync(join(root, 'api', 'changes'), { recursive: true });
  if (cache) mkdirSync(cache.dir, { recursive: true });
  const current = new Set<string>();
  for (const change of model.changes) {
    const target = join(root, 'api', 'changes', `${change.slug}.json`);
    const name = cache ? `${change.slug}.${hashText(`${cache.basis}\u0000${change.digest}`, 16)}.json` : '';
    current.add(name);
    // A file left by an earlier `astro build` into the same folder may be a link to a cached file: unlinked
    // first, so writing over it never changes what the cache holds.
    rmSync(target, { force: true });
    if (cache && existsSync(join(cache.dir, name))) {
      placeFile(join(cache.dir, name), target);
      counts.reused++;
    } else {
      const body = { version: MODEL_JSON_VERSION, rulesVersion: FAILURE_RULES_VERSION, change: changeToJson(change) };
      writeFileSync(target, JSON.stringify(body));
      counts.written++;
      if (cache) {
        // Whole or not at all: a build killed here must not leave the next one a cut file under a good name.
        const partial = join(cache.dir, `${name}.${process.pid}.partial`);
        placeFile(target, partial);
        renameSync(partial, join(cache.dir, name));
      }
    }
    if (hasCutMessages(change)) {
      mkdirSync(join(root, 'changes', change.slug), { recursive: true });
      writeFileSync(join(root, 'changes', change.slug, 'messages.txt'), changeText(change));
    }
  }
  // Only files of this cache's own naming, and only those no change of this export uses any more.
  if (cache) {
    for (const name of readdirSync(cache.dir)) {
      if (cachedName.test(name) && !current.has(name)) rmSync(join(cache.dir, name), { force: true });
    }
  }
  return counts;
}

/** What, besides a change's dumps, its JSON depends on: the config, the model's versions and the package's. */
export function changeFileBasis(config: unknown, packageVersion: string): string {
  return JSON.stringify([config, MODEL_JSON_VERSION, FAILURE_RULES_VERSION, BOT_FORMATS_VERSION, packageVersion]);
}

/** Every message of a change in full, as plain text. */
export function changeText(change: Change): string {
  const parts = [`${change.subject}\nChange-Id: ${change.id}\n`];
  for (const message of change.messages) {
    parts.push(
      `${'-'.repeat(72)}\nAuthor: ${message.author}\nDate: ${message.date ?? 'unknown'}\nPatch set: ${message.patchSet}\n\n${message.text}\n`,
    );
    for (const comment of message.inlineComments) {
      parts.push(`\n${comment.path}${comment.line === undefined ? '' : `:${comment.line}`}: ${comment.text}\n`);
    }
  }
  return parts.join('');
}
