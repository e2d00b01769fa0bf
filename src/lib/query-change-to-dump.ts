import { accountName } from './account-name.ts';
import { type GerritMessageParts, gerritChangeToDump } from './gerrit-change-to-dump.ts';
import { type JsonFields, jsonValue } from './json-value.ts';
import { reviewText } from './review-text.ts';
import type { Dump, GerritChange, InlineComment, SourcePosition, Warning } from './types.ts';

/** One change of a JSON export, read: the dump, unless the value is not a change, and what was wrong with it. */
export interface JsonChangeResult {
  dump: Dump | null;
  warnings: Warning[];
}

/**
 * Reads one change of `gerrit query --format=JSON` (Gerrit's `json.txt`: the change attribute, with
 * `--comments`, `--patch-sets`, `--current-patch-set`, `--commit-message`) into a dump. Dates are epoch seconds. `comments[]` name no
 * patch set: their texts (`Patch Set 3: Verified-1 …`) do, and the classifier reads them as in a text dump.
 * Inline comments are listed per patch set and tied to no message, so each reviewer's on a patch set become one
 * message marked `mismatched`, as the CROP layout does with inline comments that matched no message.
 */
export function queryChangeToDump(value: unknown, position: SourcePosition, digest: string): JsonChangeResult {
  const warnings: Warning[] = [];
  const change = jsonValue(value);
  const changeId = change?.string('id')?.trim();
  if (!change || !changeId) {
    warnings.push({
      code: 'bad-json',
      ...position,
      message: 'a JSON line that is neither a change (it has no "id") nor a stats or error line; skipped',
    });
    return { dump: null, warnings };
  }
  const where = `change ${change.integer('number') ?? changeId}`;
  const messages: GerritMessageParts[] = [];
  (change.array('comments') ?? []).forEach((entry, index) => {
    const comment = jsonValue(entry);
    const text = comment?.string('message');
    if (!comment || text === undefined) {
      warnings.push({
        code: 'bad-json',
        ...position,
        message: `${where}, comment ${index + 1}: no message text; skipped`,
      });
      return;
    }
    const timestamp = epochDate(comment, 'timestamp');
    if (timestamp.date === null) {
      warnings.push({
        code: 'bad-date',
        ...position,
        message: `${where}, comment ${index + 1}: the timestamp ${JSON.stringify(timestamp.rawDate)} is not epoch seconds; the message is kept without a date`,
      });
    }
    const reviewer = accountName(comment.object('reviewer'));
    messages.push({ author: reviewer.name, username: reviewer.username, ...timestamp, text });
  });

  const patchSets: number[] = [];
  // `--current-patch-set` gives the current one as `currentPatchSet` (with its inline comments under
  // `--comments`); with `--patch-sets` it is in `patchSets` too, and read once.
  for (const entry of [...(change.array('patchSets') ?? []), change.object('currentPatchSet')]) {
    const patchSet = jsonValue(entry);
    const number = patchSet?.integer('number');
    if (!patchSet || number === undefined || patchSets.includes(number)) continue;
    patchSets.push(number);
    messages.push(...inlineMessages(patchSet, number, position));
  }

  const gerrit: GerritChange = {};
  const number = change.integer('number');
  if (number !== undefined) gerrit.number = number;
  for (const key of ['project', 'branch', 'status'] as const) {
    const field = change.string(key);
    if (field) gerrit[key] = field;
  }
  const owner = accountName(change.object('owner')).name;
  if (owner) gerrit.owner = owner;
  const url = httpUrl(change.string('url'));
  if (url) gerrit.url = url;
  const updated = epochDate(change, 'lastUpdated').date;
  if (updated) gerrit.updated = updated;

  const dump = gerritChangeToDump({
    layout: 'gerrit-query',
    position,
    changeId,
    commitMessage: change.string('commitMessage'),
    subject: change.string('subject'),
    patchSets,
    messages,
    gerrit,
    digest,
  });
  return { dump, warnings };
}

function epochDate(fields: JsonFields, key: string): { date: string | null; rawDate: string } {
  const seconds = fields.integer(key);
  const raw = seconds === undefined ? '' : String(seconds);
  // Beyond ±10^11 seconds a Date is out of range; no review was written then.
  if (seconds === undefined || Math.abs(seconds) > 1e11) return { date: null, rawDate: raw };
  return { date: new Date(seconds * 1000).toISOString(), rawDate: raw };
}

function inlineMessages(patchSet: JsonFields, number: number, position: SourcePosition): GerritMessageParts[] {
  const byReviewer = new Map<string, { username?: string; comments: InlineComment[] }>();
  for (const entry of patchSet.array('comments') ?? []) {
    const comment = jsonValue(entry);
    const path = comment?.string('file');
    const text = comment?.string('message');
    if (!comment || path === undefined || text === undefined) continue;
    const reviewer = accountName(comment.object('reviewer'));
    const group = byReviewer.get(reviewer.name) ?? { ...reviewer, comments: [] };
    byReviewer.set(reviewer.name, group);
    const line = comment.integer('line');
    const inline: InlineComment = { path, text: reviewText(text), position: { ...position } };
    // Gerrit files a comment on the whole file at line 0.
    if (line !== undefined && line > 0) inline.line = line;
    group.comments.push(inline);
  }
  return [...byReviewer].map(([author, group]) => {
    const message: GerritMessageParts = {
      author,
      date: null,
      rawDate: '',
      text: '',
      patchSet: number,
      inlineComments: group.comments,
      mismatched: true,
    };
    if (group.username) message.username = group.username;
    return message;
  });
}

function httpUrl(text: string | undefined): string | undefined {
  if (!text || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
