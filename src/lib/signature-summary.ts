import type { SignatureEntry, SignatureSummary } from './types.ts';

/** A signature as the failure index lists it: its occurrences and changes counted, its impact. */
export function signatureSummary(entry: SignatureEntry): SignatureSummary {
  return {
    slug: entry.slug,
    signature: entry.signature,
    kind: entry.kind,
    title: entry.title,
    occurrences: entry.occurrences.length,
    changes: entry.changes.length,
    platforms: entry.platforms,
    firstSeen: entry.firstSeen,
    lastSeen: entry.lastSeen,
    flaky: entry.flaky,
    impact: entry.impact,
  };
}
