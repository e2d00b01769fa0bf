import { extractBuild } from './extract-build.ts';
import type { FailureRule } from './failure-rules.ts';
import { failureRules } from './failure-rules.ts';
import { matchVerdict } from './match-verdict.ts';
import { ownString } from './own-string.ts';
import { defaultReadSettings, type ReadSettings } from './read-settings.ts';
import type { ClassifiedMessage, SourcePosition, UploadKind, Vote } from './types.ts';

const uploaded = /^Uploaded patch set (\d+)\s*(?:[.:]\s*(.*))?$/i;
const patchSetLine = /^Patch Set (\d+)\s*:?\s*(.*)$/i;
const voteToken = /^([A-Za-z][A-Za-z0-9_-]*?)([+-]\d+)$/;
const removedVote = /^-([A-Za-z][A-Za-z0-9_-]*)$/;
const commentCount = /^\((\d+) (?:inline )?comments?\)$/i;
const merged = /^Change has been successfully (merged|pushed|rebased and submitted|submitted)\b/i;
const submittedByCherryPick = /^Change has been successfully cherry-picked\b/i;
const cherryPicked = /^(?:Cherry Picked\b|This patchset was cherry picked to\b)/i;
const abandoned = /^Abandoned\b/i;
const restored = /^Restored\b/i;
const removedByLine = /^Removed ([A-Za-z][A-Za-z0-9_-]*?)[+-]\d+ by \S/;
const removedListItem = /^\*\s*([A-Za-z][A-Za-z0-9_-]*?)[+-]\d+ by \S/;
const reverted = /^(?:Created a revert of this change\b|Reverted\b)/i;

/**
 * Reads what a review message is: an upload, a build start or result, a merge, cherry-pick, abandon, restore
 * or revert, votes, or a human comment. A message that is none of these is a comment: nothing is dropped.
 * `at` is where the message text starts, for the positions of jobs and failures.
 */
export function classifyMessage(
  text: string,
  at: SourcePosition,
  rules: readonly FailureRule[] = failureRules,
  settings: ReadSettings = defaultReadSettings,
): ClassifiedMessage {
  // Only the first lines decide the kind: a bot verdict has hundreds more, which are not split here.
  const firstEnd = text.indexOf('\n');
  const first = (firstEnd < 0 ? text : text.slice(0, firstEnd)).trim();
  const afterFirst = firstEnd < 0 ? text.length : firstEnd + 1;
  const result: ClassifiedMessage = { kind: 'comment', votes: [] };

  const upload = uploaded.exec(first);
  if (upload) {
    result.kind = 'upload';
    result.patchSet = Number(upload[1]);
    const rest = upload[2] ?? '';
    result.upload = uploadKind(rest);
    result.votes = readVotes(rest.replace(/\.$/, '')).votes;
  }
  const patchSet = upload ? null : patchSetLine.exec(first);
  // The first two lines of text after the header: `Patch Set 3: Cherry Picked` or an old-style `Patch Set 2:
  // Looks good to me` keep their words as text.
  const body: string[] = [];
  let headerWords = false;
  if (patchSet) {
    result.patchSet = Number(patchSet[1]);
    const header = readVotes(patchSet[2] ?? '');
    result.votes = header.votes;
    headerWords = header.text !== '';
    if (headerWords) body.push(header.text.trim());
    firstNonBlank(text, afterFirst, 2, body);
  } else {
    firstNonBlank(text, upload ? afterFirst : 0, 2, body);
  }

  const count = body.length > 0 ? commentCount.exec(body[0] as string) : null;
  if (count) result.commentCount = Number(count[1]);
  // Gerrit before 2.8 wrote a vote as its label's words on the Patch Set line (`Patch Set 1: Fails`, `Patch Set
  // 2: Verified`) and the bot's verdict led the paragraph under it: that line leads when it is a verdict.
  const under = headerWords && !count ? (body[1] ?? '') : '';
  const lead =
    under !== '' && matchVerdict(under, settings.formats).length > 0 ? under : ((count ? body[1] : body[0]) ?? '');
  if (upload) return result;

  for (const format of settings.formats) {
    const started = format.started?.exec(lead)?.groups;
    if (!started) continue;
    result.kind = 'build-started';
    result.buildStart = {
      url: started.url ?? '',
      index: Number(started.index ?? 0),
      total: Number(started.total ?? 0),
    };
    if (started.pipeline) result.buildStart.pipeline = started.pipeline;
    return result;
  }
  // Only a verdict that leads the message counts: a human quoting "Build Failed" is still commenting.
  const build = matchVerdict(lead, settings.formats).length > 0 ? extractBuild(text, at, rules, settings) : null;
  if (build) {
    result.kind = 'build-result';
    result.build = build;
    return result;
  }
  if (merged.test(lead) || submittedByCherryPick.test(lead)) result.kind = 'merged';
  else if (cherryPicked.test(lead)) result.kind = 'cherry-picked';
  else if (abandoned.test(lead)) result.kind = 'abandoned';
  else if (restored.test(lead)) result.kind = 'restored';
  else if (reverted.test(lead)) result.kind = 'reverted';
  else if (result.votes.length > 0 && body.length === 0) result.kind = 'vote';
  else {
    const removed = removedVotes(text, first);
    if (removed.length > 0) {
      result.kind = 'vote';
      result.votes = removed;
    }
  }
  return result;
}

/** Gerrit's `Removed Code-Review+2 by …` and `Removed the following votes:` lists (`* Verified-1 by …`). */
function removedVotes(text: string, first: string): Vote[] {
  const single = removedByLine.exec(first);
  if (single) return [{ label: single[1] as string, value: 0, removed: true }];
  if (!/^Removed the following votes:?$/i.test(first)) return [];
  return text
    .split('\n')
    .slice(1)
    .map((line) => removedListItem.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ label: match[1] as string, value: 0, removed: true }));
}

/** Adds the next non-blank lines of `text` from offset `from`, trimmed, until `found` holds `wanted`. */
function firstNonBlank(text: string, from: number, wanted: number, found: string[]): void {
  let start = from;
  while (found.length < wanted && start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const trimmed = text.slice(start, end).trim();
    if (trimmed !== '') found.push(trimmed);
    start = end + 1;
  }
}

function uploadKind(rest: string): UploadKind {
  if (rest === '') return 'new';
  if (/was rebased/i.test(rest)) return 'rebase';
  if (/commit message was updated/i.test(rest)) return 'commit-message';
  if (/^[A-Za-z][\w-]*[+-]\d+/.test(rest)) return 'new';
  return 'other';
}

/** Reads the votes at the start of a `Patch Set N:` line; what is not a vote is returned as text. */
function readVotes(line: string): { votes: Vote[]; text: string } {
  const votes: Vote[] = [];
  const tokens = line
    .trim()
    .split(/\s+/)
    .filter((token) => token !== '');
  let k = 0;
  for (; k < tokens.length; k++) {
    const token = (tokens[k] as string).replace(/[.,]$/, '');
    const vote = voteToken.exec(token);
    if (vote) {
      // Labels recur on every vote of an export: one shared string each instead of one per vote.
      votes.push({ label: ownString(vote[1] as string), value: Number(vote[2]), removed: false });
      continue;
    }
    const removed = removedVote.exec(token);
    if (removed) {
      votes.push({ label: ownString(removed[1] as string), value: 0, removed: true });
      continue;
    }
    break;
  }
  return { votes, text: tokens.slice(k).join(' ') };
}
