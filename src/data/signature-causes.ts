import { maskText } from '../lib/mask-text.ts';
import type { Change, SignatureEntry } from '../lib/types.ts';

/**
 * Up to `limit` cause texts of a signature that read differently from its example (compared with numbers and
 * hex masked, so CTest numbering and build paths do not count), in the order the changes and runs give them.
 * One signature can be reported in several words: a compile error keyed by file and line is GCC's message on
 * Linux and MSVC's `error C2440` on Windows, and each is what someone will search for.
 */
export function signatureCauses(
  entry: Pick<SignatureEntry, 'signature' | 'example' | 'changes'>,
  changeById: ReadonlyMap<string, Change>,
  limit: number,
): string[] {
  const seen = new Set([maskText(entry.example)]);
  const causes: string[] = [];
  for (const id of entry.changes) {
    for (const run of changeById.get(id)?.runs ?? []) {
      for (const failure of run.failures) {
        if (failure.signature !== entry.signature) continue;
        const masked = maskText(failure.text);
        if (seen.has(masked)) continue;
        seen.add(masked);
        causes.push(failure.text);
        if (causes.length >= limit) return causes;
      }
    }
  }
  return causes;
}
