import { hashText } from './hash-text.ts';

// A plain identifier starts with a letter: a bare number would take a page of the change list (`/changes/2/`).
const safeId = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;
// How every hashed slug ends: a Change-Id that ends so too is hashed, so it cannot take another change's page.
const hashedEnd = /-[0-9a-f]{10}$/;

/**
 * The path segment of a change: the Change-Id itself when it is a plain identifier (every Gerrit Change-Id
 * is), otherwise a sanitized form with a hash of the original, so no input ever names a path. A plain
 * identifier never ends like a hashed slug, so two Change-Ids never share a page.
 */
export function changeSlug(id: string): string {
  if (safeId.test(id) && !hashedEnd.test(id)) return id;
  return `${readablePart(id, 40) || 'change'}-${hashText(id, 10)}`;
}

/** The path segment of a failure signature: readable words, then a hash that keeps it unique and stable. */
export function signatureSlug(signature: string): string {
  return `${readablePart(signature, 60) || 'signature'}-${hashText(signature, 8)}`;
}

function readablePart(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}
