import { createHash } from 'node:crypto';

/** A short, stable hex digest of a text: for ids and slugs that must not change between builds. */
export function hashText(text: string, length = 10): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}
