import { accountName } from './account-name.ts';
import { type GerritMessageParts, gerritChangeToDump } from './gerrit-change-to-dump.ts';
import { jsonValue } from './json-value.ts';
import { parseDate } from './parse-date.ts';
import type { JsonChangeResult } from './query-change-to-dump.ts';
import type { GerritChange, SourcePosition, Warning } from './types.ts';

/**
 * Reads one ChangeInfo of Gerrit's REST API (`rest-api-changes.txt`, queried with `o=MESSAGES`,
 * `o=ALL_REVISIONS`, `o=DETAILED_ACCOUNTS`, `o=CURRENT_COMMIT`) into a dump. Dates are Gerrit timestamps
 * (`2018-05-25 19:57:19.000000000`, UTC); each ChangeMessageInfo names its patch set (`_revision_number`)
 * and may carry a `tag`. The commit message is the current revision's (else the newest revision's that has one).
 */
export function restChangeToDump(value: unknown, position: SourcePosition, digest: string): JsonChangeResult {
  const warnings: Warning[] = [];
  const change = jsonValue(value);
  const changeId = change?.string('change_id')?.trim();
  if (!change || !changeId) {
    warnings.push({
      code: 'bad-json',
      ...position,
      message: 'a JSON value that is not a ChangeInfo (it has no "change_id"); skipped',
    });
    return { dump: null, warnings };
  }
  const where = `change ${change.integer('_number') ?? changeId}`;
  const messages: GerritMessageParts[] = [];
  (change.array('messages') ?? []).forEach((entry, index) => {
    const message = jsonValue(entry);
    const text = message?.string('message');
    if (!message || text === undefined) {
      warnings.push({
        code: 'bad-json',
        ...position,
        message: `${where}, message ${index + 1}: no message text; skipped`,
      });
      return;
    }
    const rawDate = message.string('date') ?? '';
    const date = parseDate(rawDate);
    if (date === null) {
      warnings.push({
        code: 'bad-date',
        ...position,
        message: `${where}, message ${index + 1}: the date ${JSON.stringify(rawDate.slice(0, 60))} does not parse; the message is kept without a date`,
      });
    }
    const author = accountName(message.object('author'));
    const parts: GerritMessageParts = { author: author.name, username: author.username, date, rawDate, text };
    const patchSet = message.integer('_revision_number');
    if (patchSet !== undefined) parts.patchSet = patchSet;
    const tag = message.string('tag');
    if (tag) parts.tag = tag;
    messages.push(parts);
  });

  const revisions = Object.entries(change.object('revisions') ?? {}).flatMap(([sha, entry]) => {
    const revision = jsonValue(entry);
    const number = revision?.integer('_number');
    if (!revision || number === undefined) return [];
    return [{ sha, number, message: jsonValue(revision.object('commit'))?.string('message') }];
  });
  revisions.sort((a, b) => a.number - b.number);
  const current = change.string('current_revision');
  const commitMessage =
    revisions.find((revision) => revision.sha === current && revision.message !== undefined)?.message ??
    revisions.findLast((revision) => revision.message !== undefined)?.message;

  const gerrit: GerritChange = {};
  const number = change.integer('_number');
  if (number !== undefined) gerrit.number = number;
  for (const key of ['project', 'branch', 'status'] as const) {
    const field = change.string(key);
    if (field) gerrit[key] = field;
  }
  const owner = accountName(change.object('owner')).name;
  if (owner) gerrit.owner = owner;
  const updated = parseDate(change.string('updated') ?? '');
  if (updated) gerrit.updated = updated;

  const dump = gerritChangeToDump({
    layout: 'gerrit-rest',
    position,
    changeId,
    commitMessage,
    subject: change.string('subject'),
    patchSets: revisions.map((revision) => revision.number),
    messages,
    gerrit,
    digest,
  });
  return { dump, warnings };
}
