import { changeSummaryToJson } from './model-to-json.ts';
import type { Change, ChangeEntry } from './types.ts';

/** A change as lists and routes need it: the API's summary, less its id (the entry is keyed by slug) and series. */
export function changeEntry(change: Change): ChangeEntry {
  const { id: _id, series: _series, patchSets, ...summary } = changeSummaryToJson(change);
  return { ...summary, patchSets: patchSets.length };
}
