import { describe, expect, it } from 'vitest';
import { parseJobUrl, splitJobName } from '../../src/lib/parse-job-url.ts';

describe('parseJobUrl', () => {
  it('reads a job build URL', () => {
    expect(parseJobUrl('http://cv.jenkins.couchbase.com/job/kv_engine-windows-master/9403/')).toEqual({
      name: 'kv_engine-windows-master',
      project: 'kv_engine',
      platform: 'windows',
      branch: 'master',
      build: 9403,
      url: 'http://cv.jenkins.couchbase.com/job/kv_engine-windows-master/9403/',
    });
  });

  it('reads the multibranch /job/X/job/master/N/ shape', () => {
    expect(parseJobUrl('http://cv.jenkins.couchbase.com/job/kv_engine-linux/job/master/123/')).toEqual({
      name: 'kv_engine-linux/master',
      project: 'kv_engine',
      platform: 'linux',
      branch: 'master',
      build: 123,
      url: 'http://cv.jenkins.couchbase.com/job/kv_engine-linux/job/master/123/',
    });
    expect(parseJobUrl('https://ci.example.org/jenkins/job/kv_engine/job/vulcan/7')).toEqual({
      name: 'kv_engine/vulcan',
      project: 'kv_engine',
      platform: '',
      branch: 'vulcan',
      build: 7,
      url: 'https://ci.example.org/jenkins/job/kv_engine/job/vulcan/7/',
    });
  });

  it('adds the trailing slash and drops a query, so one run has one URL', () => {
    expect(parseJobUrl('http://cv.jenkins.couchbase.com/job/kv_engine-clang_format/8251?x=1')?.url).toBe(
      'http://cv.jenkins.couchbase.com/job/kv_engine-clang_format/8251/',
    );
  });

  it('returns null for a URL that names no build', () => {
    expect(
      [
        'http://cv.jenkins.couchbase.com/job/kv_engine-windows-master/',
        'http://cv.jenkins.couchbase.com/job/kv_engine-windows-master/lastBuild/',
        'http://review.couchbase.org/94121',
        'not a url',
      ].map(parseJobUrl),
    ).toEqual([null, null, null, null]);
  });
});

describe('splitJobName', () => {
  it('splits a job name into project, platform and branch', () => {
    expect(
      [
        ['kv_engine-windows-master'],
        ['kv_engine-threadsanitizer-master'],
        ['kv_engine-clang_format'],
        ['kv_engine'],
        ['platform-ubuntu-18-vulcan'],
        ['kv_engine-linux', 'master'],
      ].map(splitJobName),
    ).toEqual([
      { name: 'kv_engine-windows-master', project: 'kv_engine', platform: 'windows', branch: 'master' },
      { name: 'kv_engine-threadsanitizer-master', project: 'kv_engine', platform: 'threadsanitizer', branch: 'master' },
      { name: 'kv_engine-clang_format', project: 'kv_engine', platform: 'clang_format', branch: '' },
      { name: 'kv_engine', project: 'kv_engine', platform: '', branch: '' },
      { name: 'platform-ubuntu-18-vulcan', project: 'platform', platform: 'ubuntu-18', branch: 'vulcan' },
      { name: 'kv_engine-linux/master', project: 'kv_engine', platform: 'linux', branch: 'master' },
    ]);
  });
});
