import { maskText } from '../lib/mask-text.ts';
import type { Change, SignatureEntry } from '../lib/types.ts';

/**
 * Up to `limit` cause texts of a signature that read differently from its example (compared without
 * directories, numbers and hex, so workspaces, CTest numbering and columns do not count), in the order the changes and runs give them.
 * One signature can be reported in several words: a compile error keyed by file and line is GCC's message on
 * Linux and MSVC's `error C2440` on Windows, and each is what someone will search for.
 */
export function signatureCauses(
  entry: Pick<SignatureEntry, 'signature' | 'example' | 'changes'>,
  changeById: ReadonlyMap<string, Change>,
  limit: number,
): string[] {
  const seen = new Set([wording(entry.example)]);
  const causes: string[] = [];
  for (const id of entry.changes) {
    for (const run of changeById.get(id)?.runs ?? []) {
      for (const failure of run.failures) {
        if (failure.signature !== entry.signature) continue;
        const key = wording(failure.text);
        if (seen.has(key)) continue;
        seen.add(key);
        causes.push(failure.text);
        if (causes.length >= limit) return causes;
      }
    }
  }
  return causes;
}

/** A cause as words: paths cut to their last part (`/ws/job/kv_engine/x.cc` and `..\\kv_engine\\x.cc` alike). */
function wording(text: string): string {
  return maskText(text.replace(/\S*[\\/]/g, ''));
}
