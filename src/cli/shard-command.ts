import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseExport } from '../lib/parse-export.ts';
import type { Change } from '../lib/types.ts';
import type { CommandIo } from './parse-command.ts';

export type ShardKey = 'project' | 'month';

/** The shard a change belongs to: its project (from its jobs), or the month of its first activity. */
export function shardOf(change: Change, by: ShardKey): string {
  const raw = by === 'project' ? change.project || 'other' : (change.firstActivity?.slice(0, 7) ?? 'undated');
  // The name becomes a folder and a URL path: keep it plain.
  return raw.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'other';
}

/**
 * `review-reports shard <export> --by project|month --out <dir>`: copies the export into one folder per shard
 * (every dump of a change goes to the same shard), so each shard can be built in a CI job of its own. The
 * export is only read. Files that are not dumps are left out, as every build would skip them.
 */
export function shardCommand(exportDir: string, options: { by: ShardKey; out: string }, io: CommandIo): number {
  const out = resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0) {
    io.stderr(`review-reports: ${out} is not empty; shard into a new folder\n`);
    return 2;
  }
  let changes: Change[];
  try {
    changes = parseExport(exportDir).changes;
  } catch (error) {
    io.stderr(`review-reports: cannot read the export directory ${exportDir}: ${(error as Error).message}\n`);
    return 2;
  }
  const counts = new Map<string, number>();
  for (const change of changes) {
    const shard = shardOf(change, options.by);
    counts.set(shard, (counts.get(shard) ?? 0) + 1);
    for (const file of change.files) {
      const target = join(out, shard, file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(exportDir, file), target);
    }
  }
  for (const [shard, count] of [...counts].sort()) io.stdout(`${shard}\t${count} changes\n`);
  return 0;
}
