import type { SearchChangeRow } from '../../lib/types.ts';

/**
 * The changes a signature page lists for its search result (its `changes` meta, JSON written by the build).
 * Anything not of the expected shape is dropped: the index is data, never trusted as markup or code.
 */
export function readChangeRows(json: string | undefined): SearchChangeRow[] {
  if (!json) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(isRow);
}

function isRow(value: unknown): value is SearchChangeRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.href === 'string' &&
    typeof row.subject === 'string' &&
    typeof row.job === 'string' &&
    Number.isInteger(row.patchSet) &&
    typeof row.run === 'string' &&
    (row.date === null || typeof row.date === 'string')
  );
}
