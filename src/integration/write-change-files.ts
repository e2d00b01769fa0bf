import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAILURE_RULES_VERSION } from '../lib/failure-rules.ts';
import { changeToJson, MODEL_JSON_VERSION } from '../lib/model-to-json.ts';
import type { Change, ReportModel } from '../lib/types.ts';
import { hasCutMessages } from '../site/message-limit.ts';

/**
 * Writes each change's files that are data, not pages: `api/changes/<slug>.json` (the change in the shape
 * `review-reports parse` prints) and, for a change with a message cut short on its page, the full text of its
 * messages in `changes/<slug>/messages.txt`. As Astro routes these cost Astro's per-route machinery (render, a
 * `Response`, two writes: the page and its incremental-cache copy) for a `JSON.stringify`: at 10k changes they
 * took as long as a third of the change pages.
 */
export function writeChangeFiles(root: string, model: ReportModel): { files: number } {
  let files = 0;
  mkdirSync(join(root, 'api', 'changes'), { recursive: true });
  for (const change of model.changes) {
    const body = { version: MODEL_JSON_VERSION, rulesVersion: FAILURE_RULES_VERSION, change: changeToJson(change) };
    writeFileSync(join(root, 'api', 'changes', `${change.slug}.json`), JSON.stringify(body));
    files++;
    if (hasCutMessages(change)) {
      mkdirSync(join(root, 'changes', change.slug), { recursive: true });
      writeFileSync(join(root, 'changes', change.slug, 'messages.txt'), changeText(change));
      files++;
    }
  }
  return { files };
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
