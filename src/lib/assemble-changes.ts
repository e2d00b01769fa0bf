import { classifyMessage } from './classify-message.ts';
import { collectRuns } from './collect-runs.ts';
import { dateRange } from './date-range.ts';
import type { FailureRule } from './failure-rules.ts';
import { failureRules } from './failure-rules.ts';
import { defaultTicketPattern, findTickets } from './find-tickets.ts';
import { gerritSummary } from './gerrit-summary.ts';
import { hashText } from './hash-text.ts';
import { messageKey } from './message-key.ts';
import { pinPositions } from './pin-positions.ts';
import { defaultReadSettings, type ReadSettings } from './read-settings.ts';
import { changeSlug } from './slug.ts';
import type { Build, Change, Dump, Message, Outcome, Warning } from './types.ts';

/** Changes assembled from dumps, with what was wrong on the way. */
export interface AssembledChanges {
  changes: Change[];
  warnings: Warning[];
}

/**
 * Groups dumps by Change-Id (in any order, under any file names) and merges each group into one change:
 * messages in date order, each kept once however many dumps hold it; builds; job runs (one per job name and
 * build number, however often the bot repeats it); votes; outcome. A dump without a Change-Id is a change
 * of its own.
 */
export function assembleChanges(
  dumps: readonly Dump[],
  rules: readonly FailureRule[] = failureRules,
  settings: ReadSettings = defaultReadSettings,
): AssembledChanges {
  const warnings: Warning[] = [];
  const groups = new Map<string, Dump[]>();
  for (const dump of dumps) {
    let id = dump.description.changeId;
    if (id === undefined) {
      id = `nochangeid-${hashText(dump.file, 12)}`;
      warnings.push({
        code: 'no-change-id',
        file: dump.file,
        line: dump.description.position.line,
        message: `the commit message has no Change-Id footer; the dump is reported as change ${id}`,
      });
    }
    const group = groups.get(id);
    if (group) group.push(dump);
    else groups.set(id, [dump]);
  }

  const changes: Change[] = [];
  for (const id of [...groups.keys()].sort()) {
    changes.push(assembleChange(id, groups.get(id) as Dump[], rules, settings, warnings));
  }
  return { changes, warnings };
}

function assembleChange(
  id: string,
  dumps: Dump[],
  rules: readonly FailureRule[],
  settings: ReadSettings,
  warnings: Warning[],
): Change {
  const slug = changeSlug(id);
  if (slug !== id) {
    const first = dumps[0] as Dump;
    warnings.push({
      code: 'bad-change-id',
      file: first.file,
      line: first.description.position.line,
      message: `the Change-Id ${JSON.stringify(id.slice(0, 80))} is not a plain identifier; its pages use ${slug}`,
    });
  }

  const patchSetOf = new Map(dumps.map((dump) => [dump, dumpPatchSet(dump)]));
  // A JSON export holds every patch set and the current commit message: it ranks by its newest patch set.
  const rank = (dump: Dump) => dump.patchSets?.at(-1) ?? (patchSetOf.get(dump) as number);
  const ordered = [...dumps].sort((a, b) => rank(a) - rank(b) || compare(a.file, b.file));
  const seen = new Map<string, Message>();
  const fingerprints = new Map<string, string>();
  const candidates: Array<{ message: Message; sortDate: string; order: number; named: boolean }> = [];
  let order = 0;

  for (const dump of ordered) {
    const ownPatchSet = patchSetOf.get(dump) as number;
    const keys: string[] = [];
    let lastDate = '';
    // A dump holds each message once: the same author, second and text twice in it (a recheck sent twice) are two
    // messages, and a dump that repeats them repeats both.
    const copies = new Map<string, number>();
    for (const [index, raw] of dump.messages.entries()) {
      const base = messageKey(raw);
      const copy = copies.get(base) ?? 0;
      copies.set(base, copy + 1);
      const key = copy === 0 ? base : hashText(`${base}#${copy}`, 40);
      keys.push(key);
      if (raw.date) lastDate = raw.date;
      const known = seen.get(key);
      if (known) {
        // The same message from a JSON export may say more than the text dump that came first.
        for (const field of ['tag', 'username'] as const) if (raw[field] && !known[field]) known[field] = raw[field];
        continue;
      }
      const classified = classifyMessage(raw.text, { file: raw.position.file, line: raw.textLine }, rules, settings);
      if (dump.layout.startsWith('gerrit-')) pinPositions(classified, raw.position, index + 1);
      const message: Message = {
        ...classified,
        // A join is one flat string; a template literal would be a cons string pinning the whole key.
        id: ['m-', key.slice(0, 12)].join(''),
        author: raw.author,
        date: raw.date,
        text: raw.text,
        inlineComments: raw.inlineComments,
        mismatched: raw.mismatched,
        // Gerrit's JSON files each message under its patch set; that beats what the text names.
        patchSet: raw.patchSet ?? classified.patchSet ?? ownPatchSet,
        position: raw.position,
      };
      for (const field of ['tag', 'username'] as const) if (raw[field] !== undefined) message[field] = raw[field];
      seen.set(key, message);
      candidates.push({
        message,
        sortDate: raw.date ?? lastDate,
        order: order++,
        named: raw.patchSet !== undefined || classified.patchSet !== undefined,
      });
    }
    // A change in a JSON export and in text dumps (or in both JSON forms) is a mixed export, not a copied file.
    if (dump.layout.startsWith('gerrit-')) continue;
    const fingerprint = hashText(`${dump.description.text}\u0000${keys.join('\u0000')}`, 16);
    const earlier = fingerprints.get(fingerprint);
    if (earlier !== undefined) {
      warnings.push({
        code: 'duplicate-dump',
        file: dump.file,
        message: `the dump repeats ${earlier}; its messages are counted once`,
      });
    } else {
      fingerprints.set(fingerprint, dump.file);
    }
  }

  candidates.sort((a, b) => compare(a.sortDate, b.sortDate) || a.order - b.order);
  // A message that names no patch set (a merge, an abandon, a plain comment) is about the newest patch set
  // named so far, not the first one its dump happens to hold.
  let current = 0;
  for (const { message, named } of candidates) {
    if (named) current = Math.max(current, message.patchSet);
    else if (current > 0) message.patchSet = current;
  }
  const messages = candidates.map((candidate) => candidate.message);
  const latest = ordered.at(-1) as Dump;
  const description = latest.description;

  const builds: Build[] = [];
  for (const message of messages) {
    if (!message.build) continue;
    const build: Build = {
      messageId: message.id,
      patchSet: message.patchSet,
      date: message.date,
      verdict: message.build.verdict,
      family: message.build.family,
      jobs: message.build.jobs,
      failures: message.build.failures,
    };
    if (message.build.pipeline) build.pipeline = message.build.pipeline;
    builds.push(build);
  }
  const runs = collectRuns(messages, settings, warnings);

  const activity = dateRange(messages.map((message) => message.date));
  const patchSets = new Set<number>(messages.map((message) => message.patchSet));
  for (const dump of dumps)
    [patchSetOf.get(dump) as number, ...(dump.patchSets ?? [])].forEach(patchSets.add, patchSets);
  if (patchSets.size > 1) patchSets.delete(0);
  const gerrit = gerritSummary(dumps);

  const change: Change = {
    id,
    slug,
    subject: description.subject,
    body: description.body,
    description: description.text,
    // The reader finds tickets by the default pattern; a configured one reads the commit message again.
    tickets:
      settings.ticketPattern === defaultTicketPattern
        ? description.tickets
        : findTickets(`${description.subject}\n${description.body}`, settings.ticketPattern),
    owner: gerrit.change?.owner ?? findOwner(messages),
    project: gerrit.change?.project ?? mostCommon(runs.map((run) => run.project)),
    patchSets: [...patchSets].sort((a, b) => a - b),
    messages,
    builds,
    runs,
    votes: messages.flatMap((message) =>
      message.votes.map((vote) => ({
        ...vote,
        patchSet: message.patchSet,
        author: message.author,
        date: message.date,
        messageId: message.id,
      })),
    ),
    outcome: gerrit.outcome ?? findOutcome(messages),
    firstActivity: activity.first,
    lastActivity: activity.last,
    files: dumps.map((dump) => dump.file).sort(compare),
    digest: hashText(
      dumps
        .map((dump) => `${dump.file}\u0000${dump.digest ?? hashText(JSON.stringify(dump), 16)}`)
        .sort(compare)
        .join('\u0000'),
      16,
    ),
  };
  if (description.series) change.series = description.series;
  if (gerrit.change) change.gerrit = gerrit.change;
  return change;
}

/** The patch set a dump is about: the one its upload message names, else the highest one any message names. */
function dumpPatchSet(dump: Dump): number {
  let highest = 0;
  for (const message of dump.messages) {
    const upload = /^Uploaded patch set (\d+)/i.exec(message.text);
    if (upload) return Number(upload[1]);
    const named = /^Patch Set (\d+)/i.exec(message.text);
    if (named) highest = Math.max(highest, Number(named[1]));
  }
  return highest;
}

function findOwner(messages: readonly Message[]): string {
  const uploads = messages.filter((message) => message.kind === 'upload');
  const first = uploads.find((message) => message.patchSet === 1) ?? uploads[0] ?? messages[0];
  return first?.author ?? '';
}

function findOutcome(messages: readonly Message[]): Outcome {
  let outcome: Outcome = 'open';
  for (const message of messages) {
    if (message.kind === 'merged') return 'merged';
    if (message.kind === 'abandoned') outcome = 'abandoned';
    else if (message.kind === 'restored') outcome = 'open';
  }
  return outcome;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [value, count] of [...counts].sort((a, b) => compare(a[0], b[0]))) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
