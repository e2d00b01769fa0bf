import {
  appendFileSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userReadSettings, userRules } from '../config/user-config.ts';
import { detectExportFormat } from '../lib/detect-export-format.ts';
import { failureRules } from '../lib/failure-rules.ts';
import { parseExport } from '../lib/parse-export.ts';
import { readLines } from '../lib/read-lines.ts';
import { splitJsonElements } from '../lib/split-json-elements.ts';
import type { Change, ExportFormat, ReportModel } from '../lib/types.ts';
import { loadConfigOption } from './load-config-option.ts';
import type { CommandIo } from './parse-command.ts';

export type ShardKey = 'project' | 'month';

/** The shard a change belongs to: its project (Gerrit's, else from its jobs), or the month of its first activity. */
export function shardOf(change: Change, by: ShardKey): string {
  const raw = by === 'project' ? change.project || 'other' : (change.firstActivity?.slice(0, 7) ?? 'undated');
  // The name becomes a folder and a URL path: keep it plain.
  return raw.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'other';
}

/**
 * `review-reports shard <export> --by project|month --out <dir>`: copies the export into one folder per shard
 * (every dump of a change goes to the same shard), so each shard can be built in a CI job of its own. The
 * export is only read. Files that are not dumps are left out, as every build would skip them. A Gerrit JSON
 * file holds many changes: each shard gets a file of the same name with only its changes.
 */
export function shardCommand(
  exportDir: string,
  options: { by: ShardKey; out: string; config?: string | undefined },
  io: CommandIo,
): number {
  const out = resolve(options.out);
  // The config's rules decide no shard today, but a bad config must fail here as it would in the build after.
  const config = loadConfigOption(options.config, io);
  if (!config) return 2;
  if (existsSync(out) && readdirSync(out).length > 0) {
    io.stderr(`review-reports: ${out} is not empty; shard into a new folder\n`);
    return 2;
  }
  let model: ReportModel;
  try {
    model = parseExport(exportDir, {
      rules: [...userRules(config), ...failureRules],
      settings: userReadSettings(config),
    });
  } catch (error) {
    io.stderr(`review-reports: cannot read the export directory ${exportDir}: ${(error as Error).message}\n`);
    return 2;
  }
  const changes = model.changes;
  const counts = new Map<string, number>();
  const shardById = new Map<string, string>();
  const jsonFiles = new Map<string, ExportFormat>();
  for (const change of changes) {
    const shard = shardOf(change, options.by);
    counts.set(shard, (counts.get(shard) ?? 0) + 1);
    shardById.set(change.id, shard);
    for (const file of change.files) {
      const format = jsonFiles.get(file) ?? formatOf(join(exportDir, file));
      if (format !== 'text') {
        jsonFiles.set(file, format);
        continue;
      }
      const target = join(out, shard, file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(exportDir, file), target);
    }
  }
  // A shard's JSON files are no longer Gerrit's pages: they say more changes follow only when the export did
  // (every page of it said so), so each shard reports a missing last page exactly when the whole export would.
  const incomplete = model.warnings.some(
    (warning) => warning.code === 'incomplete-query' && warning.line === undefined,
  );
  for (const [file, format] of jsonFiles) {
    const write = (shard: string, text: string) => {
      const target = join(out, shard, file);
      mkdirSync(dirname(target), { recursive: true });
      appendFileSync(target, text);
    };
    if (format === 'gerrit-query') shardQueryFile(join(exportDir, file), shardById, incomplete, write);
    else shardRestFile(join(exportDir, file), shardById, incomplete, write);
  }
  for (const [shard, count] of [...counts].sort()) io.stdout(`${shard}\t${count} changes\n`);
  return 0;
}

function formatOf(path: string): ExportFormat {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    return detectExportFormat(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  } finally {
    closeSync(fd);
  }
}

/** The Change-Id a JSON change names (`id` in `gerrit query`, `change_id` in REST), if the text is one. */
function changeIdOf(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as { id?: unknown; change_id?: unknown; type?: unknown };
    const id = typeof value.change_id === 'string' ? value.change_id : value.type ? undefined : value.id;
    return typeof id === 'string' ? id.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Each shard gets its changes' lines, a line at a time, and a stats line that counts them. */
function shardQueryFile(
  path: string,
  shardById: Map<string, string>,
  more: boolean,
  write: (shard: string, text: string) => void,
) {
  const rows = new Map<string, number>();
  const fd = openSync(path, 'r');
  try {
    for (const { bytes } of readLines(fd)) {
      const text = bytes.toString('utf8');
      const id = changeIdOf(text);
      const shard = id === undefined ? undefined : shardById.get(id);
      if (shard === undefined) continue;
      rows.set(shard, (rows.get(shard) ?? 0) + 1);
      write(shard, `${text}\n`);
    }
  } finally {
    closeSync(fd);
  }
  for (const [shard, rowCount] of rows)
    write(shard, `${JSON.stringify({ type: 'stats', rowCount, moreChanges: more })}\n`);
}

/** Each shard gets a page of its changes, guard line included. */
function shardRestFile(
  path: string,
  shardById: Map<string, string>,
  more: boolean,
  write: (shard: string, text: string) => void,
) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF?\)\]\}'[^\n]*\n?/, '');
  const pages = new Map<string, string[]>();
  for (const element of splitJsonElements(text).elements) {
    const id = changeIdOf(element.text);
    const shard = id === undefined ? undefined : shardById.get(id);
    if (shard === undefined) continue;
    const page = pages.get(shard) ?? [];
    page.push(element.text.includes('"_more_changes"') ? withoutMoreChanges(element.text) : element.text);
    pages.set(shard, page);
  }
  for (const [shard, elements] of pages) {
    if (more) elements.push(elements.pop()?.replace(/\}\s*$/, ',"_more_changes":true}') ?? '');
    write(shard, `)]}'\n[${elements.join(',\n')}]\n`);
  }
}

function withoutMoreChanges(text: string): string {
  const { _more_changes: _, ...change } = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(change);
}
