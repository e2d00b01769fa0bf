import { hash } from 'node:crypto';

/** A short, stable hex digest of a text: for ids and slugs that must not change between builds. */
export function hashText(text: string, length = 10): string {
  return hash('sha1', text, 'hex').slice(0, length);
}
