import { siteData } from 'virtual:review-reports/site';
import type { Loader } from 'astro/loaders';
import { changeEntry } from '../lib/change-entry.ts';
import { signatureSummary } from '../lib/signature-summary.ts';

/**
 * A content loader over the report the integration holds. Entries carry a digest of their data, so an entry
 * whose data did not change is left as it is in Astro's data store, and entries no longer in the export are
 * removed.
 */
export function reportLoader(collection: 'changes' | 'signatures'): Loader {
  return {
    name: `review-reports-${collection}`,
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { model } = siteData.report();
      const items =
        collection === 'changes'
          ? model.changes.map((change) => ({ id: change.slug, data: changeEntry(change) }))
          : model.signatures.map((entry) => ({ id: entry.slug, data: signatureSummary(entry) }));
      const keep = new Set<string>();
      let updated = 0;
      for (const item of items) {
        keep.add(item.id);
        const fields: Record<string, unknown> = { ...item.data };
        const digest = generateDigest(fields);
        if (store.get(item.id)?.digest === digest) continue;
        const data = await parseData({ id: item.id, data: fields });
        store.set({ id: item.id, data, digest });
        updated++;
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
      logger.info(`${items.length} ${collection} (${updated} updated)`);
    },
  };
}
