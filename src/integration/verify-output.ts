import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportModel } from '../lib/types.ts';
import { anchors } from '../site/format.ts';
import { pageFiles } from '../site/page-files.ts';

/** A part of the model that the built site does not show. */
export interface Discrepancy {
  page: string;
  missing: string;
}

/**
 * The conservation check: every message and every failure of the model has its element on its change page,
 * and the JSON API lists every change, message count and failure occurrence. Anything missing is a bug in
 * review-reports, never in the input, so the build fails with an internal error. `trusted` names the change
 * pages whose bytes passed this check in an earlier build for the same data (see `verified-pages.ts`): they are
 * not read again.
 */
export function verifyOutput(
  root: string,
  model: ReportModel,
  trusted: (page: string) => boolean = () => false,
): Discrepancy[] {
  const problems: Discrepancy[] = [];
  // Two changes (or signatures) with one slug would share one page: the later would hide the earlier.
  const pageOwners = new Map<string, string>();
  const claim = (page: string, owner: string) => {
    const earlier = pageOwners.get(page);
    if (earlier === undefined) pageOwners.set(page, owner);
    else problems.push({ page, missing: `${owner}, whose page is also the page of ${earlier}` });
  };
  for (const change of model.changes) claim(pageFiles.change(change.slug), `change ${change.id}`);
  for (const entry of model.signatures) claim(pageFiles.signature(entry.slug), `signature ${entry.signature}`);

  for (const change of model.changes) {
    const page = pageFiles.change(change.slug);
    const details = `api/changes/${change.slug}.json`;
    if (!existsSync(join(root, details))) problems.push({ page: details, missing: 'the file itself' });
    if (trusted(page)) continue;
    let html: string;
    try {
      html = readFileSync(join(root, page), 'utf8');
    } catch {
      problems.push({ page, missing: 'the page itself' });
      continue;
    }
    // Each page's ids, read once: asking the page text for every id costs minutes on a big export.
    const ids = new Set<string>();
    for (const match of html.matchAll(/\sid="([^"]*)"/g)) ids.add(match[1] as string);
    for (const message of change.messages) {
      if (!ids.has(anchors.message(message.id))) problems.push({ page, missing: `message ${message.id}` });
    }
    for (const run of change.runs) {
      run.failures.forEach((failure, index) => {
        const id = anchors.failure(run.name, run.build, index);
        if (!ids.has(id)) problems.push({ page, missing: `failure ${id} (${failure.signature})` });
      });
    }
  }

  const changesJson = readJson(root, 'api/changes.json', problems) as {
    changes?: Array<{ id: string; messages: number }>;
  };
  if (changesJson) {
    const listed = new Map((changesJson.changes ?? []).map((change) => [change.id, change.messages]));
    for (const change of model.changes) {
      if (listed.get(change.id) !== change.messages.length) {
        problems.push({
          page: 'api/changes.json',
          missing: `change ${change.id} with ${change.messages.length} messages`,
        });
      }
    }
  }
  const failuresJson = readJson(root, 'api/failures.json', problems) as {
    signatures?: Array<{ signature: string; occurrences: unknown[] }>;
  };
  if (failuresJson) {
    const listed = new Map((failuresJson.signatures ?? []).map((entry) => [entry.signature, entry.occurrences.length]));
    for (const entry of model.signatures) {
      if (listed.get(entry.signature) !== entry.occurrences.length) {
        problems.push({
          page: 'api/failures.json',
          missing: `signature ${entry.signature} with ${entry.occurrences.length} occurrences`,
        });
      }
    }
  }
  return problems;
}

function readJson(root: string, page: string, problems: Discrepancy[]): unknown {
  try {
    return JSON.parse(readFileSync(join(root, page), 'utf8'));
  } catch {
    problems.push({ page, missing: 'the file itself' });
    return null;
  }
}
