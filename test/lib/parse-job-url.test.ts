import { describe, expect, it } from 'vitest';
import { parseJobUrl } from '../../src/lib/parse-job-url.ts';
import { defaultJobName, splitJobName } from '../../src/lib/split-job-name.ts';

const host = 'http://cv.jenkins.couchbase.com';

describe('parseJobUrl', () => {
  it('reads a job build URL', () => {
    expect(parseJobUrl(`${host}/job/kv_engine-windows-master/9403/`)).toEqual({
      name: 'kv_engine-windows-master',
      build: 9403,
      url: `${host}/job/kv_engine-windows-master/9403/`,
    });
  });

  it('reads the folder and multibranch /job/X/job/Y/N/ shape', () => {
    expect(parseJobUrl(`${host}/job/kv_engine-linux/job/master/123/`)).toEqual({
      name: 'kv_engine-linux/master',
      build: 123,
      url: `${host}/job/kv_engine-linux/job/master/123/`,
    });
    expect(parseJobUrl('https://ci.example.org/jenkins/job/releng/job/app-verify/7')).toEqual({
      name: 'releng/app-verify',
      build: 7,
      url: 'https://ci.example.org/jenkins/job/releng/job/app-verify/7/',
    });
  });

  it('names the same run whatever page of the build the URL opens', () => {
    const run = `${host}/job/kv_engine-clang_format/8251/`;
    expect(
      [
        `${host}/job/kv_engine-clang_format/8251`,
        `${host}/job/kv_engine-clang_format/8251?x=1`,
        `${host}/job/kv_engine-clang_format/8251/console`,
        `${host}/job/kv_engine-clang_format/8251/consoleFull`,
        `${host}/job/kv_engine-clang_format/8251/display/redirect`,
        `${host}/job/kv_engine-clang_format/8251/artifact/logs/build.log`,
      ].map((url) => parseJobUrl(url)?.url),
    ).toEqual([run, run, run, run, run, run]);
  });

  it('reads a Zuul build URL: the run is its UUID', () => {
    expect(parseJobUrl('https://zuul.opendev.org/t/openstack/build/1F5A3C2B4D6E4F708192A3B4C5D6E7F8')).toEqual({
      build: '1f5a3c2b4d6e4f708192a3b4c5d6e7f8',
      url: 'https://zuul.opendev.org/t/openstack/build/1F5A3C2B4D6E4F708192A3B4C5D6E7F8',
    });
    expect(parseJobUrl('https://zuul.example.org/t/main/build/1f5a3c2b-4d6e-4f70-8192-a3b4c5d6e7f8/logs')?.build).toBe(
      '1f5a3c2b-4d6e-4f70-8192-a3b4c5d6e7f8',
    );
  });

  it('returns null for a URL that names no run', () => {
    expect(
      [
        `${host}/job/kv_engine-windows-master/`,
        `${host}/job/kv_engine-windows-master/lastBuild/`,
        'https://zuul.opendev.org/t/openstack/buildset/1f5a3c2b4d6e4f708192a3b4c5d6e7f8x',
        'http://review.couchbase.org/94121',
        'https://logs.example.org/app-verify/1041/',
        'not a url',
      ].map(parseJobUrl),
    ).toEqual([null, null, null, null, null, null]);
  });
});

describe('splitJobName', () => {
  it('splits names of the default scheme into project, platform and branch', () => {
    expect(
      [
        'kv_engine-windows-master',
        'kv_engine-threadsanitizer-master',
        'kv_engine-clang_format',
        'kv_engine-linux/master',
        'kv_engine/7.6.x',
        'couchstore-linux-7.6.x',
      ].map((name) => splitJobName(name)),
    ).toEqual([
      { name: 'kv_engine-windows-master', project: 'kv_engine', platform: 'windows', branch: 'master' },
      { name: 'kv_engine-threadsanitizer-master', project: 'kv_engine', platform: 'threadsanitizer', branch: 'master' },
      { name: 'kv_engine-clang_format', project: 'kv_engine', platform: 'clang_format', branch: '' },
      { name: 'kv_engine-linux/master', project: 'kv_engine', platform: 'linux', branch: 'master' },
      { name: 'kv_engine/7.6.x', project: 'kv_engine', platform: '', branch: '7.6.x' },
      { name: 'couchstore-linux-7.6.x', project: 'couchstore', platform: 'linux', branch: '7.6.x' },
    ]);
  });

  it('invents no parts for a name that does not fit', () => {
    expect(
      [
        'lf-infra-lftools-tox-verify-any',
        'openstack-tox-py312',
        'platform-ubuntu-18-vulcan',
        'releng/app-verify',
        'kv_engine',
        'a b-c',
      ].map((name) => splitJobName(name, defaultJobName)),
    ).toEqual([
      { name: 'lf-infra-lftools-tox-verify-any', project: '', platform: '', branch: '' },
      { name: 'openstack-tox-py312', project: '', platform: '', branch: '' },
      { name: 'platform-ubuntu-18-vulcan', project: '', platform: '', branch: '' },
      { name: 'releng/app-verify', project: '', platform: '', branch: '' },
      { name: 'kv_engine', project: '', platform: '', branch: '' },
      { name: 'a b-c', project: '', platform: '', branch: '' },
    ]);
  });

  it('splits by the pattern of the config', () => {
    const scheme = /^(?<project>[a-z]+(?:-[a-z]+)*?)-(?<platform>tox|maven|python)-[a-z-]+-(?<branch>[a-z0-9.]+)$/;
    expect(splitJobName('lf-infra-lftools-tox-verify-any', scheme)).toEqual({
      name: 'lf-infra-lftools-tox-verify-any',
      project: 'lf-infra-lftools',
      platform: 'tox',
      branch: 'any',
    });
  });
});
