import { compareBuilds } from '../src/lib/compare-builds.ts';
import { signatureSlug } from '../src/lib/slug.ts';
import type { BuildId, Change, ReportModel, SignatureEntry } from '../src/lib/types.ts';

/** A query of `bench:search`, with the pages that answer it: one of them must be within the first `within` results. */
export interface BenchQuery {
  /** What kind of thing an engineer pastes. */
  what: string;
  query: string;
  /** Site paths (`failures/<slug>/`, `changes/<slug>/`) of the pages that answer the query. */
  answers: string[];
  within: 1 | 3 | 5;
  /**
   * For each signature page among the answers: the changes (`changes/<slug>/`) its result must list under it,
   * in this order (newest first).
   */
  newestChanges: Record<string, string[]>;
}

const signaturePage = (entry: SignatureEntry) => `failures/${signatureSlug(entry.signature)}/`;
const changePage = (change: Change) => `changes/${change.slug}/`;

/**
 * The queries of the issue's classes, with their answers worked out from the parsed export, so the list holds
 * on any size of generated export (and names what it could not find in it).
 */
export function benchQueries(model: ReportModel, rows = 5): BenchQuery[] {
  const changeById = new Map(model.changes.map((change) => [change.id, change]));
  const signatures = (test: (entry: SignatureEntry) => boolean) => model.signatures.filter(test).map(signaturePage);
  const newest = (entry: SignatureEntry | undefined) => {
    if (!entry) return undefined;
    const latest = new Map<string, { date: string; build: BuildId }>();
    for (const occurrence of entry.occurrences) {
      const known = latest.get(occurrence.change);
      const date = occurrence.date ?? '';
      if (!known || date > known.date || (date === known.date && compareBuilds(occurrence.build, known.build) > 0)) {
        latest.set(occurrence.change, { date, build: occurrence.build });
      }
    }
    return [...latest.entries()]
      .sort(([a, x], [b, y]) => y.date.localeCompare(x.date) || a.localeCompare(b) || compareBuilds(y.build, x.build))
      .slice(0, rows)
      .map(([id]) => changePage(changeById.get(id) as Change));
  };
  /** Signature pages with a cause that says `words`, in any of its wordings. */
  const reportedWith = (words: string) => {
    const keys = new Set<string>();
    for (const change of model.changes) {
      for (const run of change.runs) {
        for (const failure of run.failures) if (failure.text.includes(words)) keys.add(failure.signature);
      }
    }
    return signatures((entry) => keys.has(entry.signature));
  };
  const test = 'memcached_testapp.ep.CleanOrUnclean/PersistToTest';
  const timeout = model.signatures.find((entry) => entry.signature === `ctest-timeout:${test}`);
  // A header with a signature of its own at any size of export: the first (by signature) at a `cookie.h`.
  const cookie = model.signatures
    .filter((entry) => entry.file?.endsWith('/cookie.h') && entry.line)
    .sort((a, b) => a.signature.localeCompare(b.signature))[0];
  const cookiePath = cookie?.file ?? 'kv_engine/daemon/cookie.h';
  const sortedIds = model.changes.map((change) => change.id).sort();
  const someChange = changeById.get(sortedIds[Math.floor(sortedIds.length / 2)] ?? '') as Change;
  const byTicket = new Map<string, Change[]>();
  for (const change of model.changes) {
    for (const ticket of change.tickets) byTicket.set(ticket, [...(byTicket.get(ticket) ?? []), change]);
  }
  const [ticket, ticketChanges] = [...byTicket.entries()]
    .filter(([, changes]) => changes.length === 2)
    .sort(([a], [b]) => a.localeCompare(b))[0] ?? ['MB-0', []];
  const author = 'Dave Rigby';
  const job = 'kv_engine-windows-master';

  const queries: Array<Omit<BenchQuery, 'newestChanges'>> = [
    {
      what: 'test name, whole',
      query: test,
      answers: signatures((e) => e.test === test),
      within: 1,
    },
    { what: 'test name, last part', query: 'PersistToTest', answers: signatures((e) => e.test === test), within: 1 },
    { what: 'test name, middle part', query: 'CleanOrUnclean', answers: signatures((e) => e.test === test), within: 1 },
    {
      what: 'test name, first part',
      query: 'memcached_testapp',
      answers: signatures((e) => e.test?.startsWith('memcached_testapp') ?? false),
      within: 1,
    },
    {
      what: 'signature (timeout)',
      query: `ctest-timeout:${test}`,
      answers: timeout ? [signaturePage(timeout)] : [],
      within: 1,
    },
    {
      what: 'source file',
      query: 'engine_testapp.cc',
      answers: signatures((e) => e.file?.endsWith('/engine_testapp.cc') ?? false),
      within: 1,
    },
    {
      what: 'source file, no extension',
      query: 'engine_testapp',
      answers: signatures((e) => e.file?.includes('engine_testapp') ?? false),
      within: 1,
    },
    {
      what: 'path',
      query: cookiePath,
      answers: signatures((e) => e.file === cookiePath),
      within: 1,
    },
    {
      what: 'file:line',
      query: `${cookiePath}:${cookie?.line ?? 0}`,
      answers: cookie ? [signaturePage(cookie)] : [],
      within: 1,
    },
    {
      what: 'file:line, basename',
      query: cookie ? `cookie.h:${cookie.line}` : 'cookie.h:0',
      answers: cookie ? signatures((e) => e.file?.endsWith('/cookie.h') === true && e.line === cookie.line) : [],
      within: 1,
    },
    {
      what: 'compiler error code',
      query: 'C2440',
      answers: reportedWith('C2440'),
      within: 1,
    },
    {
      what: 'sanitizer issue type',
      query: 'heap-use-after-free',
      answers: signatures((e) => e.issue === 'heap-use-after-free'),
      within: 1,
    },
    {
      what: 'function',
      query: 'Cookie::getConnection',
      answers: signatures((e) => e.example.includes('Cookie::getConnection')),
      within: 1,
    },
    { what: 'job name', query: job, answers: signatures((e) => e.jobs.includes(job)), within: 1 },
    { what: 'ticket', query: ticket, answers: ticketChanges.map(changePage), within: 1 },
    { what: 'Change-Id', query: someChange.id, answers: [changePage(someChange)], within: 1 },
    {
      what: 'Change-Id, first 9 characters',
      query: someChange.id.slice(0, 9),
      answers: [changePage(someChange)],
      within: 1,
    },
    {
      what: 'author',
      query: author,
      answers: model.changes.filter((c) => c.messages.some((m) => m.author === author)).map(changePage),
      within: 5,
    },
    {
      what: 'review words',
      query: 'trailing whitespace',
      answers: model.changes
        .filter((c) => c.messages.some((m) => m.text.includes('trailing whitespace')))
        .map(changePage),
      within: 5,
    },
  ];
  const bySlug = new Map(model.signatures.map((entry) => [signaturePage(entry), entry]));
  return queries.map((query) => ({
    ...query,
    newestChanges: Object.fromEntries(
      query.answers.flatMap((path) => {
        const entry = bySlug.get(path);
        return entry ? [[path, newest(entry) ?? []]] : [];
      }),
    ),
  }));
}
