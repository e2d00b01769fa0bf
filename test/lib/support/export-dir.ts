import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Writes an export directory (relative path → text or bytes) under the system temp directory; it is removed
 * after the test file's tests.
 */
export function exportDir(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'review-reports-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return root;
}
