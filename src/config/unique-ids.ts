import type { z } from 'zod';

/**
 * A check for a config list whose entries are tried before a built-in table: an id may appear once, and not
 * be one of the table's, so a page or a report never names two different things by one id.
 */
export function uniqueIds(field: string, builtIn: { ids: ReadonlySet<string>; what: string }) {
  return (entries: ReadonlyArray<{ id: string }>, context: z.RefinementCtx) => {
    const first = new Map<string, number>();
    entries.forEach((entry, index) => {
      const earlier = first.get(entry.id);
      if (earlier !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `"${entry.id}" is already the id of ${field}[${earlier}]`,
        });
      } else if (builtIn.ids.has(entry.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `"${entry.id}" is the id of a built-in ${builtIn.what}`,
        });
      } else first.set(entry.id, index);
    });
  };
}
