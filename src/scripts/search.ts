/**
 * The search page's only script: loads the Pagefind bundle the build wrote to `<base>pagefind/`, offers its
 * filters, runs queries as the reader types and keeps the query in the URL (`?q=…&sort=…&kind=…`) so a search
 * can be shared. Results are built as DOM with `textContent`; see `search/render-result.ts`.
 */
import { SEARCH_PARTS_VERSION, searchPartsFile } from '../site/search-parts.ts';
import { sitePath } from '../site/urls.ts';
import { combineAnswers, type IndexAnswer } from './search/combine-answers.ts';
import { dropSuperseded, readSuperseded, type Superseded } from './search/drop-superseded.ts';
import { holdsQuery, howTextHoldsQuery, matchedLetters } from './search/holds-query.ts';
import { pagefindTerm } from './search/pagefind-term.ts';
import type { FilterCounts, Pagefind, PagefindFilters, ResultData } from './search/pagefind-types.ts';
import { renderFilterValues, updateFilterCounts } from './search/render-filters.ts';
import { renderResult } from './search/render-result.ts';
import { listOf, mergeSorted, type ResultList } from './search/result-list.ts';
import {
  isEmptyQuery,
  readSearchQuery,
  type SearchQuery,
  searchQueryToParams,
  toPagefindOptions,
} from './search/search-query.ts';

const pageSize = 10;
/** Results drawn as soon as their data is in, before the rest of a page of results. */
const firstBatch = 5;
const typingDelayMs = 200;

const form = required<HTMLFormElement>('[data-search-form]');
const input = required<HTMLInputElement>('#search-query');
const sortSelect = required<HTMLSelectElement>('#search-sort');
const filterPanel = required<HTMLDetailsElement>('[data-search-filters]');
const filterSummary = required<HTMLElement>('[data-search-filter-summary]');
const clearButton = required<HTMLButtonElement>('[data-search-clear]');
const status = required<HTMLElement>('[data-search-status]');
const resultList = required<HTMLOListElement>('[data-search-results]');
const moreButton = required<HTMLButtonElement>('[data-search-more]');
const unavailable = required<HTMLElement>('[data-search-unavailable]');
const fieldsets = [...document.querySelectorAll<HTMLFieldSetElement>('fieldset[data-filter]')];
const filterNames = fieldsets.map((fieldset) => fieldset.dataset.filter ?? '');
const typeLabels = JSON.parse(
  fieldsets.find((fieldset) => fieldset.dataset.filter === 'type')?.dataset.labels ?? '{}',
) as Record<string, string>;

let pagefind: Pagefind;
/**
 * The filter that tells the indexes apart once merged: each merged index's pages carry the index's URL. The
 * site's index comes in parts (site/search-parts.ts), and a sharded site's other shards bring theirs.
 */
const indexFilter = 'review-reports index';
/**
 * The indexes asked apart, the site's own first: the filters that ask each (each answer is checked on its own),
 * and the pages of it that a newer index holds (search/drop-superseded.ts).
 */
let scopes: Array<{ filters: PagefindFilters; superseded: Superseded }> = [{ filters: {}, superseded: new Map() }];
/** Pages per filter value in the whole index, written into the page by the build. */
let totals: FilterCounts = {};
/** Whether Pagefind's filter index is loaded, so results come with counts per filter value. */
let filtersLoaded: Promise<unknown> | undefined;
/** Increases with every search; a search whose number is no longer current drops its results. */
let generation = 0;
let results: ResultList = listOf([]);
/** The words of the current query as sent to Pagefind; empty for a phrase, which Pagefind matches exactly. */
let queryWords: string[] = [];
let typingTimer: ReturnType<typeof setTimeout> | undefined;

start().catch(() => {
  form.hidden = true;
  unavailable.hidden = false;
});

/** An index part: the URL of its folder, and its pages that a newer index holds. */
interface IndexPart {
  url: string;
  superseded: Superseded;
}

/**
 * The index parts of the site under `base`, besides its `pagefind/` (site/search-parts.ts). A site built before
 * parts, or whose list cannot be read, has none; one built before superseded pages (version 1) has none of them.
 */
async function readIndexParts(base: string): Promise<IndexPart[]> {
  try {
    const response = await fetch(`${base}pagefind/${searchPartsFile}`);
    if (!response.ok) return [];
    const list: unknown = await response.json();
    if (typeof list !== 'object' || list === null) return [];
    const { version, parts, superseded } = list as { version?: unknown; parts?: unknown; superseded?: unknown };
    if (version !== SEARCH_PARTS_VERSION && version !== 1) return [];
    const tables = typeof superseded === 'object' && superseded !== null ? (superseded as Record<string, unknown>) : {};
    return Array.isArray(parts)
      ? parts
          .filter((part): part is string => typeof part === 'string' && /^part\/[\w-]+\/$/.test(part))
          .map((part) => ({
            url: `${base}pagefind/${part}`,
            superseded: readSuperseded(Object.hasOwn(tables, part) ? tables[part] : undefined),
          }))
      : [];
  } catch {
    return [];
  }
}

/** Bases of the other shards of a sharded site, written into the page by the build. */
function otherShards(): string[] {
  try {
    const shards: unknown = JSON.parse(form.dataset.searchShards ?? '[]');
    return Array.isArray(shards)
      ? shards.filter((shard): shard is string => typeof shard === 'string' && /^\/[\w./~-]*\/$/.test(shard))
      : [];
  } catch {
    return [];
  }
}

async function start(): Promise<void> {
  form.hidden = false;
  filterPanel.open = window.matchMedia('(min-width: 50rem)').matches;
  const query = readSearchQuery(new URLSearchParams(window.location.search), filterNames);
  input.value = query.term;
  sortSelect.value = query.sort === 'relevance' ? '' : query.sort;
  status.textContent = 'Loading the search index…';

  pagefind = (await import(/* @vite-ignore */ sitePath('pagefind/pagefind.js'))) as Pagefind;
  await pagefind.options({ baseUrl: sitePath(), excerptLength: 24 });
  const shards = otherShards();
  // Pagefind's filter index grows with the site (hundreds of kB at 10k changes): the counts of the whole index
  // come with the page, and the filter index is loaded when the reader first filters. A sharded site's totals
  // span several indexes, so there it is loaded at once.
  totals = shards.length > 0 ? await loadFilters() : readTotals();
  if (Object.keys(query.filters).length > 0) await loadFilters();
  // The worker, its WebAssembly and the index's page list load when the reader starts on the query, while they
  // type, not after they submit it, and not for a visit that never searches.
  input.addEventListener('focus', () => void openIndexes(), { once: true });
  for (const fieldset of fieldsets) {
    const name = fieldset.dataset.filter ?? '';
    fieldset.hidden = !renderFilterValues(fieldset, totals[name], query.filters[name] ?? []);
  }

  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(update, typingDelayMs);
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    if (event.target instanceof HTMLInputElement && event.target.type === 'checkbox') void loadFilters().then(update);
    else update();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  clearButton.addEventListener('click', () => {
    for (const box of form.querySelectorAll<HTMLInputElement>('fieldset input:checked')) box.checked = false;
    update();
  });
  moreButton.addEventListener('click', () => {
    // A second click while a page of results loads would start the next page at the same place: ignored.
    if (resultList.getAttribute('aria-busy') === 'true') return;
    const current = generation;
    resultList.setAttribute('aria-busy', 'true');
    void showMore(current).finally(() => {
      if (current === generation) resultList.setAttribute('aria-busy', 'false');
    });
  });
  await search(query);
}

let indexesOpened: Promise<void> | undefined;

/**
 * Initialises Pagefind and merges every index but the site's own `pagefind/` (its parts, the other shards'
 * indexes and theirs), each with its URL as a filter value, so that each index's answer can be asked for and
 * checked apart: an index that lacks a query's word answers with a shorter word of its own
 * (search/combine-answers.ts).
 */
function openIndexes(): Promise<void> {
  indexesOpened ??= (async () => {
    const shards = otherShards();
    // Merging waits for the site's own index (Pagefind polls for it): the lists of parts load meanwhile.
    const [lists] = await Promise.all([
      Promise.all([sitePath(), ...shards].map((base) => readIndexParts(base))),
      pagefind.init(),
    ]);
    const none: Superseded = new Map();
    const merged = [
      ...(lists[0] ?? []).map((part) => ({ base: sitePath(), ...part })),
      ...shards.flatMap((shard, at) => [
        { base: shard, url: `${shard}pagefind/`, superseded: none },
        ...(lists[at + 1] ?? []).map((part) => ({ base: shard, ...part })),
      ]),
    ];
    await Promise.all(
      merged.map(({ base, url }) => pagefind.mergeIndex(url, { baseUrl: base, mergeFilter: { [indexFilter]: url } })),
    );
    const urls = merged.map(({ url }) => url);
    scopes = [
      { filters: urls.length === 0 ? {} : { [indexFilter]: { none: urls } }, superseded: none },
      ...merged.map(({ url, superseded }) => ({ filters: { [indexFilter]: { any: [url] } }, superseded })),
    ];
  })();
  return indexesOpened;
}

/** Reads the form, puts the query in the URL and searches. */
function update(): void {
  clearTimeout(typingTimer);
  const fields = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') fields.append(name, value);
  const query = readSearchQuery(fields, filterNames);
  const params = searchQueryToParams(query).toString();
  window.history.replaceState(null, '', params ? `?${params}` : window.location.pathname);
  void search(query);
}

async function search(query: SearchQuery): Promise<void> {
  const current = ++generation;
  // Set at once, so whoever changed the query sees the results as stale until this search has drawn them.
  resultList.setAttribute('aria-busy', 'true');
  const chosen = Object.values(query.filters).reduce((sum, values) => sum + values.length, 0);
  filterSummary.textContent = chosen > 0 ? `Filters (${chosen} chosen)` : 'Filters';
  clearButton.hidden = chosen === 0;
  if (isEmptyQuery(query)) {
    results = listOf([]);
    resultList.replaceChildren();
    moreButton.hidden = true;
    showCounts(totals);
    status.textContent = 'Type a test name, file, signature or any words of a review, or choose a filter.';
    resultList.setAttribute('aria-busy', 'false');
    return;
  }
  const term = pagefindTerm(query.term);
  if (query.term !== '' && term === '') {
    results = listOf([]);
    resultList.replaceChildren();
    moreButton.hidden = true;
    status.textContent = describe(0, query);
    resultList.setAttribute('aria-busy', 'false');
    return;
  }
  const words = term.startsWith('"') ? [] : term.split(' ').filter(Boolean);
  const options = toPagefindOptions(query);
  await openIndexes();
  if (current !== generation) return;
  // All at once: a filtered search costs Pagefind little once the query's index chunks are loaded, and each
  // index's first result is loaded while the others are searched.
  const asked = await Promise.all(
    scopes.map(async (scope): Promise<IndexAnswer | null> => {
      const found = await pagefind.search(term || null, {
        ...options,
        filters: { ...options.filters, ...scope.filters },
      });
      if (found === null) return null;
      const answer = dropSuperseded(found, scope.superseded);
      // When Pagefind matched a shorter word than one asked for, every result of that index did: the first says so.
      const first = answer.results[0] ? await answer.results[0].data() : undefined;
      return {
        response: answer,
        holds: first === undefined ? 'words' : howTextHoldsQuery(words, textOf(first)),
        letters:
          first === undefined
            ? 0
            : matchedLetters(words, [first.excerpt, ...first.sub_results.map((sub) => sub.excerpt)]),
      };
    }),
  );
  if (current !== generation) return;
  const answers = asked.filter((answer): answer is IndexAnswer => answer !== null);
  if (answers.length < asked.length) return;
  const { response, partial, lists } = combineAnswers(answers);
  // Pagefind sorts each index's results; several indexes' are merged on the same key (the page's `date` meta).
  results =
    query.sort !== 'relevance' && lists.length > 1
      ? mergeSorted(lists, (data) => data.meta.date ?? '', query.sort === 'newest' ? 'desc' : 'asc')
      : listOf(response.results);
  queryWords = words;
  resultList.replaceChildren();
  showCounts(response.filters);
  await showMore(current);
  if (current !== generation) return;
  status.textContent = describe(results.length, query, partial);
  resultList.setAttribute('aria-busy', 'false');
}

/** Appends the next page of results, its first few as soon as they are loaded. */
async function showMore(current: number): Promise<void> {
  const start = resultList.children.length;
  const context = { page: window.location, typeLabels };
  for (const [from, to] of [
    [start, start + firstBatch],
    [start + firstBatch, start + pageSize],
  ] as const) {
    const data = await Promise.all((await results.take(from, to)).map((result) => result.data()));
    if (current !== generation) return;
    resultList.append(
      ...data.map((fragment) => renderResult(document, fragment, { ...context, partial: !holdsEveryWord(fragment) })),
    );
  }
  const left = results.length - resultList.children.length;
  moreButton.hidden = left <= 0;
  moreButton.textContent = `Show more results (${left.toLocaleString('en-US')} left)`;
}

/** Counts per filter value; a filter Pagefind gave none for (its index not loaded yet) shows none. */
function showCounts(counts: FilterCounts): void {
  for (const fieldset of fieldsets) updateFilterCounts(fieldset, counts[fieldset.dataset.filter ?? '']);
}

function loadFilters(): Promise<FilterCounts> {
  filtersLoaded ??= openIndexes().then(() => pagefind.filters());
  return filtersLoaded as Promise<FilterCounts>;
}

function readTotals(): FilterCounts {
  try {
    const parsed: unknown = JSON.parse(form.dataset.filterCounts ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as FilterCounts) : {};
  } catch {
    return {};
  }
}

/** Whether a result holds every word of the query (Pagefind also answers with pages that hold part of it). */
function holdsEveryWord(data: ResultData): boolean {
  return holdsQuery(queryWords, textOf(data));
}

/** What Pagefind searches of a result: its text and its meta values. */
function textOf(data: ResultData): string[] {
  return [data.content, ...Object.values(data.meta).filter((value) => value !== undefined)];
}

/** The status line; `partial` when the results hold only part of the query's words. */
function describe(count: number, query: SearchQuery, partial = false): string {
  const pages = (n: number) => (n === 1 ? '1 page' : `${n.toLocaleString('en-US')} pages`);
  const found =
    count === 0 || partial ? 'No results' : count === 1 ? '1 result' : `${count.toLocaleString('en-US')} results`;
  const term = query.term ? ` for “${query.term}”` : '';
  const filtered = Object.keys(query.filters).length > 0 ? ' with the chosen filters' : '';
  const order = query.sort === 'relevance' ? '' : `, ${query.sort} first`;
  if (partial)
    return `${found}${term}${filtered}. ${pages(count)} ${count === 1 ? 'matches' : 'match'} part of it${order}.`;
  return `${found}${term}${filtered}${order}.`;
}

function required<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`search page: missing ${selector}`);
  return found;
}
