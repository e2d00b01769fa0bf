import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/lib/classify-message.ts';
import type { ClassifiedMessage } from '../../src/lib/types.ts';

const at = { file: 'dump.txt', line: 40 };
const classify = (text: string): ClassifiedMessage => classifyMessage(text, at);
const job = 'http://cv.jenkins.couchbase.com/job/kv_engine-linux-master/4026/';

describe('classifyMessage: uploads', () => {
  it('reads a new patch set', () => {
    expect(classify('Uploaded patch set 1.')).toEqual({ kind: 'upload', patchSet: 1, upload: 'new', votes: [] });
  });

  it('reads a rebase', () => {
    expect(classify('Uploaded patch set 25: Patch Set 24 was rebased.')).toEqual({
      kind: 'upload',
      patchSet: 25,
      upload: 'rebase',
      votes: [],
    });
  });

  it('reads a commit message update', () => {
    expect(classify('Uploaded patch set 3: Commit message was updated.')).toEqual({
      kind: 'upload',
      patchSet: 3,
      upload: 'commit-message',
      votes: [],
    });
  });

  it('reads votes carried by an upload', () => {
    expect(classify('Uploaded patch set 2: Code-Review+1 Verified+1.')).toEqual({
      kind: 'upload',
      patchSet: 2,
      upload: 'new',
      votes: [
        { label: 'Code-Review', value: 1, removed: false },
        { label: 'Verified', value: 1, removed: false },
      ],
    });
  });

  it('keeps any other upload note as an upload of kind other', () => {
    expect(
      classify(
        'Uploaded patch set 5: New patch set was added with same tree, parent, and commit message as Patch Set 4.',
      ),
    ).toEqual({ kind: 'upload', patchSet: 5, upload: 'other', votes: [] });
  });
});

describe('classifyMessage: votes', () => {
  it('reads a negative vote', () => {
    expect(classify('Patch Set 25: Verified-1')).toEqual({
      kind: 'vote',
      patchSet: 25,
      votes: [{ label: 'Verified', value: -1, removed: false }],
    });
  });

  it('reads a positive vote', () => {
    expect(classify('Patch Set 3: Code-Review+2')).toEqual({
      kind: 'vote',
      patchSet: 3,
      votes: [{ label: 'Code-Review', value: 2, removed: false }],
    });
  });

  it('reads a removed vote', () => {
    expect(classify('Patch Set 3: -Verified')).toEqual({
      kind: 'vote',
      patchSet: 3,
      votes: [{ label: 'Verified', value: 0, removed: true }],
    });
  });

  it('reads several votes in one message', () => {
    expect(classify('Patch Set 4: Code-Review+2 Verified+1 -Well-Formed')).toEqual({
      kind: 'vote',
      patchSet: 4,
      votes: [
        { label: 'Code-Review', value: 2, removed: false },
        { label: 'Verified', value: 1, removed: false },
        { label: 'Well-Formed', value: 0, removed: true },
      ],
    });
  });

  it('calls a vote with words a comment, keeping the vote', () => {
    expect(classify('Patch Set 7: Code-Review+2\n\nThanks, nice catch.')).toEqual({
      kind: 'comment',
      patchSet: 7,
      votes: [{ label: 'Code-Review', value: 2, removed: false }],
    });
  });
});

describe('classifyMessage: removed votes', () => {
  it("reads Gerrit's note that a vote was removed", () => {
    expect(classify('Removed Code-Review+2 by Dave Rigby <daver@couchbase.com>')).toEqual({
      kind: 'vote',
      votes: [{ label: 'Code-Review', value: 0, removed: true }],
    });
  });

  it('reads a list of removed votes', () => {
    expect(
      classify('Removed the following votes:\n\n* Code-Review+2 by Dave Rigby <d@x>\n* Verified-1 by Build Bot <b@x>'),
    ).toEqual({
      kind: 'vote',
      votes: [
        { label: 'Code-Review', value: 0, removed: true },
        { label: 'Verified', value: 0, removed: true },
      ],
    });
  });

  it('keeps a removed reviewer as a comment', () => {
    expect(classify('Removed reviewer Dave Rigby.')).toEqual({ kind: 'comment', votes: [] });
  });
});

describe('classifyMessage: builds', () => {
  it('reads a build start with its position in the set', () => {
    expect(classify(`Patch Set 12:\n\nBuild Started ${job} (3/6)`)).toEqual({
      kind: 'build-started',
      patchSet: 12,
      votes: [],
      buildStart: { url: job, index: 3, total: 6 },
    });
  });

  it("reads Zuul's start of a pipeline as a build start", () => {
    expect(classify('Patch Set 1:\n\nStarting check jobs.').buildStart).toEqual({
      url: '',
      index: 0,
      total: 0,
      pipeline: 'check',
    });
  });

  it('reads a build start without a position', () => {
    expect(classify(`Patch Set 12:\n\nBuild Started ${job}`).buildStart).toEqual({ url: job, index: 0, total: 0 });
  });

  for (const [line, verdict, result] of [
    ['Build Successful ', 'successful', 'SUCCESS'],
    ['Build Failed ', 'failed', 'FAILURE'],
    ['Build Unstable ', 'unstable', 'UNSTABLE'],
    ['Build Aborted ', 'aborted', 'ABORTED'],
    ['No Builds Executed ', 'no-builds', 'NOT_BUILT'],
  ] as const) {
    it(`reads the verdict "${line.trim()}"`, () => {
      const classified = classify(`Patch Set 12: Verified-1\n\n${line}\n\n${job} : ${result}`);
      expect([classified.kind, classified.patchSet, classified.build?.verdict, classified.votes]).toEqual([
        'build-result',
        12,
        verdict,
        [{ label: 'Verified', value: -1, removed: false }],
      ]);
      expect(classified.build?.jobs.map((j) => [j.name, j.build, j.result, j.position])).toEqual([
        ['kv_engine-linux-master', 4026, result, { file: 'dump.txt', line: 44 }],
      ]);
    });
  }

  // A person writes "Build failed …" too. The bot's verdict line is the verdict alone (Gerrit Trigger) or the
  // verdict with the pipeline's text after it and job lines under it (Zuul): a sentence that starts like a
  // verdict, with nothing under it a bot would print, is a comment.
  for (const [text, commentCount] of [
    ['Patch Set 2:\n\nBuild failed on my laptop too: tox -e py38 needs the old virtualenv.', undefined],
    ["Patch Set 1:\n\n(1 comment)\n\nBuild Failed locally too, I think it's the mvn 3.9 bump.", 1],
    ['Patch Set 1:\n\nBuild failed:\nsee the sonar job', undefined],
    ['Patch Set 3:\n\nBuild succeeded. Merging once the docs job is fixed.', undefined],
  ] as const) {
    it(`reads the comment "${text.split('\n').at(-1)}" as a comment`, () => {
      const classified = classify(text);
      expect([classified.kind, classified.commentCount, classified.build]).toEqual([
        'comment',
        commentCount,
        undefined,
      ]);
    });
  }

  it('reads a verdict line alone as a verdict, with or without job lines', () => {
    expect(classify('Patch Set 3: Verified-1\n\nBuild Failed').build).toEqual({
      verdict: 'failed',
      family: 'gerrit-trigger',
      jobs: [],
      failures: [],
    });
    expect(classify('Patch Set 3: Verified-1\n\nBuild failed.').build?.verdict).toBe('failed');
  });

  it('reads a verdict with words after it as a verdict when job lines follow', () => {
    const classified = classify(`Patch Set 3: Verified-1\n\nBuild Failed for kv_engine, see below\n\n${job} : FAILURE`);
    expect([classified.kind, classified.build?.verdict, classified.build?.jobs.map((j) => j.build)]).toEqual([
      'build-result',
      'failed',
      [4026],
    ]);
  });

  it("reads Zuul's dequeue report (`Build canceled.`, the pipeline's dequeue-message) as an aborted build", () => {
    const classified = classify(
      [
        'Patch Set 1:',
        '',
        'Build canceled (gate pipeline).',
        '',
        '- openstack-tox-py311 https://zuul.opendev.org/t/openstack/build/aa1b2c3d4e5f40718293a4b5c6d7e8f9 : ABORTED in 2m 11s',
        '- nova-next nova-next : CANCELED',
      ].join('\n'),
    );
    expect([classified.kind, classified.build?.verdict, classified.build?.family, classified.build?.pipeline]).toEqual([
      'build-result',
      'aborted',
      'zuul',
      'gate',
    ]);
    expect(classified.build?.jobs.map((j) => [j.name, j.build, j.result, j.outcome, j.durationSeconds])).toEqual([
      ['openstack-tox-py311', 'aa1b2c3d4e5f40718293a4b5c6d7e8f9', 'ABORTED', 'inconclusive', 131],
      ['nova-next', 'dump.txt:45', 'CANCELED', 'inconclusive', undefined],
    ]);
    expect(classify('Build canceled.\n\n- tox-py312 tox-py312 : CANCELED').build?.verdict).toBe('aborted');
  });

  // Gerrit before 2.8 wrote a vote as its label's words on the Patch Set line (`Fails`, `Verified`, `Looks good
  // to me, approved`); the bot's verdict leads the paragraph under it.
  it("reads the verdict under an old Gerrit's vote words", () => {
    const zuul = classify(
      [
        'Patch Set 1: Fails',
        '',
        'Build failed.  For information on how to proceed, see https://wiki.openstack.org/wiki/GerritJenkinsGit#Test_Failures',
        '',
        '- gate-nova-pep8 http://logs.openstack.org/12/34512/1/check/gate-nova-pep8/1a2b3c4 : SUCCESS in 4m 12s',
        '- gate-nova-python27 http://logs.openstack.org/12/34512/1/check/gate-nova-python27/2b3c4d5 : FAILURE in 12m 01s',
      ].join('\n'),
    );
    expect([zuul.kind, zuul.patchSet, zuul.votes, zuul.build?.verdict, zuul.build?.family]).toEqual([
      'build-result',
      1,
      [],
      'failed',
      'zuul',
    ]);
    expect(zuul.build?.jobs.map((j) => [j.name, j.result, j.outcome, j.durationSeconds, j.position.line])).toEqual([
      ['gate-nova-pep8', 'SUCCESS', 'passed', 252, 44],
      ['gate-nova-python27', 'FAILURE', 'failed', 721, 45],
    ]);
    const jenkins = classify(
      `Patch Set 2: Verified; Looks good to me, approved\n\nBuild Successful \n\n${job} : SUCCESS`,
    );
    expect([jenkins.kind, jenkins.build?.verdict, jenkins.build?.jobs.map((j) => j.build)]).toEqual([
      'build-result',
      'successful',
      [4026],
    ]);
  });

  it("keeps a person's old-style vote with a sentence under it a comment", () => {
    expect(classify('Patch Set 2: Looks good to me\n\nBuild failed on my box though.').kind).toBe('comment');
  });

  it('does not take a quoted verdict in a human comment for a build result', () => {
    expect(classify('Patch Set 4:\n\nWhy did we get "Build Failed" here?\n\nBuild Failed')).toEqual({
      kind: 'comment',
      patchSet: 4,
      votes: [],
    });
  });
});

describe('classifyMessage: change events', () => {
  for (const [text, kind] of [
    ['Change has been successfully merged by Dave Rigby', 'merged'],
    ['Change has been successfully merged into the git repository by Dave Rigby', 'merged'],
    ['Change has been successfully cherry-picked as 8d6e7f0a by Dave Rigby', 'merged'],
    ['Change has been successfully pushed.', 'merged'],
    [
      'Patch Set 3: Cherry Picked\n\nThis patchset was cherry picked to branch vulcan as commit 8d6e7f0a',
      'cherry-picked',
    ],
    ['This patchset was cherry picked to branch alice as commit 8d6e7f0a', 'cherry-picked'],
    ['Abandoned\n\nSuperseded by http://review.couchbase.org/94121', 'abandoned'],
    ['Patch Set 2: Abandoned', 'abandoned'],
    ['Restored', 'restored'],
    ['Restored\n\nStill needed for vulcan.', 'restored'],
    ['Created a revert of this change as I0d7c4a7bd1d6e3f2a1b0c9d8e7f6a5b4c3d2e1f0', 'reverted'],
    ['Reverted\n\nThis patchset was reverted in change: I0d7c4a7b', 'reverted'],
  ] as const) {
    it(`reads "${text.split('\n')[0]}" as ${kind}`, () => {
      expect(classify(text).kind).toBe(kind);
    });
  }
});

describe('classifyMessage: comments', () => {
  it('reads an inline comment count', () => {
    expect(classify('Patch Set 3: Code-Review-1\n\n(2 comments)\n\nPlease fix the locking.')).toEqual({
      kind: 'comment',
      patchSet: 3,
      votes: [{ label: 'Code-Review', value: -1, removed: false }],
      commentCount: 2,
    });
  });

  it('reads a count of one comment, and of inline comments', () => {
    expect(classify('Patch Set 3:\n\n(1 comment)')).toEqual({
      kind: 'comment',
      patchSet: 3,
      votes: [],
      commentCount: 1,
    });
    expect(classify('Patch Set 9:\n\n(12 inline comments)').commentCount).toBe(12);
  });

  it('keeps a message that is none of the known kinds as a comment', () => {
    expect(classify('Topic set to vulcan-dcp')).toEqual({ kind: 'comment', votes: [] });
    expect(classify('Patch Set 3: Looks good to me, approved')).toEqual({ kind: 'comment', patchSet: 3, votes: [] });
    expect(classify('')).toEqual({ kind: 'comment', votes: [] });
  });
});
