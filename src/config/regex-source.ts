import { z } from 'zod';

/** The named groups of a pattern: a match of the empty alternative lists every group, each undefined. */
export function groupNames(pattern: RegExp): string[] {
  const probe = new RegExp(`(?:${pattern.source})|`, pattern.flags.replace(/[gy]/g, ''));
  return Object.keys(probe.exec('')?.groups ?? {});
}

/**
 * A config field holding a JavaScript regular expression source, compiled with `flags` as the reader will
 * compile it; `groups` are named groups the reader needs. A pattern that does not compile, or lacks a group the
 * reader needs, is an error that quotes JavaScript's own message.
 */
export function regexSource(flags = '', groups: readonly string[] = []) {
  return z
    .string()
    .min(1, 'must not be empty')
    .superRefine((source, context) => {
      let pattern: RegExp;
      try {
        pattern = new RegExp(source, flags);
      } catch (error) {
        context.addIssue({ code: 'custom', message: `does not compile: ${(error as Error).message}` });
        return;
      }
      const missing = groups.filter((group) => !groupNames(pattern).includes(group));
      if (missing.length > 0) {
        const named = missing.map((group) => `(?<${group}>…)`).join(' and ');
        context.addIssue({ code: 'custom', message: `has no group ${named}; the reader needs it` });
      }
    });
}
