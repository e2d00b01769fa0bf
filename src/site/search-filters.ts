import { kindLabels, sinceLabels } from './format.ts';

/** A Pagefind filter the search page offers, in the order it shows them. */
export interface SearchFilter {
  /** The filter's name in the index (`data-pagefind-filter="<name>"`), also its URL parameter. */
  name: string;
  /** The control's visible label. */
  label: string;
  /** Readable labels for raw values; a value without one is shown as indexed. */
  values?: Record<string, string>;
}

/** Every filter pages set with `data-pagefind-filter`; a filter absent from the index is not shown. */
export const searchFilters: readonly SearchFilter[] = [
  { name: 'type', label: 'Page', values: { change: 'Changes', failure: 'Failure signatures' } },
  { name: 'kind', label: 'Failure kind', values: kindLabels },
  { name: 'flaky', label: 'Flaky', values: { yes: 'Flaky', no: 'Not flaky' } },
  {
    name: 'known issue',
    label: 'Known issue',
    values: { none: 'No known issue', open: 'Open', fixed: 'Fixed', wontfix: 'Won’t fix', regressed: 'Regressed' },
  },
  { name: 'since last export', label: 'Since the last export', values: sinceLabels },
  { name: 'platform', label: 'Platform' },
  { name: 'project', label: 'Project' },
  { name: 'job result', label: 'Job result' },
  { name: 'outcome', label: 'Outcome', values: { merged: 'Merged', abandoned: 'Abandoned', open: 'Open' } },
  { name: 'author', label: 'Author' },
];
