import type { Change, KnownIssueMatch, SignatureEntry, SignatureSince } from '../lib/types.ts';

/** A page of the search index: a change page or a signature page. */
export type SearchPage = { type: 'change'; change: Change } | { type: 'failure'; entry: SignatureEntry };

/** What a page's filter values are worked out from besides the page itself. */
export interface SearchPageContext {
  flakySignatures: ReadonlySet<string>;
  changeById: ReadonlyMap<string, Change>;
  /** The known issue of each signature that has one; without it, signature pages get no `known issue` filter. */
  knownIssues?: ReadonlyMap<string, KnownIssueMatch>;
  /** What changed since the previous build, per signature. */
  sinceBySignature?: ReadonlyMap<string, SignatureSince>;
}

/**
 * The Pagefind filter values of a page (`data-pagefind-filter`), filter name → values, each value once. The
 * pages write exactly these, and the search page counts them for its filter totals without loading Pagefind's
 * filter index.
 */
export function searchPageFilters(page: SearchPage, context: SearchPageContext): Record<string, string[]> {
  const filters = page.type === 'change' ? changeFilters(page.change, context) : signatureFilters(page.entry, context);
  const clean: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(filters)) {
    // As Pagefind stores a value: whitespace collapsed, trimmed; an empty value is none.
    const normalized = [...new Set(values.map((value) => value.replace(/\s+/g, ' ').trim()).filter(Boolean))];
    if (normalized.length > 0) clean[name] = normalized;
  }
  return clean;
}

function changeFilters(change: Change, context: SearchPageContext): Record<string, string[]> {
  const failures = change.runs.flatMap((run) => run.failures);
  return {
    type: ['change'],
    project: [change.project],
    outcome: [change.outcome],
    kind: failures.map((failure) => failure.kind),
    platform: change.runs.filter((run) => run.failures.length > 0).map((run) => run.platform),
    'job result': change.runs.map((run) => run.result),
    flaky: [changeIsFlaky(change, context) ? 'yes' : 'no'],
    author: change.messages.map((message) => message.author).sort(),
  };
}

/**
 * Whether one of a change's failures has a flaky signature: the one filter of a change page that other changes
 * decide (every other value is the change's own).
 */
export function changeIsFlaky(change: Change, context: Pick<SearchPageContext, 'flakySignatures'>): boolean {
  return change.runs.some((run) => run.failures.some((failure) => context.flakySignatures.has(failure.signature)));
}

function signatureFilters(entry: SignatureEntry, context: SearchPageContext): Record<string, string[]> {
  return {
    type: ['failure'],
    kind: [entry.kind],
    flaky: [entry.flaky ? 'yes' : 'no'],
    'job result': ['FAILURE'],
    platform: entry.platforms,
    project: entry.changes.map((id) => context.changeById.get(id)?.project ?? '').sort(),
    ...(context.knownIssues ? { 'known issue': [knownIssueFilter(context.knownIssues.get(entry.signature))] } : {}),
    'since last export': [context.sinceBySignature?.get(entry.signature)?.status ?? ''],
  };
}

function knownIssueFilter(known: KnownIssueMatch | undefined): string {
  if (!known) return 'none';
  return known.regressed ? 'regressed' : known.issue.status;
}
