import type { Change, Message } from '../lib/types.ts';

/** One line of a patch set's timeline. */
export interface TimelineEvent {
  messageId: string;
  date: string | null;
  author: string;
  kind: Message['kind'];
  /** A short description, e.g. `Uploaded (rebased)` or `Build failed: 2 of 7 jobs failed`. */
  summary: string;
}

export interface PatchSetTimeline {
  patchSet: number;
  events: TimelineEvent[];
}

/** The change's messages as a compact timeline per patch set, in order. */
export function patchSetTimeline(change: Change): PatchSetTimeline[] {
  const groups: PatchSetTimeline[] = [];
  for (const message of change.messages) {
    let group = groups.find((candidate) => candidate.patchSet === message.patchSet);
    if (!group) {
      group = { patchSet: message.patchSet, events: [] };
      groups.push(group);
    }
    group.events.push({
      messageId: message.id,
      date: message.date,
      author: message.author,
      kind: message.kind,
      summary: summarize(message),
    });
  }
  return groups.sort((a, b) => a.patchSet - b.patchSet);
}

const verdictWords = {
  successful: 'Build successful',
  failed: 'Build failed',
  unstable: 'Build unstable',
  aborted: 'Build aborted',
  'no-builds': 'No builds executed',
  'merge-failed': 'Merge failed',
} as const;

const uploadWords = {
  new: 'Uploaded',
  rebase: 'Uploaded (rebased)',
  'commit-message': 'Uploaded (commit message updated)',
  other: 'Uploaded',
} as const;

function summarize(message: Message): string {
  const votes = message.votes.map((vote) =>
    vote.removed ? `removed ${vote.label}` : `${vote.label}${vote.value > 0 ? '+' : ''}${vote.value}`,
  );
  const withVotes = (text: string) => (votes.length > 0 ? `${text} · ${votes.join(', ')}` : text);
  switch (message.kind) {
    case 'upload':
      return withVotes(uploadWords[message.upload ?? 'new']);
    case 'build-started':
      if (message.buildStart?.pipeline) return `Build started (${message.buildStart.pipeline} pipeline)`;
      return message.buildStart && message.buildStart.total > 0
        ? `Build started (${message.buildStart.index}/${message.buildStart.total})`
        : 'Build started';
    case 'build-result': {
      const build = message.build;
      if (!build) return 'Build result';
      const failed = build.jobs.filter((job) => job.outcome !== 'passed').length;
      const detail = build.jobs.length > 0 ? `: ${failed} of ${build.jobs.length} jobs not successful` : '';
      const pipeline = build.pipeline ? ` (${build.pipeline} pipeline)` : '';
      return withVotes(`${verdictWords[build.verdict]}${pipeline}${detail}`);
    }
    case 'merged':
      return 'Merged';
    case 'cherry-picked':
      return 'Cherry-picked';
    case 'abandoned':
      return 'Abandoned';
    case 'restored':
      return 'Restored';
    case 'reverted':
      return 'Reverted';
    case 'vote':
      return votes.join(', ');
    default: {
      const count = message.commentCount ?? message.inlineComments.length;
      const text = count > 0 ? `Commented (${count} inline)` : 'Commented';
      return withVotes(message.mismatched ? 'Inline comments (unmatched)' : text);
    }
  }
}
