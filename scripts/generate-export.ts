// Writes a realistic, deterministic Gerrit review export in both layouts:
//   node scripts/generate-export.ts --changes 300 --out content/generated [--seed 1] [--layout mixed|seed|crop]
//     [--start-date 2018-01-01] [--span-days 365]
// Used for the bundled sample in content/ and for the benchmarks. Same options, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

export interface GenerateOptions {
  changes: number;
  seed?: number;
  layout?: 'seed' | 'crop' | 'mixed';
  startDate?: string;
  /** Days over which the changes' first uploads are spread from `startDate`. Default: 365. */
  spanDays?: number;
}

export interface GeneratedFile {
  path: string;
  content: string;
}

interface Message {
  author: string;
  time: number;
  text: string;
  inline?: Array<{ path: string; line?: number; text: string }>;
}

const host = 'http://cv.jenkins.couchbase.com';
const projects = ['kv_engine', 'platform', 'couchstore', 'ns_server', 'memcached'];
const platforms = [
  'linux',
  'windows',
  'macos',
  'threadsanitizer',
  'addresssanitizer',
  'undefinedsanitizer',
  'clang_analyzer',
];
const people = [
  'Trond Norbye',
  'Dave Rigby',
  'Jim Walker',
  'Daniel Owen',
  'Paolo Cocchi',
  'Ben Huddleston',
  'James Harrison',
  'Sriram Ganesan',
  'Manu Dhundi',
  'Richard de Mellow',
  'Tim Bradgate',
  'Will Gardner',
  'Chiyoung Seo',
  'Abhinav Dangeti',
  'Aliaksey Artamonau',
  'Artem Stemkovski',
  'Dave Finlay',
  'Steve Watanabe',
  'Ajit Yagaty',
  'Jagadesh Munta',
  'Mohit Kumar',
  'Sarath Lakshman',
  'Amit Krishnan',
  'Eben Haber',
  'Anonymous Coward',
];
const bot = 'Build Bot';
const subjects = [
  'Remove the use of sendmsg',
  'Refactor the checkpoint manager',
  'Add a stat for the number of rollbacks',
  'Fix the race in the DCP stream teardown',
  'Use folly::Synchronized for the vbucket map',
  'Move the hash table resize into its own task',
  'Reduce the memory used by stored values',
  'Add tracing to the flusher',
  'Split the engine tests by bucket type',
  'Handle ENOMEM from the allocator',
  'Fix the leak of the cookie on disconnect',
  'Replace the bespoke logger with spdlog',
  'Make the compaction callback cancellable',
  'Warm up the access log in parallel',
  'Clean up unused includes',
];
const sourceFiles = [
  'engines/ep/src/checkpoint_manager.cc',
  'engines/ep/src/dcp/active_stream.cc',
  'daemon/cookie.h',
  'engines/ep/src/vbucket.cc',
  'daemon/connection.cc',
  'engines/ep/src/hash_table.cc',
  'src/couch_db.cc',
  'engines/ep/src/item.cc',
  'programs/engine_testapp/engine_testapp.cc',
  'engines/ep/src/flusher.cc',
];
const tests = [
  'ep_testsuite.value_eviction',
  'ep_testsuite.full_eviction',
  'ep-engine_ep_unit_tests',
  'memcached_testapp.ep.TransportProtocols/XattrTest',
  'memcached_testapp.default.Subdoc/SubdocTestappTest',
  'memcached_testapp.ep.CleanOrUnclean/PersistToTest',
  'ep_testsuite_dcp.ephemeral',
  'ep_perfsuite.value_eviction',
  'memcached-legacy-plain-tests',
  'ep-engine-persistence-unit-tests.rocksdb',
  'couchstore_testapp',
  'platform-test',
];
const compileMessages = [
  [
    'invalid conversion from "const Item*" to "Item*" [-fpermissive]',
    'C2440: "initializing": cannot convert from "const Item *" to "Item *"',
  ],
  ['use of undeclared identifier "vbid"', 'C2065: "vbid": undeclared identifier'],
  [
    'no matching function for call to "std::unique_ptr<Cookie>::reset(Cookie&)"',
    'C2664: "void std::unique_ptr<Cookie>::reset(Cookie *)": cannot convert argument 1',
  ],
  [
    '"class Checkpoint" has no member named "getSnapshotEnd"',
    'C2039: "getSnapshotEnd": is not a member of "Checkpoint"',
  ],
];
const sanitizerIssues: Record<string, string[]> = {
  threadsanitizer: ['data race', 'heap-use-after-free', 'lock-order-inversion (potential deadlock)'],
  addresssanitizer: ['heap-use-after-free', 'heap-buffer-overflow', 'stack-use-after-scope'],
  undefinedsanitizer: ['signed-integer-overflow', 'misaligned-address'],
};
const functions = [
  'Cookie::getConnection() const',
  'ActiveStream::next()',
  'CheckpointManager::queueDirty',
  'HashTable::resize()',
  'VBucket::setState',
];
const remarks = [
  'Looks good to me.',
  'Can we add a unit test for this?',
  'nit: trailing whitespace',
  'Why is this needed?',
  'Please split this into two patches.',
  'See `CheckpointManager::queueDirty` for the same pattern.',
  'This will break the Windows build, `ssize_t` is not defined there.',
  'Done',
  'Fixed in the next patch set.',
  'Any perf numbers? See https://issues.couchbase.com/browse/MB-29000 for the baseline.',
  'I think we want:\n\n```cpp\nstd::lock_guard<std::mutex> lh(mutex);\n```\n\ninstead.',
  'recheck',
  'Thanks for the review!',
  'Agreed, but let us do that in a follow-up.',
];

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same export. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
    hex: (length: number) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
}

type Random = ReturnType<typeof random>;

function gerritDate(time: number): string {
  return `${new Date(time).toISOString().replace('T', ' ').slice(0, 19)}.000000000`;
}

interface Failure {
  platforms: string[];
  cause: (job: string, url: string) => string;
}

function jobName(project: string, platform: string): string {
  return platform === 'clang_format' ? `${project}-clang_format` : `${project}-${platform}-master`;
}

function ctestLine(rng: Random, test: string, timeout: boolean): string {
  const total = rng.int(80, 160);
  const index = rng.int(1, total);
  const number = rng.int(1, total);
  const label = timeout && rng.chance(0.5) ? 'MemCheck' : 'Test';
  const name = `${test} `.padEnd(60, '.');
  return `${timeout ? 'Timeout' : 'Failure'} of a CTest test ${String(index).padStart(3)}/${total} ${label} ${`#${number}`.padStart(4)}: ${name}`;
}

/** A failure a change carries from one patch set on (a real bug), or one that comes and goes (a flaky test). */
function makeBug(rng: Random, project: string): Failure {
  const kind = rng.int(0, 2);
  if (kind === 0) {
    const [gcc, msvc] = rng.pick(compileMessages) as string[];
    const file = `${project}/${rng.pick(sourceFiles)}`;
    const line = rng.int(20, 2400);
    const column = rng.int(3, 60);
    return {
      platforms: ['linux', 'windows', 'macos', 'threadsanitizer', 'addresssanitizer', 'clang_analyzer'],
      cause: (job) =>
        job.includes('windows')
          ? `Compile error at ..\\${file.replace(/\//g, '\\')}(${line}): error ${msvc}`
          : `Compile error at /home/couchbase/jenkins/workspace/${job}/${file}:${line}:${column}:\nerror: ${gcc}\n`,
    };
  }
  if (kind === 1) {
    const tool = rng.pick(['threadsanitizer', 'addresssanitizer', 'undefinedsanitizer']);
    const name = {
      threadsanitizer: 'ThreadSanitizer',
      addresssanitizer: 'AddressSanitizer',
      undefinedsanitizer: 'UndefinedBehaviorSanitizer',
    }[tool];
    const issue = rng.pick(sanitizerIssues[tool] as string[]);
    const file = `${project}/${rng.pick(sourceFiles)}`;
    const line = rng.int(20, 2400);
    const fn = rng.pick(functions);
    return {
      platforms: [tool],
      cause: (job) => `${name} issue: ${issue} /home/couchbase/jenkins/workspace/${job}/${file}:${line} in ${fn} `,
    };
  }
  const test = rng.pick(tests);
  return { platforms: ['linux', 'macos', 'windows'], cause: () => ctestLine(rng, test, false) };
}

function flakyCause(rng: Random, platform: string): string {
  const roll = rng.next();
  if (roll < 0.6) return ctestLine(rng, tests[(platform.length * 7 + rng.int(0, 3)) % tests.length] as string, false);
  if (roll < 0.75) return ctestLine(rng, rng.pick(tests), true);
  if (roll < 0.92) return 'Failure of a GoogleTest ';
  return rng.pick([
    'Build timed out after 120 minutes',
    'Failure of a Python test kv_engine.tests.dcp_drain ',
    'Agent went offline during the build',
  ]);
}

interface JobState {
  build: number;
}

/** Generates every file of the export, one change at a time, so a 50k-change export never sits in memory. */
export function* generateExport(options: GenerateOptions): Generator<GeneratedFile> {
  const rng = random(options.seed ?? 1);
  const layoutOf = () =>
    options.layout === 'seed' || options.layout === 'crop' ? options.layout : rng.chance(0.3) ? 'crop' : 'seed';
  const start = Date.parse(`${options.startDate ?? '2018-01-01'}T08:00:00Z`);
  const span = (options.spanDays ?? 365) * 24 * 3600 * 1000;
  const jobs = new Map<string, JobState>();
  for (const project of projects) {
    for (const platform of [...platforms, 'clang_format'])
      jobs.set(jobName(project, platform), { build: rng.int(1000, 9000) });
  }

  for (let index = 0; index < options.changes; index++) {
    const project = projects[index % projects.length] as string;
    const multibranch = rng.chance(0.1);
    const layout = layoutOf();
    const owner = rng.pick(people.slice(0, -1));
    const reviewers = [rng.pick(people), rng.pick(people)].filter((person) => person !== owner);
    const changeId = `I${rng.hex(40)}`;
    const ticket = rng.chance(0.7) ? `MB-${rng.int(20000, 40000)}: ` : '';
    const series = rng.chance(0.15) ? ` [${rng.int(1, 4)}/${rng.int(4, 7)}]` : '';
    const subject = `${ticket}${rng.pick(subjects)}${series}`;
    const body = `${rng.pick(remarks).split('\n')[0]}\n\nThis is change ${index + 1} of the generated export. It\nkeeps the shape of a real commit message body.`;
    const patchSets = Math.min(8, 1 + Math.floor(-Math.log(1 - rng.next() * 0.999) * 2.3));
    const outcome = rng.next();
    const jobPlatforms = [...platforms.slice(0, rng.int(5, 7)), 'clang_format'];
    let time = start + Math.floor((index / Math.max(1, options.changes)) * span) + rng.int(0, 3600_000);
    const bug = rng.chance(0.35)
      ? { failure: makeBug(rng, project), from: rng.int(1, patchSets), until: rng.int(1, patchSets + 1) }
      : null;
    const stickyTest = rng.chance(0.08) ? ctestLine(rng, rng.pick(tests), false) : null;

    for (let ps = 1; ps <= patchSets; ps++) {
      const messages: Message[] = [];
      const uploader = ps > 1 && rng.chance(0.1) ? rng.pick(reviewers.length ? reviewers : [owner]) : owner;
      const uploadNote =
        ps === 1
          ? ''
          : rng.chance(0.6)
            ? `: Patch Set ${ps - 1} was rebased.`
            : rng.chance(0.3)
              ? ': Commit message was updated.'
              : '';
      messages.push({ author: uploader, time, text: `Uploaded patch set ${ps}${uploadNote}${uploadNote ? '' : '.'}` });
      time += rng.int(60_000, 900_000);

      const latest = new Map<string, { build: number; result: string; causes: string[] }>();
      const rebuilds = rng.chance(0.35) ? rng.int(1, 3) : 0;
      for (let round = 0; round <= rebuilds; round++) {
        const rerun =
          round === 0 ? jobPlatforms : jobPlatforms.filter((platform) => latest.get(platform)?.result !== 'SUCCESS');
        if (rerun.length === 0) break;
        for (const platform of rerun) {
          const name = jobName(project, platform);
          const state = jobs.get(name) as JobState;
          state.build += rng.int(1, 6);
          const causes: string[] = [];
          const url =
            multibranch && platform !== 'clang_format'
              ? `${host}/job/${project}-${platform}/job/master/${state.build}/`
              : `${host}/job/${name}/${state.build}/`;
          if (bug && ps >= bug.from && ps < bug.until && bug.failure.platforms.includes(platform))
            causes.push(bug.failure.cause(name, url));
          if (stickyTest && platform === 'linux') causes.push(stickyTest);
          if (platform !== 'clang_format' && rng.chance(platform === 'windows' ? 0.35 : 0.12))
            causes.push(flakyCause(rng, platform));
          const aborted = causes.length === 0 && rng.chance(0.01);
          const result = aborted
            ? 'ABORTED'
            : causes.length === 0
              ? 'SUCCESS'
              : rng.chance(0.1)
                ? 'UNSTABLE'
                : 'FAILURE';
          latest.set(platform, {
            build: state.build,
            result,
            causes: causes.map((cause) => `${cause.trimEnd()} ( ${url} )`),
          });
        }
        messages.push({
          author: bot,
          time,
          text: `Patch Set ${ps}:\n\nBuild Started ${host}/job/${jobName(project, rerun[0] as string)}/${latest.get(rerun[0] as string)?.build}/ (1/${rerun.length})`,
        });
        time += rng.int(1_200_000, 7_200_000);
        const verdicts = [...latest.values()];
        const failed = verdicts.some((entry) => entry.result === 'FAILURE');
        const unstable = verdicts.some((entry) => entry.result === 'UNSTABLE');
        const aborted = verdicts.some((entry) => entry.result === 'ABORTED');
        const verdict = failed
          ? 'Build Failed '
          : unstable
            ? 'Build Unstable '
            : aborted
              ? 'Build Aborted '
              : 'Build Successful ';
        const lines = [`Patch Set ${ps}: ${failed || unstable ? 'Verified-1' : 'Verified+1'}`, '', verdict];
        const order = [...latest.keys()].sort((a, b) => (rerun.includes(a) ? 1 : 0) - (rerun.includes(b) ? 1 : 0));
        for (const platform of order) {
          const entry = latest.get(platform) as { build: number; result: string; causes: string[] };
          const url =
            multibranch && platform !== 'clang_format'
              ? `${host}/job/${project}-${platform}/job/master/${entry.build}/`
              : `${host}/job/${jobName(project, platform)}/${entry.build}/`;
          lines.push('', `${url} : ${entry.result}`);
          for (const cause of entry.causes) lines.push('', cause);
        }
        messages.push({ author: bot, time, text: lines.join('\n') });
        time += rng.int(300_000, 3_600_000);
      }

      for (let thread = rng.int(0, 3); thread > 0; thread--) {
        const reviewer = rng.pick(reviewers.length ? reviewers : people);
        const inline = Array.from({ length: rng.int(0, 3) }, () => ({
          path: `${project}/${rng.pick(sourceFiles)}`,
          ...(rng.chance(0.85) ? { line: rng.int(1, 900) } : {}),
          text: rng.pick(remarks),
        }));
        const vote = rng.chance(0.4) ? ` Code-Review${rng.pick(['-1', '+1', '-2'])}` : '';
        const count = inline.length ? `\n\n(${inline.length} comment${inline.length === 1 ? '' : 's'})` : '';
        messages.push({
          author: reviewer,
          time,
          text: `Patch Set ${ps}:${vote}${count}\n\n${rng.pick(remarks)}`,
          inline,
        });
        time += rng.int(600_000, 86_400_000);
        if (rng.chance(0.6)) {
          messages.push({ author: owner, time, text: `Patch Set ${ps}:\n\n${rng.pick(remarks)}` });
          time += rng.int(600_000, 36_000_000);
        }
      }

      if (ps === patchSets) {
        if (outcome < 0.7) {
          const approver = rng.pick(reviewers.length ? reviewers : people);
          messages.push({ author: approver, time, text: `Patch Set ${ps}: Code-Review+2` });
          time += rng.int(60_000, 3_600_000);
          messages.push({
            author: approver,
            time,
            text: rng.chance(0.8)
              ? `Change has been successfully merged by ${approver}`
              : `Change has been successfully cherry-picked as ${rng.hex(40)} by ${approver}`,
          });
        } else if (outcome < 0.85) {
          if (rng.chance(0.2)) {
            messages.push({ author: owner, time, text: 'Abandoned' });
            time += rng.int(600_000, 86_400_000);
            messages.push({ author: owner, time, text: 'Restored' });
            time += rng.int(600_000, 86_400_000);
          }
          messages.push({
            author: owner,
            time,
            text: rng.chance(0.5) ? 'Abandoned\n\nSuperseded by a different approach.' : 'Abandoned',
          });
        }
      }
      time += rng.int(3_600_000, 3 * 86_400_000);

      const description = `${subject}\n\n${body}\n\nChange-Id: ${changeId}`;
      const number = String(10000 + index);
      const path =
        layout === 'crop'
          ? `${project}/${number}/${number}_rev${ps}_discussion.txt`
          : `${project}/${number}/${String(ps).padStart(3, '0')}_${rng.hex(16)}.txt`;
      yield { path, content: layout === 'crop' ? writeCrop(description, messages) : writeSeed(description, messages) };
    }
  }
}

function writeSeed(description: string, messages: Message[]): string {
  const ruler = '='.repeat(118);
  const dashes = '-'.repeat(118);
  const parts = [`${ruler}\nDESCRIPTION:\n\n${description}\n\n${ruler}\nCOMMENTS\n${ruler}\n`];
  for (const message of messages) {
    parts.push(`Author: ${message.author}\nDate: ${gerritDate(message.time)}\nMessage: \n${message.text}\n${dashes}\n`);
  }
  return parts.join('');
}

function writeCrop(description: string, messages: Message[]): string {
  const parts = [`DESCRIPTION\n\n${description}\n\nCOMMENTS\n\n`];
  for (const message of messages) {
    parts.push(`author: ${message.author}\ndate: ${gerritDate(message.time)}\n\n${message.text}\n\n`);
    for (const comment of message.inline ?? []) {
      parts.push(
        comment.line === undefined
          ? `File Comment: ${comment.path} -> ${comment.text}\n\n`
          : `Line:${comment.line}, ${comment.path} -> ${comment.text}\n\n`,
      );
    }
    parts.push(`${'-'.repeat(37)}\n`);
  }
  return parts.join('');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      changes: { type: 'string', default: '300' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      layout: { type: 'string', default: 'mixed' },
      'start-date': { type: 'string' },
      'span-days': { type: 'string' },
    },
  });
  if (!values.out) {
    process.stderr.write(
      'usage: node scripts/generate-export.ts --changes N --out DIR [--seed S] [--layout mixed|seed|crop] [--start-date YYYY-MM-DD] [--span-days N]\n',
    );
    process.exit(2);
  }
  const layout = values.layout === 'seed' || values.layout === 'crop' ? values.layout : 'mixed';
  let files = 0;
  let bytes = 0;
  for (const file of generateExport({
    changes: Number(values.changes),
    seed: Number(values.seed),
    layout,
    ...(values['start-date'] ? { startDate: values['start-date'] } : {}),
    ...(values['span-days'] ? { spanDays: Number(values['span-days']) } : {}),
  })) {
    const path = join(values.out, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    files++;
    bytes += Buffer.byteLength(file.content);
  }
  process.stderr.write(`wrote ${files} files, ${(bytes / 1e6).toFixed(1)} MB to ${values.out}\n`);
}
