import type { Loader } from 'astro/loaders';
import { loadReport } from '../data/load-report.ts';
import { changeSummaryToJson } from '../lib/model-to-json.ts';
import type { Change, SignatureEntry } from '../lib/types.ts';

/** What a change entry holds: only what pages list, filter and route by. Pages read the rest from the report. */
export function changeEntry(change: Change) {
  // The API's summary of a change, less what the entry's id already is and with patch sets counted.
  const { id: _id, series: _series, patchSets, ...summary } = changeSummaryToJson(change);
  return { ...summary, patchSets: patchSets.length };
}

export function signatureEntry(entry: SignatureEntry) {
  return {
    signature: entry.signature,
    kind: entry.kind,
    title: entry.title,
    occurrences: entry.occurrences.length,
    changes: entry.changes.length,
    platforms: entry.platforms,
    firstSeen: entry.firstSeen,
    lastSeen: entry.lastSeen,
    flaky: entry.flaky,
  };
}

/**
 * A content loader over the parsed export. Entries carry a digest of their data, so an entry whose data did
 * not change is left as it is in Astro's data store, and entries of changes no longer in the export are removed.
 */
export function reportLoader(collection: 'changes' | 'signatures'): Loader {
  return {
    name: `review-reports-${collection}`,
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { model } = loadReport();
      const items =
        collection === 'changes'
          ? model.changes.map((change) => ({ id: change.slug, data: changeEntry(change) }))
          : model.signatures.map((entry) => ({ id: entry.slug, data: signatureEntry(entry) }));
      const keep = new Set<string>();
      let updated = 0;
      for (const item of items) {
        keep.add(item.id);
        const digest = generateDigest(item.data);
        if (store.get(item.id)?.digest === digest) continue;
        const data = await parseData({ id: item.id, data: item.data });
        store.set({ id: item.id, data, digest });
        updated++;
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
      logger.info(`${items.length} ${collection} (${updated} updated)`);
    },
  };
}
