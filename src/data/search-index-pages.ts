import type { ReportModel } from '../lib/types.ts';
import { searchEpoch } from './search-epoch.ts';

/** A page of the search index: where it is in the output folder, and its epoch. */
export interface SearchIndexPage {
  /** `changes/<slug>/index.html` or `failures/<slug>/index.html`. */
  page: string;
  epoch: string;
}

/** Every page the search index holds (the pages whose `<main>` is `data-pagefind-body`), in model order. */
export function searchIndexPages(model: ReportModel): SearchIndexPage[] {
  return [
    ...model.changes.map((change) => ({
      page: `changes/${change.slug}/index.html`,
      epoch: searchEpoch(change.lastActivity),
    })),
    ...model.signatures.map((entry) => ({
      page: `failures/${entry.slug}/index.html`,
      epoch: searchEpoch(entry.lastSeen),
    })),
  ];
}
