// `npm run bench:data-store`: what Astro's data store costs for the site's collections. Astro writes the store
// with devalue (`data-store-writer.js`: `devalue.stringify` of every collection's entries); this times that
// on the entries review-reports stores (BENCH_SIZES changes, default 10000,50000) and, for comparison, on whole
// changes as a store of full entries would hold them (BENCH_FULL_SIZES, default 1000,5000).
import * as devalue from 'devalue';
import { changeEntry } from '../src/lib/change-entry.ts';
import { failureRules } from '../src/lib/failure-rules.ts';
import { changeToJson } from '../src/lib/model-to-json.ts';
import { parseExport } from '../src/lib/parse-export.ts';
import { signatureSummary } from '../src/lib/signature-summary.ts';
import type { ReportModel } from '../src/lib/types.ts';
import { generatedExport, median } from './support.ts';

const sizes = (process.env.BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const fullSizes = (process.env.BENCH_FULL_SIZES ?? '1000,5000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);

type Entries = Map<string, Map<string, { id: string; data: unknown; digest: string }>>;

function store(collections: Record<string, Array<{ id: string; data: unknown }>>): Entries {
  return new Map(
    Object.entries(collections).map(([name, items]) => [
      name,
      new Map(items.map((item) => [item.id, { id: item.id, data: item.data, digest: '0123456789abcdef' }])),
    ]),
  );
}

function time(entries: Entries): { ms: number; bytes: number } {
  let bytes = 0;
  const ms = median(
    Array.from({ length: runs }, () => {
      const started = performance.now();
      bytes = devalue.stringify(entries).length;
      return performance.now() - started;
    }),
  );
  return { ms, bytes };
}

function report(label: string, count: number, result: { ms: number; bytes: number }): void {
  console.log(
    `${label}: ${count} entries, ${(result.bytes / 1e6).toFixed(1)} MB (${(result.bytes / count / 1000).toFixed(1)} kB each), stringify ${(result.ms / 1000).toFixed(2)} s`,
  );
}

const models = new Map<number, ReportModel>();
const model = (changes: number) => {
  let parsed = models.get(changes);
  if (!parsed) {
    parsed = parseExport(generatedExport(changes), { rules: failureRules });
    models.set(changes, parsed);
  }
  return parsed;
};

for (const size of sizes) {
  const parsed = model(size);
  const entries = store({
    changes: parsed.changes.map((change) => ({ id: change.slug, data: changeEntry(change) })),
    signatures: parsed.signatures.map((entry) => ({ id: entry.slug, data: signatureSummary(entry) })),
  });
  report(`${size} changes, the site's collections`, parsed.changes.length + parsed.signatures.length, time(entries));
  models.delete(size);
}
for (const size of fullSizes) {
  const parsed = model(size);
  const entries = store({ changes: parsed.changes.map((change) => ({ id: change.slug, data: changeToJson(change) })) });
  report(`${size} changes, whole changes`, parsed.changes.length, time(entries));
  models.delete(size);
}
